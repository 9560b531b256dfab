// Direct AVX-512 convolution for few input channels. Each image is first copied into a
// zero-bordered buffer, so that every tap is a fixed offset and no bounds are checked.
// Output channels are handled 32 at a time (two 16-lane vectors), zero-padded to a multiple of 32.
#include "ConvolutionDirect.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"
#include <string.h>

enum {
    max_input_channels = 4,
    max_rows = 64,       // filter rows: kernel_height * kernel_width * input_channels
    block = 32,          // output channels per block
    pixel_group = 6,     // output pixels computed together by the forward pass
    row_group = 9,       // filter rows accumulated together by the filter-gradient pass
    gradient_group = 8,  // input pixels computed together by the input-gradient pass (fixed)
};

int ns_conv2d_direct_handles(const ns_convolution_geometry *g, ns_kernel_path path,
                             int is_backward_input) {
    long rows = g->kernel_height * g->kernel_width * g->input_channels;
    int stride_one = g->stride_height == 1 && g->stride_width == 1;
    return path == NS_KERNEL_PATH_AVX512 && g->input_channels <= max_input_channels &&
           rows <= max_rows && (stride_one || !is_backward_input);
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

/// The lane sums of eight vectors, by a tree that adds halves of two vectors at a time.
AVX512 static inline void sum_lanes_of_eight(const lanes v[8], float sums[8]) {
    lanes pairs[4], quads[2];
    for (int i = 0; i < 4; i++)  // lanes 0-7: partial sums of v[2i], 8-15: of v[2i+1]
        pairs[i] = __builtin_shufflevector(v[2 * i], v[2 * i + 1], 0, 1, 2, 3, 4, 5, 6, 7, 16, 17,
                                           18, 19, 20, 21, 22, 23) +
                   __builtin_shufflevector(v[2 * i], v[2 * i + 1], 8, 9, 10, 11, 12, 13, 14, 15, 24,
                                           25, 26, 27, 28, 29, 30, 31);
    for (int i = 0; i < 2; i++)  // four lanes each of v[4i], v[4i+2], v[4i+1], v[4i+3]
        quads[i] = __builtin_shufflevector(pairs[2 * i], pairs[2 * i + 1], 0, 1, 2, 3, 16, 17, 18,
                                           19, 8, 9, 10, 11, 24, 25, 26, 27) +
                   __builtin_shufflevector(pairs[2 * i], pairs[2 * i + 1], 4, 5, 6, 7, 20, 21, 22,
                                           23, 12, 13, 14, 15, 28, 29, 30, 31);
    // two lanes each of v[0], v[4], v[2], v[6], v[1], v[5], v[3], v[7]
    lanes twos = __builtin_shufflevector(quads[0], quads[1], 0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24,
                                         25, 12, 13, 28, 29) +
                 __builtin_shufflevector(quads[0], quads[1], 2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26,
                                         27, 14, 15, 30, 31);
    lanes8 ones = __builtin_shufflevector(twos, twos, 0, 2, 4, 6, 8, 10, 12, 14) +
                  __builtin_shufflevector(twos, twos, 1, 3, 5, 7, 9, 11, 13, 15);
    lanes8 ordered = __builtin_shufflevector(ones, ones, 0, 4, 2, 6, 1, 5, 3, 7);
    memcpy(sums, &ordered, sizeof ordered);
}

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

static long round_up(long value, long multiple) { return (value + multiple - 1) / multiple * multiple; }

/// Sets up the bordered-input geometry shared by the forward and filter-gradient passes.
static void prepare_input_borders(direct_call *call) {
    const ns_convolution_geometry *g = call->g;
    call->rows = g->kernel_height * g->kernel_width * g->input_channels;
    call->padded_channels = round_up(g->output_channels, block);
    call->padded_height = (g->output_height - 1) * g->stride_height + (g->kernel_height - 1) * g->dilation_height + 1;
    call->padded_width = (g->output_width - 1) * g->stride_width + (g->kernel_width - 1) * g->dilation_width + 1;
    for (long ky = 0, r = 0; ky < g->kernel_height; ky++)
        for (long kx = 0; kx < g->kernel_width; kx++)
            for (long ci = 0; ci < g->input_channels; ci++, r++)
                call->offsets[r] = (ky * g->dilation_height * call->padded_width + kx * g->dilation_width) *
                                   g->input_channels + ci;
}

/// Copies image `n` into the interior of `bordered` (whose border is already zero).
static void copy_into_borders(const direct_call *call, long n, float *bordered) {
    const ns_convolution_geometry *g = call->g;
    long channels = g->input_channels;
    const float *image = call->input + n * g->input_height * g->input_width * channels;
    for (long y = 0; y < call->padded_height; y++) {
        long iy = y - g->padding_top;
        if (iy < 0 || iy >= g->input_height) continue;
        long first = g->padding_left > 0 ? g->padding_left : 0;
        long end = g->padding_left + g->input_width < call->padded_width ? g->padding_left + g->input_width
                                                                          : call->padded_width;
        if (end > first)
            memcpy(bordered + (y * call->padded_width + first) * channels,
                   image + (iy * g->input_width + first - g->padding_left) * channels,
                   sizeof(float) * (end - first) * channels);
    }
}

/// A zeroed buffer for one bordered image, with room for one more group of pixels after it.
static float *zeroed_borders(const direct_call *call, long channels) {
    size_t size = sizeof(float) * (call->padded_height * call->padded_width + gradient_group) * channels;
    float *bordered = ns_thread_buffer(NS_BUFFER_IMAGE, size);
    memset(bordered, 0, size);
    return bordered;
}

/// The filter as [rows][padded_channels], zero beyond the real output channels.
static const float *pack_filter(const direct_call *call, const float *filter) {
    long channels = call->g->output_channels;
    float *packed = ns_thread_buffer(NS_BUFFER_FILTER, sizeof(float) * call->rows * call->padded_channels);
    for (long r = 0; r < call->rows; r++) {
        memcpy(packed + r * call->padded_channels, filter + r * channels, sizeof(float) * channels);
        memset(packed + r * call->padded_channels + channels, 0,
               sizeof(float) * (call->padded_channels - channels));
    }
    return packed;
}

/// Moves (y, x) to the next pixel of a row-major grid `width` pixels wide.
static inline void step_pixel(long *y, long *x, long width) {
    if (++*x == width) {
        *x = 0;
        ++*y;
    }
}

static void images_of_part(const direct_call *call, long part, long part_count, long *first, long *end) {
    *first = ns_part_start(call->g->batch, part, part_count, 1);
    *end = ns_part_start(call->g->batch, part + 1, part_count, 1);
}

static long part_count(const ns_convolution_geometry *g) {
    double flops = 2.0 * g->batch * g->output_height * g->output_width * g->output_channels *
                   g->kernel_height * g->kernel_width * g->input_channels;
    return ns_part_count(flops, g->batch);
}

// MARK: Forward

/// Output pixels in groups of `pixel_group`, each a sum over filter rows of a broadcast input
/// value times a row of the filter.
AVX512 static void forward_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels, first, end;
    images_of_part(call, part, part_count, &first, &end);
    float *bordered = zeroed_borders(call, g->input_channels);
    for (long n = first; n < end; n++) {
        copy_into_borders(call, n, bordered);
        float *output = call->result + n * pixels * channels;
        long oy = 0, ox = 0;
        for (long q0 = 0; q0 < pixels; q0 += pixel_group) {
            const float *x[pixel_group];
            for (int p = 0; p < pixel_group; p++) {
                if (q0 + p >= pixels) {
                    x[p] = x[p - 1];
                    continue;
                }
                x[p] = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                      g->input_channels;
                step_pixel(&oy, &ox, g->output_width);
            }
            for (long cb = 0; cb < channels; cb += block) {
                lanes sum[pixel_group][2] = {{0}};
                for (long r = 0; r < call->rows; r++) {
                    const float *w = call->packed_filter + r * call->padded_channels + cb;
                    lanes low = load(w), high = load(w + 16);
                    long offset = call->offsets[r];
                    for (int p = 0; p < pixel_group; p++) {
                        sum[p][0] += x[p][offset] * low;
                        sum[p][1] += x[p][offset] * high;
                    }
                }
                long count = channels - cb < block ? channels - cb : block;
                for (int p = 0; p < pixel_group && q0 + p < pixels; p++)
                    store_block(output + (q0 + p) * channels + cb, sum[p][0], sum[p][1], count);
            }
        }
    }
}

void ns_conv2d_direct_forward(const ns_convolution_geometry *geometry, const float *input,
                              const float *filter, float *output) {
    direct_call call = {.g = geometry, .input = input, .result = output};
    prepare_input_borders(&call);
    call.packed_filter = pack_filter(&call, filter);
    ns_parallel_run(part_count(geometry), forward_part, &call);
}

// MARK: Filter gradient

/// The output gradient of image `n` with rows of `padded_channels` (itself when already so).
static const float *gradient_rows(const direct_call *call, long n) {
    const ns_convolution_geometry *g = call->g;
    long pixels = g->output_height * g->output_width, channels = g->output_channels;
    const float *gradient = call->output_gradient + n * pixels * channels;
    if (channels == call->padded_channels) return gradient;
    float *padded = ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * pixels * call->padded_channels);
    for (long q = 0; q < pixels; q++) {
        memcpy(padded + q * call->padded_channels, gradient + q * channels, sizeof(float) * channels);
        memset(padded + q * call->padded_channels + channels, 0,
               sizeof(float) * (call->padded_channels - channels));
    }
    return padded;
}

/// Adds, for `row_group` filter rows from `r0` and the block of channels at `cb`, the products
/// of image `n`'s inputs and output gradients into `sum` ([rows][output_channels]).
AVX512 static void accumulate_filter_block(const direct_call *call, const float *bordered,
                                           const float *gradient, long r0, long cb, float *sum) {
    const ns_convolution_geometry *g = call->g;
    long channels = g->output_channels, count = channels - cb < block ? channels - cb : block;
    long offsets[row_group];
    lanes total[row_group][2];
    for (int i = 0; i < row_group; i++) {
        long r = r0 + i < call->rows ? r0 + i : call->rows - 1;
        offsets[i] = call->offsets[r];
        float all[block] = {0};
        memcpy(all, sum + r * channels + cb, sizeof(float) * count);
        total[i][0] = load(all);
        total[i][1] = load(all + 16);
    }
    for (long oy = 0; oy < g->output_height; oy++) {
        for (long ox = 0; ox < g->output_width; ox++) {
            const float *x = bordered + (oy * g->stride_height * call->padded_width + ox * g->stride_width) *
                                            g->input_channels;
            const float *dy = gradient + (oy * g->output_width + ox) * call->padded_channels + cb;
            lanes low = load(dy), high = load(dy + 16);
            for (int i = 0; i < row_group; i++) {
                total[i][0] += x[offsets[i]] * low;
                total[i][1] += x[offsets[i]] * high;
            }
        }
    }
    for (int i = 0; i < row_group && r0 + i < call->rows; i++)
        store_block(sum + (r0 + i) * channels + cb, total[i][0], total[i][1], count);
}

/// Part 0 sums into the result, part p > 0 into partial sum p - 1; the caller adds them up.
static void backward_filter_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long size = call->rows * g->output_channels, first, end;
    float *sum = part == 0 ? call->result : call->partial_sums + (part - 1) * size;
    memset(sum, 0, sizeof(float) * size);
    images_of_part(call, part, part_count, &first, &end);
    float *bordered = zeroed_borders(call, g->input_channels);
    for (long n = first; n < end; n++) {
        copy_into_borders(call, n, bordered);
        const float *gradient = gradient_rows(call, n);
        for (long r0 = 0; r0 < call->rows; r0 += row_group)
            for (long cb = 0; cb < g->output_channels; cb += block)
                accumulate_filter_block(call, bordered, gradient, r0, cb, sum);
    }
}

void ns_conv2d_direct_backward_filter(const ns_convolution_geometry *geometry, const float *input,
                                      const float *output_gradient, float *filter_gradient) {
    direct_call call = {.g = geometry, .input = input, .output_gradient = output_gradient,
                        .result = filter_gradient};
    prepare_input_borders(&call);
    long parts = part_count(geometry), size = call.rows * geometry->output_channels;
    call.partial_sums = ns_thread_buffer(NS_BUFFER_PARTIAL_SUM, sizeof(float) * (parts - 1) * size);
    ns_parallel_run(parts, backward_filter_part, &call);
    for (long part = 1; part < parts; part++)
        for (long i = 0; i < size; i++) filter_gradient[i] += call.partial_sums[(part - 1) * size + i];
}

// MARK: Input gradient

/// The input gradients of channel `ci` at `gradient_group` consecutive positions of the bordered
/// output gradient from `dy`: dot products over taps and output channels, summed in lanes then
/// reduced. Inlined with `wide` a constant where it is one (one block of channels).
AVX512 __attribute__((always_inline)) static inline void
sum_input_gradients(const direct_call *call, const float *dy, long wide, long ci, float *sums) {
    long taps = call->g->kernel_height * call->g->kernel_width, input_channels = call->g->input_channels;
    lanes total[gradient_group][2] = {{0}};
    for (long tap = 0; tap < taps; tap++) {
        const float *w = call->packed_filter + (tap * input_channels + ci) * wide;
        const float *d = dy + call->offsets[tap];
        for (long cb = 0; cb < wide; cb += block) {
            lanes low = load(w + cb), high = load(w + cb + 16);
            for (int p = 0; p < gradient_group; p++) {
                total[p][0] += load(d + p * wide + cb) * low;
                total[p][1] += load(d + p * wide + cb + 16) * high;
            }
        }
    }
    lanes halves_added[gradient_group];
    for (int p = 0; p < gradient_group; p++) halves_added[p] = total[p][0] + total[p][1];
    sum_lanes_of_eight(halves_added, sums);
}

/// With stride 1, input (iy, ix) receives tap (ky, kx) from output (iy + pt - ky*dh, ix + pl - kx*dw).
/// The output gradient is bordered so that every such output exists (zero outside). Input pixels
/// are walked as a grid as wide as the bordered one, so that consecutive pixels are a fixed
/// stride apart, into `wide_rows`; the few beyond the right edge are dropped when copying out.
AVX512 static void backward_input_part(void *context, long part, long part_count) {
    const direct_call *call = context;
    const ns_convolution_geometry *g = call->g;
    long input_channels = g->input_channels, channels = g->output_channels, wide = call->padded_channels;
    long pixels = g->input_height * g->input_width, first, end;
    images_of_part(call, part, part_count, &first, &end);
    float *bordered = zeroed_borders(call, wide);
    float *wide_rows = ns_thread_buffer(NS_BUFFER_COLUMNS, sizeof(float) * input_channels *
                                        (g->input_height * call->padded_width + gradient_group));
    long top = (g->kernel_height - 1) * g->dilation_height - g->padding_top;
    long left = (g->kernel_width - 1) * g->dilation_width - g->padding_left;
    long first_x = left < 0 ? -left : 0;
    long end_x = g->output_width + left < call->padded_width ? g->output_width : call->padded_width - left;
    for (long n = first; n < end; n++) {
        const float *gradient = call->output_gradient + n * g->output_height * g->output_width * channels;
        for (long oy = 0; oy < g->output_height; oy++) {
            long y = oy + top;
            if (y < 0 || y >= call->padded_height || end_x <= first_x) continue;
            float *row = bordered + (y * call->padded_width + first_x + left) * wide;
            const float *source = gradient + (oy * g->output_width + first_x) * channels;
            if (channels == wide)
                memcpy(row, source, sizeof(float) * (end_x - first_x) * channels);
            else
                for (long ox = 0; ox < end_x - first_x; ox++)
                    memcpy(row + ox * wide, source + ox * channels, sizeof(float) * channels);
        }
        for (long q0 = 0; q0 < g->input_height * call->padded_width; q0 += gradient_group) {
            float sums[gradient_group];
            for (long ci = 0; ci < input_channels; ci++) {
                if (wide == block)
                    sum_input_gradients(call, bordered + q0 * wide, block, ci, sums);
                else
                    sum_input_gradients(call, bordered + q0 * wide, wide, ci, sums);
                for (int p = 0; p < gradient_group; p++) wide_rows[(q0 + p) * input_channels + ci] = sums[p];
            }
        }
        float *input_gradient = call->result + n * pixels * input_channels;
        for (long iy = 0; iy < g->input_height; iy++)
            memcpy(input_gradient + iy * g->input_width * input_channels,
                   wide_rows + iy * call->padded_width * input_channels,
                   sizeof(float) * g->input_width * input_channels);
    }
}

void ns_conv2d_direct_backward_input(const ns_convolution_geometry *geometry,
                                     const float *output_gradient, const float *filter,
                                     float *input_gradient) {
    const ns_convolution_geometry *g = geometry;
    direct_call call = {.g = g, .output_gradient = output_gradient, .result = input_gradient};
    call.rows = g->kernel_height * g->kernel_width * g->input_channels;
    call.padded_channels = round_up(g->output_channels, block);
    call.padded_height = g->input_height + (g->kernel_height - 1) * g->dilation_height;
    call.padded_width = g->input_width + (g->kernel_width - 1) * g->dilation_width;
    for (long ky = 0, tap = 0; ky < g->kernel_height; ky++)
        for (long kx = 0; kx < g->kernel_width; kx++, tap++)
            call.offsets[tap] = ((g->kernel_height - 1 - ky) * g->dilation_height * call.padded_width +
                                 (g->kernel_width - 1 - kx) * g->dilation_width) * call.padded_channels;
    call.packed_filter = pack_filter(&call, filter);
    ns_parallel_run(part_count(g), backward_input_part, &call);
}
#endif
