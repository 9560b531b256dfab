import ExampleTestSupport
@testable import MNIST
import Testing

@Suite struct ProgressReporterTests {
    @Test func writesOneLinePerEpochWhenNotATerminal() throws {
        final class Output: @unchecked Sendable { var text = "" }
        let output = Output()
        let reporter = ProgressReporter(style: .lines) { output.text += $0 }
        let trainer = CallbackDriver().trainer
        trainer.callbacks = [reporter]
        try trainer.fit(BatchLoader(dataset: SyntheticDigits.dataset(count: 40), batchSize: 16, seed: 1),
                        validation: .evaluating(SyntheticDigits.dataset(count: 20, seed: 2)), epochs: 2)
        let lines = output.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("Epoch 2/2 3 batches "))
        #expect(!output.text.contains("\r"))
        for name in ["images/s loss ", " accuracy ", " val_loss ", " val_accuracy ", " learning_rate 0.01"] {
            #expect(lines[0].contains(name), "\(lines[0]) lacks '\(name)'")
        }
    }

    @Test func drawsABarAndEndsTheEpochWithANewline() throws {
        final class Output: @unchecked Sendable { var text = "" }
        let output = Output()
        let trainer = CallbackDriver().trainer
        trainer.callbacks = [ProgressReporter(style: .progressBar) { output.text += $0 }]
        try trainer.fit(BatchLoader(dataset: SyntheticDigits.dataset(count: 40), batchSize: 16, seed: 1), epochs: 1)
        #expect(output.text.contains("\rEpoch 1/1 [====================] 3/3 ETA 0:00 loss "))
        #expect(output.text.hasSuffix("\n") && output.text.filter { $0 == "\n" }.count == 1)
    }

    @Test func formatsMetricsInTheirUsualOrder() {
        let text = ProgressReporter.formatted(["val_loss": 0.5, "loss": 0.123456, "learning_rate": 0.001, "extra": 1])
        #expect(text == "loss 0.1235 val_loss 0.5000 learning_rate 0.001 extra 1.0000")
    }
}
