// The NEON GEMM tile: 8 rows x 12 columns held in 24 of arm64's 32 vector registers. Each
// step of depth loads three vectors of B and the eight values of A as two vectors, and
// multiplies by each A value in place with a by-lane fused multiply-add (vfmaq_laneq_f32).
#include "GEMM.h"

#if defined(__aarch64__)
#include <arm_neon.h>

static void sgemm_tile_8x12(long k, const float *a, const float *b, float *c, long ldc,
                            float alpha, float beta) {
    float32x4_t sum[8][3];
    for (int r = 0; r < 8; r++) sum[r][0] = sum[r][1] = sum[r][2] = vdupq_n_f32(0);
    for (long p = 0; p < k; p++, a += 8, b += 12) {
        float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8);
        float32x4_t low = vld1q_f32(a), high = vld1q_f32(a + 4);
// Row r of the tile gains A value `lane` of `half` times the three vectors of B.
#define NS_ROW(r, half, lane)                                 \
    sum[r][0] = vfmaq_laneq_f32(sum[r][0], b0, half, lane);   \
    sum[r][1] = vfmaq_laneq_f32(sum[r][1], b1, half, lane);   \
    sum[r][2] = vfmaq_laneq_f32(sum[r][2], b2, half, lane);
        NS_ROW(0, low, 0) NS_ROW(1, low, 1) NS_ROW(2, low, 2) NS_ROW(3, low, 3)
        NS_ROW(4, high, 0) NS_ROW(5, high, 1) NS_ROW(6, high, 2) NS_ROW(7, high, 3)
#undef NS_ROW
    }
    for (int r = 0; r < 8; r++)
        for (int j = 0; j < 3; j++) {
            float *row = c + r * ldc + 4 * j;
            float32x4_t value = vmulq_n_f32(sum[r][j], alpha);
            if (beta != 0) value = vfmaq_n_f32(value, vld1q_f32(row), beta);
            vst1q_f32(row, value);
        }
}

/// A and B panels of depth 256 take 8 KiB and 12 KiB of L1; a 128 x 256 block of A takes
/// 128 KiB of L2, a 256 x 1536 block of B 1.5 MiB of the last-level cache.
const ns_sgemm_kernel ns_sgemm_kernel_neon = {
    .mr = 8, .nr = 12, .mc = 128, .kc = 256, .nc = 1536, .kernel = sgemm_tile_8x12,
};
#endif
