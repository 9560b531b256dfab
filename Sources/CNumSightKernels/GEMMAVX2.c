// The AVX2 GEMM tile: 6 rows x 16 columns held in 12 ymm accumulators.
#include "GEMM.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2,fma")))

AVX2 static void sgemm_tile_6x16(long k, const float *a, const float *b, float *c, long ldc,
                                 float alpha, float beta) {
    __m256 sum[6][2];
#pragma clang loop unroll(full)
    for (int r = 0; r < 6; r++) sum[r][0] = sum[r][1] = _mm256_setzero_ps();
    for (long p = 0; p < k; p++, a += 6, b += 16) {
        __m256 left = _mm256_load_ps(b), right = _mm256_load_ps(b + 8);
#pragma clang loop unroll(full)
        for (int r = 0; r < 6; r++) {
            __m256 x = _mm256_broadcast_ss(a + r);
            sum[r][0] = _mm256_fmadd_ps(x, left, sum[r][0]);
            sum[r][1] = _mm256_fmadd_ps(x, right, sum[r][1]);
        }
    }
    __m256 scale = _mm256_set1_ps(alpha), keep = _mm256_set1_ps(beta);
#pragma clang loop unroll(full)
    for (int r = 0; r < 6; r++) {
#pragma clang loop unroll(full)
        for (int h = 0; h < 2; h++) {
            float *row = c + r * ldc + 8 * h;
            __m256 value = _mm256_mul_ps(sum[r][h], scale);
            if (beta != 0) value = _mm256_fmadd_ps(_mm256_loadu_ps(row), keep, value);
            _mm256_storeu_ps(row, value);
        }
    }
}

const ns_sgemm_kernel ns_sgemm_kernel_avx2 = {
    .mr = 6, .nr = 16, .mc = 144, .kc = 256, .nc = 1024, .kernel = sgemm_tile_6x16,
};
#endif
