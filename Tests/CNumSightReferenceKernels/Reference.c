// Naive kernels written straight from their definitions, summing in double:
// the specification the fast kernels are tested against.
#include "CNumSightReferenceKernels.h"

void ns_reference_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
                        float alpha, const float *a, long lda, const float *b, long ldb,
                        float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            double sum = 0;
            for (long p = 0; p < k; p++) {
                double x = transpose_a ? a[p * lda + i] : a[i * lda + p];
                double y = transpose_b ? b[j * ldb + p] : b[p * ldb + j];
                sum += x * y;
            }
            double old = beta == 0 ? 0 : (double)beta * c[i * ldc + j];
            c[i * ldc + j] = (float)(alpha * sum + old);
        }
    }
}

void ns_reference_dgemm(int transpose_a, int transpose_b, long m, long n, long k,
                        double alpha, const double *a, long lda, const double *b, long ldb,
                        double beta, double *c, long ldc) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            double sum = 0;
            for (long p = 0; p < k; p++) {
                double x = transpose_a ? a[p * lda + i] : a[i * lda + p];
                double y = transpose_b ? b[j * ldb + p] : b[p * ldb + j];
                sum += x * y;
            }
            c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
        }
    }
}

// Runs BODY for every tap (n, oy, ox, ky, kx) that lands inside the image, at (iy, ix).
#define FOR_EACH_TAP(g, BODY)                                                              \
    for (long n = 0; n < g->batch; n++)                                                    \
        for (long oy = 0; oy < g->output_height; oy++)                                     \
            for (long ox = 0; ox < g->output_width; ox++)                                  \
                for (long ky = 0; ky < g->kernel_height; ky++) {                           \
                    long iy = oy * g->stride_height + ky * g->dilation_height - g->padding_top; \
                    if (iy < 0 || iy >= g->input_height) continue;                         \
                    for (long kx = 0; kx < g->kernel_width; kx++) {                        \
                        long ix = ox * g->stride_width + kx * g->dilation_width - g->padding_left; \
                        if (ix < 0 || ix >= g->input_width) continue;                      \
                        BODY                                                               \
                    }                                                                      \
                }

void ns_reference_conv2d_forward(const ns_convolution_geometry *g, const float *input,
                                 const float *filter, float *output) {
    long ci_count = g->input_channels, co_count = g->output_channels;
    for (long i = 0; i < g->batch * g->output_height * g->output_width * co_count; i++) output[i] = 0;
    FOR_EACH_TAP(g, {
        const float *x = input + ((n * g->input_height + iy) * g->input_width + ix) * ci_count;
        const float *w = filter + (ky * g->kernel_width + kx) * ci_count * co_count;
        float *y = output + ((n * g->output_height + oy) * g->output_width + ox) * co_count;
        for (long ci = 0; ci < ci_count; ci++)
            for (long co = 0; co < co_count; co++) y[co] += x[ci] * w[ci * co_count + co];
    })
}

void ns_reference_conv2d_backward_input(const ns_convolution_geometry *g, const float *output_gradient,
                                        const float *filter, float *input_gradient) {
    long ci_count = g->input_channels, co_count = g->output_channels;
    for (long i = 0; i < g->batch * g->input_height * g->input_width * ci_count; i++) input_gradient[i] = 0;
    FOR_EACH_TAP(g, {
        float *dx = input_gradient + ((n * g->input_height + iy) * g->input_width + ix) * ci_count;
        const float *w = filter + (ky * g->kernel_width + kx) * ci_count * co_count;
        const float *dy = output_gradient + ((n * g->output_height + oy) * g->output_width + ox) * co_count;
        for (long ci = 0; ci < ci_count; ci++)
            for (long co = 0; co < co_count; co++) dx[ci] += dy[co] * w[ci * co_count + co];
    })
}

void ns_reference_conv2d_backward_filter(const ns_convolution_geometry *g, const float *input,
                                         const float *output_gradient, float *filter_gradient) {
    long ci_count = g->input_channels, co_count = g->output_channels;
    for (long i = 0; i < g->kernel_height * g->kernel_width * ci_count * co_count; i++) filter_gradient[i] = 0;
    FOR_EACH_TAP(g, {
        const float *x = input + ((n * g->input_height + iy) * g->input_width + ix) * ci_count;
        float *dw = filter_gradient + (ky * g->kernel_width + kx) * ci_count * co_count;
        const float *dy = output_gradient + ((n * g->output_height + oy) * g->output_width + ox) * co_count;
        for (long ci = 0; ci < ci_count; ci++)
            for (long co = 0; co < co_count; co++) dw[ci * co_count + co] += x[ci] * dy[co];
    })
}

// For every output `out` at (n, oy, ox, c): runs PRELUDE, then TAP for every input `in` at
// (n, iy, ix, c) inside its window, then EPILOGUE.
#define FOR_EACH_WINDOW(g, PRELUDE, TAP, EPILOGUE)                                          \
    for (long n = 0; n < g->batch; n++)                                                     \
        for (long oy = 0; oy < g->output_height; oy++)                                      \
            for (long ox = 0; ox < g->output_width; ox++)                                   \
                for (long c = 0; c < g->channels; c++) {                                    \
                    long out = ((n * g->output_height + oy) * g->output_width + ox) * g->channels + c; \
                    PRELUDE                                                                 \
                    for (long wy = 0; wy < g->window_height; wy++) {                        \
                        long iy = oy * g->stride_height - g->padding_top + wy;              \
                        if (iy < 0 || iy >= g->input_height) continue;                      \
                        for (long wx = 0; wx < g->window_width; wx++) {                     \
                            long ix = ox * g->stride_width - g->padding_left + wx;          \
                            if (ix < 0 || ix >= g->input_width) continue;                   \
                            long in = ((n * g->input_height + iy) * g->input_width + ix) * g->channels + c; \
                            TAP                                                             \
                        }                                                                   \
                    }                                                                       \
                    EPILOGUE                                                                \
                }

void ns_reference_max_pool2d_forward(const ns_pooling_geometry *g, const float *input,
                                     float *output, long *argmax) {
    FOR_EACH_WINDOW(g, long best = -1;,
                    { if (best < 0 || input[in] > input[best]) best = in; },
                    { output[out] = best < 0 ? 0 : input[best]; argmax[out] = best; })
}

void ns_reference_max_pool2d_backward(const ns_pooling_geometry *g, const float *output_gradient,
                                      const long *argmax, float *input_gradient) {
    for (long i = 0; i < g->batch * g->input_height * g->input_width * g->channels; i++) input_gradient[i] = 0;
    for (long i = 0; i < g->batch * g->output_height * g->output_width * g->channels; i++)
        if (argmax[i] >= 0) input_gradient[argmax[i]] += output_gradient[i];
}

void ns_reference_avg_pool2d_forward(const ns_pooling_geometry *g, const float *input, float *output) {
    FOR_EACH_WINDOW(g, double sum = 0; long count = 0;,
                    { sum += input[in]; count++; },
                    { output[out] = count == 0 ? 0 : (float)(sum / count); })
}

/// The number of inputs (not padding) in the window at (oy, ox).
static long window_count(const ns_pooling_geometry *g, long oy, long ox) {
    long count = 0;
    for (long wy = 0; wy < g->window_height; wy++)
        for (long wx = 0; wx < g->window_width; wx++) {
            long iy = oy * g->stride_height - g->padding_top + wy;
            long ix = ox * g->stride_width - g->padding_left + wx;
            if (iy >= 0 && iy < g->input_height && ix >= 0 && ix < g->input_width) count++;
        }
    return count;
}

void ns_reference_avg_pool2d_backward(const ns_pooling_geometry *g, const float *output_gradient,
                                      float *input_gradient) {
    for (long i = 0; i < g->batch * g->input_height * g->input_width * g->channels; i++) input_gradient[i] = 0;
    FOR_EACH_WINDOW(g, long count = window_count(g, oy, ox);,
                    { input_gradient[in] += output_gradient[out] / count; }, {})
}
