// What the direct convolution passes share: the call, the bordered-image set-up and
// 16-lane vector helpers for AVX-512.
#ifndef NS_CONVOLUTION_DIRECT_CALL_H
#define NS_CONVOLUTION_DIRECT_CALL_H

#include "ConvolutionDirect.h"
#include <string.h>

enum {
    max_input_channels = 4,
    max_rows = 64,       // filter rows: kernel_height * kernel_width * input_channels
    block = 32,          // output channels per block
    pixel_group = 6,     // output pixels computed together by the forward pass
    row_group = 9,       // filter rows accumulated together by the filter-gradient pass
    gradient_group = 8,  // input pixels computed together by the input-gradient pass (fixed)
};

/// What every part of a direct pass shares.
typedef struct {
    const ns_convolution_geometry *g;
    long rows, padded_channels;
    long padded_height, padded_width;  // of the zero-bordered input (or output-gradient) image
    long offsets[max_rows];            // of each filter row (or tap) in the bordered image
    const float *packed_filter;        // [rows][padded_channels]
    const float *input, *output_gradient;
    float *result, *partial_sums;
} direct_call;

long ns_direct_round_up(long value, long multiple);

/// Sets up the bordered-input geometry shared by the forward and filter-gradient passes.
void ns_direct_prepare_input_borders(direct_call *call);

/// Copies image `n` into the interior of `bordered` (whose border is already zero).
void ns_direct_copy_into_borders(const direct_call *call, long n, float *bordered);

/// A zeroed buffer for one bordered image, with room for one more group of pixels after it.
float *ns_direct_zeroed_borders(const direct_call *call, long channels);

/// The filter as [rows][padded_channels], zero beyond the real output channels.
const float *ns_direct_pack_filter(const direct_call *call, const float *filter);

/// The images [first, end) of `part`.
void ns_direct_images_of_part(const direct_call *call, long part, long part_count, long *first, long *end);

/// How many parts a pass of `geometry` is split into.
long ns_direct_part_count(const ns_convolution_geometry *geometry);

/// Moves (y, x) to the next pixel of a row-major grid `width` pixels wide.
static inline void step_pixel(long *y, long *x, long width) {
    if (++*x == width) {
        *x = 0;
        ++*y;
    }
}

#if defined(__x86_64__)
#define AVX512 __attribute__((target("avx512f,avx512vl,fma")))

typedef float lanes __attribute__((ext_vector_type(16)));
typedef float lanes8 __attribute__((ext_vector_type(8)));

AVX512 static inline lanes load(const float *p) { lanes v; memcpy(&v, p, sizeof v); return v; }
AVX512 static inline void store(float *p, lanes v) { memcpy(p, &v, sizeof v); }

/// Stores the first `count` (at most 32) channels of a block.
AVX512 static inline void store_block(float *p, lanes low, lanes high, long count) {
    if (count == block) {
        store(p, low);
        store(p + 16, high);
    } else {
        float all[block];
        store(all, low);
        store(all + 16, high);
        memcpy(p, all, sizeof(float) * count);
    }
}
#endif

#endif
