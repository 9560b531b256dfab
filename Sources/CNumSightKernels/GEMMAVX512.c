// The AVX-512 GEMM tile: 8 rows x 32 columns held in 16 zmm accumulators.
#include "GEMM.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f,avx512vl,fma")))

AVX512 static void sgemm_tile_8x32(long k, const float *a, const float *b, float *c, long ldc,
                                   float alpha, float beta) {
    __m512 sum[8][2];
#pragma clang loop unroll(full)
    for (int r = 0; r < 8; r++) sum[r][0] = sum[r][1] = _mm512_setzero_ps();
    for (long p = 0; p < k; p++, a += 8, b += 32) {
        __m512 left = _mm512_load_ps(b), right = _mm512_load_ps(b + 16);
#pragma clang loop unroll(full)
        for (int r = 0; r < 8; r++) {
            __m512 x = _mm512_set1_ps(a[r]);
            sum[r][0] = _mm512_fmadd_ps(x, left, sum[r][0]);
            sum[r][1] = _mm512_fmadd_ps(x, right, sum[r][1]);
        }
    }
    __m512 scale = _mm512_set1_ps(alpha), keep = _mm512_set1_ps(beta);
#pragma clang loop unroll(full)
    for (int r = 0; r < 8; r++) {
#pragma clang loop unroll(full)
        for (int h = 0; h < 2; h++) {
            float *row = c + r * ldc + 16 * h;
            __m512 value = _mm512_mul_ps(sum[r][h], scale);
            if (beta != 0) value = _mm512_fmadd_ps(_mm512_loadu_ps(row), keep, value);
            _mm512_storeu_ps(row, value);
        }
    }
}

const ns_sgemm_kernel ns_sgemm_kernel_avx512 = {
    .mr = 8, .nr = 32, .mc = 192, .kc = 512, .nc = 1024, .kernel = sgemm_tile_8x32,
};
#endif
