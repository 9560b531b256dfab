import Foundation
import NumSight

// A decoder-only transformer learns to add two three-digit numbers, written as
// characters, from nothing but NumSight's public API. It prints the exact match on
// held-out problems (never trained on) and writes its training curve.

let steps = 1500, batchSize = 64, evaluationInterval = 100
var problems = AdditionProblems(heldOutCount: 2000, seed: 1)
let model = withRandomSeed(0) {
    DecoderTransformer(vocabularySize: AdditionProblems.vocabularySize, maximumLength: AdditionProblems.problemLength,
                       modelSize: 64, headCount: 4, blockCount: 2)
}
let optimizer = AdamW<Float>(weightDecay: 0.01, schedule: CosineDecay(peakRate: 3e-3, decaySteps: steps, warmupSteps: 100))
print("AdditionTransformer: \(model.trainableParameterCount) parameters, \(steps) steps of \(batchSize) problems")

/// The fraction of held-out problems whose four answer digits are all right.
func heldOutExactMatch(of model: DecoderTransformer, on problems: [(Int, Int)]) -> Double {
    let prompts = problems.flatMap { AdditionProblems.tokens($0, $1).prefix(AdditionProblems.promptLength) }
    let completed = model.complete(IndexTensor(prompts, shape: [problems.count, AdditionProblems.promptLength]),
                                   count: AdditionProblems.problemLength - AdditionProblems.promptLength)
    let correct = problems.enumerated().filter { row, problem in
        let start = row * AdditionProblems.problemLength
        return Array(completed.indices[start..<start + AdditionProblems.problemLength])
            == AdditionProblems.tokens(problem.0, problem.1)
    }
    return Double(correct.count) / Double(problems.count)
}

var curve = TrainingCurve()
let start = Date()
for step in 1...steps {
    let batch = problems.trainingBatch(size: batchSize)
    let (loss, gradients) = valueWithGradients(of: model) { model in
        crossEntropy(logits: model(batch.inputs), labels: batch.targets, ignoredLabel: -1)
    }
    optimizer.update(model, along: gradients)
    if step % evaluationInterval == 0 || step == steps {
        let exactMatch = heldOutExactMatch(of: model, on: Array(problems.heldOut.prefix(500)))
        curve.record(step: step, loss: Double(loss.scalar), exactMatch: exactMatch)
        print(String(format: "step %5d  loss %.4f  held-out exact match %5.1f %%  %.0f s", step, loss.scalar,
                     100 * exactMatch, Date().timeIntervalSince(start)))
    } else if step % 10 == 0 {
        curve.record(step: step, loss: Double(loss.scalar))
    }
}

let exactMatch = heldOutExactMatch(of: model, on: problems.heldOut)
try curve.writeCSV(to: URL(fileURLWithPath: "addition_training_curve.csv"))
try curve.writeSVG(to: URL(fileURLWithPath: "addition_training_curve.svg"))
print(String(format: "trained in %.0f s; training curve: addition_training_curve.csv and .svg",
             Date().timeIntervalSince(start)))
print(String(format: "held-out exact match: %.2f %% of %d problems", 100 * exactMatch, problems.heldOut.count))
if exactMatch < 0.99 {
    FileHandle.standardError.write(Data("error: the target is 99 % exact match on held-out problems\n".utf8))
    exit(1)
}
