// The pieces of single-precision GEMM: register-blocked tile kernels, one per path,
// and the packing that feeds them.
#ifndef NS_GEMM_H
#define NS_GEMM_H

#include "CNumSightKernels.h"

/// C[mr x nr] = alpha * A * B + beta * C, where A is a packed mr-row panel and B a packed
/// nr-column panel, both of depth k. When beta is 0, C is not read.
typedef void (*ns_sgemm_tile_kernel)(long k, const float *packed_a, const float *packed_b,
                                     float *c, long ldc, float alpha, float beta);

/// A tile kernel and the cache blocking that suits it: blocks of A are mc x kc (kept in L2),
/// blocks of B are kc x nc (kept in L3).
typedef struct {
    long mr, nr;
    long mc, kc, nc;
    ns_sgemm_tile_kernel kernel;
} ns_sgemm_kernel;

extern const ns_sgemm_kernel ns_sgemm_kernel_portable;
#if defined(__x86_64__)
extern const ns_sgemm_kernel ns_sgemm_kernel_avx2;
extern const ns_sgemm_kernel ns_sgemm_kernel_avx512;
#endif
#if defined(__aarch64__)
extern const ns_sgemm_kernel ns_sgemm_kernel_neon;
#endif

/// The tile kernel of `path`.
const ns_sgemm_kernel *ns_sgemm_kernel_for(ns_kernel_path path);

/// `ns_sgemm` on the calling thread only (for kernels that are already split into parts).
void ns_sgemm_on_one_thread(const ns_sgemm_kernel *kernel, int transpose_a, int transpose_b,
                            long m, long n, long k, float alpha, const float *a, long lda,
                            const float *b, long ldb, float beta, float *c, long ldc);

/// `ns_sgemm` with B not transposed, for C of only a few rows (below `NS_FEW_ROWS`), on the
/// calling thread: each row of C is summed from the rows of B in order, B unpacked.
void ns_sgemm_few_rows(int transpose_a, long m, long n, long k, float alpha, const float *a,
                       long lda, const float *b, long ldb, float beta, float *c, long ldc);
#define NS_FEW_ROWS 4

/// Copies the rows x depth block of op(A) at `a` into panels of `mr` rows, each stored
/// depth-major (mr values per step of depth), the last one padded with zeros.
void ns_pack_a(int transpose, const float *a, long lda, long rows, long depth, long mr,
               float *packed);

/// Copies the depth x columns block of op(B) at `b` into panels of `nr` columns, each stored
/// depth-major (nr values per step of depth), the last one padded with zeros.
void ns_pack_b(int transpose, const float *b, long ldb, long depth, long columns, long nr,
               float *packed);

#endif
