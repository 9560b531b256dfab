// The portable GEMM tile: 4 rows x 8 columns in Clang vectors of four floats, which become
// SSE on x86-64 and NEON on arm64.
#include "GEMM.h"
#include <string.h>

typedef float float4 __attribute__((ext_vector_type(4)));

static inline float4 load4(const float *p) { float4 v; memcpy(&v, p, sizeof v); return v; }
static inline void store4(float *p, float4 v) { memcpy(p, &v, sizeof v); }

static void sgemm_tile_4x8(long k, const float *a, const float *b, float *c, long ldc,
                           float alpha, float beta) {
    float4 sum[4][2] = {{0}};
    for (long p = 0; p < k; p++, a += 4, b += 8) {
        float4 left = load4(b), right = load4(b + 4);
        for (int r = 0; r < 4; r++) {
            sum[r][0] += a[r] * left;
            sum[r][1] += a[r] * right;
        }
    }
    for (int r = 0; r < 4; r++)
        for (int h = 0; h < 2; h++) {
            float *row = c + r * ldc + 4 * h;
            float4 value = alpha * sum[r][h];
            if (beta != 0) value += beta * load4(row);
            store4(row, value);
        }
}

const ns_sgemm_kernel ns_sgemm_kernel_portable = {
    .mr = 4, .nr = 8, .mc = 128, .kc = 256, .nc = 512, .kernel = sgemm_tile_4x8,
};
