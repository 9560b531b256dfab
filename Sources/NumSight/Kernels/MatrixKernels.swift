import CNumSightKernels

/// Matrix multiplication over row-major buffers, by the C kernels.
enum MatrixKernels {
    /// `c[b] = op(a[b]) · op(b[b])` for each of `batch` matrix pairs, where op
    /// transposes when asked; op(a) is m × k and op(b) is k × n.
    static func multiply<Scalar: TensorScalar>(
        _ a: [Scalar], _ b: [Scalar], batch: Int, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
    ) -> [Scalar] {
        let count = batch * m * n
        guard m > 0, n > 0, k > 0 else { return [Scalar](repeating: 0, count: count) }
        return [Scalar](unsafeUninitializedCapacity: count) { c, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for index in 0..<batch {
                        multiply(a.baseAddress! + index * m * k, b.baseAddress! + index * k * n,
                                 into: c.baseAddress! + index * m * n,
                                 m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
                    }
                }
            }
            initialized = count
        }
    }

    private static func multiply<Scalar: TensorScalar>(
        _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>, into c: UnsafeMutablePointer<Scalar>,
        m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
    ) {
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        require(Scalar.self == Float.self || Scalar.self == Double.self, "matmul: unsupported scalar \(Scalar.self)")
        if Scalar.self == Float.self {
            a.withMemoryRebound(to: Float.self, capacity: m * k) { a in
                b.withMemoryRebound(to: Float.self, capacity: k * n) { b in
                    c.withMemoryRebound(to: Float.self, capacity: m * n) { c in
                        ns_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, 1, a, lda, b, ldb, 0, c, n)
                    }
                }
            }
            return
        }
        a.withMemoryRebound(to: Double.self, capacity: m * k) { a in
            b.withMemoryRebound(to: Double.self, capacity: k * n) { b in
                c.withMemoryRebound(to: Double.self, capacity: m * n) { c in
                    ns_dgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, 1, a, lda, b, ldb, 0, c, n)
                }
            }
        }
    }
}
