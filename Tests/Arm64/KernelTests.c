// Checks every kernel of CNumSightKernels against the naive references of
// CNumSightReferenceKernels, on every kernel path this CPU runs, on 1 and 2 threads.
// Built and run for arm64 under emulation by run_arm64_kernel_tests.sh. Prints each failure
// (expected against observed) and a closing line "N passed, N failed"; exits 1 on a failure.
#include <CNumSightKernels.h>
#include <CNumSightReferenceKernels.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long passed, failed;
static char configuration[64];

/// Counts one check, printing what failed.
static void record(int ok, const char *format, ...) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    va_list arguments;
    va_start(arguments, format);
    printf("FAIL [%s] ", configuration);
    vprintf(format, arguments);
    printf("\n");
    va_end(arguments);
}

/// The index of the first value beyond `tolerance` * max(1, |expected|) (NaN never matches), or -1.
static long first_mismatch(const float *observed, const float *expected, long count, double tolerance) {
    for (long i = 0; i < count; i++) {
        double scale = fabs(expected[i]) > 1 ? fabs(expected[i]) : 1;
        if (!(fabs((double)observed[i] - expected[i]) <= tolerance * scale)) return i;
    }
    return -1;
}

static void expect_close(const char *what, const float *observed, const float *expected, long count,
                         double tolerance) {
    long i = first_mismatch(observed, expected, count, tolerance);
    record(i < 0, "%s: at index %ld expected %.9g, observed %.9g", what, i, i < 0 ? 0 : expected[i],
           i < 0 ? 0 : observed[i]);
}

static void expect_close_doubles(const char *what, const double *observed, const double *expected,
                                 long count, double tolerance) {
    long i = 0;
    for (; i < count; i++) {
        double scale = fabs(expected[i]) > 1 ? fabs(expected[i]) : 1;
        if (!(fabs(observed[i] - expected[i]) <= tolerance * scale)) break;
    }
    record(i == count, "%s: at index %ld expected %.17g, observed %.17g", what, i,
           i < count ? expected[i] : 0, i < count ? observed[i] : 0);
}

static void expect_equal_bits(const char *what, const void *observed, const void *expected, size_t bytes) {
    record(memcmp(observed, expected, bytes) == 0, "%s: not bit-identical", what);
}

/// `count` values uniform in -1 ... 1 from a seeded SplitMix64 generator (freed by the caller).
static float *random_floats(long count, uint64_t seed) {
    float *values = malloc(sizeof(float) * (count > 0 ? count : 1));
    for (long i = 0; i < count; i++) {
        uint64_t z = (seed += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        values[i] = (float)((z >> 40) / (double)(1 << 24) * 2 - 1);
    }
    return values;
}

static float *filled(long count, float value) {
    float *values = malloc(sizeof(float) * (count > 0 ? count : 1));
    for (long i = 0; i < count; i++) values[i] = value;
    return values;
}

static float *copy(const float *values, long count) {
    float *result = malloc(sizeof(float) * (count > 0 ? count : 1));
    memcpy(result, values, sizeof(float) * count);
    return result;
}

// MARK: Matrix multiplication

/// ns_sgemm against the reference, operands stored with row strides wider than their rows.
static void check_sgemm(long m, long n, long k, int transpose_a, int transpose_b, float alpha, float beta) {
    long a_rows = transpose_a ? k : m, a_columns = transpose_a ? m : k;
    long b_rows = transpose_b ? n : k, b_columns = transpose_b ? k : n;
    long lda = a_columns + 3, ldb = b_columns + 1, ldc = n + 2;
    float *a = random_floats(a_rows * lda, 1), *b = random_floats(b_rows * ldb, 2);
    float *observed = random_floats(m * ldc, 3), *expected = copy(observed, m * ldc);
    ns_sgemm(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, observed, ldc);
    ns_reference_sgemm(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
    char what[128];
    snprintf(what, sizeof what, "sgemm %ldx%ldx%ld transposes %d %d alpha %g beta %g", m, n, k,
             transpose_a, transpose_b, alpha, beta);
    expect_close(what, observed, expected, m * ldc, 1e-4);
    free(a), free(b), free(observed), free(expected);
}

static void check_matrix_multiplication(void) {
    static const long shapes[][3] = {
        {1, 1, 1}, {7, 1, 33}, {1, 7, 7}, {33, 7, 100}, {100, 33, 7}, {257, 33, 33},
        {33, 100, 257}, {200, 40, 600}, {9, 1100, 20}, {8, 12, 5}, {16, 24, 300}, {13, 25, 513},
    };
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int transpose_a = 0; transpose_a < 2; transpose_a++)
            for (int transpose_b = 0; transpose_b < 2; transpose_b++)
                check_sgemm(shapes[s][0], shapes[s][1], shapes[s][2], transpose_a, transpose_b, 1, 0);
    static const float scalings[][2] = {{0.5f, -2}, {-1, 1}, {0, 0.25f}, {2, 0}};
    for (size_t s = 0; s < sizeof scalings / sizeof scalings[0]; s++) {
        check_sgemm(33, 40, 17, 1, 0, scalings[s][0], scalings[s][1]);
        check_sgemm(70, 9, 600, 0, 1, scalings[s][0], scalings[s][1]);
    }

    // With beta 0, C is not read: NaN in it stays out of the result.
    long m = 19, n = 37, k = 11;
    float *a = random_floats(m * k, 4), *b = random_floats(k * n, 5), *c = filled(m * n, NAN);
    float *expected = filled(m * n, 0);
    ns_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, c, n);
    ns_reference_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, expected, n);
    expect_close("sgemm with NaN in C and beta 0", c, expected, m * n, 1e-4);
    free(a), free(b), free(c), free(expected);

    static const long double_shapes[][3] = {{1, 1, 1}, {7, 33, 100}, {100, 7, 300}, {33, 257, 7}};
    for (size_t s = 0; s < sizeof double_shapes / sizeof double_shapes[0]; s++)
        for (int transpose_a = 0; transpose_a < 2; transpose_a++)
            for (int transpose_b = 0; transpose_b < 2; transpose_b++) {
                m = double_shapes[s][0], n = double_shapes[s][1], k = double_shapes[s][2];
                long lda = (transpose_a ? m : k) + 1, ldb = (transpose_b ? k : n) + 2;
                long a_count = (m > k ? m : k) * lda, b_count = (k > n ? k : n) * ldb;
                float *a_floats = random_floats(a_count, 1), *b_floats = random_floats(b_count, 2);
                float *c_floats = random_floats(m * n, 3);
                double *da = malloc(sizeof(double) * a_count), *db = malloc(sizeof(double) * b_count);
                double *observed = malloc(sizeof(double) * m * n), *reference = malloc(sizeof(double) * m * n);
                for (long i = 0; i < a_count; i++) da[i] = a_floats[i];
                for (long i = 0; i < b_count; i++) db[i] = b_floats[i];
                for (long i = 0; i < m * n; i++) observed[i] = reference[i] = c_floats[i];
                ns_dgemm(transpose_a, transpose_b, m, n, k, 0.75, da, lda, db, ldb, -0.5, observed, n);
                ns_reference_dgemm(transpose_a, transpose_b, m, n, k, 0.75, da, lda, db, ldb, -0.5, reference, n);
                char what[96];
                snprintf(what, sizeof what, "dgemm %ldx%ldx%ld transposes %d %d", m, n, k, transpose_a, transpose_b);
                expect_close_doubles(what, observed, reference, m * n, 1e-12);
                free(a_floats), free(b_floats), free(c_floats), free(da), free(db), free(observed), free(reference);
            }
}

// MARK: Convolution

/// A geometry whose output size follows from the padding on all four sides.
static ns_convolution_geometry convolution(long batch, long height, long width, long input_channels,
                                           long output_channels, long kernel_height, long kernel_width,
                                           long stride_height, long stride_width, long dilation_height,
                                           long dilation_width, long top, long left, long bottom, long right) {
    long span_height = (kernel_height - 1) * dilation_height + 1, span_width = (kernel_width - 1) * dilation_width + 1;
    return (ns_convolution_geometry){
        batch, height, width, input_channels,
        (height + top + bottom - span_height) / stride_height + 1,
        (width + left + right - span_width) / stride_width + 1, output_channels,
        kernel_height, kernel_width, stride_height, stride_width, top, left, dilation_height, dilation_width,
    };
}

/// The three passes of a convolution, one at a time: `observed` from the kernel and `expected`
/// from the reference, both `count` values.
typedef enum { forward_pass, input_gradient_pass, filter_gradient_pass } convolution_pass;

static void run_pass(convolution_pass pass, int reference, const ns_convolution_geometry *g, const float *input,
                     const float *filter, const float *gradient, float *result) {
    switch (pass) {
    case forward_pass:
        (reference ? ns_reference_conv2d_forward : ns_conv2d_forward)(g, input, filter, result);
        break;
    case input_gradient_pass:
        (reference ? ns_reference_conv2d_backward_input : ns_conv2d_backward_input)(g, gradient, filter, result);
        break;
    case filter_gradient_pass:
        (reference ? ns_reference_conv2d_backward_filter : ns_conv2d_backward_filter)(g, input, gradient, result);
        break;
    }
}

static void check_convolution(const ns_convolution_geometry *g) {
    long input_count = g->batch * g->input_height * g->input_width * g->input_channels;
    long filter_count = g->kernel_height * g->kernel_width * g->input_channels * g->output_channels;
    long output_count = g->batch * g->output_height * g->output_width * g->output_channels;
    float *input = random_floats(input_count, 1), *filter = random_floats(filter_count, 2);
    float *gradient = random_floats(output_count, 3);
    static const char *pass_names[] = {"forward", "input gradient", "filter gradient"};
    long counts[] = {output_count, input_count, filter_count};
    for (convolution_pass pass = forward_pass; pass <= filter_gradient_pass; pass++) {
        char what[192];
        snprintf(what, sizeof what,
                 "%ldx%ldx%ldx%ld -> %ld, kernel %ldx%ld, stride %ld,%ld, dilation %ld,%ld, padding %ld,%ld, %s",
                 g->batch, g->input_height, g->input_width, g->input_channels, g->output_channels,
                 g->kernel_height, g->kernel_width, g->stride_height, g->stride_width, g->dilation_height,
                 g->dilation_width, g->padding_top, g->padding_left, pass_names[pass]);
        float *observed = filled(counts[pass], NAN), *expected = filled(counts[pass], NAN);
        float *again = filled(counts[pass], NAN);
        run_pass(pass, 0, g, input, filter, gradient, observed);
        run_pass(pass, 1, g, input, filter, gradient, expected);
        expect_close(what, observed, expected, counts[pass], 1e-4);
        run_pass(pass, 0, g, input, filter, gradient, again);
        strncat(what, ", run twice", sizeof what - strlen(what) - 1);
        expect_equal_bits(what, again, observed, sizeof(float) * counts[pass]);
        free(observed), free(expected), free(again);
    }
    free(input), free(filter), free(gradient);
}

static void check_convolutions(void) {
    // batch, height, width, in, out, kernel, stride, dilation, padding top, left, bottom, right:
    // few input channels (the direct kernels), many (im2col), odd channel counts, 1x1 filters.
    ns_convolution_geometry geometries[] = {
        convolution(3, 6, 5, 1, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),
        convolution(2, 10, 9, 1, 33, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),
        convolution(2, 7, 7, 2, 7, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2),
        convolution(3, 7, 6, 3, 5, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),
        convolution(2, 9, 9, 4, 3, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2),
        convolution(1, 6, 8, 4, 7, 2, 3, 1, 1, 1, 1, 0, 0, 0, 0),
        convolution(2, 5, 7, 3, 2, 3, 2, 1, 2, 1, 1, 2, 0, 0, 1),
        convolution(2, 4, 4, 5, 6, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0),
        convolution(2, 5, 5, 6, 4, 1, 1, 2, 2, 1, 1, 0, 0, 0, 0),
        convolution(1, 3, 3, 2, 3, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2),
        convolution(5, 8, 8, 8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),
        convolution(3, 5, 5, 1, 4, 2, 2, 1, 1, 2, 1, 0, 1, 1, 0),
        convolution(2, 28, 28, 1, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),   // the seed CNN's conv1
        convolution(2, 14, 14, 32, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),  // its conv2
        convolution(3, 9, 11, 3, 50, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),
        convolution(2, 6, 6, 1, 17, 4, 4, 1, 1, 1, 1, 2, 1, 1, 2),
    };
    for (size_t i = 0; i < sizeof geometries / sizeof geometries[0]; i++) check_convolution(&geometries[i]);
}

// MARK: Pooling

static ns_pooling_geometry pooling(long batch, long height, long width, long channels, long window_height,
                                   long window_width, long stride_height, long stride_width, long top,
                                   long left, long bottom, long right) {
    return (ns_pooling_geometry){
        batch, height, width, channels,
        (height + top + bottom - window_height) / stride_height + 1,
        (width + left + right - window_width) / stride_width + 1,
        window_height, window_width, stride_height, stride_width, top, left,
    };
}

static void check_pooling(void) {
    ns_pooling_geometry geometries[] = {
        pooling(3, 8, 8, 17, 2, 2, 2, 2, 0, 0, 0, 0),
        pooling(2, 7, 5, 3, 3, 3, 2, 2, 1, 1, 1, 1),
        pooling(2, 6, 7, 1, 3, 2, 1, 2, 2, 0, 0, 1),
        pooling(1, 4, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1),
        pooling(2, 28, 28, 32, 2, 2, 2, 2, 0, 0, 0, 0),
    };
    for (size_t i = 0; i < sizeof geometries / sizeof geometries[0]; i++) {
        const ns_pooling_geometry *g = &geometries[i];
        long input_count = g->batch * g->input_height * g->input_width * g->channels;
        long output_count = g->batch * g->output_height * g->output_width * g->channels;
        float *input = random_floats(input_count, 1), *gradient = random_floats(output_count, 2);
        float *output = filled(output_count, NAN), *expected = filled(output_count, NAN);
        long *argmax = malloc(sizeof(long) * output_count), *expected_argmax = malloc(sizeof(long) * output_count);
        char what[96];
        ns_max_pool2d_forward(g, input, output, argmax);
        ns_reference_max_pool2d_forward(g, input, expected, expected_argmax);
        snprintf(what, sizeof what, "max pool %zu forward", i);
        expect_equal_bits(what, output, expected, sizeof(float) * output_count);
        snprintf(what, sizeof what, "max pool %zu argmax", i);
        expect_equal_bits(what, argmax, expected_argmax, sizeof(long) * output_count);

        float *input_gradient = filled(input_count, NAN), *expected_gradient = filled(input_count, NAN);
        ns_max_pool2d_backward(g, gradient, argmax, input_gradient);
        ns_reference_max_pool2d_backward(g, gradient, expected_argmax, expected_gradient);
        snprintf(what, sizeof what, "max pool %zu backward", i);
        expect_close(what, input_gradient, expected_gradient, input_count, 1e-6);

        ns_avg_pool2d_forward(g, input, output);
        ns_reference_avg_pool2d_forward(g, input, expected);
        snprintf(what, sizeof what, "average pool %zu forward", i);
        expect_close(what, output, expected, output_count, 1e-6);
        ns_avg_pool2d_backward(g, gradient, input_gradient);
        ns_reference_avg_pool2d_backward(g, gradient, expected_gradient);
        snprintf(what, sizeof what, "average pool %zu backward", i);
        expect_close(what, input_gradient, expected_gradient, input_count, 1e-6);
        free(input), free(gradient), free(output), free(expected), free(argmax), free(expected_argmax);
        free(input_gradient), free(expected_gradient);
    }
}

// MARK: Elementwise, row sums, batch normalisation, Adam

static void check_elementwise(void) {
    long count = 1003;
    float *x = random_floats(count, 1), *gradient = random_floats(count, 2);
    x[5] = NAN, x[6] = 0;
    float *y = filled(count, NAN), *expected = filled(count, NAN);
    ns_relu_forward(count, x, y);
    ns_reference_relu_forward(count, x, expected);
    expect_equal_bits("relu forward", y, expected, sizeof(float) * count);
    ns_relu_backward(count, gradient, x, y);
    ns_reference_relu_backward(count, gradient, x, expected);
    expect_equal_bits("relu backward", y, expected, sizeof(float) * count);
    free(x), free(gradient), free(y), free(expected);

    count = 17 * 59;
    static const long operand_counts[][2] = {{1003, 1003}, {1003, 17}, {17, 1003}, {1003, 1}, {1, 1003}, {1, 1}, {59, 1003}};
    for (int op = NS_ARITHMETIC_ADD; op <= NS_ARITHMETIC_DIVIDE; op++)
        for (size_t i = 0; i < sizeof operand_counts / sizeof operand_counts[0]; i++) {
            long a_count = operand_counts[i][0], b_count = operand_counts[i][1];
            long result_count = a_count == 1 && b_count == 1 ? 1 : count;
            float *a = random_floats(a_count, 3), *b = random_floats(b_count, 4);
            float *result = filled(result_count, NAN), *reference = filled(result_count, NAN);
            ns_arithmetic(op, result_count, a, a_count, b, b_count, result);
            ns_reference_arithmetic(op, result_count, a, a_count, b, b_count, reference);
            char what[64];
            snprintf(what, sizeof what, "arithmetic %d, counts %ld, %ld", op, a_count, b_count);
            expect_equal_bits(what, result, reference, sizeof(float) * result_count);
            free(a), free(b), free(result), free(reference);
        }

    static const long row_shapes[][2] = {{1000, 33}, {64, 1}, {129, 16}, {1, 5}, {0, 3}};
    for (size_t i = 0; i < sizeof row_shapes / sizeof row_shapes[0]; i++) {
        long rows = row_shapes[i][0], columns = row_shapes[i][1];
        float *values = random_floats(rows * columns, 5);
        float *sums = filled(columns, NAN), *reference = filled(columns, NAN);
        ns_sum_middle_axis(1, rows, columns, values, sums);
        ns_reference_sum_rows(rows, columns, values, reference);
        char what[64];
        snprintf(what, sizeof what, "row sums %ldx%ld", rows, columns);
        expect_close(what, sums, reference, columns, 1e-5);
        free(values), free(sums), free(reference);
    }
}

static void check_batch_normalization(void) {
    long rows = 301, channels = 19, count = rows * channels;
    float epsilon = 1e-3f;
    float *x = random_floats(count, 1), *scale = random_floats(channels, 2), *offset = random_floats(channels, 3);
    for (long i = 0; i < count; i++) x[i] = 3 * x[i] + 2;
    float *output = filled(count, NAN), *mean = filled(channels, NAN), *variance = filled(channels, NAN);
    float *expected = filled(count, NAN), *expected_mean = filled(channels, NAN);
    float *expected_variance = filled(channels, NAN);
    ns_batch_norm_forward(rows, channels, x, scale, offset, epsilon, 0, output, mean, variance);
    ns_reference_batch_norm_forward(rows, channels, x, scale, offset, epsilon, expected, expected_mean,
                                    expected_variance);
    expect_close("batch norm forward output", output, expected, count, 1e-4);
    expect_close("batch norm forward mean", mean, expected_mean, channels, 1e-5);
    expect_close("batch norm forward variance", variance, expected_variance, channels, 1e-5);

    float *gradient = random_floats(count, 5);
    float *dx = filled(count, NAN), *dscale = filled(channels, NAN), *doffset = filled(channels, NAN);
    float *expected_dx = filled(count, NAN), *expected_dscale = filled(channels, NAN);
    float *expected_doffset = filled(channels, NAN);
    ns_batch_norm_backward(rows, channels, gradient, NULL, x, scale, expected_mean, expected_variance, epsilon,
                           dx, dscale, doffset);
    ns_reference_batch_norm_backward(rows, channels, gradient, x, scale, expected_mean, expected_variance,
                                     epsilon, expected_dx, expected_dscale, expected_doffset);
    expect_close("batch norm backward input gradient", dx, expected_dx, count, 1e-4);
    expect_close("batch norm backward scale gradient", dscale, expected_dscale, channels, 1e-4);
    expect_close("batch norm backward offset gradient", doffset, expected_doffset, channels, 1e-4);
    free(x), free(scale), free(offset), free(output), free(mean), free(variance), free(expected);
    free(expected_mean), free(expected_variance), free(gradient), free(dx), free(dscale), free(doffset);
    free(expected_dx), free(expected_dscale), free(expected_doffset);
}

static void check_adam(void) {
    long count = 1001;
    float *parameter = random_floats(count, 1), *gradient = random_floats(count, 2);
    float *first = random_floats(count, 3), *second = random_floats(count, 4);
    for (long i = 0; i < count; i++) second[i] = fabsf(second[i]);
    float *expected = copy(parameter, count), *expected_first = copy(first, count);
    float *expected_second = copy(second, count);
    ns_adam_update(count, parameter, gradient, first, second, 0.9f, 0.999f, 1e-7f, 0.01f);
    ns_reference_adam_update(count, expected, gradient, expected_first, expected_second, 0.9f, 0.999f,
                             1e-7f, 0.01f);
    expect_close("adam first moment", first, expected_first, count, 1e-6);
    expect_close("adam second moment", second, expected_second, count, 1e-6);
    expect_close("adam parameter", parameter, expected, count, 1e-5);
    free(parameter), free(gradient), free(first), free(second), free(expected), free(expected_first);
    free(expected_second);
}

// MARK: Paths

static const char *path_name(ns_kernel_path path) {
    switch (path) {
    case NS_KERNEL_PATH_PORTABLE: return "portable";
    case NS_KERNEL_PATH_AVX2: return "avx2";
    case NS_KERNEL_PATH_AVX512: return "avx512";
    case NS_KERNEL_PATH_NEON: return "neon";
    default: return "?";
    }
}

/// The automatic choice is the widest path (NEON on arm64), and NUMSIGHT_KERNEL_PATH=portable
/// still selects the portable one.
static void check_path_choice(void) {
    snprintf(configuration, sizeof configuration, "path choice");
    unsetenv("NUMSIGHT_KERNEL_PATH");
    ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC);
#if defined(__aarch64__)
    record(ns_current_kernel_path() == NS_KERNEL_PATH_NEON, "automatic path is %s, not neon",
           path_name(ns_current_kernel_path()));
#endif
    setenv("NUMSIGHT_KERNEL_PATH", "portable", 1);
    ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC);
    record(ns_current_kernel_path() == NS_KERNEL_PATH_PORTABLE, "NUMSIGHT_KERNEL_PATH=portable gives %s",
           path_name(ns_current_kernel_path()));
    unsetenv("NUMSIGHT_KERNEL_PATH");
    ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC);
}

int main(void) {
#if defined(__aarch64__)
    printf("kernel tests built for arm64 (aarch64)\n");
#elif defined(__x86_64__)
    printf("kernel tests built for x86-64\n");
#endif
    check_path_choice();
    static const ns_kernel_path paths[] = {NS_KERNEL_PATH_PORTABLE, NS_KERNEL_PATH_AVX2,
                                           NS_KERNEL_PATH_AVX512, NS_KERNEL_PATH_NEON};
    ns_set_parallel_threshold(0);  // split even tiny calls over the threads
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        if (ns_select_kernel_path(paths[p]) != 0) continue;
        for (long threads = 1; threads <= 2; threads++) {
            ns_set_thread_count(threads);
            snprintf(configuration, sizeof configuration, "%s path, %ld thread(s)", path_name(paths[p]), threads);
            long passed_before = passed, failed_before = failed;
            check_matrix_multiplication();
            check_convolutions();
            check_pooling();
            check_elementwise();
            check_batch_normalization();
            check_adam();
            printf("%s: %ld passed, %ld failed\n", configuration, passed - passed_before, failed - failed_before);
        }
    }
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
