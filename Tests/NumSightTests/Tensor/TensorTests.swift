import Testing
import NumSight

@Suite struct TensorTests {
    @Test func zerosOnesAndRepeatingFillTheirShape() {
        expectTensor(Tensor<Float>.zeros(shape: [2, 3]), equals: [0, 0, 0, 0, 0, 0], shape: [2, 3])
        expectTensor(Tensor<Double>.ones(shape: [3]), equals: [1, 1, 1], shape: [3])
        expectTensor(Tensor<Float>(repeating: 2.5, shape: [1, 2, 2]), equals: [2.5, 2.5, 2.5, 2.5], shape: [1, 2, 2])
        expectTensor(Tensor<Float>.zeros(shape: []), equals: [0], shape: [])
        expectTensor(Tensor<Float>.ones(shape: [2, 0]), equals: [], shape: [2, 0])
    }

    @Test func rangeCountsUpToButExcludingTheEnd() {
        expectTensor(Tensor<Float>.range(to: 5), equals: [0, 1, 2, 3, 4], shape: [5])
        expectTensor(Tensor<Float>.range(from: 0, to: 1, step: 0.25), equals: [0, 0.25, 0.5, 0.75], shape: [4])
        // ⌈(10 − 2) / 3⌉ = 3 elements: 2, 5, 8.
        expectTensor(Tensor<Double>.range(from: 2, to: 10, step: 3), equals: [2, 5, 8], shape: [3])
        expectTensor(Tensor<Double>.range(from: 5, to: 0, step: -2), equals: [5, 3, 1], shape: [3])
        expectTensor(Tensor<Double>.range(from: 3, to: 1), equals: [], shape: [0])
    }

    @Test func identityHasOnesOnTheDiagonalOnly() {
        expectTensor(Tensor<Float>.identity(size: 3), equals: [1, 0, 0,
                                                              0, 1, 0,
                                                              0, 0, 1], shape: [3, 3])
        expectTensor(Tensor<Double>.identity(size: 1), equals: [1], shape: [1, 1])
    }

    @Test func initialisersSetShapeAndScalarsInRowMajorOrder() {
        let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(matrix.shape == [2, 3])
        #expect(matrix.rank == 2)
        #expect(matrix.elementCount == 6)
        #expect(matrix.scalars == [1, 2, 3, 4, 5, 6])
        let vector = Tensor<Double>([7, 8])
        #expect(vector.shape == [2] && vector.rank == 1)
        let scalar = Tensor<Double>(3.5)
        #expect(scalar.shape == [] && scalar.rank == 0 && scalar.elementCount == 1)
        #expect(scalar.scalar == 3.5)
        #expect(Tensor<Float>([9], shape: [1, 1]).scalar == 9)
    }

    @Test func scalarsThatDoNotFillTheShapeStopTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor<Float>([1, 2, 3], shape: [2, 2])
        }
    }

    @Test func copiesAreIndependentValues() {
        let original = Tensor<Float>([1, 2, 3])
        var copy = original
        copy.withUnsafeMutableScalars { $0[0] = 100 }
        #expect(original.scalars == [1, 2, 3], "the original changed with its copy: \(original.scalars)")
        #expect(copy.scalars == [100, 2, 3])
        var sum = original
        sum += Tensor([1, 1, 1])
        #expect(original.scalars == [1, 2, 3])
        #expect(sum.scalars == [2, 3, 4])
    }

    @Test func mutatingTheScalarsStopsRecordingGradients() {
        var x = Tensor<Double>([1, 2]).requiringGradient()
        #expect(x.requiresGradient)
        x.withUnsafeMutableScalars { $0[1] = 5 }
        #expect(!x.requiresGradient)
        #expect(x.scalars == [1, 5])
    }

    @Test func equalityComparesShapesAndValuesButNotGradientState() {
        let x = Tensor<Float>([1, 2, 3, 4], shape: [2, 2])
        #expect(x == x.requiringGradient())
        #expect(x == x.detached())
        #expect(x != Tensor([1, 2, 3, 4], shape: [4]))
        #expect(x != Tensor([1, 2, 3, 5], shape: [2, 2]))
    }

    @Test func detachedAndRequiringGradientKeepTheValues() {
        let x = Tensor<Double>([1, 2]).requiringGradient()
        let y = (x * 3).detached()
        #expect(!y.requiresGradient)
        #expect(y.scalars == [3, 6])
        #expect(x.scalars == [1, 2] && x.gradient == nil)
    }

    @Test func convertingBetweenFloatAndDouble() {
        let double = Tensor<Double>([0.5, -2, 1.0 / 3], shape: [3, 1])
        let float = double.converted(to: Float.self)
        expectTensor(float, equals: [0.5, -2, 0.33333334], shape: [3, 1])
        expectTensor(float.converted(to: Double.self), equals: [0.5, -2, Double(Float(1.0 / 3))], shape: [3, 1],
                     tolerance: 0)
    }
}
