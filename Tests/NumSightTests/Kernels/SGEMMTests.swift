import CNumSightKernels
import CNumSightReferenceKernels
import Testing

extension KernelTests {
    /// `ns_sgemm` against the naive reference, on every path and thread count.
    @Suite struct SGEMMTests {
        /// (m, n, k): odd sizes, plus ones that span several cache blocks of every path.
        static let shapes = [
            (1, 1, 1), (7, 1, 33), (1, 7, 7), (33, 7, 100), (100, 33, 7), (257, 33, 33),
            (33, 100, 257), (200, 40, 600), (9, 1100, 20),
        ]

        /// Runs `ns_sgemm` and the reference on the same random operands, stored with row
        /// strides wider than the rows, and compares the results.
        static func check(
            _ shape: (Int, Int, Int), transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float,
            _ configuration: KernelConfiguration
        ) {
            let (m, n, k) = shape
            let (aRows, aColumns) = transposeA ? (k, m) : (m, k)
            let (bRows, bColumns) = transposeB ? (n, k) : (k, n)
            let lda = aColumns + 3, ldb = bColumns + 1, ldc = n + 2
            let a = randomFloats(aRows * lda, seed: 1), b = randomFloats(bRows * ldb, seed: 2)
            var observed = randomFloats(m * ldc, seed: 3)
            var expected = observed
            ns_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb,
                     beta, &observed, ldc)
            ns_reference_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b,
                               ldb, beta, &expected, ldc)
            expectClose(observed, expected, tolerance: 1e-4,
                        "\(m)x\(n)x\(k) transposes \(transposeA) \(transposeB) alpha \(alpha) beta \(beta), \(configuration)")
        }

        @Test func matchesReferenceForEveryTransposeCombination() {
            forEachConfiguration { configuration in
                for shape in Self.shapes {
                    for transposeA in [false, true] {
                        for transposeB in [false, true] {
                            Self.check(shape, transposeA: transposeA, transposeB: transposeB,
                                       alpha: 1, beta: 0, configuration)
                        }
                    }
                }
            }
        }

        @Test func scalesByAlphaAndAddsBetaTimesC() {
            forEachConfiguration { configuration in
                for (alpha, beta) in [(Float(0.5), Float(-2)), (-1, 1), (0, 0.25), (2, 0)] {
                    Self.check((33, 40, 17), transposeA: true, transposeB: false,
                               alpha: alpha, beta: beta, configuration)
                    Self.check((70, 9, 600), transposeA: false, transposeB: true,
                               alpha: alpha, beta: beta, configuration)
                    // A few rows of C: B is read unpacked, 64 columns at a time.
                    Self.check((3, 150, 40), transposeA: false, transposeB: false,
                               alpha: alpha, beta: beta, configuration)
                    Self.check((2, 70, 33), transposeA: true, transposeB: false,
                               alpha: alpha, beta: beta, configuration)
                }
            }
        }

        @Test func multipliesTwoByTwoMatricesByHand() {
            forEachConfiguration { configuration in
                var c: [Float] = [1, 1, 1, 1]
                ns_sgemm(0, 0, 2, 2, 2, 1, [1, 2, 3, 4], 2, [5, 6, 7, 8], 2, 10, &c, 2)
                #expect(c == [29, 32, 53, 60], "\(configuration)")
            }
        }

        @Test func doesNotReadCWhenBetaIsZero() {
            forEachConfiguration { configuration in
                let (m, n, k) = (19, 37, 11)
                var c = [Float](repeating: .nan, count: m * n)
                let a = randomFloats(m * k, seed: 4), b = randomFloats(k * n, seed: 5)
                ns_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, &c, n)
                let allFinite = c.allSatisfy { $0.isFinite }
                #expect(allFinite, "\(configuration)")
                ns_sgemm(0, 0, m, n, 0, 1, a, k, b, n, 0, &c, n)
                let allZero = c.allSatisfy { $0 == 0 }
                #expect(allZero, "k = 0, \(configuration)")
            }
        }

        @Test func givesBitIdenticalResultsOnEveryRunAndThreadCount() {
            let (m, n, k) = (150, 70, 90)
            let a = randomFloats(m * k, seed: 6), b = randomFloats(k * n, seed: 7)
            var first: [[Float]] = []
            forEachConfiguration { configuration in
                var c = [Float](repeating: 0, count: m * n)
                ns_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, &c, n)
                var again = [Float](repeating: 0, count: m * n)
                ns_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, &again, n)
                #expect(c == again, "\(configuration)")
                if configuration.threads == 1 { first = [c] } else { #expect(c == first[0], "\(configuration)") }
            }
        }
    }
}
