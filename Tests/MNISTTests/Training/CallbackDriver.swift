import ExampleTestSupport
@testable import MNIST
import NumSight

/// Runs callbacks on scripted metrics, without training, for tests.
struct CallbackDriver {
    let trainer = Trainer(model: SyntheticDigits.tinyModel(), optimizer: Adam(learningRate: 0.01))

    /// Calls `callback` for epochs 1, 2, … with `monitor` taking `values`, until the
    /// trainer is asked to stop; `beforeEachEpoch` runs first (to change the weights).
    /// Returns the number of epochs run.
    @discardableResult
    func run(_ callback: some TrainingCallback, monitor: String = MetricName.validationLoss, values: [Double],
             beforeEachEpoch: (Int) -> Void = { _ in }) throws -> Int {
        try callback.trainingWillBegin(trainer)
        var epochs = 0
        for (index, value) in values.enumerated() where trainer.stopReason == nil {
            epochs = index + 1
            beforeEachEpoch(epochs)
            try callback.epochDidEnd(epochs, metrics: [monitor: value, MetricName.loss: value], trainer: trainer)
        }
        try callback.trainingDidEnd(trainer)
        return epochs
    }

    /// Sets every parameter of the model to `value`.
    func setWeights(to value: Float) {
        for (_, parameter) in trainer.model.namedParameters {
            parameter.value = Tensor(repeating: value, shape: parameter.value.shape)
        }
    }

    /// The value every parameter holds, when they all hold the same one.
    var uniformWeight: Float? {
        let values = Set(trainer.model.namedParameters.flatMap(\.parameter.value.scalars))
        return values.count == 1 ? values.first : nil
    }
}
