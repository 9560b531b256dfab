// One loop body, compiled once per instruction-set path. Clang vectorises an always-inlined
// body for the target of the function it lands in, so the AVX-512 and AVX2 variants get
// wide vectors with no build flags, and the portable variant runs everywhere.
#ifndef NS_PATH_VARIANTS_H
#define NS_PATH_VARIANTS_H

#include "CNumSightKernels.h"

/// A loop body meant to be inlined into each path's variant.
#define NS_BODY static inline __attribute__((always_inline))

#if defined(__x86_64__)
/// Defines `static void name parameters`, which runs `name##_body arguments` compiled for
/// the current kernel path (AVX-512, AVX2 or portable).
#define NS_PATH_VARIANTS(name, parameters, arguments)                                            \
    __attribute__((target("avx512f,avx512vl,fma"))) static void name##_avx512 parameters {       \
        name##_body arguments;                                                                   \
    }                                                                                            \
    __attribute__((target("avx2,fma"))) static void name##_avx2 parameters { name##_body arguments; } \
    static void name##_portable parameters { name##_body arguments; }                            \
    static void name parameters {                                                                \
        switch (ns_current_kernel_path()) {                                                      \
        case NS_KERNEL_PATH_AVX512: name##_avx512 arguments; break;                              \
        case NS_KERNEL_PATH_AVX2: name##_avx2 arguments; break;                                  \
        default: name##_portable arguments; break;                                               \
        }                                                                                        \
    }
#else
#define NS_PATH_VARIANTS(name, parameters, arguments) \
    static void name parameters { name##_body arguments; }
#endif

#endif
