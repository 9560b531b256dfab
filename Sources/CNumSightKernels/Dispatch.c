// Chooses the instruction-set path once, from the CPU or from NUMSIGHT_KERNEL_PATH.
#include "CNumSightKernels.h"
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/// The path in use, or 0 (automatic) before the first call chooses one.
static _Atomic int selected_path = NS_KERNEL_PATH_AUTOMATIC;

static int cpu_can_run(ns_kernel_path path) {
    switch (path) {
    case NS_KERNEL_PATH_PORTABLE:
        return 1;
#if defined(__x86_64__)
    case NS_KERNEL_PATH_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case NS_KERNEL_PATH_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("fma");
#endif
#if defined(__aarch64__)
    case NS_KERNEL_PATH_NEON:
        return 1;  // every arm64 CPU has NEON (Advanced SIMD) with fused multiply-add
#endif
    default:
        return 0;
    }
}

/// NUMSIGHT_KERNEL_PATH when it names a path this CPU runs, else the widest such path.
static ns_kernel_path automatic_path(void) {
    const char *name = getenv("NUMSIGHT_KERNEL_PATH");
    if (name) {
        ns_kernel_path requested = NS_KERNEL_PATH_AUTOMATIC;
        if (strcmp(name, "portable") == 0) requested = NS_KERNEL_PATH_PORTABLE;
        if (strcmp(name, "avx2") == 0) requested = NS_KERNEL_PATH_AVX2;
        if (strcmp(name, "avx512") == 0) requested = NS_KERNEL_PATH_AVX512;
        if (strcmp(name, "neon") == 0) requested = NS_KERNEL_PATH_NEON;
        if (requested != NS_KERNEL_PATH_AUTOMATIC && cpu_can_run(requested)) return requested;
    }
    if (cpu_can_run(NS_KERNEL_PATH_AVX512)) return NS_KERNEL_PATH_AVX512;
    if (cpu_can_run(NS_KERNEL_PATH_AVX2)) return NS_KERNEL_PATH_AVX2;
    if (cpu_can_run(NS_KERNEL_PATH_NEON)) return NS_KERNEL_PATH_NEON;
    return NS_KERNEL_PATH_PORTABLE;
}

ns_kernel_path ns_current_kernel_path(void) {
    int path = atomic_load_explicit(&selected_path, memory_order_relaxed);
    if (path == NS_KERNEL_PATH_AUTOMATIC) {
        path = automatic_path();
        atomic_store_explicit(&selected_path, path, memory_order_relaxed);
    }
    return (ns_kernel_path)path;
}

int ns_select_kernel_path(ns_kernel_path path) {
    if (path == NS_KERNEL_PATH_AUTOMATIC) path = automatic_path();
    if (!cpu_can_run(path)) return -1;
    atomic_store_explicit(&selected_path, path, memory_order_relaxed);
    return 0;
}
