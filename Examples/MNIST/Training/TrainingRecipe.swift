import NumSight

/// How `MNISTExample train` trains the seed CNN: the budget, the learning-rate
/// schedule, the augmentation and the stopping rule, chosen to fit together.
/// Both recipes use Adam (epsilon 1e-7) on batches of 128 and hold out the last
/// 10 % of the training set for validation.
///
/// ```swift
/// var recipe = TrainingRecipe.default   // 6 epochs, warm-up then cosine decay to zero
/// recipe.epochs = 1                     // the schedule still ends at zero, over one epoch
/// ```
public struct TrainingRecipe: Sendable, Equatable {
    /// How the learning rate moves.
    public enum Schedule: String, Sendable, CaseIterable {
        /// A linear warm-up from 0 over ``TrainingRecipe/warmupEpochs``, then a cosine
        /// decay to zero at the end of the last epoch.
        case cosine
        /// Halved when the validation loss has not improved for two epochs (Keras'
        /// `ReduceLROnPlateau(factor=0.5, patience=2)`).
        case plateau
        /// ``TrainingRecipe/learningRate`` throughout.
        case constant
    }

    /// The number of epochs (the most, when early stopping is on).
    public var epochs: Int
    /// Adam's learning rate: the peak of the cosine schedule, the start of the others.
    public var learningRate: Double
    public var schedule: Schedule
    /// The warm-up of the cosine schedule, in epochs (may be fractional).
    public var warmupEpochs: Double
    /// The training images' distortion, drawn afresh every epoch, or `nil` for none.
    public var augmentation: AugmentationSettings?
    /// Epochs without a better validation accuracy before stopping, or `nil` to train
    /// every epoch. With the cosine schedule it counts only from ``earlyStoppingStartEpoch``.
    public var patience: Int?

    public init(epochs: Int, learningRate: Double, schedule: Schedule, warmupEpochs: Double = 0,
                augmentation: AugmentationSettings?, patience: Int?) {
        (self.epochs, self.learningRate, self.schedule, self.warmupEpochs, self.augmentation, self.patience) =
            (epochs, learningRate, schedule, warmupEpochs, augmentation, patience)
    }

    /// A fixed budget of 6 epochs: a warm-up to 3e-3 over the first half epoch, then a
    /// cosine decay to zero, with the default (mild) augmentation and no early stopping;
    /// the model is the last epoch's, trained until the rate reached zero. It fits five
    /// minutes on two cores even on the portable kernels.
    public static let `default` = TrainingRecipe(epochs: 6, learningRate: 3e-3, schedule: .cosine, warmupEpochs: 0.5,
                                                 augmentation: .default, patience: nil)

    /// The Keras app's: Adam 1e-3 halved on plateaus, up to 15 epochs, its augmentation,
    /// early stopping after 3 epochs without a better validation accuracy, the best
    /// epoch's weights restored.
    public static let original = TrainingRecipe(epochs: 15, learningRate: 1e-3, schedule: .plateau,
                                                augmentation: .original, patience: 3)

    /// The first epoch early stopping counts: the first, except with the cosine schedule,
    /// where it is the first epoch that ends with the rate below half its peak (a model
    /// still training at a high rate is not yet the one to judge).
    public var earlyStoppingStartEpoch: Int {
        guard schedule == .cosine else { return 1 }
        return Int((warmupEpochs + (Double(epochs) - warmupEpochs) / 2).rounded(.up))
    }

    /// The schedule for the optimiser, given the number of batches per epoch; `nil` for
    /// the schedules that callbacks (or nothing) drive.
    public func learningRateSchedule(batchesPerEpoch: Int) -> (any LearningRateSchedule)? {
        guard schedule == .cosine else { return nil }
        let warmupSteps = Int((warmupEpochs * Double(batchesPerEpoch)).rounded())
        return CosineDecay(peakRate: learningRate, decaySteps: epochs * batchesPerEpoch - warmupSteps,
                           warmupSteps: warmupSteps)
    }
}
