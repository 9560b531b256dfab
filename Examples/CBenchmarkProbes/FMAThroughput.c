// Independent chains of fused multiply-adds, to measure the peak FLOP rate of each path.
#include "CBenchmarkProbes.h"
#include <CNumSightKernels.h>
#include <pthread.h>

#if defined(__aarch64__)
/// Wide arm64 cores (Apple M1, Neoverse V1) have four FMA pipes of latency 4: sixteen chains
/// keep them busy, in 16 of the 32 vector registers.
enum { chain_count = 16 };
#else
/// Two FMA pipes of latency 4 to 6 on x86-64: twelve chains, which fit AVX2's 16 registers.
enum { chain_count = 12 };
#endif

/// Keeps the compiler from dropping the chains: each part stores its result here.
static volatile float sink[256];

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx512f,fma"))) static float run_avx512(long iterations) {
    __m512 chains[chain_count];
    for (int i = 0; i < chain_count; i++) chains[i] = _mm512_set1_ps((float)i);
    __m512 factor = _mm512_set1_ps(0.999999f), term = _mm512_set1_ps(1e-6f);
    for (long t = 0; t < iterations; t++)
#pragma clang loop unroll(full)
        for (int i = 0; i < chain_count; i++) chains[i] = _mm512_fmadd_ps(chains[i], factor, term);
    for (int i = 1; i < chain_count; i++) chains[0] = _mm512_add_ps(chains[0], chains[i]);
    return _mm512_reduce_add_ps(chains[0]);
}

__attribute__((target("avx2,fma"))) static float run_avx2(long iterations) {
    __m256 chains[chain_count];
    for (int i = 0; i < chain_count; i++) chains[i] = _mm256_set1_ps((float)i);
    __m256 factor = _mm256_set1_ps(0.999999f), term = _mm256_set1_ps(1e-6f);
    for (long t = 0; t < iterations; t++)
#pragma clang loop unroll(full)
        for (int i = 0; i < chain_count; i++) chains[i] = _mm256_fmadd_ps(chains[i], factor, term);
    float lanes[8];
    for (int i = 1; i < chain_count; i++) chains[0] = _mm256_add_ps(chains[0], chains[i]);
    _mm256_storeu_ps(lanes, chains[0]);
    return lanes[0] + lanes[7];
}
#endif

#if defined(__aarch64__)
#include <arm_neon.h>

/// Chains in the form of NEON's fmla, whose addend is also its destination (the x86 form
/// c * f + t would cost a register copy per step).
static float run_neon(long iterations) {
    float32x4_t chains[chain_count];
    for (int i = 0; i < chain_count; i++) chains[i] = vdupq_n_f32((float)i);
    float32x4_t factor = vdupq_n_f32(0.999999f), term = vdupq_n_f32(1e-6f);
    for (long t = 0; t < iterations; t++)
#pragma clang loop unroll(full)
        for (int i = 0; i < chain_count; i++) chains[i] = vfmaq_f32(chains[i], factor, term);
    for (int i = 1; i < chain_count; i++) chains[0] = vaddq_f32(chains[0], chains[i]);
    return vaddvq_f32(chains[0]);
}
#endif

typedef float float4 __attribute__((ext_vector_type(4)));

/// Four-wide chains in Clang vectors: SSE on x86-64, NEON on arm64.
static float run_portable(long iterations) {
    float4 chains[chain_count];
    for (int i = 0; i < chain_count; i++) chains[i] = (float4){0, 1, 2, 3} + i;
    for (long t = 0; t < iterations; t++)
        for (int i = 0; i < chain_count; i++) chains[i] = chains[i] * 0.999999f + 1e-6f;
    for (int i = 1; i < chain_count; i++) chains[0] += chains[i];
    return chains[0].x + chains[0].w;
}

/// Floating-point operations per iteration of each path (two per multiply-add and lane).
static long flops_per_iteration(ns_kernel_path path) {
    long lanes = path == NS_KERNEL_PATH_AVX512 ? 16 : path == NS_KERNEL_PATH_AVX2 ? 8 : 4;
    return 2 * chain_count * lanes;
}

/// What one thread runs: its index (for the sink) and the iterations.
typedef struct {
    long part, iterations;
} chain_run;

static void *run_part(void *context) {
    const chain_run *run = context;
    float result;
    switch (ns_current_kernel_path()) {
#if defined(__x86_64__)
    case NS_KERNEL_PATH_AVX512: result = run_avx512(run->iterations); break;
    case NS_KERNEL_PATH_AVX2: result = run_avx2(run->iterations); break;
#endif
#if defined(__aarch64__)
    case NS_KERNEL_PATH_NEON: result = run_neon(run->iterations); break;
#endif
    default: result = run_portable(run->iterations); break;
    }
    sink[run->part % 256] = result;
    return 0;
}

double ns_fma_throughput(long iterations) {
    enum { most_threads = 256 };
    long parts = ns_thread_count() < most_threads ? ns_thread_count() : most_threads;
    chain_run runs[most_threads];
    pthread_t threads[most_threads];
    for (long part = 0; part < parts; part++) runs[part] = (chain_run){part, iterations};
    long started = 1;
    while (started < parts && pthread_create(&threads[started], 0, run_part, &runs[started]) == 0)
        started++;
    run_part(&runs[0]);
    for (long part = 1; part < started; part++) pthread_join(threads[part], 0);
    return (double)started * iterations * flops_per_iteration(ns_current_kernel_path());
}
