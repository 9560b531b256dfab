import DocumentationTestSupport
import Testing
import NumSight

// The code samples of Documentation/ForPyTorchAndMLXUsers.md, run as tests (see GuideSamples.swift).

extension Documentation {
    @Suite struct FrameworkComparisonSamples {
        let printed = PrintedLines()

        func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
            printed.lines.append(items.map { String(describing: $0) }.joined(separator: separator))
        }

        @Test func defaults() {
            // sample: frameworks-defaults
            let norm = BatchNorm<Float>(featureCount: 16, defaults: .pyTorch)
            print(norm.momentum, norm.epsilon)                   // PyTorch's momentum=0.1, eps=1e-5
            let x = Tensor<Float>([1, 2, 3, 4])
            print(x.variance().scalar, x.variance(correction: 1).scalar)   // ours, then torch.var's
            let nchw = Tensor<Float>.zeros(shape: [8, 3, 32, 32])
            print(nchw.transposed(permutation: [0, 2, 3, 1]).shape)        // NCHW → NHWC
            let linearWeight = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])   // nn.Linear: [out, in]
            print(linearWeight.transposed().shape)                                // Dense: [in, out]
            // end sample
            GuideText.expectOutput(printed.lines, of: "frameworks-defaults")
        }

        @Test func indexing() {
            // sample: frameworks-indexing
            let x = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3])
            print(x[.all, 1].scalars)                                                   // x[:, 1]
            print(x.gathering(IndexTensor([2, 0, 1, 1], shape: [2, 2]), alongAxis: 1).scalars)  // torch.gather(x, 1, i)
            print(x.cumulativeSum(alongAxis: 1).scalars)                                // torch.cumsum(x, 1)
            print(x.reversed(alongAxes: [1]).scalars)                                   // torch.flip(x, [1])
            print(x.argmaxIndices(alongAxis: 1).indices)                                // x.argmax(1)
            let tangent = valueWithJacobianVectorProduct(at: [x], along: [Tensor.ones(shape: [2, 3])]) {
                $0[0].squared()
            }.jacobianVectorProduct
            print(tangent.scalars)                                                      // torch.func.jvp
            // end sample
            GuideText.expectOutput(printed.lines, of: "frameworks-indexing")
        }
    }
}
