// Straightforward kernels: the portable path and the reference the fast paths are tested against.
#include "CNumSightKernels.h"
#include <stdlib.h>

static ns_kernel_path current_path = NS_KERNEL_PATH_PORTABLE;
static long thread_count = 1;

ns_kernel_path ns_current_kernel_path(void) { return current_path; }

int ns_select_kernel_path(ns_kernel_path path) {
    if (path == NS_KERNEL_PATH_AUTOMATIC || path == NS_KERNEL_PATH_PORTABLE) {
        current_path = NS_KERNEL_PATH_PORTABLE;
        return 0;
    }
    return -1;
}

long ns_thread_count(void) { return thread_count; }
void ns_set_thread_count(long count) { thread_count = count < 1 ? 1 : count; }

void ns_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            float sum = 0;
            for (long p = 0; p < k; p++) {
                float x = transpose_a ? a[p * lda + i] : a[i * lda + p];
                float y = transpose_b ? b[j * ldb + p] : b[p * ldb + j];
                sum += x * y;
            }
            c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
        }
    }
}

// Calls `visit(n, oy, ox, ky, kx, iy, ix)` for every tap that lands inside the image.
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

void ns_conv2d_forward(const ns_convolution_geometry *g, const float *input,
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

void ns_conv2d_backward_input(const ns_convolution_geometry *g, const float *output_gradient,
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

void ns_conv2d_backward_filter(const ns_convolution_geometry *g, const float *input,
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
