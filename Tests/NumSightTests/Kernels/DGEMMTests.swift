import CNumSightKernels
import CNumSightReferenceKernels
import Testing

extension KernelTests {
    /// `ns_dgemm` against the naive reference.
    @Suite struct DGEMMTests {
        @Test func matchesReferenceForEveryTransposeCombination() {
            forEachConfiguration { configuration in
                for (m, n, k) in [(1, 1, 1), (7, 33, 100), (100, 7, 300), (33, 257, 7)] {
                    for transposeA in [0, 1] {
                        for transposeB in [0, 1] {
                            let lda = (transposeA == 1 ? m : k) + 1, ldb = (transposeB == 1 ? k : n) + 2
                            let a = randomFloats(max(m, k) * lda, seed: 1).map(Double.init)
                            let b = randomFloats(max(k, n) * ldb, seed: 2).map(Double.init)
                            var observed = randomFloats(m * n, seed: 3).map(Double.init)
                            var expected = observed
                            ns_dgemm(Int32(transposeA), Int32(transposeB), m, n, k, 0.75, a, lda,
                                     b, ldb, -0.5, &observed, n)
                            ns_reference_dgemm(Int32(transposeA), Int32(transposeB), m, n, k, 0.75,
                                               a, lda, b, ldb, -0.5, &expected, n)
                            expectClose(observed, expected, tolerance: 1e-12,
                                        "\(m)x\(n)x\(k) transposes \(transposeA) \(transposeB), \(configuration)")
                        }
                    }
                }
            }
        }

        @Test func multipliesTwoByTwoMatricesByHand() {
            var c: [Double] = [.nan, .nan, .nan, .nan]
            ns_dgemm(1, 0, 2, 2, 2, 2, [1, 3, 2, 4], 2, [5, 6, 7, 8], 2, 0, &c, 2)
            #expect(c == [38, 44, 86, 100])
        }
    }
}
