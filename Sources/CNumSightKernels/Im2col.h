// Unfolding images into the rows of a matrix, so a convolution becomes one GEMM.
#ifndef NS_IM2COL_H
#define NS_IM2COL_H

#include "CNumSightKernels.h"

/// The number of columns of the unfolded matrix: kernel_height * kernel_width * input_channels.
long ns_im2col_width(const ns_convolution_geometry *geometry);

/// Writes one row per output pixel of `image_count` images of `input` (already offset to the
/// first one): row (n, oy, ox) holds, at (ky * kernel_width + kx) * input_channels + ci,
/// the input that tap (ky, kx) of that pixel reads (zero in the padding).
void ns_im2col(const ns_convolution_geometry *geometry, const float *input, long image_count,
               float *columns);

/// The adjoint of `ns_im2col`: adds every value of `columns` into the input position it was
/// read from (values read from the padding are dropped).
void ns_col2im_add(const ns_convolution_geometry *geometry, const float *columns,
                   long image_count, float *input);

#endif
