// Direct convolution for images with few input channels, such as the first layer of a CNN
// on grey images, where im2col would feed GEMM an inner dimension of only a few taps.
#ifndef NS_CONVOLUTION_DIRECT_H
#define NS_CONVOLUTION_DIRECT_H

#include "CNumSightKernels.h"

/// Whether the direct kernels handle this pass: AVX-512, AVX2 or NEON, at most 4 input channels and 64
/// filter rows (kernel_height * kernel_width * input_channels); backward input also needs stride 1.
int ns_conv2d_direct_handles(const ns_convolution_geometry *geometry, ns_kernel_path path,
                             int is_backward_input);

/// The three passes, with the contracts of the public ns_conv2d_* functions.
void ns_conv2d_direct_forward(const ns_convolution_geometry *geometry, const float *input,
                              const float *filter, float *output);
void ns_conv2d_direct_backward_input(const ns_convolution_geometry *geometry,
                                     const float *output_gradient, const float *filter,
                                     float *input_gradient);
void ns_conv2d_direct_backward_filter(const ns_convolution_geometry *geometry, const float *input,
                                      const float *output_gradient, float *filter_gradient);

#endif
