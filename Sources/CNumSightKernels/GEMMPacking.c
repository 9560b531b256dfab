// Packing of GEMM operands into the panel order the tile kernels stream through.
#include "GEMM.h"

void ns_pack_a(int transpose, const float *a, long lda, long rows, long depth, long mr,
               float *packed) {
    for (long i = 0; i < rows; i += mr, packed += mr * depth) {
        long panel_rows = rows - i < mr ? rows - i : mr;
        if (transpose) {
            for (long p = 0; p < depth; p++) {
                const float *source = a + p * lda + i;
                for (long r = 0; r < panel_rows; r++) packed[p * mr + r] = source[r];
                for (long r = panel_rows; r < mr; r++) packed[p * mr + r] = 0;
            }
        } else {
            for (long r = 0; r < mr; r++) {
                const float *source = a + (i + r) * lda;
                if (r < panel_rows)
                    for (long p = 0; p < depth; p++) packed[p * mr + r] = source[p];
                else
                    for (long p = 0; p < depth; p++) packed[p * mr + r] = 0;
            }
        }
    }
}

void ns_pack_b(int transpose, const float *b, long ldb, long depth, long columns, long nr,
               float *packed) {
    for (long j = 0; j < columns; j += nr, packed += nr * depth) {
        long panel_columns = columns - j < nr ? columns - j : nr;
        if (transpose) {
            for (long c = 0; c < nr; c++) {
                const float *source = b + (j + c) * ldb;
                if (c < panel_columns)
                    for (long p = 0; p < depth; p++) packed[p * nr + c] = source[p];
                else
                    for (long p = 0; p < depth; p++) packed[p * nr + c] = 0;
            }
        } else {
            for (long p = 0; p < depth; p++) {
                const float *source = b + p * ldb + j;
                for (long c = 0; c < panel_columns; c++) packed[p * nr + c] = source[c];
                for (long c = panel_columns; c < nr; c++) packed[p * nr + c] = 0;
            }
        }
    }
}
