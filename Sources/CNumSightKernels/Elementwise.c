// ReLU, its gradient, a per-channel bias and the four arithmetic operators over float
// buffers: each on every path, split into contiguous ranges over the threads.
#include "CNumSightKernels.h"
#include "PathVariants.h"
#include "ThreadPool.h"

/// What one elementwise pass reads and writes; parts split [0, count).
typedef struct {
    ns_arithmetic_operator operator;
    long count, first_count, second_count;
    const float *first, *second;
    float *result;
} elementwise_call;

static void range_of_part(long count, long part, long part_count, long *start, long *end) {
    *start = ns_part_start(count, part, part_count, 64);
    *end = ns_part_start(count, part + 1, part_count, 64);
}

static void run(elementwise_call *call, ns_task_part task) {
    ns_parallel_run(ns_part_count(call->count * NS_ELEMENT_WORK, call->count), task, call);
}

// MARK: ReLU

NS_BODY void relu_forward_body(long start, long end, const float *restrict x, float *restrict y) {
    for (long i = start; i < end; i++) y[i] = x[i] > 0 ? x[i] : 0;
}
NS_PATH_VARIANTS(relu_forward, (long start, long end, const float *restrict x, float *restrict y),
                 (start, end, x, y))

static void relu_forward_part(void *context, long part, long part_count) {
    elementwise_call *call = context;
    long start, end;
    range_of_part(call->count, part, part_count, &start, &end);
    relu_forward(start, end, call->first, call->result);
}

void ns_relu_forward(long count, const float *x, float *y) {
    elementwise_call call = {.count = count, .first = x, .result = y};
    run(&call, relu_forward_part);
}

/// A product, not a select: reading the gradient only where x > 0 keeps the portable loop
/// scalar and branchy, and becomes a masked load on AVX-512 that waits for the comparison.
/// Adding +0 turns the −0 of a negative gradient times 0 into +0.
NS_BODY void relu_backward_body(long start, long end, const float *restrict gradient, const float *restrict x,
                                float *restrict result) {
    for (long i = start; i < end; i++) result[i] = gradient[i] * (x[i] > 0 ? 1.0f : 0.0f) + 0.0f;
}
NS_PATH_VARIANTS(relu_backward,
                 (long start, long end, const float *restrict gradient, const float *restrict x,
                  float *restrict result),
                 (start, end, gradient, x, result))

static void relu_backward_part(void *context, long part, long part_count) {
    elementwise_call *call = context;
    long start, end;
    range_of_part(call->count, part, part_count, &start, &end);
    relu_backward(start, end, call->first, call->second, call->result);
}

void ns_relu_backward(long count, const float *output_gradient, const float *x, float *input_gradient) {
    elementwise_call call = {.count = count, .first = output_gradient, .second = x, .result = input_gradient};
    run(&call, relu_backward_part);
}

// MARK: Bias

/// data[r * channels + c] += bias[c] for rows [first_row, end_row).
NS_BODY void add_bias_body(long first_row, long end_row, long channels, const float *restrict bias,
                           float *restrict data) {
    for (long row = first_row; row < end_row; row++) {
        float *restrict values = data + row * channels;
        for (long c = 0; c < channels; c++) values[c] += bias[c];
    }
}
NS_PATH_VARIANTS(add_bias,
                 (long first_row, long end_row, long channels, const float *restrict bias, float *restrict data),
                 (first_row, end_row, channels, bias, data))

static void add_bias_part(void *context, long part, long part_count) {
    elementwise_call *call = context;
    long rows = call->count / call->second_count;
    add_bias(ns_part_start(rows, part, part_count, 1), ns_part_start(rows, part + 1, part_count, 1),
             call->second_count, call->second, call->result);
}

void ns_add_bias(long rows, long channels, const float *bias, float *data) {
    if (rows <= 0 || channels <= 0) return;
    elementwise_call call = {.count = rows * channels, .second = bias, .second_count = channels, .result = data};
    ns_parallel_run(ns_part_count(call.count * NS_ELEMENT_WORK, rows), add_bias_part, &call);
}

// MARK: Arithmetic

/// One loop per operator, so that each vectorises.
#define NS_EACH_OPERATOR(operator, LOOP)            \
    switch (operator) {                             \
    case NS_ARITHMETIC_ADD: LOOP(+); break;         \
    case NS_ARITHMETIC_SUBTRACT: LOOP(-); break;    \
    case NS_ARITHMETIC_MULTIPLY: LOOP(*); break;    \
    case NS_ARITHMETIC_DIVIDE: LOOP(/); break;      \
    }

/// result[i] = a[i % a_count] op b[i % b_count] for i in [start, end), walked in runs over
/// which both operands are contiguous (a repeated operand restarts at each repetition).
NS_BODY void arithmetic_body(ns_arithmetic_operator operator, long start, long end, const float *restrict a,
                             long a_count, const float *restrict b, long b_count, float *restrict result) {
    if (b_count == 1) {
        float value = b[0];
#define NS_LOOP(OP) for (long i = start; i < end; i++) result[i] = a[i % a_count] OP value
        if (a_count == 1) { NS_EACH_OPERATOR(operator, NS_LOOP) return; }
#undef NS_LOOP
#define NS_LOOP(OP) for (long i = start; i < end; i++) result[i] = a[i] OP value
        NS_EACH_OPERATOR(operator, NS_LOOP)
#undef NS_LOOP
        return;
    }
    if (a_count == 1) {
        float value = a[0];
#define NS_LOOP(OP) for (long i = start; i < end; i++) result[i] = value OP b[i]
        NS_EACH_OPERATOR(operator, NS_LOOP)
#undef NS_LOOP
        return;
    }
    for (long i = start; i < end;) {
        long a_start = i % a_count, b_start = i % b_count, length = end - i;
        if (length > a_count - a_start) length = a_count - a_start;
        if (length > b_count - b_start) length = b_count - b_start;
        const float *restrict x = a + a_start, *restrict y = b + b_start;
        float *restrict z = result + i;
#define NS_LOOP(OP) for (long k = 0; k < length; k++) z[k] = x[k] OP y[k]
        NS_EACH_OPERATOR(operator, NS_LOOP)
#undef NS_LOOP
        i += length;
    }
}
NS_PATH_VARIANTS(arithmetic,
                 (ns_arithmetic_operator operator, long start, long end, const float *restrict a, long a_count,
                  const float *restrict b, long b_count, float *restrict result),
                 (operator, start, end, a, a_count, b, b_count, result))

static void arithmetic_part(void *context, long part, long part_count) {
    elementwise_call *call = context;
    long start, end;
    range_of_part(call->count, part, part_count, &start, &end);
    arithmetic(call->operator, start, end, call->first, call->first_count, call->second, call->second_count,
               call->result);
}

void ns_arithmetic(ns_arithmetic_operator operator, long count, const float *a, long a_count, const float *b,
                   long b_count, float *result) {
    elementwise_call call = {operator, count, a_count, b_count, a, b, result};
    run(&call, arithmetic_part);
}
