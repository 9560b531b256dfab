// Convolution passes as im2col + GEMM over chunks of images, the batch split over threads;
// images with few input channels go to the direct kernels instead.
#include "CNumSightKernels.h"
#include "ConvolutionDirect.h"
#include "GEMM.h"
#include "Im2col.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"
#include <string.h>

enum { rows_per_chunk = 1024 };

/// What one convolution pass reads and writes; parts split the batch.
typedef struct {
    const ns_convolution_geometry *geometry;
    const ns_sgemm_kernel *kernel;
    const float *input, *filter, *output_gradient;
    float *result;
    float *partial_sums;
} convolution_call;

static long output_pixels(const ns_convolution_geometry *g) { return g->output_height * g->output_width; }
static long input_image_size(const ns_convolution_geometry *g) {
    return g->input_height * g->input_width * g->input_channels;
}

/// A 1x1 filter, stride 1, no padding: the input already is the unfolded matrix.
static int unfolds_to_itself(const ns_convolution_geometry *g) {
    return g->kernel_height == 1 && g->kernel_width == 1 && g->stride_height == 1 &&
           g->stride_width == 1 && g->padding_top == 0 && g->padding_left == 0 &&
           g->output_height == g->input_height && g->output_width == g->input_width;
}

static long images_per_chunk(const ns_convolution_geometry *g) {
    long images = rows_per_chunk / (output_pixels(g) > 0 ? output_pixels(g) : 1);
    return images > 0 ? images : 1;
}

/// The unfolded images [first, first + count): the input itself, or im2col into `columns`.
static const float *unfold(const ns_convolution_geometry *g, const float *input, long first,
                           long count, float *columns) {
    const float *images = input + first * input_image_size(g);
    if (unfolds_to_itself(g)) return images;
    ns_im2col(g, images, count, columns);
    return columns;
}

static float *columns_buffer(const ns_convolution_geometry *g) {
    size_t rows = images_per_chunk(g) * output_pixels(g);
    return ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * rows * ns_im2col_width(g));
}

static long part_count(const ns_convolution_geometry *g) {
    double flops = 2.0 * g->batch * output_pixels(g) * g->output_channels * ns_im2col_width(g);
    return ns_part_count(flops, g->batch);
}

static void forward_part(void *context, long part, long part_count) {
    const convolution_call *call = context;
    const ns_convolution_geometry *g = call->geometry;
    long first = ns_part_start(g->batch, part, part_count, 1);
    long end = ns_part_start(g->batch, part + 1, part_count, 1);
    long width = ns_im2col_width(g), channels = g->output_channels;
    float *columns = columns_buffer(g);
    for (long n = first; n < end; n += images_per_chunk(g)) {
        long count = end - n < images_per_chunk(g) ? end - n : images_per_chunk(g);
        const float *unfolded = unfold(g, call->input, n, count, columns);
        ns_sgemm_on_one_thread(call->kernel, 0, 0, count * output_pixels(g), channels, width, 1,
                               unfolded, width, call->filter, channels, 0,
                               call->result + n * output_pixels(g) * channels, channels);
    }
}

static void backward_input_part(void *context, long part, long part_count) {
    const convolution_call *call = context;
    const ns_convolution_geometry *g = call->geometry;
    long first = ns_part_start(g->batch, part, part_count, 1);
    long end = ns_part_start(g->batch, part + 1, part_count, 1);
    long width = ns_im2col_width(g), channels = g->output_channels;
    float *input_gradient = call->result + first * input_image_size(g);
    int direct = unfolds_to_itself(g);
    if (!direct) memset(input_gradient, 0, sizeof(float) * (end - first) * input_image_size(g));
    float *columns = direct ? 0 : columns_buffer(g);
    for (long n = first; n < end; n += images_per_chunk(g)) {
        long count = end - n < images_per_chunk(g) ? end - n : images_per_chunk(g);
        float *destination = direct ? call->result + n * input_image_size(g) : columns;
        ns_sgemm_on_one_thread(call->kernel, 0, 1, count * output_pixels(g), width, channels, 1,
                               call->output_gradient + n * output_pixels(g) * channels, channels,
                               call->filter, channels, 0, destination, width);
        if (!direct) ns_col2im_add(g, columns, count, call->result + n * input_image_size(g));
    }
}

/// Part 0 sums into the result, part p > 0 into partial sum p - 1; the caller adds them up.
static void backward_filter_part(void *context, long part, long part_count) {
    const convolution_call *call = context;
    const ns_convolution_geometry *g = call->geometry;
    long first = ns_part_start(g->batch, part, part_count, 1);
    long end = ns_part_start(g->batch, part + 1, part_count, 1);
    long width = ns_im2col_width(g), channels = g->output_channels;
    float *sum = part == 0 ? call->result : call->partial_sums + (part - 1) * width * channels;
    if (first == end || output_pixels(g) == 0) memset(sum, 0, sizeof(float) * width * channels);
    float *columns = columns_buffer(g);
    for (long n = first; n < end; n += images_per_chunk(g)) {
        long count = end - n < images_per_chunk(g) ? end - n : images_per_chunk(g);
        const float *unfolded = unfold(g, call->input, n, count, columns);
        ns_sgemm_on_one_thread(call->kernel, 1, 0, width, channels, count * output_pixels(g), 1,
                               unfolded, width,
                               call->output_gradient + n * output_pixels(g) * channels, channels,
                               n == first ? 0 : 1, sum, channels);
    }
}

void ns_conv2d_forward(const ns_convolution_geometry *geometry, const float *input,
                       const float *filter, float *output) {
    ns_kernel_path path = ns_current_kernel_path();
#if defined(__x86_64__) || defined(__aarch64__)
    if (ns_conv2d_direct_handles(geometry, path, 0)) {
        ns_conv2d_direct_forward(geometry, input, filter, output);
        return;
    }
#endif
    convolution_call call = {geometry, ns_sgemm_kernel_for(path), input, filter, 0, output, 0};
    ns_parallel_run(part_count(geometry), forward_part, &call);
}

void ns_conv2d_backward_input(const ns_convolution_geometry *geometry, const float *output_gradient,
                              const float *filter, float *input_gradient) {
    ns_kernel_path path = ns_current_kernel_path();
#if defined(__x86_64__) || defined(__aarch64__)
    if (ns_conv2d_direct_handles(geometry, path, 1)) {
        ns_conv2d_direct_backward_input(geometry, output_gradient, filter, input_gradient);
        return;
    }
#endif
    convolution_call call = {geometry, ns_sgemm_kernel_for(path), 0, filter, output_gradient,
                             input_gradient, 0};
    ns_parallel_run(part_count(geometry), backward_input_part, &call);
}

void ns_conv2d_backward_filter(const ns_convolution_geometry *geometry, const float *input,
                               const float *output_gradient, float *filter_gradient) {
    ns_kernel_path path = ns_current_kernel_path();
#if defined(__x86_64__) || defined(__aarch64__)
    if (ns_conv2d_direct_handles(geometry, path, 0)) {
        ns_conv2d_direct_backward_filter(geometry, input, output_gradient, filter_gradient);
        return;
    }
#endif
    long parts = part_count(geometry);
    long size = ns_im2col_width(geometry) * geometry->output_channels;
    float *partial_sums = ns_thread_buffer(NS_BUFFER_PARTIAL_SUM, sizeof(float) * (parts - 1) * size);
    convolution_call call = {geometry, ns_sgemm_kernel_for(path), input, 0, output_gradient,
                             filter_gradient, partial_sums};
    ns_parallel_run(parts, backward_filter_part, &call);
    for (long part = 1; part < parts; part++)
        for (long i = 0; i < size; i++) filter_gradient[i] += partial_sums[(part - 1) * size + i];
}
