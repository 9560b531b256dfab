// Packing of GEMM operands into the panel order the tile kernels stream through.
#include "GEMM.h"
#include "PathVariants.h"
#include <string.h>

/// One panel of `mr` rows (`mr` a constant where it is one): for each step of depth, the
/// panel's values are gathered from its rows (or copied, when op(A) is transposed) into one
/// contiguous group of `mr`, so that the writes are whole vectors.
NS_BODY void pack_a_panel(int transpose, const float *restrict a, long lda, long panel_rows,
                          long depth, const long mr, float *restrict packed) {
    if (panel_rows < mr) {
        for (long p = 0; p < depth; p++)
            for (long r = 0; r < mr; r++)
                packed[p * mr + r] = r >= panel_rows ? 0 : transpose ? a[p * lda + r] : a[r * lda + p];
    } else if (transpose) {
        for (long p = 0; p < depth; p++) memcpy(packed + p * mr, a + p * lda, sizeof(float) * mr);
    } else {
        for (long p = 0; p < depth; p++)
            for (long r = 0; r < mr; r++) packed[p * mr + r] = a[r * lda + p];
    }
}

NS_BODY void pack_a_body(int transpose, const float *a, long lda, long rows, long depth, long mr,
                         float *packed) {
    for (long i = 0; i < rows; i += mr, packed += mr * depth) {
        long panel_rows = rows - i < mr ? rows - i : mr;
        const float *panel = transpose ? a + i : a + i * lda;
        switch (mr) {  // the tile heights of the paths' kernels
        case 8: pack_a_panel(transpose, panel, lda, panel_rows, depth, 8, packed); break;
        case 6: pack_a_panel(transpose, panel, lda, panel_rows, depth, 6, packed); break;
        case 4: pack_a_panel(transpose, panel, lda, panel_rows, depth, 4, packed); break;
        default: pack_a_panel(transpose, panel, lda, panel_rows, depth, mr, packed); break;
        }
    }
}

NS_PATH_VARIANTS(pack_a,
                 (int transpose, const float *a, long lda, long rows, long depth, long mr, float *packed),
                 (transpose, a, lda, rows, depth, mr, packed))

void ns_pack_a(int transpose, const float *a, long lda, long rows, long depth, long mr,
               float *packed) {
    pack_a(transpose, a, lda, rows, depth, mr, packed);
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
