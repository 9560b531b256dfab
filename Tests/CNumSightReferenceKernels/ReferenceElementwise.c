// Naive elementwise, row-sum, batch-normalisation and Adam kernels, written straight from the
// definitions in CNumSightKernels.h and computed in double: the specification the fast kernels
// are tested against.
#include "CNumSightReferenceKernels.h"
#include <math.h>

void ns_reference_relu_forward(long count, const float *x, float *y) {
    for (long i = 0; i < count; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

void ns_reference_relu_backward(long count, const float *output_gradient, const float *x,
                                float *input_gradient) {
    for (long i = 0; i < count; i++) input_gradient[i] = x[i] > 0 ? output_gradient[i] : 0;
}

void ns_reference_arithmetic(ns_arithmetic_operator op, long count, const float *a, long a_count,
                             const float *b, long b_count, float *result) {
    for (long i = 0; i < count; i++) {
        float x = a[i % a_count], y = b[i % b_count];
        switch (op) {
        case NS_ARITHMETIC_ADD: result[i] = x + y; break;
        case NS_ARITHMETIC_SUBTRACT: result[i] = x - y; break;
        case NS_ARITHMETIC_MULTIPLY: result[i] = x * y; break;
        case NS_ARITHMETIC_DIVIDE: result[i] = x / y; break;
        }
    }
}

/// The sum over the rows of column `c`, in double.
static double column_sum(long rows, long columns, const float *x, long c) {
    double sum = 0;
    for (long r = 0; r < rows; r++) sum += x[r * columns + c];
    return sum;
}

void ns_reference_sum_rows(long rows, long columns, const float *x, float *sums) {
    for (long c = 0; c < columns; c++) sums[c] = (float)column_sum(rows, columns, x, c);
}

void ns_reference_batch_norm_forward(long rows, long channels, const float *x, const float *scale,
                                     const float *offset, float epsilon, float *output, float *mean,
                                     float *variance) {
    for (long c = 0; c < channels; c++) {
        double m = column_sum(rows, channels, x, c) / rows, squares = 0;
        for (long r = 0; r < rows; r++) squares += (x[r * channels + c] - m) * (x[r * channels + c] - m);
        double v = squares / rows, s = 1 / sqrt(v + epsilon);
        for (long r = 0; r < rows; r++)
            output[r * channels + c] = (float)((x[r * channels + c] - m) * s * scale[c] + offset[c]);
        mean[c] = (float)m;
        variance[c] = (float)v;
    }
}

void ns_reference_batch_norm_backward(long rows, long channels, const float *output_gradient,
                                      const float *x, const float *scale, const float *mean,
                                      const float *variance, float epsilon, float *input_gradient,
                                      float *scale_gradient, float *offset_gradient) {
    for (long c = 0; c < channels; c++) {
        double s = 1 / sqrt((double)variance[c] + epsilon), sum = 0, sum_normalised = 0;
        for (long r = 0; r < rows; r++) {
            double dy = output_gradient[r * channels + c];
            sum += dy;
            sum_normalised += dy * (x[r * channels + c] - (double)mean[c]) * s;
        }
        for (long r = 0; r < rows; r++) {
            double normalised = (x[r * channels + c] - (double)mean[c]) * s;
            double dy = output_gradient[r * channels + c];
            input_gradient[r * channels + c] =
                (float)(scale[c] * s / rows * (rows * dy - sum - normalised * sum_normalised));
        }
        offset_gradient[c] = (float)sum;
        scale_gradient[c] = (float)sum_normalised;
    }
}

void ns_reference_adam_update(long count, float *parameter, const float *gradient, float *first_moment,
                              float *second_moment, float beta1, float beta2, float epsilon,
                              float step_size) {
    for (long i = 0; i < count; i++) {
        double g = gradient[i];
        double m = (double)beta1 * first_moment[i] + (1 - (double)beta1) * g;
        double v = (double)beta2 * second_moment[i] + (1 - (double)beta2) * g * g;
        first_moment[i] = (float)m;
        second_moment[i] = (float)v;
        parameter[i] = (float)(parameter[i] - (double)step_size * m / (sqrt(v) + epsilon));
    }
}
