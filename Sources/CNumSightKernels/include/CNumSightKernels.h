#ifndef CNUMSIGHT_KERNELS_H
#define CNUMSIGHT_KERNELS_H

// CPU kernels of NumSight. Every kernel takes buffers and sizes, never tensors.
// Matrices are row-major; images are NHWC; convolution filters are HWIO
// ([kernelHeight, kernelWidth, inputChannels, outputChannels]).
//
// Work above `ns_parallel_threshold()` is split statically over `ns_thread_count()`
// threads, so results are bit-identical from run to run for a given thread count.
// The naive reference kernels the tests check against are in the test-support target
// CNumSightReferenceKernels (Tests/CNumSightReferenceKernels).

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
    NS_KERNEL_PATH_NEON = 4,
} ns_kernel_path;

/// The path in use: chosen from the CPU at first use, or from NUMSIGHT_KERNEL_PATH
/// (`portable`, `avx2`, `avx512` on x86-64; `portable`, `neon` on arm64) when that
/// variable is set.
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

// MARK: Elementwise

/// y[i] = x[i] > 0 ? x[i] : 0 (NaN gives 0).
void ns_relu_forward(long count, const float *x, float *y);

/// input_gradient[i] = x[i] > 0 ? output_gradient[i] : 0 (computed as a product, so a NaN or
/// infinite output gradient gives NaN even where x[i] <= 0: loud rather than hidden).
void ns_relu_backward(long count, const float *output_gradient, const float *x, float *input_gradient);

/// data[r * channels + c] += bias[c] for every row r < rows, in place: a layer's bias, and the
/// epilogue a convolution or matrix kernel may call on the rows it has just written.
void ns_add_bias(long rows, long channels, const float *bias, float *data);

/// The operators of `ns_arithmetic`.
typedef enum {
    NS_ARITHMETIC_ADD = 0,
    NS_ARITHMETIC_SUBTRACT = 1,
    NS_ARITHMETIC_MULTIPLY = 2,
    NS_ARITHMETIC_DIVIDE = 3,
} ns_arithmetic_operator;

/// result[i] = a[i % a_count] op b[i % b_count] for i < count: each operand is either the
/// whole result's size or repeated (a scalar, a bias over the channels). a_count and b_count
/// divide count.
void ns_arithmetic(ns_arithmetic_operator op, long count, const float *a, long a_count, const float *b,
                   long b_count, float *result);

/// sums[o * inner + i] = the sum over r of x[(o * reduced + r) * inner + i], for an
/// [outer, reduced, inner] buffer: float sums over blocks of 64 along r, added in double.
void ns_sum_middle_axis(long outer, long reduced, long inner, const float *x, float *sums);

// MARK: Normalisation

/// Batch normalisation of a [rows, channels] buffer with per-channel statistics:
/// mean and (population) variance of each channel over the rows, and
/// output = (x - mean) / sqrt(variance + epsilon) * scale + offset, or its ReLU,
/// max(that, 0), when `applies_relu` is nonzero.
void ns_batch_norm_forward(long rows, long channels, const float *x, const float *scale, const float *offset,
                           float epsilon, int applies_relu, float *output, float *mean, float *variance);

/// The gradients of `ns_batch_norm_forward` given the output's gradient dy, with
/// s = 1 / sqrt(variance + epsilon) and x̂ = (x - mean) * s: offset_gradient = Σ dy,
/// scale_gradient = Σ dy * x̂, input_gradient = scale * s / rows * (rows * dy - Σ dy - x̂ * Σ dy x̂).
/// With `relu_offset` (the forward's `offset` when it applied the ReLU; else NULL), dy is taken
/// as zero wherever the forward's output, recomputed bit for bit from x, was not positive:
/// the gradient through the ReLU too, without reading that output. (dy is multiplied by 0
/// there, so a non-finite dy still poisons the result.)
void ns_batch_norm_backward(long rows, long channels, const float *output_gradient, const float *relu_offset,
                            const float *x, const float *scale, const float *mean, const float *variance,
                            float epsilon, float *input_gradient, float *scale_gradient, float *offset_gradient);

// MARK: Optimisers

/// One Adam step on `count` values, in place: m = beta1 * m + (1 - beta1) * g,
/// v = beta2 * v + (1 - beta2) * g², parameter -= step_size * m / (sqrt(v) + epsilon).
void ns_adam_update(long count, float *parameter, const float *gradient, float *first_moment,
                    float *second_moment, float beta1, float beta2, float epsilon, float step_size);

/// The sum of x[i]² over `count` values, accumulated in double (for global-norm clipping).
double ns_sum_of_squares(long count, const float *x);

/// y = factor * x over `count` values, in one pass (`y` may be `x`).
void ns_scale(long count, const float *x, float factor, float *y);

// MARK: Memory

/// Makes glibc's allocator keep freed memory for reuse (blocks up to 256 MiB from the heap,
/// up to 1 GiB of free memory kept), so that large buffers allocated again and again do
/// not page-fault each time. Does nothing with other C libraries.
void ns_keep_freed_memory(void);

#ifdef __cplusplus
}
#endif

#endif
