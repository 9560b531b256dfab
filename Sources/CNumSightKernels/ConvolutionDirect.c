// Direct convolution for few input channels: which geometries it takes, and the set-up its
// passes share. Each image is copied into a zero-bordered buffer, so that every tap is a
// fixed offset and no bounds are checked; output channels go 32 at a time (two 16-lane
// vectors), zero-padded to a multiple of 32.
#include "ConvolutionDirectCall.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

int ns_conv2d_direct_handles(const ns_convolution_geometry *g, ns_kernel_path path,
                             int is_backward_input) {
    long rows = g->kernel_height * g->kernel_width * g->input_channels;
    int stride_one = g->stride_height == 1 && g->stride_width == 1;
    int direct_path = path == NS_KERNEL_PATH_AVX512 || path == NS_KERNEL_PATH_AVX2 ||
                      path == NS_KERNEL_PATH_NEON;
    return direct_path && g->input_channels <= max_input_channels &&
           rows <= max_rows && (stride_one || !is_backward_input);
}

long ns_direct_round_up(long value, long multiple) { return (value + multiple - 1) / multiple * multiple; }

void ns_direct_prepare_input_borders(direct_call *call) {
    const ns_convolution_geometry *g = call->g;
    call->rows = g->kernel_height * g->kernel_width * g->input_channels;
    call->padded_channels = ns_direct_round_up(g->output_channels, block);
    call->padded_height = (g->output_height - 1) * g->stride_height + (g->kernel_height - 1) * g->dilation_height + 1;
    call->padded_width = (g->output_width - 1) * g->stride_width + (g->kernel_width - 1) * g->dilation_width + 1;
    for (long ky = 0, r = 0; ky < g->kernel_height; ky++)
        for (long kx = 0; kx < g->kernel_width; kx++)
            for (long ci = 0; ci < g->input_channels; ci++, r++)
                call->offsets[r] = (ky * g->dilation_height * call->padded_width + kx * g->dilation_width) *
                                   g->input_channels + ci;
}

void ns_direct_copy_into_borders(const direct_call *call, long n, float *bordered) {
    const ns_convolution_geometry *g = call->g;
    long channels = g->input_channels;
    const float *image = call->input + n * g->input_height * g->input_width * channels;
    for (long y = 0; y < call->padded_height; y++) {
        long iy = y - g->padding_top;
        if (iy < 0 || iy >= g->input_height) continue;
        long first = g->padding_left > 0 ? g->padding_left : 0;
        long end = g->padding_left + g->input_width < call->padded_width ? g->padding_left + g->input_width
                                                                          : call->padded_width;
        if (end > first)
            memcpy(bordered + (y * call->padded_width + first) * channels,
                   image + (iy * g->input_width + first - g->padding_left) * channels,
                   sizeof(float) * (end - first) * channels);
    }
}

float *ns_direct_zeroed_borders(const direct_call *call, long channels) {
    size_t size = sizeof(float) * (call->padded_height * call->padded_width + position_slack) * channels;
    float *bordered = ns_thread_buffer(NS_BUFFER_IMAGE, size);
    memset(bordered, 0, size);
    return bordered;
}

const float *ns_direct_pack_filter(const direct_call *call, const float *filter) {
    long channels = call->g->output_channels;
    float *packed = ns_thread_buffer(NS_BUFFER_FILTER, sizeof(float) * call->rows * call->padded_channels);
    for (long r = 0; r < call->rows; r++) {
        memcpy(packed + r * call->padded_channels, filter + r * channels, sizeof(float) * channels);
        memset(packed + r * call->padded_channels + channels, 0,
               sizeof(float) * (call->padded_channels - channels));
    }
    return packed;
}



void ns_direct_images_of_part(const direct_call *call, long part, long part_count, long *first, long *end) {
    *first = ns_part_start(call->g->batch, part, part_count, 1);
    *end = ns_part_start(call->g->batch, part + 1, part_count, 1);
}

long ns_direct_part_count(const ns_convolution_geometry *g) {
    double flops = 2.0 * g->batch * g->output_height * g->output_width * g->output_channels *
                   g->kernel_height * g->kernel_width * g->input_channels;
    return ns_part_count(flops, g->batch);
}
