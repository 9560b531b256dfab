/// The primitive operations of the catalogue: each records its own node and
/// pullback. Composite operations (softmax, variance, losses, …) are built from
/// these and need no pullback of their own.
public enum Operation: String, CaseIterable, Sendable {
    /// Tape: `identity`, a copy that passes the gradient through unchanged.
    case identity
    /// Arithmetic, with broadcasting: `add` (`+`), `subtract` (`-`), `multiply` (`*`),
    /// `divide` (`/`), `negate` (prefix `-`) and `power` (`pow`).
    case add, subtract, multiply, divide, negate, power
    /// Elementary functions, elementwise: `square` (``Tensor/squared()``), `squareRoot`,
    /// `reciprocalSquareRoot` (``rsqrt(_:)``), `exp`, `log`, `abs`, `sign`, `erf`,
    /// `clamp` (``clamp(_:to:)``), `maximum`, `minimum` and `select` (``select(_:_:_:)``).
    case square, squareRoot, reciprocalSquareRoot, exp, log, abs, sign, erf, clamp, maximum, minimum, select
    /// Activations with a pullback of their own: `relu` (whose pullback is the op
    /// `reluBackward`), `sigmoid`, `tanh` and `softplus`.
    case relu, reluBackward, sigmoid, tanh, softplus
    /// Reductions along axes: `sum`, `max`, `min` and `logSumExp`.
    case sum, max, min, logSumExp
    /// Shapes and indexing: `reshape`, `transpose`, `broadcast`, `slice`, `pad`,
    /// `concatenate`, `gather` (rows or elements by index) and `scatterAdd` (its pullback).
    case reshape, transpose, broadcast, slice, pad, concatenate, gather, scatterAdd
    /// Linear algebra: `matmul`, the matrix product (``matmul(_:_:transposingLHS:transposingRHS:)``).
    case matmul
    /// Convolution and pooling over NHWC images: `conv2D`, its pullbacks
    /// `conv2DBackwardInput` and `conv2DBackwardFilter` (ops themselves, for second-order
    /// gradients), `maxPool2D` and its pullback `maxPool2DBackward`, `avgPool2D` and its
    /// pullback `avgPool2DBackward`.
    case conv2D, conv2DBackwardInput, conv2DBackwardFilter, maxPool2D, maxPool2DBackward, avgPool2D, avgPool2DBackward
    /// Normalisation: `batchNormalization` (``batchNormalized(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``)
    /// and the parts of its pullback, `batchNormalizationBackward` (the input's gradient) and
    /// `batchNormalizationScaleGradient` (the offset's is a `sum`); `batchNormalizationReLU`, the
    /// two in one (``batchNormalizedReLU(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``).
    case batchNormalization, batchNormalizationBackward, batchNormalizationScaleGradient, batchNormalizationReLU
    /// Sequences: `cumulativeSum` (``Tensor/cumulativeSum(alongAxis:reverse:)``) and `reverse`
    /// (``Tensor/reversed(alongAxes:)``).
    case cumulativeSum, reverse
}
