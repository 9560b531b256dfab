#ifndef CNUMSIGHT_KERNELS_H
#define CNUMSIGHT_KERNELS_H

// CPU kernels of NumSight. Every kernel takes buffers and sizes, never tensors.
// Matrices are row-major; images are NHWC; convolution filters are HWIO
// ([kernelHeight, kernelWidth, inputChannels, outputChannels]).
//
// Work above `ns_parallel_threshold()` is split statically over `ns_thread_count()`
// threads, so results are bit-identical from run to run for a given thread count.
// The naive reference kernels the tests check against are in CNumSightReferenceKernels.h.

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Paths and threads

/// The instruction-set paths a kernel can run on.
typedef enum {
    NS_KERNEL_PATH_AUTOMATIC = 0,
    NS_KERNEL_PATH_PORTABLE = 1,
    NS_KERNEL_PATH_AVX2 = 2,
    NS_KERNEL_PATH_AVX512 = 3,
} ns_kernel_path;

/// The path in use: chosen from the CPU at first use, or from NUMSIGHT_KERNEL_PATH
/// (`portable`, `avx2`, `avx512`) when that variable is set.
ns_kernel_path ns_current_kernel_path(void);

/// Forces `path` (AUTOMATIC chooses again, as at first use). Returns 0 on success,
/// -1 when this CPU cannot run `path` (the current path is then unchanged).
int ns_select_kernel_path(ns_kernel_path path);

/// The number of threads kernels may use (at least 1; defaults to the core count).
long ns_thread_count(void);
void ns_set_thread_count(long count);

/// Calls doing fewer floating-point operations than this stay on one thread (default 1e7,
/// about where waking a second thread starts to pay off).
double ns_parallel_threshold(void);
void ns_set_parallel_threshold(double flop_count);

// MARK: Matrix multiplication

/// C = alpha * op(A) * op(B) + beta * C, with op(X) = X or its transpose.
/// op(A) is m x k, op(B) is k x n, C is m x n; lda, ldb, ldc are row strides.
/// When beta is 0, C is not read (it may hold NaN).
void ns_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

/// `ns_sgemm` in double precision.
void ns_dgemm(int transpose_a, int transpose_b, long m, long n, long k,
              double alpha, const double *a, long lda, const double *b, long ldb,
              double beta, double *c, long ldc);

// MARK: Convolution

/// The geometry of a 2-D convolution over NHWC images with an HWIO filter.
typedef struct {
    long batch;
    long input_height, input_width, input_channels;
    long output_height, output_width, output_channels;
    long kernel_height, kernel_width;
    long stride_height, stride_width;
    long padding_top, padding_left;
    long dilation_height, dilation_width;
} ns_convolution_geometry;

/// output[n, oy, ox, co] = sum over ky, kx, ci of
///   input[n, oy*sh + ky*dh - pt, ox*sw + kx*dw - pl, ci] * filter[ky, kx, ci, co]
/// (taps outside the image read zero). Overwrites `output`.
void ns_conv2d_forward(const ns_convolution_geometry *geometry, const float *input,
                       const float *filter, float *output);

/// The gradient with respect to the input of `ns_conv2d_forward`. Overwrites `input_gradient`.
void ns_conv2d_backward_input(const ns_convolution_geometry *geometry, const float *output_gradient,
                              const float *filter, float *input_gradient);

/// The gradient with respect to the filter of `ns_conv2d_forward`. Overwrites `filter_gradient`.
void ns_conv2d_backward_filter(const ns_convolution_geometry *geometry, const float *input,
                               const float *output_gradient, float *filter_gradient);

// MARK: Pooling

/// The geometry of a 2-D pooling over NHWC images; channels are pooled independently.
/// The window at (oy, ox) covers rows oy*sh - pt ..< oy*sh - pt + wh and columns
/// ox*sw - pl ..< ox*sw - pl + ww; positions outside the image are padding.
/// Usually output_height = (input_height + pt + pb - wh) / sh + 1 (pb: bottom padding).
typedef struct {
    long batch;
    long input_height, input_width, channels;
    long output_height, output_width;
    long window_height, window_width;
    long stride_height, stride_width;
    long padding_top, padding_left;
} ns_pooling_geometry;

/// output[n, oy, ox, c] = the largest input in the window (padding is never selected), and
/// argmax[same index] = the flat NHWC index into `input` of that value (the first one on ties).
/// A window lying wholly in padding gives output 0 and argmax -1.
void ns_max_pool2d_forward(const ns_pooling_geometry *geometry, const float *input,
                           float *output, long *argmax);

/// input_gradient[argmax[i]] += output_gradient[i] for every output i (skipping argmax -1),
/// after zeroing `input_gradient` (batch * input_height * input_width * channels values).
void ns_max_pool2d_backward(const ns_pooling_geometry *geometry, const float *output_gradient,
                            const long *argmax, float *input_gradient);

/// output[n, oy, ox, c] = the mean of the inputs in the window; padding is not counted
/// (a window lying wholly in padding gives 0). Overwrites `output`.
void ns_avg_pool2d_forward(const ns_pooling_geometry *geometry, const float *input, float *output);

/// The gradient with respect to the input of `ns_avg_pool2d_forward`: each output gradient is
/// shared equally among the inputs of its window. Overwrites `input_gradient`.
void ns_avg_pool2d_backward(const ns_pooling_geometry *geometry, const float *output_gradient,
                            float *input_gradient);

// MARK: Measurement

/// Runs `iterations` rounds of independent fused multiply-adds on every one of
/// `ns_thread_count()` threads, with the widest vectors of the current path, and returns
/// the number of floating-point operations done (time it to get the peak FLOP rate).
double ns_fma_throughput(long iterations);

#ifdef __cplusplus
}
#endif

#include "CNumSightReferenceKernels.h"

#endif
