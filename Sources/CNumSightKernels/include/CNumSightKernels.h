#ifndef CNUMSIGHT_KERNELS_H
#define CNUMSIGHT_KERNELS_H

// CPU kernels of NumSight. Every kernel takes buffers and sizes, never tensors.
// Matrices are row-major; images are NHWC; convolution filters are HWIO
// ([kernelHeight, kernelWidth, inputChannels, outputChannels]).

#ifdef __cplusplus
extern "C" {
#endif

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

/// Forces `path` (AUTOMATIC chooses again from the CPU). Returns 0 on success,
/// -1 when this CPU cannot run `path` (the current path is then unchanged).
int ns_select_kernel_path(ns_kernel_path path);

/// The number of threads kernels may use (at least 1; defaults to the core count).
long ns_thread_count(void);
void ns_set_thread_count(long count);

/// C = alpha * op(A) * op(B) + beta * C, with op(X) = X or its transpose.
/// op(A) is m x k, op(B) is k x n, C is m x n; lda, ldb, ldc are row strides.
void ns_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

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

#ifdef __cplusplus
}
#endif

#endif
