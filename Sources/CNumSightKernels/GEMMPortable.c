// The portable GEMM tile, 4 rows x 8 columns in plain C (the compiler vectorizes it).
#include "GEMM.h"

static void sgemm_tile_4x8(long k, const float *a, const float *b, float *c, long ldc,
                           float alpha, float beta) {
    float sum[4][8] = {{0}};
    for (long p = 0; p < k; p++, a += 4, b += 8)
        for (int r = 0; r < 4; r++)
            for (int j = 0; j < 8; j++) sum[r][j] += a[r] * b[j];
    for (int r = 0; r < 4; r++)
        for (int j = 0; j < 8; j++) {
            float old = beta == 0 ? 0 : beta * c[r * ldc + j];
            c[r * ldc + j] = alpha * sum[r][j] + old;
        }
}

const ns_sgemm_kernel ns_sgemm_kernel_portable = {
    .mr = 4, .nr = 8, .mc = 128, .kc = 256, .nc = 512, .kernel = sgemm_tile_4x8,
};
