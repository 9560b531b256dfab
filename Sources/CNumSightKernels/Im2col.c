// im2col and its adjoint col2im for NHWC images.
#include "Im2col.h"
#include <string.h>

long ns_im2col_width(const ns_convolution_geometry *g) {
    return g->kernel_height * g->kernel_width * g->input_channels;
}

void ns_im2col(const ns_convolution_geometry *g, const float *input, long image_count,
               float *columns) {
    long channels = g->input_channels;
    long tap_row = g->kernel_width * channels;
    for (long n = 0; n < image_count; n++) {
        const float *image = input + n * g->input_height * g->input_width * channels;
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++) {
                for (long ky = 0; ky < g->kernel_height; ky++, columns += tap_row) {
                    long iy = oy * g->stride_height + ky * g->dilation_height - g->padding_top;
                    if (iy < 0 || iy >= g->input_height) {
                        memset(columns, 0, sizeof(float) * tap_row);
                        continue;
                    }
                    for (long kx = 0; kx < g->kernel_width; kx++) {
                        long ix = ox * g->stride_width + kx * g->dilation_width - g->padding_left;
                        float *destination = columns + kx * channels;
                        if (ix < 0 || ix >= g->input_width)
                            memset(destination, 0, sizeof(float) * channels);
                        else
                            memcpy(destination, image + (iy * g->input_width + ix) * channels,
                                   sizeof(float) * channels);
                    }
                }
            }
    }
}

void ns_col2im_add(const ns_convolution_geometry *g, const float *columns, long image_count,
                   float *input) {
    long channels = g->input_channels;
    for (long n = 0; n < image_count; n++) {
        float *image = input + n * g->input_height * g->input_width * channels;
        for (long oy = 0; oy < g->output_height; oy++)
            for (long ox = 0; ox < g->output_width; ox++)
                for (long ky = 0; ky < g->kernel_height; ky++) {
                    long iy = oy * g->stride_height + ky * g->dilation_height - g->padding_top;
                    for (long kx = 0; kx < g->kernel_width; kx++, columns += channels) {
                        long ix = ox * g->stride_width + kx * g->dilation_width - g->padding_left;
                        if (iy < 0 || iy >= g->input_height || ix < 0 || ix >= g->input_width)
                            continue;
                        float *destination = image + (iy * g->input_width + ix) * channels;
                        for (long ci = 0; ci < channels; ci++) destination[ci] += columns[ci];
                    }
                }
    }
}
