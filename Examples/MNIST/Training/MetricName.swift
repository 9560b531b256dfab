/// The names of the metrics ``Trainer`` reports after each epoch, as in Keras.
public enum MetricName {
    /// The mean training loss over the epoch's batches (weighted by batch size).
    public static let loss = "loss"
    /// The fraction of training examples classified correctly during the epoch.
    public static let accuracy = "accuracy"
    /// The mean loss on the validation set, in inference mode.
    public static let validationLoss = "val_loss"
    /// The fraction of validation examples classified correctly.
    public static let validationAccuracy = "val_accuracy"
    /// The learning rate at the end of the epoch, before callbacks change it.
    public static let learningRate = "learning_rate"

    /// The names reported by a run, with or without validation.
    static func reported(withValidation hasValidation: Bool) -> [String] {
        [loss, accuracy] + (hasValidation ? [validationLoss, validationAccuracy] : []) + [learningRate]
    }
}
