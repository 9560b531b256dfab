// Batch normalisation over [rows, channels] buffers, statistics per channel. Sums are taken
// in float over fixed blocks of rows (so the loops vectorise over channels and the blocks
// split over threads) and the block sums combined in double in block order, so the results
// do not depend on the thread count. The variance never subtracts two large sums: each block
// sums its values less the block's first row, and the blocks' means and squared deviations
// are merged as in Chan, Golub and LeVeque's parallel algorithm.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"
#include <math.h>
#include <stdlib.h>

enum { block_rows = 64 };

/// What one batch-normalisation pass reads and writes; parts split the row blocks (sums)
/// or the rows (elementwise passes).
typedef struct {
    long rows, channels;
    const float *x, *gradient;
    const float *relu_a, *relu_c;           // the backward: dy counts only where a·x + c > 0 (or NULL)
    int applies_relu;                       // the forward: result = max(a·x + c, 0)
    const float *mean, *inverse_deviation;  // the backward sums only
    const float *a, *b, *c;                 // result = a·x + c, or a·gradient + b·x + c
    float *block_sums;                      // per block: channels first sums, then channels second sums
    float *result;
} normalization_call;

static long block_count(long rows) { return (rows + block_rows - 1) / block_rows; }

static void run(normalization_call *call, ns_task_part task, long units) {
    ns_parallel_run(ns_part_count((double)call->rows * call->channels * NS_ELEMENT_WORK, units), task, call);
}

/// Per channel, the double totals of the block sums of the two quantities (the backward sums).
static void add_block_sums(const normalization_call *call, double *first, double *second) {
    long channels = call->channels;
    for (long c = 0; c < channels; c++) first[c] = second[c] = 0;
    for (long block = 0; block < block_count(call->rows); block++) {
        const float *sums = call->block_sums + 2 * block * channels;
        for (long c = 0; c < channels; c++) {
            first[c] += sums[c];
            second[c] += sums[channels + c];
        }
    }
}

/// Per channel, the mean and the population variance of x from the block sums of
/// `statistics_sums`: each block's mean and sum of squared deviations, merged in block order.
static void merge_block_statistics(const normalization_call *call, double *mean, double *variance) {
    long channels = call->channels;
    for (long c = 0; c < channels; c++) mean[c] = variance[c] = 0;  // variance holds Σ(x − mean)² until the end
    for (long block = 0; block < block_count(call->rows); block++) {
        const float *sums = call->block_sums + 2 * block * channels, *shift = call->x + block * block_rows * channels;
        long first_row = block * block_rows;
        double count = (double)(call->rows - first_row < block_rows ? call->rows - first_row : block_rows);
        double before = (double)first_row, total = before + count;
        double inverse_count = 1 / count, weight = count / total, cross = before * count / total;
        for (long c = 0; c < channels; c++) {
            double block_mean = shift[c] + sums[c] * inverse_count;
            double block_squares = sums[channels + c] - (double)sums[c] * sums[c] * inverse_count;
            double delta = block_mean - mean[c];
            mean[c] += delta * weight;
            variance[c] += (block_squares > 0 ? block_squares : 0) + delta * delta * cross;
        }
    }
    for (long c = 0; c < channels; c++) variance[c] = call->rows > 0 ? variance[c] / (double)call->rows : 0;
}

// MARK: Sums

/// Per block of rows in [first_block, end_block): the sums of d and d² with d = x − (the
/// block's first row), small numbers even when the mean is large against the spread.
NS_BODY void statistics_sums_body(long first_block, long end_block, long rows, long channels,
                                  const float *restrict x, float *restrict block_sums) {
    for (long block = first_block; block < end_block; block++) {
        float *restrict sums = block_sums + 2 * block * channels, *restrict squares = sums + channels;
        const float *restrict shift = x + block * block_rows * channels;
        for (long c = 0; c < channels; c++) sums[c] = squares[c] = 0;
        long end = (block + 1) * block_rows < rows ? (block + 1) * block_rows : rows;
        for (long row = block * block_rows + 1; row < end; row++) {
            const float *restrict values = x + row * channels;
            for (long c = 0; c < channels; c++) {
                float d = values[c] - shift[c];
                sums[c] += d;
                squares[c] += d * d;
            }
        }
    }
}
NS_PATH_VARIANTS(statistics_sums,
                 (long first_block, long end_block, long rows, long channels, const float *restrict x,
                  float *restrict block_sums),
                 (first_block, end_block, rows, channels, x, block_sums))

static void statistics_sums_part(void *context, long part, long part_count) {
    normalization_call *call = context;
    long blocks = block_count(call->rows);
    statistics_sums(ns_part_start(blocks, part, part_count, 1), ns_part_start(blocks, part + 1, part_count, 1),
                    call->rows, call->channels, call->x, call->block_sums);
}

/// Sums of dy and dy·(x − mean)·s over the rows of blocks [first_block, end_block), with dy
/// times zero where the forward's output x·relu_a + relu_c (when given) was not positive. (A
/// product, not a select: a select becomes a masked load that waits for the comparison and
/// slows the pass threefold; a non-finite dy stays non-finite, loud rather than hidden.)
NS_BODY void gradient_sums_body(long first_block, long end_block, long rows, long channels,
                                const float *restrict gradient, const float *restrict relu_a,
                                const float *restrict relu_c, const float *restrict x, const float *restrict mean,
                                const float *restrict inverse_deviation, float *restrict block_sums) {
    for (long block = first_block; block < end_block; block++) {
        float *restrict sums = block_sums + 2 * block * channels, *restrict products = sums + channels;
        for (long c = 0; c < channels; c++) sums[c] = products[c] = 0;
        long end = (block + 1) * block_rows < rows ? (block + 1) * block_rows : rows;
        for (long row = block * block_rows; row < end; row++) {
            const float *restrict dy = gradient + row * channels, *restrict values = x + row * channels;
            if (relu_a) {
                for (long c = 0; c < channels; c++) {
                    float y = values[c] * relu_a[c] + relu_c[c];  // as the forward pass computed it
                    float g = dy[c] * (y > 0 ? 1.0f : 0.0f);
                    sums[c] += g;
                    products[c] += g * ((values[c] - mean[c]) * inverse_deviation[c]);
                }
            } else {
                for (long c = 0; c < channels; c++) {
                    sums[c] += dy[c];
                    products[c] += dy[c] * ((values[c] - mean[c]) * inverse_deviation[c]);
                }
            }
        }
    }
}
NS_PATH_VARIANTS(gradient_sums,
                 (long first_block, long end_block, long rows, long channels, const float *restrict gradient,
                  const float *restrict relu_a, const float *restrict relu_c, const float *restrict x,
                  const float *restrict mean, const float *restrict inverse_deviation, float *restrict block_sums),
                 (first_block, end_block, rows, channels, gradient, relu_a, relu_c, x, mean, inverse_deviation,
                  block_sums))

static void gradient_sums_part(void *context, long part, long part_count) {
    normalization_call *call = context;
    long blocks = block_count(call->rows);
    gradient_sums(ns_part_start(blocks, part, part_count, 1), ns_part_start(blocks, part + 1, part_count, 1),
                  call->rows, call->channels, call->gradient, call->relu_a, call->relu_c, call->x, call->mean,
                  call->inverse_deviation, call->block_sums);
}

// MARK: Elementwise passes

/// result = a·x + c per channel, or max(a·x + c, 0) when `applies_relu`, over rows [first_row, end_row).
NS_BODY void normalize_body(long first_row, long end_row, long channels, const float *restrict x,
                            const float *restrict a, const float *restrict c, int applies_relu,
                            float *restrict result) {
    for (long row = first_row; row < end_row; row++) {
        const float *restrict values = x + row * channels;
        float *restrict output = result + row * channels;
        if (applies_relu) {
            for (long k = 0; k < channels; k++) {
                float y = values[k] * a[k] + c[k];
                output[k] = y > 0 ? y : 0;
            }
        } else {
            for (long k = 0; k < channels; k++) output[k] = values[k] * a[k] + c[k];
        }
    }
}
NS_PATH_VARIANTS(normalize,
                 (long first_row, long end_row, long channels, const float *restrict x, const float *restrict a,
                  const float *restrict c, int applies_relu, float *restrict result),
                 (first_row, end_row, channels, x, a, c, applies_relu, result))

static void normalize_part(void *context, long part, long part_count) {
    normalization_call *call = context;
    normalize(ns_part_start(call->rows, part, part_count, 1), ns_part_start(call->rows, part + 1, part_count, 1),
              call->channels, call->x, call->a, call->c, call->applies_relu, call->result);
}

/// result = a·gradient + b·x + c per channel, over rows [first_row, end_row), with the gradient
/// zero where the forward's output x·relu_a + relu_c (when given) was not positive.
NS_BODY void input_gradient_body(long first_row, long end_row, long channels, const float *restrict gradient,
                                 const float *restrict relu_a, const float *restrict relu_c, const float *restrict x,
                                 const float *restrict a, const float *restrict b, const float *restrict c,
                                 float *restrict result) {
    for (long row = first_row; row < end_row; row++) {
        const float *restrict dy = gradient + row * channels, *restrict values = x + row * channels;
        float *restrict dx = result + row * channels;
        if (relu_a) {
            for (long k = 0; k < channels; k++) {
                float y = values[k] * relu_a[k] + relu_c[k];  // as the forward pass computed it
                dx[k] = a[k] * (dy[k] * (y > 0 ? 1.0f : 0.0f)) + b[k] * values[k] + c[k];
            }
        } else {
            for (long k = 0; k < channels; k++) dx[k] = a[k] * dy[k] + b[k] * values[k] + c[k];
        }
    }
}
NS_PATH_VARIANTS(input_gradient,
                 (long first_row, long end_row, long channels, const float *restrict gradient,
                  const float *restrict relu_a, const float *restrict relu_c, const float *restrict x,
                  const float *restrict a, const float *restrict b, const float *restrict c, float *restrict result),
                 (first_row, end_row, channels, gradient, relu_a, relu_c, x, a, b, c, result))

static void input_gradient_part(void *context, long part, long part_count) {
    normalization_call *call = context;
    input_gradient(ns_part_start(call->rows, part, part_count, 1),
                   ns_part_start(call->rows, part + 1, part_count, 1), call->channels, call->gradient,
                   call->relu_a, call->relu_c, call->x, call->a, call->b, call->c, call->result);
}

// MARK: Entry points

/// output = x·multiplier + shift per channel, from the statistics as returned (rounded to
/// float), so that the backward pass recomputes the forward's output bit for bit.
static void normalization_constants(long channels, const float *scale, const float *offset, const float *mean,
                                    const float *variance, float epsilon, float *multiplier, float *shift) {
    for (long c = 0; c < channels; c++) {
        multiplier[c] = (float)((double)scale[c] / sqrt((double)variance[c] + (double)epsilon));
        shift[c] = (float)((double)offset[c] - (double)mean[c] * multiplier[c]);
    }
}

void ns_batch_norm_forward(long rows, long channels, const float *x, const float *scale, const float *offset,
                           float epsilon, int applies_relu, float *output, float *mean, float *variance) {
    float *block_sums = malloc(sizeof(float) * 2 * (block_count(rows) + 1) * channels);
    double *totals = malloc(sizeof(double) * 2 * channels);
    float *multiplier = malloc(sizeof(float) * 2 * channels), *shift = multiplier + channels;
    normalization_call call = {.rows = rows, .channels = channels, .x = x, .block_sums = block_sums,
                               .a = multiplier, .c = shift, .applies_relu = applies_relu, .result = output};
    run(&call, statistics_sums_part, block_count(rows));
    merge_block_statistics(&call, totals, totals + channels);
    for (long c = 0; c < channels; c++) {
        mean[c] = (float)totals[c];
        variance[c] = (float)totals[channels + c];
    }
    normalization_constants(channels, scale, offset, mean, variance, epsilon, multiplier, shift);
    run(&call, normalize_part, rows);
    free(multiplier);
    free(totals);
    free(block_sums);
}

void ns_batch_norm_backward(long rows, long channels, const float *output_gradient, const float *relu_offset,
                            const float *x, const float *scale, const float *mean, const float *variance,
                            float epsilon, float *input_gradient, float *scale_gradient, float *offset_gradient) {
    float *block_sums = malloc(sizeof(float) * 2 * (block_count(rows) + 1) * channels);
    double *totals = malloc(sizeof(double) * 2 * channels);
    float *constants = malloc(sizeof(float) * 6 * channels);
    float *inverse_deviation = constants, *a = constants + channels, *b = a + channels, *c = b + channels;
    float *relu_a = relu_offset ? c + channels : 0, *relu_c = relu_offset ? relu_a + channels : 0;
    for (long k = 0; k < channels; k++) inverse_deviation[k] = 1 / sqrtf(variance[k] + epsilon);
    if (relu_offset) normalization_constants(channels, scale, relu_offset, mean, variance, epsilon, relu_a, relu_c);
    normalization_call call = {.rows = rows, .channels = channels, .x = x, .gradient = output_gradient,
                               .relu_a = relu_a, .relu_c = relu_c, .mean = mean, .inverse_deviation = inverse_deviation, .a = a, .b = b, .c = c,
                               .block_sums = block_sums, .result = input_gradient};
    run(&call, gradient_sums_part, block_count(rows));
    add_block_sums(&call, totals, totals + channels);
    float n = (float)rows;
    for (long k = 0; k < channels; k++) {
        offset_gradient[k] = (float)totals[k];
        scale_gradient[k] = (float)totals[channels + k];
        // dx = a·dy + b·x + c, the constants folded once per channel.
        a[k] = scale[k] * inverse_deviation[k];
        b[k] = -a[k] * inverse_deviation[k] * scale_gradient[k] / n;
        c[k] = -a[k] * offset_gradient[k] / n - b[k] * mean[k];
    }
    run(&call, input_gradient_part, rows);
    free(constants);
    free(totals);
    free(block_sums);
}
