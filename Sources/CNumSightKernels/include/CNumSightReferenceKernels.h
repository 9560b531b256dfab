#ifndef CNUMSIGHT_REFERENCE_KERNELS_H
#define CNUMSIGHT_REFERENCE_KERNELS_H

// Naive kernels, written straight from the definitions in CNumSightKernels.h: the
// specification the fast kernels are tested against. Same arguments, one thread, slow.

#include "CNumSightKernels.h"

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
void ns_reference_avg_pool2d_forward(const ns_pooling_geometry *geometry, const float *input,
                                     float *output);
void ns_reference_avg_pool2d_backward(const ns_pooling_geometry *geometry,
                                      const float *output_gradient, float *input_gradient);

#ifdef __cplusplus
}
#endif

#endif
