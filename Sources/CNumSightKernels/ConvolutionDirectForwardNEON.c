// The direct forward pass on NEON: six output pixels x 16 channels in 24 registers, each a
// sum over filter rows of an input value times four vectors of the filter row.
#include "ConvolutionDirectNEON.h"
#include "ThreadPool.h"

#if defined(__aarch64__)
enum { neon_pixel_group = 6 };

static void forward_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels, first, end;
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    float *bordered = ns_direct_zeroed_borders(call, g->input_channels);
    for (long n = first; n < end; n++) {
        ns_direct_copy_into_borders(call, n, bordered);
        float *output = call->result + n * pixels * channels;
        long oy = 0, ox = 0;
        for (long q0 = 0; q0 < pixels; q0 += neon_pixel_group) {
            const float *x[neon_pixel_group];
            long group = pixels - q0 < neon_pixel_group ? pixels - q0 : neon_pixel_group;
            for (int p = 0; p < neon_pixel_group; p++) {
                if (p >= group) {
                    x[p] = x[p - 1];
                    continue;
                }
                x[p] = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                      g->input_channels;
                step_pixel(&oy, &ox, g->output_width);
            }
            for (long cb = 0; cb < channels; cb += neon_block) {
                float32x4_t sum[neon_pixel_group][4];
                for (int p = 0; p < neon_pixel_group; p++)
                    for (int j = 0; j < 4; j++) sum[p][j] = vdupq_n_f32(0);
                for (long r = 0; r < call->rows; r++) {
                    const float *w = call->packed_filter + r * call->padded_channels + cb;
                    float32x4_t row[4] = {vld1q_f32(w), vld1q_f32(w + 4), vld1q_f32(w + 8), vld1q_f32(w + 12)};
                    long offset = call->offsets[r];
                    for (int p = 0; p < neon_pixel_group; p++) {
                        float value = x[p][offset];
                        for (int j = 0; j < 4; j++) sum[p][j] = vfmaq_n_f32(sum[p][j], row[j], value);
                    }
                }
                long count = channels - cb < neon_block ? channels - cb : neon_block;
                for (int p = 0; p < group; p++) store_neon_block(output + (q0 + p) * channels + cb, sum[p], count);
            }
        }
    }
}

void ns_conv2d_direct_forward(const ns_convolution_geometry *geometry, const float *input,
                              const float *filter, float *output) {
    direct_call call = {.g = geometry, .input = input, .result = output};
    ns_direct_prepare_input_borders(&call);
    neon_pad_channels(&call);
    call.packed_filter = ns_direct_pack_filter(&call, filter);
    ns_parallel_run(ns_direct_part_count(geometry), forward_part, &call);
}
#endif
