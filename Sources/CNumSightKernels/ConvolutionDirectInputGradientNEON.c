// The direct input-gradient pass on NEON (stride 1): dot products of the bordered output
// gradient with the filter, eight input pixels at a time in 16 registers, reduced pairwise.
#include "ConvolutionDirectNEON.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

#if defined(__aarch64__)
/// The input gradients of channel `ci` at `gradient_group` consecutive positions of the bordered
/// output gradient from `dy`, whose pixels are `wide` channels apart: dot products over taps and
/// output channels, eight channels a step in two vectors per pixel, then reduced by pairwise
/// additions. Inlined with `wide` a constant where it is one (32 channels), so that the loads
/// take fixed offsets.
__attribute__((always_inline)) static inline void
sum_input_gradients(const direct_call *call, const float *dy, long wide, long ci, float sums[gradient_group]) {
    long taps = call->g->kernel_height * call->g->kernel_width;
    float32x4_t total[gradient_group][2];
    for (int p = 0; p < gradient_group; p++) total[p][0] = total[p][1] = vdupq_n_f32(0);
    for (long tap = 0; tap < taps; tap++) {
        const float *w = call->packed_filter + (tap * call->g->input_channels + ci) * wide;
        const float *d = dy + call->offsets[tap];
        for (long cb = 0; cb < wide; cb += 8) {
            float32x4_t low = vld1q_f32(w + cb), high = vld1q_f32(w + cb + 4);
            for (int p = 0; p < gradient_group; p++) {
                total[p][0] = vfmaq_f32(total[p][0], vld1q_f32(d + p * wide + cb), low);
                total[p][1] = vfmaq_f32(total[p][1], vld1q_f32(d + p * wide + cb + 4), high);
            }
        }
    }
    float32x4_t pixel[gradient_group];
    for (int p = 0; p < gradient_group; p++) pixel[p] = vaddq_f32(total[p][0], total[p][1]);
    for (int half = 0; half < 2; half++) {
        const float32x4_t *v = pixel + 4 * half;
        vst1q_f32(sums + 4 * half, vpaddq_f32(vpaddq_f32(v[0], v[1]), vpaddq_f32(v[2], v[3])));
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
    long grid = g->input_height * call->padded_width, first, end;
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    // The last group of the grid reaches past the bordered image by up to a group plus the
    // widest tap offset; that room stays zero.
    long room = gradient_group + (g->kernel_width - 1) * g->dilation_width;
    size_t bordered_size = sizeof(float) * (call->padded_height * call->padded_width + room) * wide;
    float *bordered = ns_thread_buffer(NS_BUFFER_IMAGE, bordered_size);
    memset(bordered, 0, bordered_size);
    float *wide_rows = ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * input_channels * (grid + gradient_group));
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
            for (long ox = first_x; ox < end_x; ox++)
                memcpy(row + (ox - first_x) * wide, gradient + (oy * g->output_width + ox) * channels,
                       sizeof(float) * channels);
        }
        for (long q0 = 0; q0 < grid; q0 += gradient_group)
            for (long ci = 0; ci < input_channels; ci++) {
                float sums[gradient_group];
                if (wide == 32)
                    sum_input_gradients(call, bordered + q0 * wide, 32, ci, sums);
                else
                    sum_input_gradients(call, bordered + q0 * wide, wide, ci, sums);
                for (int p = 0; p < gradient_group; p++) wide_rows[(q0 + p) * input_channels + ci] = sums[p];
            }
        float *input_gradient = call->result + n * g->input_height * g->input_width * input_channels;
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
    neon_pad_channels(&call);
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
