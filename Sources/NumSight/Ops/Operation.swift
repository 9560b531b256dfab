/// The primitive operations of the catalogue: each records its own node and
/// pullback. Composite operations (softmax, variance, losses, …) are built from
/// these and need no pullback of their own.
public enum Operation: String, CaseIterable, Sendable {
    // Tape
    case identity
    // Arithmetic
    case add, subtract, multiply, divide, negate, power
    // Elementary functions
    case square, squareRoot, reciprocalSquareRoot, exp, log, abs, sign, erf, clamp, maximum, minimum, select
    // Activations
    case relu, sigmoid, tanh, softplus
    // Reductions
    case sum, max, min, logSumExp
    // Shapes and indexing
    case reshape, transpose, broadcast, slice, pad, concatenate, gather, scatterAdd
    // Linear algebra
    case matmul
    // Convolution and pooling
    case conv2D, conv2DBackwardInput, conv2DBackwardFilter, maxPool2D, avgPool2D, avgPool2DBackward
    // Normalisation
    case batchNormalization
}
