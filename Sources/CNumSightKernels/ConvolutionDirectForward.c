// The direct forward pass: output pixels in groups, each a sum over filter rows of a
// broadcast input value times a row of the filter.
#include "ConvolutionDirectCall.h"
#include "ThreadPool.h"

#if defined(__x86_64__)
/// The outputs of one image from its bordered input, `group` pixels at a time (at most
/// `pixel_group`): `group` x 32 channels of sums live in registers while the filter rows pass.
NS_BODY void forward_image(const direct_call *call, const float *bordered, float *output,
                                 const int group) {
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels;
    long oy = 0, ox = 0;
    for (long q0 = 0; q0 < pixels; q0 += group) {
        const float *x[pixel_group];
        for (int p = 0; p < group; p++) {
            if (q0 + p >= pixels) {
                x[p] = x[p - 1];
                continue;
            }
            x[p] = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                  g->input_channels;
            step_pixel(&oy, &ox, g->output_width);
        }
        for (long cb = 0; cb < channels; cb += block) {
            lanes sum[pixel_group][2] = {{0}};
            for (long r = 0; r < call->rows; r++) {
                const float *w = call->packed_filter + r * call->padded_channels + cb;
                lanes low = load(w), high = load(w + 16);
                long offset = call->offsets[r];
                for (int p = 0; p < group; p++) {
                    sum[p][0] += x[p][offset] * low;
                    sum[p][1] += x[p][offset] * high;
                }
            }
            long count = channels - cb < block ? channels - cb : block;
            for (int p = 0; p < group && q0 + p < pixels; p++)
                store_block(output + (q0 + p) * channels + cb, sum[p][0], sum[p][1], count);
        }
    }
}

/// Six pixels x 32 channels: 12 of the 32 zmm registers.
AVX512 static void forward_image_avx512(const direct_call *call, const float *bordered, float *output) {
    forward_image(call, bordered, output, 6);
}

/// Two pixels x 32 channels: 8 of the 16 ymm registers, with room for a filter row.
AVX2 static void forward_image_avx2(const direct_call *call, const float *bordered, float *output) {
    forward_image(call, bordered, output, 2);
}

static void forward_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels, first, end;
    ns_direct_images_of_part(call, part, part_count, &first, &end);
    float *bordered = ns_direct_zeroed_borders(call, g->input_channels);
    int wide = ns_current_kernel_path() == NS_KERNEL_PATH_AVX512;
    for (long n = first; n < end; n++) {
        ns_direct_copy_into_borders(call, n, bordered);
        float *output = call->result + n * pixels * channels;
        if (wide)
            forward_image_avx512(call, bordered, output);
        else
            forward_image_avx2(call, bordered, output);
    }
}

void ns_conv2d_direct_forward(const ns_convolution_geometry *geometry, const float *input,
                              const float *filter, float *output) {
    direct_call call = {.g = geometry, .input = input, .result = output};
    ns_direct_prepare_input_borders(&call);
    call.packed_filter = ns_direct_pack_filter(&call, filter);
    ns_parallel_run(ns_direct_part_count(geometry), forward_part, &call);
}
#endif
