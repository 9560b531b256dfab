// Double-precision GEMM: op(B) packed row-major in blocks of depth, then each row of C
// updated with whole rows of the block (loops the compiler vectorizes). Rows split over threads.
#include "CNumSightKernels.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

enum { depth_block = 256 };

typedef struct {
    int transpose_a, transpose_b;
    long m, n, k;
    double alpha, beta;
    const double *a, *b;
    double *c;
    long lda, ldb, ldc;
} dgemm_call;

static void run_dgemm_part(void *context, long part, long part_count) {
    const dgemm_call *call = context;
    long first = ns_part_start(call->m, part, part_count, 1);
    long end = ns_part_start(call->m, part + 1, part_count, 1);
    long n = call->n;
    for (long i = first; i < end; i++)
        for (long j = 0; j < n; j++)
            call->c[i * call->ldc + j] = call->beta == 0 ? 0 : call->beta * call->c[i * call->ldc + j];
    if (call->alpha == 0 || first == end) return;

    double *block = ns_thread_buffer(NS_BUFFER_PACKED_B, sizeof(double) * depth_block * n);
    for (long pc = 0; pc < call->k; pc += depth_block) {
        long depth = call->k - pc < depth_block ? call->k - pc : depth_block;
        for (long p = 0; p < depth; p++)
            for (long j = 0; j < n; j++)
                block[p * n + j] = call->transpose_b ? call->b[j * call->ldb + pc + p]
                                                     : call->b[(pc + p) * call->ldb + j];
        for (long i = first; i < end; i++) {
            double *row = call->c + i * call->ldc;
            for (long p = 0; p < depth; p++) {
                long q = pc + p;
                double x = call->alpha * (call->transpose_a ? call->a[q * call->lda + i]
                                                            : call->a[i * call->lda + q]);
                const double *source = block + p * n;
                for (long j = 0; j < n; j++) row[j] += x * source[j];
            }
        }
    }
}

void ns_dgemm(int transpose_a, int transpose_b, long m, long n, long k,
              double alpha, const double *a, long lda, const double *b, long ldb,
              double beta, double *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    dgemm_call call = {transpose_a, transpose_b, m, n, k, alpha, beta, a, b, c, lda, ldb, ldc};
    ns_parallel_run(ns_part_count(2.0 * m * n * k, m), run_dgemm_part, &call);
}
