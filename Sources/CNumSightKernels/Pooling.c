// Max and average pooling over NHWC images: the window clipped to the image once per output
// pixel, then loops over the contiguous channels. Images split over threads.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"
#include <string.h>

/// What one pooling pass reads and writes; parts split the batch.
typedef struct {
    const ns_pooling_geometry *geometry;
    const float *source;
    const long *argmax;
    float *result;
    long *result_argmax;
} pooling_call;

/// The rows [top, bottom) and columns [left, right) of the window at (oy, ox) inside the image.
typedef struct { long top, bottom, left, right; } window;

static window clipped_window(const ns_pooling_geometry *g, long oy, long ox) {
    window w;
    w.top = oy * g->stride_height - g->padding_top;
    w.left = ox * g->stride_width - g->padding_left;
    w.bottom = w.top + g->window_height < g->input_height ? w.top + g->window_height : g->input_height;
    w.right = w.left + g->window_width < g->input_width ? w.left + g->window_width : g->input_width;
    if (w.top < 0) w.top = 0;
    if (w.left < 0) w.left = 0;
    return w;
}

static long window_size(window w) {
    return w.bottom > w.top && w.right > w.left ? (w.bottom - w.top) * (w.right - w.left) : 0;
}

static void images_of_part(const ns_pooling_geometry *g, long part, long part_count, long *first, long *end) {
    *first = ns_part_start(g->batch, part, part_count, 1);
    *end = ns_part_start(g->batch, part + 1, part_count, 1);
}

static void run(const ns_pooling_geometry *g, ns_task_part task, pooling_call *call) {
    // Memory-bound: what counts is the elements read and written.
    double work = (double)g->batch * (g->input_height * g->input_width + g->output_height * g->output_width) *
                  g->channels * NS_ELEMENT_WORK;
    ns_parallel_run(ns_part_count(work, g->batch), task, call);
}

/// The maxima of the windows of images [first, end): the first tap's row of channels, then
/// each later tap compared with the running maxima channel by channel, so the loops run
/// over contiguous channels and vectorise. Branch-free, since which input wins is
/// data-dependent and unpredictable; a tie keeps the earlier tap.
NS_BODY void max_forward_body(const ns_pooling_geometry *g, long first, long end, const float *restrict source,
                              float *restrict values, long *restrict indices) {
    long channels = g->channels, row_stride = g->input_width * channels;
    for (long n = first; n < end; n++)
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++) {
                long out = ((n * g->output_height + oy) * g->output_width + ox) * channels;
                float *restrict best = values + out;
                long *restrict best_index = indices + out;
                window w = clipped_window(g, oy, ox);
                if (window_size(w) == 0) {
                    for (long c = 0; c < channels; c++) best[c] = 0, best_index[c] = -1;
                    continue;
                }
                long start = ((n * g->input_height + w.top) * g->input_width + w.left) * channels;
                for (long c = 0; c < channels; c++) best[c] = source[start + c], best_index[c] = start + c;
                for (long iy = 0; iy < w.bottom - w.top; iy++)
                    for (long ix = iy == 0 ? 1 : 0; ix < w.right - w.left; ix++) {
                        long tap = start + iy * row_stride + ix * channels;
                        for (long c = 0; c < channels; c++) {
                            int wins = source[tap + c] > best[c];
                            best[c] = wins ? source[tap + c] : best[c];
                            best_index[c] = wins ? tap + c : best_index[c];
                        }
                    }
            }
}
NS_PATH_VARIANTS(max_forward,
                 (const ns_pooling_geometry *g, long first, long end, const float *restrict source,
                  float *restrict values, long *restrict indices),
                 (g, first, end, source, values, indices))

static void max_forward_part(void *context, long part, long part_count) {
    const pooling_call *call = context;
    long first, end;
    images_of_part(call->geometry, part, part_count, &first, &end);
    max_forward(call->geometry, first, end, call->source, call->result, call->result_argmax);
}

void ns_max_pool2d_forward(const ns_pooling_geometry *geometry, const float *input,
                           float *output, long *argmax) {
    pooling_call call = {geometry, input, 0, output, argmax};
    run(geometry, max_forward_part, &call);
}

/// Whether the windows tile the images exactly (no overlap, no padding, nothing left over),
/// so that every input element lies in exactly one window.
static int windows_tile(const ns_pooling_geometry *g) {
    return g->stride_height == g->window_height && g->stride_width == g->window_width && g->padding_top == 0 &&
           g->padding_left == 0 && g->output_height * g->window_height == g->input_height &&
           g->output_width * g->window_width == g->input_width;
}

/// The gradient of tiling windows over images [first, end), written once per input element:
/// the output's gradient where the element was its window's maximum, 0 elsewhere (a
/// non-finite gradient spreads over its window: loud, not hidden). One vectorised pass,
/// with no zeroing pass and no scatter.
NS_BODY void max_backward_tiled_body(const ns_pooling_geometry *g, long first, long end,
                                     const float *restrict gradient, const long *restrict argmax,
                                     float *restrict result) {
    long channels = g->channels, row_stride = g->input_width * channels;
    for (long n = first; n < end; n++)
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++) {
                long out = ((n * g->output_height + oy) * g->output_width + ox) * channels;
                long start = ((n * g->input_height + oy * g->window_height) * g->input_width +
                              ox * g->window_width) * channels;
                for (long iy = 0; iy < g->window_height; iy++)
                    for (long ix = 0; ix < g->window_width; ix++) {
                        long tap = start + iy * row_stride + ix * channels;
                        // A product, not a select: a select becomes a masked load that waits for the
                        // comparison, and the pass slows to a crawl.
                        for (long c = 0; c < channels; c++)
                            result[tap + c] = gradient[out + c] * (argmax[out + c] == tap + c ? 1.0f : 0.0f);
                    }
            }
}
NS_PATH_VARIANTS(max_backward_tiled,
                 (const ns_pooling_geometry *g, long first, long end, const float *restrict gradient,
                  const long *restrict argmax, float *restrict result),
                 (g, first, end, gradient, argmax, result))

static void max_backward_part(void *context, long part, long part_count) {
    const pooling_call *call = context;
    const ns_pooling_geometry *g = call->geometry;
    long first, end;
    images_of_part(g, part, part_count, &first, &end);
    if (windows_tile(g)) {
        max_backward_tiled(g, first, end, call->source, call->argmax, call->result);
        return;
    }
    long input_size = g->input_height * g->input_width * g->channels;
    long output_size = g->output_height * g->output_width * g->channels;
    memset(call->result + first * input_size, 0, sizeof(float) * (end - first) * input_size);
    for (long i = first * output_size; i < end * output_size; i++)
        if (call->argmax[i] >= 0) call->result[call->argmax[i]] += call->source[i];
}

void ns_max_pool2d_backward(const ns_pooling_geometry *geometry, const float *output_gradient,
                            const long *argmax, float *input_gradient) {
    pooling_call call = {geometry, output_gradient, argmax, input_gradient, 0};
    run(geometry, max_backward_part, &call);
}

static void average_forward_part(void *context, long part, long part_count) {
    const pooling_call *call = context;
    const ns_pooling_geometry *g = call->geometry;
    long channels = g->channels, first, end;
    images_of_part(g, part, part_count, &first, &end);
    for (long n = first; n < end; n++)
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++) {
                float *mean = call->result + ((n * g->output_height + oy) * g->output_width + ox) * channels;
                window w = clipped_window(g, oy, ox);
                for (long c = 0; c < channels; c++) mean[c] = 0;
                for (long iy = w.top; iy < w.bottom; iy++)
                    for (long ix = w.left; ix < w.right; ix++) {
                        const float *x = call->source + ((n * g->input_height + iy) * g->input_width + ix) * channels;
                        for (long c = 0; c < channels; c++) mean[c] += x[c];
                    }
                float scale = window_size(w) == 0 ? 0 : 1.0f / window_size(w);
                for (long c = 0; c < channels; c++) mean[c] *= scale;
            }
}

void ns_avg_pool2d_forward(const ns_pooling_geometry *geometry, const float *input, float *output) {
    pooling_call call = {geometry, input, 0, output, 0};
    run(geometry, average_forward_part, &call);
}

static void average_backward_part(void *context, long part, long part_count) {
    const pooling_call *call = context;
    const ns_pooling_geometry *g = call->geometry;
    long channels = g->channels, first, end;
    images_of_part(g, part, part_count, &first, &end);
    long input_size = g->input_height * g->input_width * channels;
    memset(call->result + first * input_size, 0, sizeof(float) * (end - first) * input_size);
    for (long n = first; n < end; n++)
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++) {
                const float *gradient = call->source + ((n * g->output_height + oy) * g->output_width + ox) * channels;
                window w = clipped_window(g, oy, ox);
                if (window_size(w) == 0) continue;
                float scale = 1.0f / window_size(w);
                for (long iy = w.top; iy < w.bottom; iy++)
                    for (long ix = w.left; ix < w.right; ix++) {
                        float *dx = call->result + ((n * g->input_height + iy) * g->input_width + ix) * channels;
                        for (long c = 0; c < channels; c++) dx[c] += gradient[c] * scale;
                    }
            }
}

void ns_avg_pool2d_backward(const ns_pooling_geometry *geometry, const float *output_gradient,
                            float *input_gradient) {
    pooling_call call = {geometry, output_gradient, 0, input_gradient, 0};
    run(geometry, average_backward_part, &call);
}
