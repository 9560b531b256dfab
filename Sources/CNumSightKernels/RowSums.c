// The column sums of a [rows, columns] buffer (a bias gradient, for instance): float sums
// over fixed blocks of rows, split over threads, then added in double in block order, so
// the result does not depend on the thread count.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"
#include <stdlib.h>

enum { block_rows = 64 };

typedef struct {
    long rows, columns;
    const float *x;
    float *block_sums;  // per block, `columns` sums
} row_sums_call;

static long block_count(long rows) { return (rows + block_rows - 1) / block_rows; }

NS_BODY void block_sums_body(long first_block, long end_block, long rows, long columns, const float *restrict x,
                             float *restrict block_sums) {
    for (long block = first_block; block < end_block; block++) {
        float *restrict sums = block_sums + block * columns;
        for (long c = 0; c < columns; c++) sums[c] = 0;
        long end = (block + 1) * block_rows < rows ? (block + 1) * block_rows : rows;
        for (long row = block * block_rows; row < end; row++)
            for (long c = 0; c < columns; c++) sums[c] += x[row * columns + c];
    }
}
NS_PATH_VARIANTS(block_sums,
                 (long first_block, long end_block, long rows, long columns, const float *restrict x,
                  float *restrict block_sums),
                 (first_block, end_block, rows, columns, x, block_sums))

static void block_sums_part(void *context, long part, long part_count) {
    row_sums_call *call = context;
    long blocks = block_count(call->rows);
    block_sums(ns_part_start(blocks, part, part_count, 1), ns_part_start(blocks, part + 1, part_count, 1),
               call->rows, call->columns, call->x, call->block_sums);
}

void ns_sum_rows(long rows, long columns, const float *x, float *sums) {
    long blocks = block_count(rows);
    row_sums_call call = {rows, columns, x, malloc(sizeof(float) * (blocks + 1) * columns)};
    double *totals = calloc(columns + 1, sizeof(double));
    double work = (double)rows * columns * NS_ELEMENT_WORK;
    ns_parallel_run(ns_part_count(work, blocks), block_sums_part, &call);
    for (long block = 0; block < blocks; block++)
        for (long c = 0; c < columns; c++) totals[c] += call.block_sums[block * columns + c];
    for (long c = 0; c < columns; c++) sums[c] = (float)totals[c];
    free(totals);
    free(call.block_sums);
}
