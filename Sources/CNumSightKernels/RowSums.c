// Sums over the middle axis of an [outer, reduced, inner] buffer (a bias gradient, a sum
// along the last axis, a sum of everything): float sums over fixed blocks of the reduced
// axis, split over threads, then added in double in block order, so the result does not
// depend on the thread count and its error does not grow with the length of the axis.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"
#include <stdlib.h>

enum { block_rows = 64 };

typedef struct {
    long outer, rows, columns;  // rows: the reduced axis; columns: the inner one
    const float *x;
    float *block_sums;          // per (outer, block), `columns` sums
} row_sums_call;

static long block_count(long rows) { return (rows + block_rows - 1) / block_rows; }

/// The block sums of blocks [first, end) counted over every outer index.
NS_BODY void block_sums_body(long first, long end, long rows, long columns, const float *restrict x,
                             float *restrict block_sums) {
    long blocks = block_count(rows);
    for (long index = first; index < end; index++) {
        long outer = index / blocks, block = index % blocks;
        const float *restrict matrix = x + outer * rows * columns;
        float *restrict sums = block_sums + index * columns;
        for (long c = 0; c < columns; c++) sums[c] = 0;
        long end_row = (block + 1) * block_rows < rows ? (block + 1) * block_rows : rows;
        for (long row = block * block_rows; row < end_row; row++)
            for (long c = 0; c < columns; c++) sums[c] += matrix[row * columns + c];
    }
}
NS_PATH_VARIANTS(block_sums,
                 (long first, long end, long rows, long columns, const float *restrict x,
                  float *restrict block_sums),
                 (first, end, rows, columns, x, block_sums))

static void block_sums_part(void *context, long part, long part_count) {
    row_sums_call *call = context;
    long count = call->outer * block_count(call->rows);
    block_sums(ns_part_start(count, part, part_count, 1), ns_part_start(count, part + 1, part_count, 1),
               call->rows, call->columns, call->x, call->block_sums);
}

void ns_sum_middle_axis(long outer, long reduced, long inner, const float *x, float *sums) {
    long blocks = block_count(reduced);
    row_sums_call call = {outer, reduced, inner, x, malloc(sizeof(float) * (outer * blocks * inner + 1))};
    double *totals = malloc(sizeof(double) * (inner + 1));
    double work = (double)outer * reduced * inner * NS_ELEMENT_WORK;
    ns_parallel_run(ns_part_count(work, outer * blocks), block_sums_part, &call);
    for (long o = 0; o < outer; o++) {
        for (long c = 0; c < inner; c++) totals[c] = 0;
        for (long block = 0; block < blocks; block++)
            for (long c = 0; c < inner; c++) totals[c] += call.block_sums[(o * blocks + block) * inner + c];
        for (long c = 0; c < inner; c++) sums[o * inner + c] = (float)totals[c];
    }
    free(totals);
    free(call.block_sums);
}
