import Foundation
import Testing
import NumSight

@Suite struct GroupNormalizationTests {
    func pattern(_ count: Int, phase: Double) -> [Double] { (0..<count).map { sin(0.7 * Double($0) + phase) } }

    // Expected numbers: the formulas evaluated with NumPy.
    @Test func groupsNormaliseOverTheirChannelsAndPositions() {
        let x = Tensor<Double>(pattern(8, phase: 0.4), shape: [1, 2, 4])
        let y = groupNormalized(x, groupCount: 2, scale: Tensor([1, 2, 0.5, 1]), offset: Tensor([0, 0.1, 0, -0.1]))
        expectTensor(y, equals: [0.4401554189734731, 2.7071892761941045, 0.6018173615946331, 0.6680485183713543,
                                 -0.3303707992866141, -2.7267585155678224, -0.5397498382302652, -0.99218356510009],
                     shape: [1, 2, 4])
    }

    @Test func rmsNormalisationDividesByTheRootMeanSquare() {
        let x = Tensor<Double>(pattern(6, phase: 0.9), shape: [2, 3])
        expectTensor(rmsNormalized(x, scale: Tensor([1, 0.5, 2])),
                     equals: [0.921273214858419, 0.5878008117961833, 1.7540524389374885,
                              0.22255449560499338, -0.41779127111146946, -3.001464108212091], shape: [2, 3])
    }

    @Test func layersAndFrameworkDefaults() {
        #expect(GroupNorm<Float>(groupCount: 2, channelCount: 4)(Tensor.ones(shape: [2, 3, 3, 4])).shape == [2, 3, 3, 4])
        #expect(RMSNorm<Float>(featureCount: 3)(Tensor.ones(shape: [2, 3])).scalars.allSatisfy { abs($0 - 1) < 1e-4 })
        let pyTorch = BatchNorm<Float>(featureCount: 3, defaults: .pyTorch)
        #expect(pyTorch.momentum == 0.9 && pyTorch.epsilon == 1e-5)
        let keras = BatchNorm<Float>(featureCount: 3, defaults: .keras)
        #expect(keras.momentum == 0.99 && keras.epsilon == 1e-3)
        #expect(LayerNorm<Float>(featureCount: 3, defaults: .pyTorch).epsilon == 1e-5)
    }
}
