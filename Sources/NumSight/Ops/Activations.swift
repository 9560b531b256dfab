/// Activation functions. The smooth ones are written with other ops where that
/// is exact and stable; the rest record their own pullback.

/// max(x, 0). The derivative at 0 is taken as 0, as every framework does.
@_specialize(where Scalar == Float)
public func relu<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Tensor.recording(.relu, shape: x.shape, scalars: ElementwiseKernels.relu(x.scalars), inputs: [x]) { gradient in
        [reluBackward(gradient, x: x)]
    }
}

/// The gradient of ``relu(_:)``: `gradient` where x > 0, 0 elsewhere, in one fused pass.
/// Linear in `gradient`, so its pullback is itself; in x it is piecewise constant, so x
/// gets no gradient.
@_specialize(where Scalar == Float)
func reluBackward<Scalar>(_ gradient: Tensor<Scalar>, x: Tensor<Scalar>) -> Tensor<Scalar> {
    let scalars = ElementwiseKernels.reluGradient(gradient.scalars, x: x.scalars)
    return Tensor.recording(.reluBackward, shape: x.shape, scalars: scalars, inputs: [gradient]) { upstream in
        [reluBackward(upstream, x: x)]
    }
}

/// x for x > 0, `slope` · x otherwise (Keras' default slope is 0.3; PyTorch's 0.01).
@_specialize(where Scalar == Float)
public func leakyRelu<Scalar>(_ x: Tensor<Scalar>, slope: Scalar = 0.3) -> Tensor<Scalar> {
    select(x .> 0, x, slope * x)
}

/// x for x > 0, α(eˣ − 1) otherwise. The exponential sees min(x, 0), so large
/// positive inputs cannot overflow the branch that is not taken.
@_specialize(where Scalar == Float)
public func elu<Scalar>(_ x: Tensor<Scalar>, alpha: Scalar = 1) -> Tensor<Scalar> {
    select(x .> 0, x, alpha * (exp(minimum(x, Tensor(0))) - 1))
}

/// The Gaussian error linear unit, exactly: x · Φ(x) = ½x(1 + erf(x/√2)).
@_specialize(where Scalar == Float)
public func gelu<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    0.5 * x * (1 + erf(x * (1 / Scalar(2).squareRoot())))
}

/// 1 / (1 + e⁻ˣ), computed without overflow for any x; d/dx = y(1 − y).
@_specialize(where Scalar == Float)
public func sigmoid<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.sigmoid, { value in
        value >= 0 ? 1 / (1 + Scalar.exp(-value)) : Scalar.exp(value) / (1 + Scalar.exp(value))
    }) { gradient, output in gradient * output * (1 - output) }
}

/// The hyperbolic tangent; d/dx = 1 − y².
@_specialize(where Scalar == Float)
public func tanh<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.tanh, Scalar.tanh) { gradient, output in gradient * (1 - output.squared()) }
}

/// log(1 + eˣ), as max(x, 0) + log1p(e^−|x|) so that it never overflows; d/dx = sigmoid(x).
@_specialize(where Scalar == Float)
public func softplus<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.softplus, { Swift.max($0, 0) + Scalar.log1p(Scalar.exp(-Swift.abs($0))) }) { gradient in
        gradient * sigmoid(x)
    }
}

/// x · sigmoid(x) (also called SiLU).
@_specialize(where Scalar == Float)
public func swish<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x * sigmoid(x)
}
