#!/usr/bin/env bash
# Installs what run_arm64_kernel_tests.sh needs: Debian's arm64 cross C library and runtime
# (headers, crt files, libgcc) and user-mode QEMU. Idempotent: installs only what is missing.
set -euo pipefail

if [ ! -e /usr/aarch64-linux-gnu/include/stdio.h ] || ! command -v qemu-aarch64 >/dev/null ||
    ! ls /usr/lib/gcc-cross/aarch64-linux-gnu/*/libgcc.a >/dev/null 2>&1; then
    sudo_prefix=""
    if [ "$(id -u)" -ne 0 ]; then sudo_prefix="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_prefix apt-get update -qq
    $sudo_prefix apt-get install -y -qq libc6-dev-arm64-cross libgcc-12-dev-arm64-cross qemu-user >/dev/null
fi

echo "arm64 cross tools: $(qemu-aarch64 --version | head -n 1)"
