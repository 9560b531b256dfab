import Foundation

/// Where a training run writes its files, and their names.
struct TrainingOutput: Sendable {
    /// `runs/mnist`, relative to the current folder.
    static let defaultFolder = URL(fileURLWithPath: "runs/mnist", isDirectory: true)
    /// The best model of a default run.
    static var defaultModelPath: URL { TrainingOutput(folder: defaultFolder).bestModel }

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The best model, by validation accuracy, with its metadata.
    var bestModel: URL { folder.appendingPathComponent("model.safetensors") }
    /// One row of metrics per epoch.
    var history: URL { folder.appendingPathComponent("history.csv") }
    /// Accuracy and loss per epoch, training against validation.
    public var trainingHistoryPlot: URL { folder.appendingPathComponent("training_history.png") }
    /// The test set's confusion matrix as a heat map.
    var confusionMatrixPlot: URL { folder.appendingPathComponent("confusion_matrix.png") }
    /// The ``FeedbackStore`` of corrections sent from the page, when serving this run's model.
    var feedbackFolder: URL { folder.appendingPathComponent("feedback", isDirectory: true) }
    /// Test digits the model got wrong, with true and predicted labels.
    var misclassifiedDigits: URL { folder.appendingPathComponent("misclassified.png") }
    /// The robustness set's misread drawings, as the model sees them.
    var robustnessMistakes: URL { folder.appendingPathComponent("robustness_misread.png") }
}
