import Testing
import NumSight

/// Misuse stops the program with a message naming the operation and the shapes.
/// Each case runs in a child process (an exit test), where the stop is observed.
@Suite struct MisuseTests {
    @Test func aShapeMismatchNamesTheOperationAndShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor<Float>.zeros(shape: [2, 3]) + Tensor<Float>.zeros(shape: [4])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("add: shapes [2, 3] and [4] do not broadcast"), "\(message)")
    }

    @Test func aMatmulWithMismatchedInnerDimensionsSaysSo() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = matmul(Tensor<Float>.zeros(shape: [2, 3]), Tensor<Float>.zeros(shape: [2, 3]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("matmul: inner dimensions differ: [2, 3] · [2, 3]"), "\(message)")
    }

    @Test func aSecondBackwardThroughAReleasedGraphIsRefused() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor<Float>([1, 2]).requiringGradient()
            let y = exp(x).sum()
            y.backward()
            y.backward()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("backward: the graph through 'reshape' (output []) was already released"),
                "\(message)")
    }

    @Test func theGradientOfANonScalarNeedsASeed() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor<Float>([1, 2]).requiringGradient()
            (x * x).backward()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("backward: the output has shape [2], not one element; pass a seed"), "\(message)")
    }
}
