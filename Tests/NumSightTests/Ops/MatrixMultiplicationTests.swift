import Testing
import NumSight

@Suite struct MatrixMultiplicationTests {
    /// The textbook triple loop over plain arrays, row-major.
    func naiveProduct(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        return c
    }

    /// Small integers (exact in Float) that differ from element to element.
    func pattern(_ count: Int, seed: Int) -> [Double] {
        (0..<count).map { Double(($0 * 7 + seed * 3) % 11 - 5) }
    }

    @Test func aTwoByThreeTimesAThreeByTwoWorkedByHand() {
        // [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]]
        // = [[1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12], [4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]]
        let a = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let b = Tensor<Float>([7, 8, 9, 10, 11, 12], shape: [3, 2])
        expectTensor(matmul(a, b), equals: [58, 64, 139, 154], shape: [2, 2])
    }

    @Test func theIdentityLeavesAMatrixUnchanged() {
        let a = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        expectTensor(matmul(a, .identity(size: 3)), equals: a.scalars, shape: [2, 3])
        expectTensor(matmul(.identity(size: 2), a), equals: a.scalars, shape: [2, 3])
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 4), (17, 33, 9), (64, 20, 70)])
    func largerProductsMatchTheTripleLoop(_ sizes: (Int, Int, Int)) {
        let (m, k, n) = sizes
        let a = pattern(m * k, seed: 1)
        let b = pattern(k * n, seed: 2)
        let expected = naiveProduct(a, b, m: m, k: k, n: n)
        expectTensor(matmul(Tensor(a, shape: [m, k]), Tensor(b, shape: [k, n])), equals: expected, shape: [m, n])
        let float = matmul(Tensor<Float>(a.map(Float.init), shape: [m, k]), Tensor(b.map(Float.init), shape: [k, n]))
        expectTensor(float, equals: expected.map(Float.init), shape: [m, n])
    }

    @Test(arguments: [(3, 4, 5), (17, 33, 9)])
    func transposeFlagsEqualMultiplyingExplicitTransposes(_ sizes: (Int, Int, Int)) {
        let (m, k, n) = sizes
        let a = pattern(m * k, seed: 3)
        let b = pattern(k * n, seed: 4)
        let expected = naiveProduct(a, b, m: m, k: k, n: n)
        let aT = Tensor(a, shape: [m, k]).transposed()
        let bT = Tensor(b, shape: [k, n]).transposed()
        expectTensor(matmul(aT, Tensor(b, shape: [k, n]), transposingLHS: true), equals: expected, shape: [m, n])
        expectTensor(matmul(Tensor(a, shape: [m, k]), bT, transposingRHS: true), equals: expected, shape: [m, n])
        expectTensor(matmul(aT, bT, transposingLHS: true, transposingRHS: true), equals: expected, shape: [m, n])
        let (floatAT, floatBT) = (aT.converted(to: Float.self), bT.converted(to: Float.self))
        let floatExpected = expected.map(Float.init)
        expectTensor(matmul(floatAT, Tensor(b.map(Float.init), shape: [k, n]), transposingLHS: true),
                     equals: floatExpected, shape: [m, n])
        expectTensor(matmul(Tensor(a.map(Float.init), shape: [m, k]), floatBT, transposingRHS: true),
                     equals: floatExpected, shape: [m, n])
        expectTensor(matmul(floatAT, floatBT, transposingLHS: true, transposingRHS: true), equals: floatExpected,
                     shape: [m, n])
    }

    @Test func batchedProductsMultiplyEachPairOfMatrices() {
        // Batch 0: [[1, 2], [3, 4]] · [[1, 0], [0, 1]]; batch 1: [[1, 1], [1, 1]] · [[2, 3], [4, 5]].
        let a = Tensor<Double>([1, 2, 3, 4, 1, 1, 1, 1], shape: [2, 2, 2])
        let b = Tensor<Double>([1, 0, 0, 1, 2, 3, 4, 5], shape: [2, 2, 2])
        expectTensor(matmul(a, b), equals: [1, 2, 3, 4, 6, 8, 6, 8], shape: [2, 2, 2])
        // With the right-hand side transposed, batch 1 becomes [[1, 1], [1, 1]] · [[2, 4], [3, 5]].
        expectTensor(matmul(a, b, transposingRHS: true), equals: [1, 2, 3, 4, 5, 9, 5, 9], shape: [2, 2, 2])
    }

    @Test func aMatrixRightHandSideIsSharedByEveryBatchEntry() {
        // [2, 3, 2] · [2, 4]: each of the six rows times the same matrix.
        let rows = pattern(12, seed: 5)
        let weight = pattern(8, seed: 6)
        let expected = naiveProduct(rows, weight, m: 6, k: 2, n: 4)
        let product = matmul(Tensor(rows, shape: [2, 3, 2]), Tensor(weight, shape: [2, 4]))
        expectTensor(product, equals: expected, shape: [2, 3, 4])
        let transposedLHS = Tensor(rows, shape: [2, 3, 2]).transposed(permutation: [0, 2, 1])
        expectTensor(matmul(transposedLHS, Tensor(weight, shape: [2, 4]), transposingLHS: true),
                     equals: expected, shape: [2, 3, 4])
    }

    @Test func batchAxesBroadcast() {
        // [2, 1, 2, 2] · [3, 2, 2] → [2, 3, 2, 2]: entry (i, j) is a[i] · b[j].
        let a = Tensor<Double>([1, 2, 3, 4, 0, 1, 1, 0], shape: [2, 1, 2, 2])
        let b = Tensor<Double>([1, 0, 0, 1, 2, 0, 0, 2, 0, 1, 1, 0], shape: [3, 2, 2])
        let product = matmul(a, b)
        #expect(product.shape == [2, 3, 2, 2])
        for i in 0..<2 {
            for j in 0..<3 {
                let expected = naiveProduct(Array(a.scalars[(4 * i)..<(4 * i + 4)]),
                                            Array(b.scalars[(4 * j)..<(4 * j + 4)]), m: 2, k: 2, n: 2)
                #expect(Array(product.scalars[(12 * i + 4 * j)..<(12 * i + 4 * j + 4)]) == expected)
            }
        }
        // A matrix on the left is shared by every entry of a batched right-hand side.
        let left = Tensor<Double>([1, 2, 3, 4], shape: [2, 2])
        expectTensor(matmul(left, b).sliced(alongAxis: 0, range: 1..<2), equals: [2, 4, 6, 8], shape: [1, 2, 2])
    }
}
