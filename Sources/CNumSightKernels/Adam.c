// The Adam update of one float parameter, on every path and split over threads.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"

typedef struct {
    long count;
    float *parameter, *first_moment, *second_moment;
    const float *gradient;
    float beta1, beta2, epsilon, step_size;
} adam_call;

NS_BODY void adam_body(long start, long end, const adam_call *call) {
    float *restrict p = call->parameter, *restrict m = call->first_moment, *restrict v = call->second_moment;
    const float *restrict g = call->gradient;
    float beta1 = call->beta1, beta2 = call->beta2, epsilon = call->epsilon, step_size = call->step_size;
    for (long i = start; i < end; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        // The elementwise builtin is the square root without errno, so the loop vectorises.
        p[i] -= step_size * m[i] / (__builtin_elementwise_sqrt(v[i]) + epsilon);
    }
}
NS_PATH_VARIANTS(adam, (long start, long end, const adam_call *call), (start, end, call))

static void adam_part(void *context, long part, long part_count) {
    adam_call *call = context;
    adam(ns_part_start(call->count, part, part_count, 64), ns_part_start(call->count, part + 1, part_count, 64),
         call);
}

void ns_adam_update(long count, float *parameter, const float *gradient, float *first_moment,
                    float *second_moment, float beta1, float beta2, float epsilon, float step_size) {
    adam_call call = {count, parameter, first_moment, second_moment, gradient, beta1, beta2, epsilon, step_size};
    ns_parallel_run(ns_part_count(count * NS_ELEMENT_WORK, count), adam_part, &call);
}
