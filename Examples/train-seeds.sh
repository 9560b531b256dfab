#!/usr/bin/env bash
# Trains the seed CNN once per seed, one run after another, on the kernel path this
# machine picks (or NUMSIGHT_KERNEL_PATH), and prints one row per run: seed, epochs,
# wall time of `train` from its start to its last line, test accuracy, and the first
# 16 hex digits of the model's SHA-256 (the same seed, threads and path give the same
# model); then the median and the worst.
#
#   Examples/train-seeds.sh                                  # seeds 1 to 5, the default recipe
#   NUMSIGHT_KERNEL_PATH=portable Examples/train-seeds.sh 5
#   Examples/train-seeds.sh 3 --recipe original              # further options go to `train`
#
# Builds the release MNISTExample first (build time is not counted). Each run's log
# and output folder are kept under $TRAIN_SEEDS_FOLDER (default: a fresh temporary
# folder), whose path is printed. Exits 1 when a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-5}
shift || true
[[ $count =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SEED_COUNT] [train options…]" >&2; exit 2; }
folder=${TRAIN_SEEDS_FOLDER:-$(mktemp -d -t train-seeds.XXXXXX)}
mkdir -p "$folder"

swift build -c release --product MNISTExample > "$folder/build.log" 2>&1 \
    || { cat "$folder/build.log" >&2; exit 1; }
executable=$(swift build -c release --show-bin-path)/MNISTExample

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
echo "CPU: ${cpu:-$(uname -m)}, $(getconf _NPROCESSORS_ONLN) cores; kernel path: ${NUMSIGHT_KERNEL_PATH:-automatic}"
echo "Command: MNISTExample train --seed SEED $*"
echo "Runs in: $folder"
echo
printf '%-6s %-7s %-10s %-14s %-8s %s\n' seed epochs "wall (s)" "test accuracy" path "model sha256"

failed=0
results=()
for seed in $(seq 1 "$count"); do
    output="$folder/seed-$seed"
    start=$(date +%s%N)
    if "$executable" train --seed "$seed" --output "$output" "$@" > "$output.log" 2>&1; then
        wall=$(awk -v nanoseconds=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", nanoseconds / 1e9 }')
        epochs=$(($(wc -l < "$output/history.csv") - 1))
        accuracy=$(sed -n 's/^Done in .*: test accuracy \([0-9.]*\) %.*/\1/p' "$output.log")
        path=$(sed -n 's/^Kernels: \([a-z0-9]*\),.*/\1/p' "$output.log")
        digest=$(sha256sum "$output/model.safetensors" | cut -c1-16)
        printf '%-6s %-7s %-10s %-14s %-8s %s\n' "$seed" "$epochs" "$wall" "$accuracy %" "$path" "$digest"
        results+=("$accuracy $wall")
    else
        failed=1
        printf '%-6s failed: see %s\n' "$seed" "$output.log"
    fi
done

if ((${#results[@]} > 0)); then
    printf '%s\n' "${results[@]}" | awk '
        { accuracy[NR] = $1; wall[NR] = $2 }
        function median(values, n,    sorted, i, j, t) {
            for (i = 1; i <= n; i++) sorted[i] = values[i]
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) {
                t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t
            }
            return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
        }
        END {
            worstAccuracy = accuracy[1]; worstWall = wall[1]
            for (i = 2; i <= NR; i++) {
                if (accuracy[i] < worstAccuracy) worstAccuracy = accuracy[i]
                if (wall[i] > worstWall) worstWall = wall[i]
            }
            printf "\nmedian: test accuracy %.2f %%, wall %.1f s\n", median(accuracy, NR), median(wall, NR)
            printf "worst:  test accuracy %.2f %%, wall %.1f s\n", worstAccuracy, worstWall
        }'
fi
exit "$failed"
