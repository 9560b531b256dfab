#!/usr/bin/env bash
# Load test of `MNISTExample serve`: POST /predict with a drawing like the page sends, under wrk.
#
#     Tests/MNISTAppTests/LoadTests/load_test.sh [--model PATH] [--enforce]
#         [--connections 16] [--duration 30] [--total 100000]
#
# Builds the release binary, trains a one-epoch model unless --model names one, serves it on a
# free loopback port (access log to a file), then runs wrk: a 10 s warm-up, a measured run of
# --duration seconds, and more runs until --total requests have been answered in all. The server's
# resident memory (VmRSS) is sampled before, every second during and after, to show it stays flat.
# Finally the server gets SIGTERM and must exit with status 0.
#
# Prints one figure per line, `name value unit`; throughput, latency and the server's CPU time per
# request are the measured run's. wrk shares the machine with the server: on a 2-core machine its
# figures depend on whatever else is running; CPU time per request depends on it much less.
# With --enforce, exits 1 if a target is missed: at most 1.2 ms of server CPU per request, p99 at
# most 25 ms, no non-2xx response or socket error, and the peak RSS of the second half of the run
# at most 10 % above that of the first half (memory that settles at a high-water mark is flat; a
# leak is not). Throughput is printed, not enforced: on a shared 2-core machine it is whatever the
# server's CPU time per request and the other processes leave.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
model=""
enforce=false
connections=16
duration=30
total=100000
while [[ $# -gt 0 ]]; do
    case $1 in
        --model) model=$(realpath "$2"); shift 2 ;;
        --enforce) enforce=true; shift ;;
        --connections) connections=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --total) total=$2; shift 2 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

maximum_cpu_per_request=1.2   # ms of server CPU time
maximum_p99=25                # ms
maximum_rss_growth=10     # % from the first half of the run to the second

log() { echo "== $*" >&2; }

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    sudo=$([[ $(id -u) -eq 0 ]] && echo "" || echo sudo)
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi

cd "$root"
log "building the release binary"
swift build -c release --product MNISTExample >&2
binary=$root/.build/release/MNISTExample

work=$(mktemp -d -t load_test.XXXXXX)
log "files in $work"
if [[ -z $model ]]; then
    log "training a one-epoch model (about a minute)"
    "$binary" train --epochs 1 --output "$work/run" > "$work/train.log"
    model=$work/run/model.safetensors
fi
python3 "$here/make_request_body.py" "$work/body.json"
export BODY=$work/body.json

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" serve --host 127.0.0.1 --port "$port" --model "$model" --output "$work" \
    > "$work/serve.out" 2> "$work/access.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT

health() {
    python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" \
        2>/dev/null
}
for _ in $(seq 100); do
    health && break
    kill -0 $server 2>/dev/null || { echo "the server exited:" >&2; cat "$work/access.log" >&2; exit 1; }
    sleep 0.2
done
health || { echo "the server did not answer /health" >&2; exit 1; }

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }  # KiB
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }  # user + system, in clock ticks
figure() { awk -v name="$1" '$1 == name { print $2 }' "$2"; }

# Runs wrk for $1 seconds; its figures go to $2, its own report to $2.wrk.
load() {
    wrk -t2 -c"$connections" -d"${1}s" --timeout 5s -s "$here/predict.lua" "http://127.0.0.1:$port/predict" \
        > "$2.wrk"
    grep -E '^[a-z_0-9]+ [0-9.]+ [a-z/]+$' "$2.wrk" > "$2"
}

rss_before=$(rss)
log "warm-up: 10 s"
load 10 "$work/warmup"
rss_warm=$(rss)

( while kill -0 $server 2>/dev/null; do rss >> "$work/rss_during"; sleep 1; done ) 2>/dev/null &
sampler=$!
log "measured run: $duration s at $connections connections"
ticks_before=$(cpu_ticks)
load "$duration" "$work/measured"
ticks=$(( $(cpu_ticks) - ticks_before ))
answered=$(( $(figure requests "$work/warmup") + $(figure requests "$work/measured") ))
non_2xx=$(( $(figure non_2xx "$work/warmup") + $(figure non_2xx "$work/measured") ))
socket_errors=$(( $(figure socket_errors "$work/warmup") + $(figure socket_errors "$work/measured") ))
throughput=$(figure throughput "$work/measured")
run=0
while (( answered < total )); do
    run=$((run + 1))
    seconds=$(awk -v left=$((total - answered)) -v rate="$throughput" 'BEGIN { print int(left / rate) + 2 }')
    log "top-up run $run: $seconds s for the remaining $((total - answered)) requests"
    load "$seconds" "$work/topup$run"
    answered=$((answered + $(figure requests "$work/topup$run")))
    non_2xx=$((non_2xx + $(figure non_2xx "$work/topup$run")))
    socket_errors=$((socket_errors + $(figure socket_errors "$work/topup$run")))
done
kill $sampler 2>/dev/null || true
sleep 1
rss_after=$(rss)
rss_peak=$(sort -n "$work/rss_during" | tail -1)
(( rss_after > rss_peak )) && rss_peak=$rss_after
rss_growth=$(awk -v peak="$rss_peak" -v warm="$rss_warm" 'BEGIN { printf "%.1f", 100 * (peak - warm) / warm }')
# A leak keeps growing; a plateau does not: compare the highest RSS of the second half of the
# samples with that of the first half.
rss_trend=$(awk '{ value[NR] = $1 } END {
    half = int(NR / 2); for (i = 1; i <= NR; i++) { if (i <= half) { if (value[i] > first) first = value[i] }
                                                   else if (value[i] > second) second = value[i] }
    printf "%.1f", 100 * (second - first) / first }' "$work/rss_during")

log "stopping the server"
trap - EXIT
kill -TERM $server
stopped=false
for _ in $(seq 150); do
    kill -0 $server 2>/dev/null || { stopped=true; break; }
    sleep 0.1
done
if $stopped; then
    wait $server && exit_status=0 || exit_status=$?
else
    kill -KILL $server; exit_status=timeout
fi

echo "connections $connections count"
for name in throughput latency_p50 latency_p90 latency_p99 latency_max; do
    grep "^$name " "$work/measured"
done
cpu_per_request=$(awk -v ticks=$ticks -v hz="$(getconf CLK_TCK)" -v n="$(figure requests "$work/measured")" \
    'BEGIN { printf "%.3f", 1000 * ticks / hz / n }')
echo "server_cpu_per_request $cpu_per_request ms"
echo "requests_total $answered count"
echo "non_2xx $non_2xx count"
echo "socket_errors $socket_errors count"
echo "access_log_lines $(wc -l < "$work/access.log") count"
echo "rss_before $((rss_before / 1024)) MiB"
echo "rss_after_warmup $((rss_warm / 1024)) MiB"
echo "rss_peak_during $((rss_peak / 1024)) MiB"
echo "rss_after $((rss_after / 1024)) MiB"
echo "rss_growth $rss_growth %"
echo "rss_growth_second_half $rss_trend %"
echo "server_exit_status $exit_status code"

missed=()
awk -v x="$cpu_per_request" -v max=$maximum_cpu_per_request 'BEGIN { exit !(x <= max) }' \
    || missed+=("server CPU per request above $maximum_cpu_per_request ms")
awk -v x="$(figure latency_p99 "$work/measured")" -v max=$maximum_p99 'BEGIN { exit !(x <= max) }' \
    || missed+=("p99 above $maximum_p99 ms")
(( non_2xx == 0 && socket_errors == 0 )) || missed+=("errors")
awk -v x="$rss_trend" -v max=$maximum_rss_growth 'BEGIN { exit !(x <= max) }' \
    || missed+=("RSS grew more than $maximum_rss_growth % from the first half of the run to the second")
[[ $exit_status == 0 ]] || missed+=("the server did not exit cleanly on SIGTERM")
for reason in "${missed[@]}"; do echo "missed: $reason" >&2; done
if $enforce && (( ${#missed[@]} > 0 )); then exit 1; fi
rm -rf "$work"
