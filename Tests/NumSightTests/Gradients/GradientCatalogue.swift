import NumSight

/// One function to check, with the primitive operations it exercises.
struct GradientCase: Sendable, CustomStringConvertible {
    var name: String
    var covers: [Operation]
    var shapes: [[Int]]
    /// Inputs drawn from [0.5, 2) instead of a standard normal (for log, sqrt, …).
    var positiveInputs = false
    var function: @Sendable ([Tensor<Double>]) -> Tensor<Double>

    var description: String { name }

    func inputs(seed: UInt64 = 7) -> [Tensor<Double>] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return shapes.map { shape in
            positiveInputs
                ? Tensor.randomUniform(shape: shape, in: 0.5..<2, using: &generator)
                : Tensor.randomNormal(shape: shape, using: &generator)
        }
    }
}

/// Every operation of the catalogue, on several shapes. The coverage test fails
/// when a primitive operation is missing here.
let gradientCatalogue: [GradientCase] = [
    GradientCase(name: "identity (watched input)", covers: [.identity], shapes: [[3]]) { x in
        valueWithGradient(at: x[0]) { ($0 * $0).sum() }.gradient * x[0]
    },
    GradientCase(name: "add", covers: [.add], shapes: [[2, 3], [2, 3]]) { $0[0] + $0[1] },
    GradientCase(name: "add broadcasting a row", covers: [.add], shapes: [[2, 3], [3]]) { $0[0] + $0[1] },
    GradientCase(name: "add broadcasting both ways", covers: [.add], shapes: [[2, 1], [1, 3]]) { $0[0] + $0[1] },
    GradientCase(name: "subtract broadcasting a column", covers: [.subtract], shapes: [[2, 3], [2, 1]]) { $0[0] - $0[1] },
    GradientCase(name: "multiply", covers: [.multiply], shapes: [[3, 2], [3, 2]]) { $0[0] * $0[1] },
    GradientCase(name: "multiply by a scalar tensor", covers: [.multiply], shapes: [[4], []]) { $0[0] * $0[1] },
    GradientCase(name: "divide", covers: [.divide], shapes: [[2, 3], [3]], positiveInputs: true) { $0[0] / $0[1] },
    GradientCase(name: "negate", covers: [.negate], shapes: [[2, 2]]) { -$0[0] * $0[0] },
    GradientCase(name: "power of tensors", covers: [.power], shapes: [[2, 3], [2, 3]], positiveInputs: true) {
        pow($0[0], $0[1])
    },
    GradientCase(name: "power by a constant", covers: [.power], shapes: [[5]], positiveInputs: true) { pow($0[0], 2.5) },
    GradientCase(name: "square", covers: [.square], shapes: [[2, 3]]) { $0[0].squared() },
    GradientCase(name: "sqrt", covers: [.squareRoot], shapes: [[4]], positiveInputs: true) { sqrt($0[0]) },
    GradientCase(name: "rsqrt", covers: [.reciprocalSquareRoot], shapes: [[4]], positiveInputs: true) { rsqrt($0[0]) },
    GradientCase(name: "exp", covers: [.exp], shapes: [[2, 3]]) { exp($0[0]) },
    GradientCase(name: "log", covers: [.log], shapes: [[2, 3]], positiveInputs: true) { log($0[0]) },
    GradientCase(name: "abs", covers: [.abs], shapes: [[6]]) { abs($0[0]) * $0[0] },
    GradientCase(name: "sign", covers: [.sign], shapes: [[6]]) { sign($0[0]) * $0[0].squared() },
    GradientCase(name: "erf", covers: [.erf], shapes: [[5]]) { erf($0[0]) },
    GradientCase(name: "clamp", covers: [.clamp], shapes: [[8]]) { clamp($0[0], to: -0.5...0.5) * $0[0] },
    GradientCase(name: "maximum broadcasting", covers: [.maximum], shapes: [[2, 3], [3]]) { maximum($0[0], $0[1]) },
    GradientCase(name: "minimum", covers: [.minimum], shapes: [[2, 3], [2, 3]]) { minimum($0[0], $0[1]) },
    GradientCase(name: "select", covers: [.select], shapes: [[2, 3], [2, 3]]) { select($0[0] .> 0, $0[0] * $0[1], $0[1]) },
    GradientCase(name: "relu", covers: [.relu, .reluBackward], shapes: [[2, 4]]) { relu($0[0]) * $0[0] },
    GradientCase(name: "leakyRelu", covers: [.select], shapes: [[2, 4]]) { leakyRelu($0[0]) * $0[0] },
    GradientCase(name: "elu", covers: [.select, .exp], shapes: [[2, 4]]) { elu($0[0]) },
    GradientCase(name: "gelu", covers: [.erf], shapes: [[2, 4]]) { gelu($0[0]) },
    GradientCase(name: "sigmoid", covers: [.sigmoid], shapes: [[2, 4]]) { sigmoid($0[0]) },
    GradientCase(name: "tanh", covers: [.tanh], shapes: [[2, 4]]) { tanh($0[0]) },
    GradientCase(name: "softplus", covers: [.softplus], shapes: [[2, 4]]) { softplus($0[0]) },
    GradientCase(name: "swish", covers: [.sigmoid], shapes: [[2, 4]]) { swish($0[0]) },
    GradientCase(name: "sum over all axes", covers: [.sum], shapes: [[2, 3]]) { $0[0].squared().sum() },
    GradientCase(name: "sum over a middle axis", covers: [.sum], shapes: [[2, 3, 2]]) {
        $0[0].sum(alongAxes: [1]).squared()
    },
    GradientCase(name: "sum over outer axes, kept", covers: [.sum], shapes: [[2, 3, 2]]) {
        $0[0].sum(alongAxes: [0, 2], keepingDimensions: true).squared()
    },
    GradientCase(name: "mean", covers: [.sum], shapes: [[3, 4]]) { $0[0].mean(alongAxes: [1]).squared() },
    GradientCase(name: "variance", covers: [.sum], shapes: [[3, 4]]) { $0[0].variance(alongAxes: [0]) },
    GradientCase(name: "max", covers: [.max, .gather, .scatterAdd], shapes: [[3, 4]]) {
        $0[0].max(alongAxes: [1]).squared()
    },
    GradientCase(name: "min over all axes", covers: [.min], shapes: [[2, 3]]) { $0[0].min().squared() },
    GradientCase(name: "logSumExp", covers: [.logSumExp], shapes: [[2, 5]]) { $0[0].logSumExp(alongAxes: [1]) },
    GradientCase(name: "reshape", covers: [.reshape], shapes: [[2, 6]]) { $0[0].reshaped(to: [3, -1]).squared() },
    GradientCase(name: "expand and squeeze", covers: [.reshape], shapes: [[3]]) {
        $0[0].expandingShape(at: 0).squeezingShape().squared()
    },
    GradientCase(name: "transpose", covers: [.transpose], shapes: [[2, 3, 4]]) {
        $0[0].transposed(permutation: [2, 0, 1]) * Tensor.range(from: 0, to: 24).reshaped(to: [4, 2, 3])
    },
    GradientCase(name: "broadcast", covers: [.broadcast], shapes: [[3, 1]]) {
        $0[0].broadcast(to: [2, 3, 4]).squared()
    },
    GradientCase(name: "slice", covers: [.slice], shapes: [[3, 5]]) {
        $0[0].sliced(alongAxis: 1, range: 1..<4).squared()
    },
    GradientCase(name: "pad", covers: [.pad], shapes: [[2, 3]]) {
        $0[0].padded(with: [(1, 0), (2, 1)], value: 0.5).squared()
    },
    GradientCase(name: "concatenate", covers: [.concatenate], shapes: [[2, 3], [2, 2]]) {
        Tensor.concatenating([$0[0], $0[1]], alongAxis: 1).squared()
    },
    GradientCase(name: "stack and split", covers: [.concatenate, .slice], shapes: [[2, 3], [2, 3]]) {
        let parts = Tensor.stacking([$0[0], $0[1]], alongAxis: 1).split(sizes: [1, 1], alongAxis: 1)
        return parts[0] * parts[1].squared()
    },
    GradientCase(name: "gather along an axis", covers: [.gather], shapes: [[4, 3]]) {
        $0[0].gathering(atIndices: [2, 0, 2], alongAxis: 0).squared()
    },
    GradientCase(name: "take along the last axis", covers: [.gather], shapes: [[3, 4]]) {
        $0[0].takingAlongLastAxis([1, 3, 0]).squared()
    },
    GradientCase(name: "matmul", covers: [.matmul], shapes: [[2, 3], [3, 4]]) { matmul($0[0], $0[1]) },
    GradientCase(name: "matmul transposing the left", covers: [.matmul], shapes: [[3, 2], [3, 4]]) {
        matmul($0[0], $0[1], transposingLHS: true)
    },
    GradientCase(name: "matmul transposing the right", covers: [.matmul], shapes: [[2, 3], [4, 3]]) {
        matmul($0[0], $0[1], transposingRHS: true)
    },
    GradientCase(name: "matmul transposing both", covers: [.matmul], shapes: [[3, 2], [4, 3]]) {
        matmul($0[0], $0[1], transposingLHS: true, transposingRHS: true)
    },
    GradientCase(name: "batched matmul", covers: [.matmul], shapes: [[2, 2, 3], [2, 3, 2]]) { matmul($0[0], $0[1]) },
    GradientCase(name: "batched matmul with a shared matrix", covers: [.matmul], shapes: [[2, 2, 3], [3, 2]]) {
        matmul($0[0], $0[1])
    },
    GradientCase(name: "softmax", covers: [.logSumExp, .exp], shapes: [[2, 4]]) { softmax($0[0]) },
    GradientCase(name: "logSoftmax", covers: [.logSumExp], shapes: [[2, 4]]) { logSoftmax($0[0], alongAxis: 0) },
    GradientCase(name: "dropout", covers: [.multiply], shapes: [[3, 4]]) {
        var generator = SeededRandomNumberGenerator(seed: 3)
        return dropout($0[0], rate: 0.5, using: &generator).squared()
    },
    GradientCase(name: "conv2D same padding with bias", covers: [.conv2D, .conv2DBackwardInput, .conv2DBackwardFilter],
                 shapes: [[2, 4, 4, 2], [3, 3, 2, 3], [3]]) {
        conv2D($0[0], filter: $0[1], bias: $0[2], padding: .same).squared()
    },
    GradientCase(name: "conv2D strided, dilated, explicit padding",
                 covers: [.conv2D, .conv2DBackwardInput, .conv2DBackwardFilter], shapes: [[1, 5, 6, 2], [2, 2, 2, 2]]) {
        conv2D($0[0], filter: $0[1], strides: (2, 1), padding: .explicit(top: 1, bottom: 0, left: 0, right: 2),
               dilations: (1, 2)).squared()
    },
    GradientCase(name: "maxPool2D", covers: [.maxPool2D, .maxPool2DBackward], shapes: [[2, 4, 4, 2]]) {
        maxPool2D($0[0], window: (2, 2)).squared()
    },
    GradientCase(name: "maxPool2D same padding, overlapping", covers: [.maxPool2D, .maxPool2DBackward], shapes: [[1, 5, 5, 1]]) {
        maxPool2D($0[0], window: (3, 3), strides: (2, 2), padding: .same).squared()
    },
    GradientCase(name: "avgPool2D", covers: [.avgPool2D, .avgPool2DBackward], shapes: [[2, 4, 4, 2]]) {
        avgPool2D($0[0], window: (2, 2)).squared()
    },
    GradientCase(name: "avgPool2D same padding", covers: [.avgPool2D, .avgPool2DBackward], shapes: [[1, 5, 5, 2]]) {
        avgPool2D($0[0], window: (3, 3), strides: (2, 2), padding: .same).squared()
    },
    GradientCase(name: "batch normalisation in training",
                 covers: [.batchNormalization, .batchNormalizationBackward, .batchNormalizationScaleGradient],
                 shapes: [[4, 2, 2, 3], [3], [3]]) { inputs in
        var mean = Tensor<Double>.zeros(shape: [3])
        var variance = Tensor<Double>.ones(shape: [3])
        return batchNormalized(inputs[0], scale: inputs[1], offset: inputs[2], runningMean: &mean,
                               runningVariance: &variance, isTraining: true).squared()
    },
    GradientCase(name: "batch normalisation and ReLU in one op",
                 covers: [.batchNormalizationReLU, .batchNormalizationBackward, .batchNormalizationScaleGradient,
                          .reluBackward],
                 shapes: [[6, 2, 3], [3], [3]]) { inputs in
        var mean = Tensor<Double>.zeros(shape: [3])
        var variance = Tensor<Double>.ones(shape: [3])
        return batchNormalizedReLU(inputs[0], scale: inputs[1], offset: inputs[2], runningMean: &mean,
                                   runningVariance: &variance, isTraining: true).squared()
    },
    GradientCase(name: "layer normalisation", covers: [.reciprocalSquareRoot], shapes: [[3, 4], [4], [4]]) {
        layerNormalized($0[0], scale: $0[1], offset: $0[2]).squared()
    },
    GradientCase(name: "softmax cross-entropy with labels", covers: [.logSumExp, .gather], shapes: [[3, 4]]) {
        softmaxCrossEntropy(logits: $0[0], labels: [0, 3, 1])
    },
    GradientCase(name: "softmax cross-entropy with probabilities", covers: [.logSumExp],
                 shapes: [[3, 4], [3, 4]], positiveInputs: true) {
        softmaxCrossEntropy(logits: $0[0], probabilities: $0[1] / $0[1].sum(alongAxes: [1], keepingDimensions: true))
    },
    GradientCase(name: "mean squared error", covers: [.square], shapes: [[2, 3], [2, 3]]) {
        meanSquaredError(predictions: $0[0], targets: $0[1])
    },
    GradientCase(name: "sigmoid cross-entropy", covers: [.softplus], shapes: [[2, 3], [2, 3]]) {
        sigmoidCrossEntropy(logits: $0[0], labels: sigmoid($0[1]))
    },
    // MARK: Sequence models: indexing, masks, scans, attention and sequence losses
    GradientCase(name: "gather with an index tensor", covers: [.gather, .scatterAdd], shapes: [[3, 4]]) {
        $0[0].gathering(IndexTensor([3, 3, 0, 1, 2, 0], shape: [3, 2]), alongAxis: 1).squared()
    },
    GradientCase(name: "scatter-add with an index tensor", covers: [.scatterAdd, .add], shapes: [[2, 3], [2, 2]]) {
        $0[0].scatteringAdding($0[1], at: IndexTensor([1, 1, 0, 2], shape: [2, 2]), alongAxis: 1).squared()
    },
    GradientCase(name: "take with an index tensor", covers: [.gather], shapes: [[4, 3]]) {
        $0[0].taking(IndexTensor([2, 0, 2, 3], shape: [2, 2])).squared()
    },
    GradientCase(name: "subscript", covers: [.slice, .reshape], shapes: [[2, 3, 4]]) { $0[0][.all, 1, 1..<3].squared() },
    GradientCase(name: "lower and upper triangles", covers: [.multiply], shapes: [[2, 3, 3]]) {
        $0[0].lowerTriangle().squared() + $0[0].upperTriangle(diagonalOffset: 1) * $0[0]
    },
    GradientCase(name: "filled where masked", covers: [.select], shapes: [[2, 3]]) {
        $0[0].filled(with: -2, whereNot: Tensor([1, 0, 1])) * $0[0]
    },
    GradientCase(name: "cumulative sum", covers: [.cumulativeSum], shapes: [[2, 4]]) {
        $0[0].cumulativeSum(alongAxis: 1).squared()
    },
    GradientCase(name: "reverse cumulative sum", covers: [.cumulativeSum], shapes: [[3, 2]]) {
        $0[0].cumulativeSum(alongAxis: 0, reverse: true) * $0[0]
    },
    GradientCase(name: "reversed", covers: [.reverse, .scatterAdd], shapes: [[2, 3, 2]]) {
        $0[0].reversed(alongAxes: [0, 2]).squared() * Tensor.range(from: 0, to: 12).reshaped(to: [2, 3, 2])
    },
    GradientCase(name: "matmul broadcasting batch axes", covers: [.matmul, .broadcast], shapes: [[2, 1, 2, 3], [3, 3, 2]]) {
        matmul($0[0], $0[1])
    },
    GradientCase(name: "matmul of a matrix and a batch", covers: [.matmul, .broadcast], shapes: [[2, 3], [2, 3, 2]]) {
        matmul($0[0], $0[1])
    },
    GradientCase(name: "unbiased variance", covers: [.sum, .square], shapes: [[3, 4]]) {
        $0[0].variance(alongAxes: [1], correction: 1)
    },
    GradientCase(name: "standard deviation", covers: [.squareRoot], shapes: [[2, 5]]) {
        $0[0].standardDeviation(alongAxes: [1], correction: 1)
    },
    GradientCase(name: "gelu, tanh form", covers: [.sigmoid], shapes: [[2, 4]]) { gelu($0[0], approximation: .tanh) },
    GradientCase(name: "causal attention", covers: [.matmul, .select, .logSumExp], shapes: [[2, 3, 2], [2, 3, 2], [2, 3, 3]]) {
        scaledDotProductAttention(query: $0[0], key: $0[1], value: $0[2], isCausal: true)
    },
    GradientCase(name: "attention with a padding mask", covers: [.matmul, .select], shapes: [[2, 2, 3], [2, 4, 3], [2, 4, 2]]) {
        scaledDotProductAttention(query: $0[0], key: $0[1], value: $0[2],
                                  mask: Tensor.paddingMask(lengths: [4, 2], length: 4).reshaped(to: [2, 1, 4]))
    },
    GradientCase(name: "multi-head attention", covers: [.matmul, .transpose], shapes: [[2, 3, 4]]) {
        let attention = withRandomSeed(2) { MultiHeadAttention<Double>(modelSize: 4, headCount: 2) }
        return attention($0[0], isCausal: true)
    },
    GradientCase(name: "cross-entropy along an axis, smoothed, weighted, ignoring a label",
                 covers: [.logSumExp, .gather], shapes: [[2, 3, 2], [3]], positiveInputs: true) {
        crossEntropy(logits: $0[0], labels: IndexTensor([2, -1, 0, 1], shape: [2, 2]), alongAxis: 1, ignoredLabel: -1,
                     labelSmoothing: 0.1, classWeights: $0[1])
    },
    GradientCase(name: "cross-entropy without reduction", covers: [.logSumExp], shapes: [[2, 2, 3]]) {
        crossEntropy(logits: $0[0], labels: IndexTensor([2, 1, 0, 1], shape: [2, 2]), reduction: .none)
    },
    GradientCase(name: "GRU cell", covers: [.sigmoid, .tanh, .slice], shapes: [[2, 3], [2, 2]]) {
        let cell = withRandomSeed(5) { GRUCell<Double>(inputSize: 3, hiddenSize: 2) }
        return cell($0[0], state: $0[1])
    },
    GradientCase(name: "LSTM over a sequence", covers: [.sigmoid, .tanh, .concatenate], shapes: [[2, 3, 2]]) {
        let rnn = withRandomSeed(6) { RNN(LSTMCell<Double>(inputSize: 2, hiddenSize: 2)) }
        return rnn($0[0])
    },
    GradientCase(name: "conv1D", covers: [.conv2D, .conv2DBackwardInput, .conv2DBackwardFilter],
                 shapes: [[2, 5, 2], [3, 2, 3], [3]]) {
        conv1D($0[0], filter: $0[1], bias: $0[2], stride: 2, padding: .same).squared()
    },
    GradientCase(name: "transposed conv2D", covers: [.conv2DBackwardInput, .conv2D, .conv2DBackwardFilter],
                 shapes: [[1, 2, 3, 2], [2, 2, 3, 2], [3]]) {
        transposedConv2D($0[0], filter: $0[1], bias: $0[2], strides: (2, 2)).squared()
    },
    GradientCase(name: "group normalisation", covers: [.reciprocalSquareRoot], shapes: [[2, 3, 4], [4], [4]]) {
        groupNormalized($0[0], groupCount: 2, scale: $0[1], offset: $0[2]).squared()
    },
    GradientCase(name: "RMS normalisation", covers: [.reciprocalSquareRoot], shapes: [[3, 4], [4]]) {
        rmsNormalized($0[0], scale: $0[1])
    },
    GradientCase(name: "Jacobian-vector product", covers: [.tanh], shapes: [[3], [3]]) {
        valueWithJacobianVectorProduct(at: [$0[0]], along: [$0[1]]) { tanh($0[0]) * $0[0] }.jacobianVectorProduct
    },
]
