import Foundation
import Testing
import NumSight

@Suite struct SequenceConvolutionTests {
    func pattern(_ count: Int, phase: Double) -> [Double] { (0..<count).map { sin(0.7 * Double($0) + phase) } }

    @Test func conv1DSlidesAlongTheSequence() {
        // Expected numbers: Σ over the window and channels, evaluated with NumPy.
        let x = Tensor<Double>(pattern(10, phase: 0), shape: [1, 5, 2])
        let filter = Tensor<Double>(pattern(6, phase: 1), shape: [3, 2, 1])
        expectTensor(conv1D(x, filter: filter), equals: [1.4783118636730341, 3.390585602028943, -0.3257355686019279],
                     shape: [1, 3, 1])
        #expect(conv1D(x, filter: filter, padding: .same).shape == [1, 5, 1])
        #expect(conv1D(x, filter: filter, stride: 2, padding: .explicit(top: 0, bottom: 0, left: 1, right: 1)).shape
                    == [1, 3, 1])
    }

    @Test func transposedConvolutionSpreadsEachPixel() {
        // One pixel of value 2, a 2×2 filter, stride 2: the output is 2 · filter at that pixel's block.
        var image = [Double](repeating: 0, count: 4)
        image[3] = 2   // position (1, 1) of a 2×2 image
        let filter = Tensor<Double>([1, 2, 3, 4], shape: [2, 2, 1, 1])
        let output = transposedConv2D(Tensor(image, shape: [1, 2, 2, 1]), filter: filter, strides: (2, 2))
        expectTensor(output, equals: [0, 0, 0, 0,
                                      0, 0, 0, 0,
                                      0, 0, 2, 4,
                                      0, 0, 6, 8], shape: [1, 4, 4, 1])
        #expect(transposedConv2D(Tensor<Double>.zeros(shape: [1, 3, 3, 2]), filter: .zeros(shape: [3, 3, 5, 2]),
                                 strides: (2, 2), padding: .same).shape == [1, 6, 6, 5])
    }

    @Test func transposedConvolutionIsTheAdjointOfConvolution() {
        // ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ for every x and y.
        var generator = SeededRandomNumberGenerator(seed: 1)
        let x = Tensor<Double>.randomNormal(shape: [2, 5, 5, 3], using: &generator)
        let filter = Tensor<Double>.randomNormal(shape: [3, 3, 3, 4], using: &generator)
        let forward = conv2D(x, filter: filter, strides: (2, 2), padding: .valid)
        let y = Tensor<Double>.randomNormal(shape: forward.shape, using: &generator)
        let lhs = (forward * y).sum().scalar
        let rhs = (x * transposedConv2D(y, filter: filter, strides: (2, 2))).sum().scalar
        #expect(abs(lhs - rhs) < 1e-9, "\(lhs) vs \(rhs)")
    }

    @Test func layersHaveTheDocumentedShapes() {
        let conv = Conv1D<Float>(inputChannels: 4, outputChannels: 6, kernelSize: 3, padding: .same)
        #expect(conv(Tensor.zeros(shape: [2, 10, 4])).shape == [2, 10, 6])
        let up = TransposedConv2D<Float>(inputChannels: 4, outputChannels: 2, kernelSize: (2, 2), strides: (2, 2))
        #expect(up(Tensor.zeros(shape: [1, 7, 7, 4])).shape == [1, 14, 14, 2])
        #expect(up.weight.value.shape == [2, 2, 2, 4])
    }
}
