import CNumSightKernels

/// The shared shape of elementwise operations: compute each element, record one
/// pullback, and reduce broadcast gradients back to each input's shape.
extension Tensor {
    /// Applies `f` to every element and records `pullback`.
    func unary(
        _ operation: Operation, _ f: (Scalar) -> Scalar, pullback: @escaping (_ gradient: Tensor) -> Tensor
    ) -> Tensor {
        Tensor.recording(operation, shape: shape, scalars: ElementwiseKernels.map(scalars, f), inputs: [self]) {
            [pullback($0)]
        }
    }

    /// Applies `f` to every element and records a pullback that reads the output.
    func unary(
        _ operation: Operation, _ f: (Scalar) -> Scalar,
        pullbackUsingOutput pullback: @escaping (_ gradient: Tensor, _ output: Tensor) -> Tensor
    ) -> Tensor {
        Tensor.recording(operation, shape: shape, scalars: ElementwiseKernels.map(scalars, f), inputs: [self]) {
            [pullback($0, $1)]
        }
    }

    /// Applies `f` to broadcast pairs of elements. The pullback returns gradients of
    /// the broadcast shape; they are summed back to each operand's own shape.
    static func binary(
        _ operation: Operation, _ lhs: Tensor, _ rhs: Tensor, _ f: (Scalar, Scalar) -> Scalar,
        pullback: @escaping (_ gradient: Tensor) -> (lhs: Tensor?, rhs: Tensor?)
    ) -> Tensor {
        guard let shape = lhs.shape == rhs.shape ? lhs.shape : broadcastShape(lhs.shape, rhs.shape) else {
            fatalError("\(operation.rawValue): shapes \(lhs.shape) and \(rhs.shape) do not broadcast")
        }
        let scalars = operation.arithmeticOperator.flatMap {
            ElementwiseKernels.arithmetic($0, lhs.scalars, shape: lhs.shape, rhs.scalars, shape: rhs.shape, to: shape)
        } ?? ElementwiseKernels.broadcasting(lhs.scalars, shape: lhs.shape, rhs.scalars, shape: rhs.shape,
                                             to: shape, f)
        return recording(operation, shape: shape, scalars: scalars, inputs: [lhs, rhs]) { gradient in
            let (lhsGradient, rhsGradient) = pullback(gradient)
            return [lhsGradient?.summed(toShape: lhs.shape), rhsGradient?.summed(toShape: rhs.shape)]
        }
    }
}

extension Operation {
    /// The C kernels' operator for the four arithmetic operations, which compute the same numbers.
    fileprivate var arithmeticOperator: ns_arithmetic_operator? {
        switch self {
        case .add: NS_ARITHMETIC_ADD
        case .subtract: NS_ARITHMETIC_SUBTRACT
        case .multiply: NS_ARITHMETIC_MULTIPLY
        case .divide: NS_ARITHMETIC_DIVIDE
        default: nil
        }
    }
}
