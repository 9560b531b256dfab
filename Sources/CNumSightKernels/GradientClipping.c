// The two passes of global-norm gradient clipping: the sum of squares (accumulated in
// double, in a fixed order for a given thread count) and the scaling, split over threads.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"

#define MAXIMUM_PARTS 64
#define LANES 16

typedef struct {
    long count;
    const float *x;
    double partial_sums[MAXIMUM_PARTS];
} sum_of_squares_call;

NS_BODY void sum_of_squares_body(long start, long end, const float *x, double *sum) {
    // Independent lanes let the compiler vectorise without reassociating one running sum.
    double lanes[LANES] = {0};
    long i = start;
    for (; i + LANES <= end; i += LANES) {
        for (int lane = 0; lane < LANES; lane++) lanes[lane] += (double)x[i + lane] * (double)x[i + lane];
    }
    for (; i < end; i++) lanes[0] += (double)x[i] * (double)x[i];
    double total = 0;
    for (int lane = 0; lane < LANES; lane++) total += lanes[lane];
    *sum = total;
}
NS_PATH_VARIANTS(sum_of_squares, (long start, long end, const float *x, double *sum), (start, end, x, sum))

static void sum_of_squares_part(void *context, long part, long part_count) {
    sum_of_squares_call *call = context;
    sum_of_squares(ns_part_start(call->count, part, part_count, LANES),
                   ns_part_start(call->count, part + 1, part_count, LANES), call->x, &call->partial_sums[part]);
}

double ns_sum_of_squares(long count, const float *x) {
    sum_of_squares_call call = {.count = count, .x = x};
    long part_count = ns_part_count(count * NS_ELEMENT_WORK, count < MAXIMUM_PARTS ? count : MAXIMUM_PARTS);
    ns_parallel_run(part_count, sum_of_squares_part, &call);
    double total = 0;
    for (long part = 0; part < part_count; part++) total += call.partial_sums[part];
    return total;
}

typedef struct {
    long count;
    const float *x;
    float factor;
    float *y;
} scale_call;

NS_BODY void scale_body(long start, long end, const float *x, float factor, float *y) {
    for (long i = start; i < end; i++) y[i] = x[i] * factor;
}
NS_PATH_VARIANTS(scale, (long start, long end, const float *x, float factor, float *y), (start, end, x, factor, y))

static void scale_part(void *context, long part, long part_count) {
    scale_call *call = context;
    scale(ns_part_start(call->count, part, part_count, 64), ns_part_start(call->count, part + 1, part_count, 64),
          call->x, call->factor, call->y);
}

void ns_scale(long count, const float *x, float factor, float *y) {
    scale_call call = {count, x, factor, y};
    ns_parallel_run(ns_part_count(count * NS_ELEMENT_WORK, count), scale_part, &call);
}
