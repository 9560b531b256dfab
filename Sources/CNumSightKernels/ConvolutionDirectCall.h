// What the direct convolution passes share: the call, the bordered-image set-up and
// vector helpers for AVX-512 and AVX2.
#ifndef NS_CONVOLUTION_DIRECT_CALL_H
#define NS_CONVOLUTION_DIRECT_CALL_H

#include "ConvolutionDirect.h"
#include "PathVariants.h"
#include <string.h>

enum {
    max_input_channels = 4,
    max_rows = 64,       // filter rows: kernel_height * kernel_width * input_channels
    block = 32,          // output channels per block
    pixel_group = 6,     // most output pixels computed together by the forward pass
    row_group = 9,       // most filter rows accumulated together by the filter-gradient pass
    gradient_group = 8,  // input pixels computed together by the input-gradient pass (fixed)
    blocked_group = 24,  // most input pixels computed together by its variant for 3-wide kernel rows
    position_slack = 32, // pixels past the end of a bordered image that a group may touch
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
#define AVX2 __attribute__((target("avx2,fma")))
/// Sixteen floats: one zmm register on AVX-512, two ymm registers on AVX2.
typedef float lanes __attribute__((ext_vector_type(16)));
typedef float lanes8 __attribute__((ext_vector_type(8)));
/// `lanes` at any float-aligned address. Loads and stores are macros rather than functions
/// because a function taking or returning 64-byte vectors has an ABI only with AVX-512.
typedef float unaligned_lanes __attribute__((ext_vector_type(16), aligned(4), may_alias));

#define load(p) (*(const unaligned_lanes *)(p))
#define store(p, v) (*(unaligned_lanes *)(p) = (v))

/// Stores the first `count` (at most 32) channels of a block.
#define store_block(p, low, high, count)             \
    do {                                             \
        if ((count) == block) {                      \
            store(p, low);                           \
            store((p) + 16, high);                   \
        } else {                                     \
            float all_[block];                       \
            store(all_, low);                        \
            store(all_ + 16, high);                  \
            memcpy(p, all_, sizeof(float) * (count)); \
        }                                            \
    } while (0)
#endif

#endif
