// Single-precision GEMM: cache blocking and packing around a register-blocked tile
// kernel, with C split statically into row or column ranges over the threads.
#include "GEMM.h"
#include "ThreadBuffers.h"
#include "ThreadPool.h"

enum { largest_tile = 8 * 32 };

const ns_sgemm_kernel *ns_sgemm_kernel_for(ns_kernel_path path) {
#if defined(__x86_64__)
    if (path == NS_KERNEL_PATH_AVX512) return &ns_sgemm_kernel_avx512;
    if (path == NS_KERNEL_PATH_AVX2) return &ns_sgemm_kernel_avx2;
#endif
#if defined(__aarch64__)
    if (path == NS_KERNEL_PATH_NEON) return &ns_sgemm_kernel_neon;
#endif
    (void)path;
    return &ns_sgemm_kernel_portable;
}

static long round_up(long value, long multiple) { return (value + multiple - 1) / multiple * multiple; }

/// The block size that splits `count` into the fewest blocks of at most `limit`, evenly.
static long even_block(long count, long limit, long multiple) {
    long blocks = (count + limit - 1) / limit;
    return round_up((count + blocks - 1) / blocks, multiple);
}

static void scale(long m, long n, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j];
}

/// Runs the tile kernel on a partial tile through a full-size scratch tile.
static void edge_tile(const ns_sgemm_kernel *kernel, long k, const float *packed_a,
                      const float *packed_b, long rows, long columns, float alpha, float beta,
                      float *c, long ldc) {
    float tile[largest_tile] __attribute__((aligned(64)));
    kernel->kernel(k, packed_a, packed_b, tile, kernel->nr, 1, 0);
    for (long r = 0; r < rows; r++)
        for (long j = 0; j < columns; j++) {
            float old = beta == 0 ? 0 : beta * c[r * ldc + j];
            c[r * ldc + j] = alpha * tile[r * kernel->nr + j] + old;
        }
}

void ns_sgemm_on_one_thread(const ns_sgemm_kernel *kernel, int transpose_a, int transpose_b,
                            long m, long n, long k, float alpha, const float *a, long lda,
                            const float *b, long ldb, float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0 || alpha == 0) {
        scale(m, n, beta, c, ldc);
        return;
    }
    long mr = kernel->mr, nr = kernel->nr;
    long kc = even_block(k, kernel->kc, 1);
    long mc = even_block(m, kernel->mc, mr);
    long nc = even_block(n, kernel->nc, nr);
    float *packed_a = ns_thread_buffer(NS_BUFFER_PACKED_A, sizeof(float) * mc * kc);
    float *packed_b = ns_thread_buffer(NS_BUFFER_PACKED_B, sizeof(float) * kc * nc);

    for (long jc = 0; jc < n; jc += nc) {
        long columns = n - jc < nc ? n - jc : nc;
        for (long pc = 0; pc < k; pc += kc) {
            long depth = k - pc < kc ? k - pc : kc;
            float block_beta = pc == 0 ? beta : 1;
            const float *b_block = transpose_b ? b + jc * ldb + pc : b + pc * ldb + jc;
            ns_pack_b(transpose_b, b_block, ldb, depth, columns, nr, packed_b);
            for (long ic = 0; ic < m; ic += mc) {
                long rows = m - ic < mc ? m - ic : mc;
                const float *a_block = transpose_a ? a + pc * lda + ic : a + ic * lda + pc;
                ns_pack_a(transpose_a, a_block, lda, rows, depth, mr, packed_a);
                for (long jr = 0; jr < columns; jr += nr) {
                    long tile_columns = columns - jr < nr ? columns - jr : nr;
                    for (long ir = 0; ir < rows; ir += mr) {
                        long tile_rows = rows - ir < mr ? rows - ir : mr;
                        const float *panel_a = packed_a + ir * depth;
                        const float *panel_b = packed_b + jr * depth;
                        float *tile_c = c + (ic + ir) * ldc + jc + jr;
                        if (tile_rows == mr && tile_columns == nr)
                            kernel->kernel(depth, panel_a, panel_b, tile_c, ldc, alpha, block_beta);
                        else
                            edge_tile(kernel, depth, panel_a, panel_b, tile_rows, tile_columns,
                                      alpha, block_beta, tile_c, ldc);
                    }
                }
            }
        }
    }
}

/// The arguments of one ns_sgemm call, and whether its parts split the rows or the columns of C.
typedef struct {
    const ns_sgemm_kernel *kernel;
    int transpose_a, transpose_b;
    long m, n, k;
    float alpha, beta;
    const float *a, *b;
    float *c;
    long lda, ldb, ldc;
    int splits_rows;
} sgemm_call;

/// One part computes a range of whole tiles, so every element is summed in the same
/// order whatever the number of parts.
static void run_sgemm_part(void *context, long part, long part_count) {
    const sgemm_call *call = context;
    const float *a = call->a, *b = call->b;
    float *c = call->c;
    long m = call->m, n = call->n;
    if (call->splits_rows) {
        long start = ns_part_start(m, part, part_count, call->kernel->mr);
        m = ns_part_start(m, part + 1, part_count, call->kernel->mr) - start;
        a += call->transpose_a ? start : start * call->lda;
        c += start * call->ldc;
    } else {
        long start = ns_part_start(n, part, part_count, call->kernel->nr);
        n = ns_part_start(n, part + 1, part_count, call->kernel->nr) - start;
        b += call->transpose_b ? start * call->ldb : start;
        c += start;
    }
    ns_sgemm_on_one_thread(call->kernel, call->transpose_a, call->transpose_b, m, n, call->k,
                           call->alpha, a, call->lda, b, call->ldb, call->beta, c, call->ldc);
}

void ns_sgemm(int transpose_a, int transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
    if (m < NS_FEW_ROWS && !transpose_b && k > 0 && alpha != 0) {
        ns_sgemm_few_rows(transpose_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    const ns_sgemm_kernel *kernel = ns_sgemm_kernel_for(ns_current_kernel_path());
    long row_tiles = (m + kernel->mr - 1) / kernel->mr;
    long column_tiles = (n + kernel->nr - 1) / kernel->nr;
    int splits_rows = row_tiles >= column_tiles;
    long part_count = ns_part_count(2.0 * m * n * k, splits_rows ? row_tiles : column_tiles);
    sgemm_call call = {kernel, transpose_a, transpose_b, m, n, k, alpha, beta,
                       a, b, c, lda, ldb, ldc, splits_rows};
    ns_parallel_run(part_count, run_sgemm_part, &call);
}
