#ifndef CNUMSIGHT_REFERENCE_KERNELS_H
#define CNUMSIGHT_REFERENCE_KERNELS_H

// Naive kernels, written straight from the definitions in CNumSightKernels.h: the
// specification the fast kernels are tested against. Same arguments, one thread, slow.
// Used by the Swift kernel tests and by the C driver of Tests/Arm64.

#include <CNumSightKernels.h>

#ifdef __cplusplus
extern "C" {
#endif

void ns_reference_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
                        float alpha, const float *a, long lda, const float *b, long ldb,
                        float beta, float *c, long ldc);
void ns_reference_dgemm(int transpose_a, int transpose_b, long m, long n, long k,
                        double alpha, const double *a, long lda, const double *b, long ldb,
                        double beta, double *c, long ldc);

void ns_reference_conv2d_forward(const ns_convolution_geometry *geometry, const float *input,
                                 const float *filter, float *output);
void ns_reference_conv2d_backward_input(const ns_convolution_geometry *geometry,
                                        const float *output_gradient, const float *filter,
                                        float *input_gradient);
void ns_reference_conv2d_backward_filter(const ns_convolution_geometry *geometry,
                                         const float *input, const float *output_gradient,
                                         float *filter_gradient);

void ns_reference_max_pool2d_forward(const ns_pooling_geometry *geometry, const float *input,
                                     float *output, long *argmax);
void ns_reference_max_pool2d_backward(const ns_pooling_geometry *geometry,
                                      const float *output_gradient, const long *argmax,
                                      float *input_gradient);
void ns_reference_avg_pool2d_forward(const ns_pooling_geometry *geometry, const float *input,
                                     float *output);
void ns_reference_avg_pool2d_backward(const ns_pooling_geometry *geometry,
                                      const float *output_gradient, float *input_gradient);

void ns_reference_relu_forward(long count, const float *x, float *y);
void ns_reference_relu_backward(long count, const float *output_gradient, const float *x,
                                float *input_gradient);
void ns_reference_arithmetic(ns_arithmetic_operator op, long count, const float *a, long a_count,
                             const float *b, long b_count, float *result);
void ns_reference_sum_rows(long rows, long columns, const float *x, float *sums);

void ns_reference_batch_norm_forward(long rows, long channels, const float *x, const float *scale,
                                     const float *offset, float epsilon, float *output, float *mean,
                                     float *variance);
void ns_reference_batch_norm_backward(long rows, long channels, const float *output_gradient,
                                      const float *x, const float *scale, const float *mean,
                                      const float *variance, float epsilon, float *input_gradient,
                                      float *scale_gradient, float *offset_gradient);

void ns_reference_adam_update(long count, float *parameter, const float *gradient, float *first_moment,
                              float *second_moment, float beta1, float beta2, float epsilon,
                              float step_size);

#ifdef __cplusplus
}
#endif

#endif
