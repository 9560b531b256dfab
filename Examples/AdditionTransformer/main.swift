import Foundation
import NumSight

// A decoder-only transformer, built from nothing but NumSight's public API, learns to
// add two three-digit numbers written as characters. It prints the exact match on
// held-out problems (never trained on) and writes its training curve (drawn by Plotting).

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

/// The fraction of rows whose scored targets (those not -1) are all the most likely token.
func exactMatch(of logits: Tensor<Float>, targets: IndexTensor) -> Double {
    let predicted = logits.argmaxIndices().indices
    let length = targets.shape[1]
    let correct = (0..<targets.shape[0]).filter { row in
        (row * length..<(row + 1) * length).allSatisfy { targets.indices[$0] == -1 || targets.indices[$0] == predicted[$0] }
    }
    return Double(correct.count) / Double(targets.shape[0])
}

var curve = TrainingCurve()
let start = Date()
for step in 1...steps {
    let batch = problems.trainingBatch(size: batchSize)
    var logits = Tensor<Float>(0)
    let (loss, gradients) = valueWithGradients(of: model) { model in
        logits = model(batch.inputs)
        return crossEntropy(logits: logits, labels: batch.targets, ignoredLabel: -1)
    }
    optimizer.update(model, along: gradients)
    curve.record(loss: Double(loss.scalar), exactMatch: exactMatch(of: logits, targets: batch.targets))
    if step % evaluationInterval == 0 {
        let heldOutMatch = heldOutExactMatch(of: model, on: Array(problems.heldOut.prefix(500)))
        curve.closeInterval(at: step, heldOutMatch: heldOutMatch)
        print(String(format: "step %5d  loss %.4f  held-out exact match %5.1f %%  %.0f s", step, loss.scalar,
                     100 * heldOutMatch, Date().timeIntervalSince(start)))
    }
}

let exactMatch = heldOutExactMatch(of: model, on: problems.heldOut)
try curve.write(csv: URL(fileURLWithPath: "addition_training_curve.csv"),
                png: URL(fileURLWithPath: "addition_training_curve.png"))
print(String(format: "trained in %.0f s; training curve: addition_training_curve.csv and .png",
             Date().timeIntervalSince(start)))
print(String(format: "held-out exact match: %.2f %% of %d problems", 100 * exactMatch, problems.heldOut.count))
if exactMatch < 0.99 {
    FileHandle.standardError.write(Data("error: the target is 99 % exact match on held-out problems\n".utf8))
    exit(1)
}
