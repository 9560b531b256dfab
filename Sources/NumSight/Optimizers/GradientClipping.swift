/// Limits gradients before an update.
public enum GradientClipping: Sendable, Hashable {
    /// Scales all gradients together so that their joint L2 norm is at most this value.
    case globalNorm(Double)
    /// Clamps each gradient element to [−value, value].
    case value(Double)

    func apply<Scalar: TensorScalar>(to gradients: inout [[Scalar]]) {
        switch self {
        case let .globalNorm(limit):
            let squaredNorm = gradients.joined().reduce(0.0) { $0 + Double($1) * Double($1) }
            let norm = squaredNorm.squareRoot()
            guard norm > limit else { return }
            let scale = Scalar(limit / norm)
            for index in gradients.indices { gradients[index] = gradients[index].map { $0 * scale } }
        case let .value(limit):
            let bound = Scalar(limit)
            for index in gradients.indices { gradients[index] = gradients[index].map { Swift.min(Swift.max($0, -bound), bound) } }
        }
    }
}
