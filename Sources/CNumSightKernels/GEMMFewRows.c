// Single-precision GEMM for a few rows of C, such as a dense layer applied to one example:
// B is read once per row in its own order, straight from memory, since packing it would
// cost as much as the product.
#include "GEMM.h"
#include "PathVariants.h"

enum { column_block = 64 };  // columns of C summed in registers while a row of A streams past

/// Row i of C, columns [j0, j0 + width), with `width` a constant where it is one.
NS_BODY void few_rows_block(int transpose_a, long i, long j0, long width, long k, float alpha,
                            const float *a, long lda, const float *b, long ldb, float beta,
                            float *c, long ldc) {
    float sum[column_block] = {0};
    for (long p = 0; p < k; p++) {
        float x = transpose_a ? a[p * lda + i] : a[i * lda + p];
        const float *row = b + p * ldb + j0;
        for (long j = 0; j < width; j++) sum[j] += x * row[j];
    }
    float *destination = c + i * ldc + j0;
    for (long j = 0; j < width; j++)
        destination[j] = alpha * sum[j] + (beta == 0 ? 0 : beta * destination[j]);
}

NS_BODY void few_rows_body(int transpose_a, long m, long n, long k, float alpha, const float *a,
                           long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++)
        for (long j0 = 0; j0 < n; j0 += column_block) {
            if (n - j0 >= column_block)
                few_rows_block(transpose_a, i, j0, column_block, k, alpha, a, lda, b, ldb, beta, c, ldc);
            else
                few_rows_block(transpose_a, i, j0, n - j0, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
}

NS_PATH_VARIANTS(few_rows,
                 (int transpose_a, long m, long n, long k, float alpha, const float *a, long lda,
                  const float *b, long ldb, float beta, float *c, long ldc),
                 (transpose_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc))

void ns_sgemm_few_rows(int transpose_a, long m, long n, long k, float alpha, const float *a,
                       long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    few_rows(transpose_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
