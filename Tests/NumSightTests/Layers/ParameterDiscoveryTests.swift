import Testing
import NumSight

/// Discovery finds layers in arrays and dictionaries of any depth, and stops with a
/// message naming the property where it cannot see (tuples, structs, lazy storage).
@Suite struct ParameterDiscoveryTests {
    @Test func layersInNestedArraysAndDictionariesAreNamedByIndexAndKey() {
        final class Grid: Layer {
            let heads: [String: Dense<Float>] = ["value": Dense(inputSize: 1, outputSize: 1, useBias: false),
                                                 "policy": Dense(inputSize: 1, outputSize: 1, useBias: false)]
            let rows: [[Dense<Float>]] = [[Dense(inputSize: 1, outputSize: 1, useBias: false)],
                                          [Dense(inputSize: 1, outputSize: 1, useBias: false),
                                           Dense(inputSize: 1, outputSize: 1, useBias: false)]]
            let experts: [String: [Dense<Float>]] = ["a": [Dense(inputSize: 1, outputSize: 1, useBias: false)]]
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { input }
        }
        let names = Grid().namedParameters.map(\.name)
        #expect(names == ["heads.policy.weight", "heads.value.weight", "rows.0.0.weight", "rows.1.0.weight",
                          "rows.1.1.weight", "experts.a.0.weight"])
    }

    @Test func aLayerInATupleStopsWithTheProperty() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            final class Pair: Layer {
                let pair = (Dense<Float>(inputSize: 1, outputSize: 1), 3)
                func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { input }
            }
            _ = Pair().namedParameters
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("parameter discovery: 'pair'"), "\(message)")
    }

    @Test func aParameterInAStructStopsWithTheProperty() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            struct Weights { let kernel = Parameter(Tensor<Float>([1])) }
            final class Holder: Layer {
                let weights = Weights()
                func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { input }
            }
            _ = Holder().namedParameters
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("parameter discovery: 'weights' (Weights) holds layers or parameters"), "\(message)")
    }

    final class Lazy: Layer {
        lazy var head = Dense<Float>(inputSize: 1, outputSize: 1)
        func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { head(input) }
    }

    @Test func aLazyLayerIsNamedByItsProperty() {
        let model = Lazy()
        _ = model(Tensor([1], shape: [1, 1]))
        #expect(model.namedParameters.map(\.name) == ["head.weight", "head.bias"])
    }

    @Test func aLazyLayerNotCreatedYetStopsWithItsName() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Lazy().namedParameters
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("parameter discovery: 'head' of Lazy is a lazy var not created yet"), "\(message)")
    }

    @Test func aFrozenBatchNormKeepsItsRunningStatistics() {
        let norm = BatchNorm<Float>(featureCount: 2, momentum: 0.5)
        let input = Tensor<Float>([1, 10, 3, 20], shape: [2, 2])
        norm.setTrainable(false)
        let frozenOutput = withTrainingMode { norm(input) }
        #expect(norm.runningMean.value.scalars == [0, 0] && norm.runningVariance.value.scalars == [1, 1])
        #expect(frozenOutput == norm(input))  // normalised with the running statistics, as in inference
        #expect(!withTrainingMode { norm.isTraining })
        norm.setTrainable(true)
        _ = withTrainingMode { norm(input) }
        #expect(norm.runningMean.value.scalars == [1, 7.5])  // 0.5 · 0 + 0.5 · batch mean (2, 15)
    }

    @Test func aFrozenBatchNormBeforeReLUInSequentialKeepsItsRunningStatistics() {
        let norm = BatchNorm<Float>(featureCount: 2, momentum: 0.5)
        let model = Sequential<Float>([norm, Activation.relu])  // run as one fused op
        norm.setTrainable(false)
        _ = withTrainingMode { model(Tensor<Float>([1, 10, 3, 20], shape: [2, 2])) }
        #expect(norm.runningMean.value.scalars == [0, 0] && norm.runningVariance.value.scalars == [1, 1])
    }
}
