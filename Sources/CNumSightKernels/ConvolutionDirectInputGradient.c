// The direct input-gradient pass (stride 1): dot products of the bordered output gradient
// with the filter, summed in vector lanes and reduced eight pixels at a time.
#include "ConvolutionDirectCall.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

#if defined(__x86_64__)
#include <immintrin.h>

/// The lane sums of eight vectors, by a tree that adds halves of two vectors at a time.
AVX512 static inline void sum_lanes_of_eight(const lanes v[8], float sums[8]) {
    lanes pairs[4], quads[2];
    for (int i = 0; i < 4; i++)  // lanes 0-7: partial sums of v[2i], 8-15: of v[2i+1]
        pairs[i] = __builtin_shufflevector(v[2 * i], v[2 * i + 1], 0, 1, 2, 3, 4, 5, 6, 7, 16, 17,
                                           18, 19, 20, 21, 22, 23) +
                   __builtin_shufflevector(v[2 * i], v[2 * i + 1], 8, 9, 10, 11, 12, 13, 14, 15, 24,
                                           25, 26, 27, 28, 29, 30, 31);
    for (int i = 0; i < 2; i++)  // four lanes each of v[4i], v[4i+2], v[4i+1], v[4i+3]
        quads[i] = __builtin_shufflevector(pairs[2 * i], pairs[2 * i + 1], 0, 1, 2, 3, 16, 17, 18,
                                           19, 8, 9, 10, 11, 24, 25, 26, 27) +
                   __builtin_shufflevector(pairs[2 * i], pairs[2 * i + 1], 4, 5, 6, 7, 20, 21, 22,
                                           23, 12, 13, 14, 15, 28, 29, 30, 31);
    // two lanes each of v[0], v[4], v[2], v[6], v[1], v[5], v[3], v[7]
    lanes twos = __builtin_shufflevector(quads[0], quads[1], 0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24,
                                         25, 12, 13, 28, 29) +
                 __builtin_shufflevector(quads[0], quads[1], 2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26,
                                         27, 14, 15, 30, 31);
    lanes8 ones = __builtin_shufflevector(twos, twos, 0, 2, 4, 6, 8, 10, 12, 14) +
                  __builtin_shufflevector(twos, twos, 1, 3, 5, 7, 9, 11, 13, 15);
    lanes8 ordered = __builtin_shufflevector(ones, ones, 0, 4, 2, 6, 1, 5, 3, 7);
    memcpy(sums, &ordered, sizeof ordered);
}

/// The input gradients of channel `ci` at `gradient_group` consecutive positions of the bordered
/// output gradient from `dy`: dot products over taps and output channels, summed in lanes then
/// reduced. Inlined with `wide` a constant where it is one (one block of channels).
AVX512 __attribute__((always_inline)) static inline void
sum_input_gradients(const direct_call *call, const float *dy, long wide, long ci, float *sums) {
    long taps = call->g->kernel_height * call->g->kernel_width, input_channels = call->g->input_channels;
    lanes total[gradient_group][2] = {{0}};
    for (long tap = 0; tap < taps; tap++) {
        const float *w = call->packed_filter + (tap * input_channels + ci) * wide;
        const float *d = dy + call->offsets[tap];
        for (long cb = 0; cb < wide; cb += block) {
            lanes low = load(w + cb), high = load(w + cb + 16);
            for (int p = 0; p < gradient_group; p++) {
                total[p][0] += load(d + p * wide + cb) * low;
                total[p][1] += load(d + p * wide + cb + 16) * high;
            }
        }
    }
    lanes halves_added[gradient_group];
    for (int p = 0; p < gradient_group; p++) halves_added[p] = total[p][0] + total[p][1];
    sum_lanes_of_eight(halves_added, sums);
}

/// The input gradients of channel `ci` at `group` (at most `blocked_group`) consecutive positions
/// from `dy`, as lane sums in `total`, for kernel rows 3 taps wide without dilation. Each pixel of
/// the output gradient is loaded once per kernel row and feeds the (up to) three positions it
/// reaches, so one load serves up to three FMAs instead of one.
NS_BODY void sum_input_gradients_blocked(const direct_call *call, const float *dy, long wide, long ci,
                                         lanes *total, const int group) {
    long input_channels = call->g->input_channels;
    for (int p = 0; p < group; p++) total[p] = 0;
    for (long ky = 0; ky < call->g->kernel_height; ky++) {
        // Taps (ky, 2), (ky, 1), (ky, 0) read the row from `row` shifted by 0, 1, 2 pixels.
        const float *row = dy + call->offsets[3 * ky + 2];
        const float *w = call->packed_filter + (3 * ky * input_channels + ci) * wide;
        for (long c = 0; c < wide; c += 16) {
            lanes by_shift[3] = {load(w + 2 * input_channels * wide + c), load(w + input_channels * wide + c),
                                 load(w + c)};
#pragma clang loop unroll(full)
            for (int j = 0; j < group + 2; j++) {
                lanes d = load(row + j * wide + c);
#pragma clang loop unroll(full)
                for (int shift = 0; shift < 3; shift++)
                    if (j - shift >= 0 && j - shift < group) total[j - shift] += d * by_shift[shift];
            }
        }
    }
}

/// Whether `sum_input_gradients_blocked` applies.
static int has_three_wide_rows(const ns_convolution_geometry *g) {
    return g->kernel_width == 3 && g->dilation_width == 1;
}

/// The input gradients at the grid positions [0, count) from the bordered output gradient
/// `bordered`, into `wide_rows` ([position][input channel]).
typedef void (*gradient_sums)(const direct_call *call, const float *bordered, long count, float *wide_rows);

/// Sixteen positions in 16 zmm registers for 3-wide kernel rows, else eight positions x 32
/// channels in 16 zmm registers.
AVX512 static void sum_input_gradients_avx512(const direct_call *call, const float *bordered, long count,
                                              float *wide_rows) {
    long input_channels = call->g->input_channels, wide = call->padded_channels;
    int blocked = has_three_wide_rows(call->g);
    for (long q0 = 0; q0 < count; q0 += blocked ? blocked_group : gradient_group) {
        float sums[blocked_group];
        for (long ci = 0; ci < input_channels; ci++) {
            if (blocked) {
                lanes total[blocked_group];
                if (wide == block)
                    sum_input_gradients_blocked(call, bordered + q0 * wide, block, ci, total, blocked_group);
                else
                    sum_input_gradients_blocked(call, bordered + q0 * wide, wide, ci, total, blocked_group);
                for (int p = 0; p < blocked_group; p += 8) sum_lanes_of_eight(total + p, sums + p);
            } else if (wide == block) {
                sum_input_gradients(call, bordered + q0 * wide, block, ci, sums);
            } else {
                sum_input_gradients(call, bordered + q0 * wide, wide, ci, sums);
            }
            for (int p = 0; p < (blocked ? blocked_group : gradient_group); p++)
                wide_rows[(q0 + p) * input_channels + ci] = sums[p];
        }
    }
}

/// The lane sums of eight vectors of eight lanes, by horizontal adds.
AVX2 static inline void sum_lanes8_of_eight(const __m256 v[8], float sums[8]) {
    __m256 pairs[4];
    for (int i = 0; i < 4; i++) pairs[i] = _mm256_hadd_ps(v[2 * i], v[2 * i + 1]);
    // lanes 0-3: v[0..3] (first halves), lanes 4-7: v[0..3] (second halves); likewise v[4..7]
    __m256 low = _mm256_hadd_ps(pairs[0], pairs[1]), high = _mm256_hadd_ps(pairs[2], pairs[3]);
    __m256 ordered = _mm256_add_ps(_mm256_permute2f128_ps(low, high, 0x20),
                                   _mm256_permute2f128_ps(low, high, 0x31));
    _mm256_storeu_ps(sums, ordered);
}

/// As `sum_input_gradients` with eight ymm accumulators, one per position, which leave room
/// for a block of filter channels in the 16 ymm registers.
AVX2 __attribute__((always_inline)) static inline void
sum_input_gradients8(const direct_call *call, const float *dy, long wide, long ci, float *sums) {
    long taps = call->g->kernel_height * call->g->kernel_width, input_channels = call->g->input_channels;
    __m256 total[gradient_group];
    for (int p = 0; p < gradient_group; p++) total[p] = _mm256_setzero_ps();
    for (long tap = 0; tap < taps; tap++) {
        const float *w = call->packed_filter + (tap * input_channels + ci) * wide;
        const float *d = dy + call->offsets[tap];
        for (long cb = 0; cb < wide; cb += block)
#pragma clang loop unroll(full)
            for (int h = 0; h < block / 8; h++) {
                __m256 weights = _mm256_loadu_ps(w + cb + 8 * h);
                for (int p = 0; p < gradient_group; p++)
                    total[p] = _mm256_fmadd_ps(_mm256_loadu_ps(d + p * wide + cb + 8 * h), weights, total[p]);
            }
    }
    sum_lanes8_of_eight(total, sums);
}

/// Four positions (eight ymm registers) for 3-wide kernel rows, else eight positions with one
/// ymm accumulator each.
AVX2 static void sum_input_gradients_avx2(const direct_call *call, const float *bordered, long count,
                                          float *wide_rows) {
    enum { group = 4 };
    long input_channels = call->g->input_channels, wide = call->padded_channels;
    int blocked = has_three_wide_rows(call->g);
    for (long q0 = 0; q0 < count; q0 += blocked ? group : gradient_group) {
        float sums[gradient_group];
        for (long ci = 0; ci < input_channels; ci++) {
            if (blocked) {
                lanes total[group];
                if (wide == block)
                    sum_input_gradients_blocked(call, bordered + q0 * wide, block, ci, total, group);
                else
                    sum_input_gradients_blocked(call, bordered + q0 * wide, wide, ci, total, group);
                __m256 halves_added[gradient_group] = {0};
                for (int p = 0; p < group; p++)
                    halves_added[p] = (__m256)(__builtin_shufflevector(total[p], total[p], 0, 1, 2, 3, 4, 5, 6, 7) +
                                               __builtin_shufflevector(total[p], total[p], 8, 9, 10, 11, 12, 13, 14, 15));
                sum_lanes8_of_eight(halves_added, sums);
            } else if (wide == block) {
                sum_input_gradients8(call, bordered + q0 * wide, block, ci, sums);
            } else {
                sum_input_gradients8(call, bordered + q0 * wide, wide, ci, sums);
            }
            for (int p = 0; p < (blocked ? group : gradient_group); p++)
                wide_rows[(q0 + p) * input_channels + ci] = sums[p];
        }
    }
}

/// With stride 1, input (iy, ix) receives tap (ky, kx) from output (iy + pt - ky*dh, ix + pl - kx*dw).
/// The output gradient is bordered so that every such output exists (zero outside). Input pixels
/// are walked as a grid as wide as the bordered one, so that consecutive pixels are a fixed
/// stride apart, into `wide_rows`; the few beyond the right edge are dropped when copying out.
static void backward_input_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long input_channels = g->input_channels, channels = g->output_channels, wide = call->padded_channels;
    long pixels = g->input_height * g->input_width, first, end;
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    float *bordered = ns_direct_zeroed_borders(call, wide);
    float *wide_rows = ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * input_channels *
                                        (g->input_height * call->padded_width + position_slack));
    gradient_sums sum = ns_current_kernel_path() == NS_KERNEL_PATH_AVX512 ? sum_input_gradients_avx512
                                                                          : sum_input_gradients_avx2;
    long top = (g->kernel_height - 1) * g->dilation_height - g->padding_top;
    long left = (g->kernel_width - 1) * g->dilation_width - g->padding_left;
    long first_x = left < 0 ? -left : 0;
    long end_x = g->output_width + left < call->padded_width ? g->output_width : call->padded_width - left;
    for (long n = first; n < end; n++) {
        const float *gradient = call->output_gradient + n * g->output_height * g->output_width * channels;
        for (long oy = 0; oy < g->output_height; oy++) {
            long y = oy + top;
            if (y < 0 || y >= call->padded_height || end_x <= first_x) continue;
            float *row = bordered + (y * call->padded_width + first_x + left) * wide;
            const float *source = gradient + (oy * g->output_width + first_x) * channels;
            if (channels == wide)
                memcpy(row, source, sizeof(float) * (end_x - first_x) * channels);
            else
                for (long ox = 0; ox < end_x - first_x; ox++)
                    memcpy(row + ox * wide, source + ox * channels, sizeof(float) * channels);
        }
        sum(call, bordered, g->input_height * call->padded_width, wide_rows);
        float *input_gradient = call->result + n * pixels * input_channels;
        for (long iy = 0; iy < g->input_height; iy++)
            memcpy(input_gradient + iy * g->input_width * input_channels,
                   wide_rows + iy * call->padded_width * input_channels,
                   sizeof(float) * g->input_width * input_channels);
    }
}

void ns_conv2d_direct_backward_input(const ns_convolution_geometry *geometry,
                                     const float *output_gradient, const float *filter,
                                     float *input_gradient) {
    const ns_convolution_geometry *g = geometry;
    direct_call call = {.g = g, .output_gradient = output_gradient, .result = input_gradient};
    call.rows = g->kernel_height * g->kernel_width * g->input_channels;
    call.padded_channels = ns_direct_round_up(g->output_channels, block);
    call.padded_height = g->input_height + (g->kernel_height - 1) * g->dilation_height;
    call.padded_width = g->input_width + (g->kernel_width - 1) * g->dilation_width;
    for (long ky = 0, tap = 0; ky < g->kernel_height; ky++)
        for (long kx = 0; kx < g->kernel_width; kx++, tap++)
            call.offsets[tap] = ((g->kernel_height - 1 - ky) * g->dilation_height * call.padded_width +
                                 (g->kernel_width - 1 - kx) * g->dilation_width) * call.padded_channels;
    call.packed_filter = ns_direct_pack_filter(&call, filter);
    ns_parallel_run(ns_direct_part_count(g), backward_input_part, &call);
}
#endif
