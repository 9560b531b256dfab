// What the NEON direct convolution passes share: output channels go 16 at a time, as four
// vectors of four lanes, so that a few pixels (or filter rows) of them fill most of arm64's
// 32 vector registers.
#ifndef NS_CONVOLUTION_DIRECT_NEON_H
#define NS_CONVOLUTION_DIRECT_NEON_H

#include "ConvolutionDirectCall.h"

#if defined(__aarch64__)
#include <arm_neon.h>

enum { neon_block = 16 };  // output channels per block

/// Sets `padded_channels` to the output channels rounded up to whole NEON blocks.
static inline void neon_pad_channels(direct_call *call) {
    call->padded_channels = ns_direct_round_up(call->g->output_channels, neon_block);
}

/// Loads the first `count` (at most 16) channels of a block, zero beyond them.
static inline void load_neon_block(const float *p, long count, float32x4_t v[4]) {
    if (count == neon_block) {
        for (int j = 0; j < 4; j++) v[j] = vld1q_f32(p + 4 * j);
        return;
    }
    float all[neon_block] = {0};
    memcpy(all, p, sizeof(float) * count);
    for (int j = 0; j < 4; j++) v[j] = vld1q_f32(all + 4 * j);
}

/// Stores the first `count` (at most 16) channels of a block.
static inline void store_neon_block(float *p, const float32x4_t v[4], long count) {
    if (count == neon_block) {
        for (int j = 0; j < 4; j++) vst1q_f32(p + 4 * j, v[j]);
        return;
    }
    float all[neon_block];
    for (int j = 0; j < 4; j++) vst1q_f32(all + 4 * j, v[j]);
    memcpy(p, all, sizeof(float) * count);
}
#endif

#endif
