@testable import MNISTApp
import MNIST
import Testing

@Suite struct TrainCommandTests {
    @Test func theCommandLineOverridesTheNamedRecipe() throws {
        let recipe = try TrainCommand.recipe(from: ParsedArguments(
            ["--recipe", "original", "--epochs", "4", "--augmentation", "none", "--patience", "none"],
            options: TrainCommand.options))
        #expect(recipe == TrainingRecipe(epochs: 4, learningRate: 1e-3, schedule: .plateau, augmentation: nil,
                                         patience: nil))
        let plain = try TrainCommand.recipe(from: ParsedArguments([], options: TrainCommand.options))
        #expect(plain == .default)
    }

    @Test func badSettingsAreUsageErrors() {
        for arguments in [["--recipe", "quick"], ["--schedule", "linear"], ["--patience", "soon"],
                          ["--epochs", "0"], ["--warmup-epochs", "6"]] {
            #expect(throws: UsageError.self, "\(arguments)") {
                try TrainCommand.recipe(from: ParsedArguments(arguments, options: TrainCommand.options))
            }
        }
    }
}
