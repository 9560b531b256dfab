#!/usr/bin/env bash
# Cross-compiles the C kernels (Sources/CNumSightKernels), the naive references
# (Tests/CNumSightReferenceKernels) and the driver KernelTests.c for arm64 Linux with the
# Swift toolchain's clang, and runs the driver under qemu-aarch64: every kernel against its
# reference on the portable and NEON paths, on 1 and 2 threads. Emulation proves results,
# not speed. Needs install_cross_tools.sh. `--native` builds and runs the same driver for
# this machine instead (every x86-64 path it supports).
set -euo pipefail
cd "$(dirname "$0")/../.."

clang="$(dirname "$(readlink -f "$(command -v swift)")")/clang"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-}" = "--native" ]; then
    compile=("$clang")
    link=("$clang")
    run=()
else
    # Headers from the cross sysroot; no --sysroot when linking (libc.so's linker script
    # names absolute paths), where --gcc-toolchain finds the crt files and libgcc.
    compile=("$clang" --target=aarch64-linux-gnu --sysroot=/usr/aarch64-linux-gnu)
    link=("$clang" --target=aarch64-linux-gnu --gcc-toolchain=/usr -fuse-ld=lld)
    run=(qemu-aarch64 -L /usr/aarch64-linux-gnu)
fi

objects=()
for source in Sources/CNumSightKernels/*.c Tests/CNumSightReferenceKernels/*.c Tests/Arm64/KernelTests.c; do
    object="$work/$(basename "$(dirname "$source")")-$(basename "$source" .c).o"
    "${compile[@]}" -O2 -Wall -I Sources/CNumSightKernels/include -I Sources/CNumSightKernels \
        -I Tests/CNumSightReferenceKernels/include -c "$source" -o "$object"
    objects+=("$object")
done
"${link[@]}" "${objects[@]}" -o "$work/kernel-tests" -lpthread -lm
"${run[@]}" "$work/kernel-tests"
