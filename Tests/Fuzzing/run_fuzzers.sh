#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes with libFuzzer and AddressSanitizer: the inflater, the
# PNG decoder, the IDX reader, the safetensors reader, the HTTP parser and the /predict body.
#
#     Tests/Fuzzing/run_fuzzers.sh [--seconds 30] [TARGET…]
#
# Builds NumSightFuzz with `-sanitize=fuzzer,address` in .build/fuzz (apart from the ordinary
# builds), seeds each target's corpus (.build/fuzz/corpus/TARGET) with the test fixtures, and runs
# each target (all six by default) for --seconds. A crash, a leak, a timeout (10 s on one input)
# or running out of memory (2 GB) fails the target; its input is written to
# .build/fuzz/crashes/TARGET-…, which `swift run NumSightFuzz TARGET FILE` replays.
#
# CI runs 30 s per target, a smoke test. A long run keeps the corpus it grows between runs:
#
#     Tests/Fuzzing/run_fuzzers.sh --seconds 3600 png http
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=30
targets=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
(( ${#targets[@]} > 0 )) || targets=(inflate png idx safetensors http predict)

cd "$root"
scratch=$root/.build/fuzz
echo "== building NumSightFuzz with libFuzzer and AddressSanitizer" >&2
# --export-dynamic lets NumSightFuzz find libFuzzer's driver; lld, because gold fails on this link.
build=(swift build -c release --scratch-path "$scratch" --product NumSightFuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xlinker --export-dynamic)
"${build[@]}" >&2
binary=$("${build[@]}" --show-bin-path)/NumSightFuzz

# Writes the seeds of target $1 into folder $2.
seed() {
    local fixtures=$root/Tests/ImageCodecsTests/Fixtures
    case $1 in
        inflate) cp "$fixtures"/inflate/* "$2/" ;;
        png) cp "$fixtures"/png/*.png "$fixtures"/png/damaged/*.png "$2/" ;;
        idx) python3 - "$2" <<'PYTHON'
import struct, sys
folder = sys.argv[1]
open(f"{folder}/images.idx", "wb").write(bytes([0, 0, 8, 3]) + struct.pack(">III", 2, 3, 3) + bytes(range(18)))
open(f"{folder}/labels.idx", "wb").write(bytes([0, 0, 8, 1]) + struct.pack(">I", 4) + bytes([7, 2, 1, 0]))
open(f"{folder}/floats.idx", "wb").write(bytes([0, 0, 0x0D, 2]) + struct.pack(">II", 1, 2) + struct.pack(">ff", 0.5, -1))
PYTHON
        ;;
        safetensors) cp "$root"/Tests/NumSightTests/Serialization/Fixtures/*.safetensors "$2/" ;;
        http)
            printf 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n' > "$2/get"
            printf 'POST /predict?model_input=true HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}' > "$2/post"
            printf 'GET http://x/a%%20b?c=d+e&f HTTP/1.0\nConnection: keep-alive\n\n' > "$2/absolute"
            printf 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' > "$2/chunked" ;;
        predict)
            python3 "$root/Tests/MNISTAppTests/LoadTests/make_request_body.py" "$2/drawing.json"
            printf '{"image": "data:image/png;base64,iVBORw0KGgo=", "model_input": true}' > "$2/truncated.json"
            printf '{"image": 5}' > "$2/wrong-type.json" ;;
        *) echo "unknown target: $1 (inflate, png, idx, safetensors, http, predict)" >&2; exit 2 ;;
    esac
}

mkdir -p "$scratch/crashes"
failed=()
for target in "${targets[@]}"; do
    corpus=$scratch/corpus/$target
    mkdir -p "$corpus"
    [[ -n $(ls -A "$corpus") ]] || seed "$target" "$corpus"
    echo "== $target: $seconds s" >&2
    if "$binary" "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/crashes/$target-" "$corpus" > "$scratch/$target.log" 2>&1; then
        runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$scratch/$target.log")
        echo "fuzz_${target}_executions ${runs:-0} count"
    else
        failed+=("$target")
        tail -n 40 "$scratch/$target.log" >&2
    fi
done
(( ${#failed[@]} == 0 )) || { echo "failed: ${failed[*]} (inputs in $scratch/crashes)" >&2; exit 1; }
