import CNumSightKernels

/// Matrix multiplication over row-major buffers, by the C kernels.
enum MatrixKernels {
    /// `c[b] = op(a[b]) · op(b[b])` for each of `batch` matrix pairs, where op
    /// transposes when asked; op(a) is m × k and op(b) is k × n.
    static func multiply<Scalar: TensorScalar>(
        _ a: [Scalar], _ b: [Scalar], batch: Int, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
    ) -> [Scalar] {
        guard m > 0, n > 0, k > 0 else { return [Scalar](repeating: 0, count: batch * m * n) }
        let sizes = (batch: batch, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
        if let a = a.floats, let b = b.floats { return [Scalar](reinterpreting: multiply(a, b, sizes, ns_sgemm)) }
        guard let a = a.doubles, let b = b.doubles else { fatalError("matmul: unsupported scalar \(Scalar.self)") }
        return [Scalar](reinterpreting: multiply(a, b, sizes, ns_dgemm))
    }

    private typealias GEMM<Element> = (
        Int32, Int32, Int, Int, Int, Element, UnsafePointer<Element>?, Int, UnsafePointer<Element>?, Int, Element,
        UnsafeMutablePointer<Element>?, Int
    ) -> Void

    private static func multiply<Element: TensorScalar>(
        _ a: [Element], _ b: [Element],
        _ sizes: (batch: Int, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool), _ gemm: GEMM<Element>
    ) -> [Element] {
        let (batch, m, n, k) = (sizes.batch, sizes.m, sizes.n, sizes.k)
        let lda = sizes.transposeA ? m : k
        let ldb = sizes.transposeB ? k : n
        let count = batch * m * n
        return [Element](unsafeUninitializedCapacity: count) { c, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for index in 0..<batch {
                        gemm(sizes.transposeA ? 1 : 0, sizes.transposeB ? 1 : 0, m, n, k, 1,
                             a.baseAddress! + index * m * k, lda, b.baseAddress! + index * k * n, ldb, 0,
                             c.baseAddress! + index * m * n, n)
                    }
                }
            }
            initialized = count
        }
    }
}
