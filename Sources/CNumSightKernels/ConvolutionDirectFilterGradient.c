// The direct filter-gradient pass: blocks of filter rows x 32 output channels held in
// registers while the pixels of an image stream past.
#include "ConvolutionDirectCall.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

#if defined(__x86_64__)
/// The output gradient of image `n` with rows of `padded_channels` (itself when already so).
static const float *gradient_rows(const direct_call *call, long n) {
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels;
    const float *gradient = call->output_gradient + n * pixels * channels;
    if (channels == call->padded_channels) return gradient;
    float *padded = ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * pixels * call->padded_channels);
    for (long q = 0; q < pixels; q++) {
        memcpy(padded + q * call->padded_channels, gradient + q * channels, sizeof(float) * channels);
        memset(padded + q * call->padded_channels + channels, 0,
               sizeof(float) * (call->padded_channels - channels));
    }
    return padded;
}

/// Adds, for `group` (at most `row_group`) filter rows from `r0` and the block of channels at
/// `cb`, the products of image `n`'s inputs and output gradients into `sum` ([rows][output_channels]).
NS_BODY void accumulate_filter_block(const direct_call *call, const float *bordered,
                                           const float *gradient, long r0, long cb, float *sum,
                                           const int group) {
    const ns_convolution_geometry *g = call->g;
    long channels = g->output_channels, count = channels - cb < block ? channels - cb : block;
    long offsets[row_group];
    lanes total[row_group][2];
    for (int i = 0; i < group; i++) {
        long r = r0 + i < call->rows ? r0 + i : call->rows - 1;
        offsets[i] = call->offsets[r];
        float all[block] = {0};
        memcpy(all, sum + r * channels + cb, sizeof(float) * count);
        total[i][0] = load(all);
        total[i][1] = load(all + 16);
    }
    for (long oy = 0; oy < g->output_height; oy++) {
        for (long ox = 0; ox < g->output_width; ox++) {
            const float *x = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                            g->input_channels;
            const float *dy = gradient + (oy * g->output_width + ox) * call->padded_channels + cb;
            lanes low = load(dy), high = load(dy + 16);
            for (int i = 0; i < group; i++) {
                total[i][0] += x[offsets[i]] * low;
                total[i][1] += x[offsets[i]] * high;
            }
        }
    }
    for (int i = 0; i < group && r0 + i < call->rows; i++)
        store_block(sum + (r0 + i) * channels + cb, total[i][0], total[i][1], count);
}

/// Nine rows x 32 channels: 18 of the 32 zmm registers.
AVX512 static void accumulate_filter_blocks_avx512(const direct_call *call, const float *bordered,
                                                   const float *gradient, float *sum) {
    for (long r0 = 0; r0 < call->rows; r0 += 9)
        for (long cb = 0; cb < call->g->output_channels; cb += block)
            accumulate_filter_block(call, bordered, gradient, r0, cb, sum, 9);
}

/// Two rows x 32 channels: 8 of the 16 ymm registers, with room for the gradients of a pixel.
AVX2 static void accumulate_filter_blocks_avx2(const direct_call *call, const float *bordered,
                                               const float *gradient, float *sum) {
    for (long r0 = 0; r0 < call->rows; r0 += 2)
        for (long cb = 0; cb < call->g->output_channels; cb += block)
            accumulate_filter_block(call, bordered, gradient, r0, cb, sum, 2);
}

/// Part 0 sums into the result, part p > 0 into partial sum p - 1; the caller adds them up.
static void backward_filter_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long size = call->rows * g->output_channels, first, end;
    float *sum = part == 0 ? call->result : call->partial_sums + (part - 1) * size;
    memset(sum, 0, sizeof(float) * size);
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    float *bordered = ns_direct_zeroed_borders(call, g->input_channels);
    int wide = ns_current_kernel_path() == NS_KERNEL_PATH_AVX512;
    for (long n = first; n < end; n++) {
        ns_direct_copy_into_borders(call, n, bordered);
        const float *gradient = gradient_rows(call, n);
        if (wide)
            accumulate_filter_blocks_avx512(call, bordered, gradient, sum);
        else
            accumulate_filter_blocks_avx2(call, bordered, gradient, sum);
    }
}

void ns_conv2d_direct_backward_filter(const ns_convolution_geometry *geometry, const float *input,
                                      const float *output_gradient, float *filter_gradient) {
    direct_call call = {.g = geometry, .input = input, .output_gradient = output_gradient,
                        .result = filter_gradient};
    ns_direct_prepare_input_borders(&call);
    long parts = ns_direct_part_count(geometry), size = call.rows * geometry->output_channels;
    call.partial_sums = ns_thread_buffer(NS_BUFFER_PARTIAL_SUM, sizeof(float) * (parts - 1) * size);
    ns_parallel_run(parts, backward_filter_part, &call);
    for (long part = 1; part < parts; part++)
        for (long i = 0; i < size; i++) filter_gradient[i] += call.partial_sums[(part - 1) * size + i];
}
#endif
