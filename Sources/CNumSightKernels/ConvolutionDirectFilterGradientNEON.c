// The direct filter-gradient pass on NEON: six filter rows x 16 output channels held in 24
// registers while the pixels of an image stream past.
#include "ConvolutionDirectNEON.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

#if defined(__aarch64__)
enum { neon_row_group = 6 };

/// Adds, for `neon_row_group` filter rows from `r0` and the `count` channels at `cb`, the
/// products of one image's inputs and output gradients into `sum` ([rows][output_channels]).
/// Inlined with `count` a constant for whole blocks, so their loop has no partial loads.
__attribute__((always_inline)) static inline void
accumulate_filter_block(const direct_call *call, const float *bordered, const float *gradient, long r0,
                        long cb, long count, float *sum) {
    const ns_convolution_geometry *g = call->g;
    long channels = g->output_channels;
    long offsets[neon_row_group];
    float32x4_t total[neon_row_group][4];
    for (int i = 0; i < neon_row_group; i++) {
        long r = r0 + i < call->rows ? r0 + i : call->rows - 1;
        offsets[i] = call->offsets[r];
        load_neon_block(sum + r * channels + cb, count, total[i]);
    }
    for (long oy = 0; oy < g->output_height; oy++) {
        for (long ox = 0; ox < g->output_width; ox++) {
            const float *x = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                            g->input_channels;
            float32x4_t dy[4];
            load_neon_block(gradient + (oy * g->output_width + ox) * channels + cb, count, dy);
            for (int i = 0; i < neon_row_group; i++) {
                float value = x[offsets[i]];
                for (int j = 0; j < 4; j++) total[i][j] = vfmaq_n_f32(total[i][j], dy[j], value);
            }
        }
    }
    for (int i = 0; i < neon_row_group && r0 + i < call->rows; i++)
        store_neon_block(sum + (r0 + i) * channels + cb, total[i], count);
}

/// Part 0 sums into the result, part p > 0 into partial sum p - 1; the caller adds them up.
static void backward_filter_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long size = call->rows * g->output_channels, pixels = g->output_height * g->output_width, first, end;
    float *sum = part == 0 ? call->result : call->partial_sums + (part - 1) * size;
    memset(sum, 0, sizeof(float) * size);
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    float *bordered = ns_direct_zeroed_borders(call, g->input_channels);
    for (long n = first; n < end; n++) {
        ns_direct_copy_into_borders(call, n, bordered);
        const float *gradient = call->output_gradient + n * pixels * g->output_channels;
        for (long r0 = 0; r0 < call->rows; r0 += neon_row_group)
            for (long cb = 0; cb < g->output_channels; cb += neon_block) {
                if (g->output_channels - cb >= neon_block)
                    accumulate_filter_block(call, bordered, gradient, r0, cb, neon_block, sum);
                else
                    accumulate_filter_block(call, bordered, gradient, r0, cb, g->output_channels - cb, sum);
            }
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
