/// Reverse-mode differentiation over the recorded graph.
///
/// The graph is walked once to put nodes in topological order (iteratively, so
/// graphs of any depth are fine); gradients then flow from the output back to
/// the inputs, each node's pullback running only after every use of its output
/// has contributed to its gradient.
enum Backpropagation<Scalar: TensorScalar> {
    /// Runs pullbacks from `root` (whose gradient is `seed`) and hands each node in
    /// `isTarget` its total gradient. Pullbacks are recorded when `creatingGraph`,
    /// so the gradients can be differentiated again.
    static func propagate(
        from root: GradientNode<Scalar>, seed: Tensor<Scalar>, retainingGraph: Bool, creatingGraph: Bool,
        isTarget: (GradientNode<Scalar>) -> Bool, deliver: (GradientNode<Scalar>, Tensor<Scalar>) -> Void
    ) {
        let order = topologicalOrder(from: root, stoppingAt: isTarget)
        root.pendingGradient = seed
        let run = {
            for node in order.reversed() {
                guard let gradient = node.pendingGradient else { continue }
                node.pendingGradient = nil
                if isTarget(node) {
                    deliver(node, gradient)
                    continue
                }
                guard !node.isLeaf else { continue }
                let inputGradients = node.pullInputGradients(gradient)
                for (index, inputGradient) in inputGradients.enumerated() {
                    guard let input = node.input(at: index), let inputGradient else { continue }
                    require(
                        input.shape == inputGradient.shape,
                        "backward: the pullback of '\(node.operation)' returned a gradient of shape "
                            + "\(inputGradient.shape) for an input of shape \(input.shape)")
                    input.accumulatePendingGradient(inputGradient, recorded: creatingGraph)
                }
            }
        }
        if creatingGraph { withGradients(run) } else { withoutGradients(run) }
        if !retainingGraph {
            for node in order { node.release() }
        }
    }

    /// The nodes reachable from `root`, each after all of its inputs; the walk
    /// does not go past target nodes.
    private static func topologicalOrder(
        from root: GradientNode<Scalar>, stoppingAt isTarget: (GradientNode<Scalar>) -> Bool
    ) -> [GradientNode<Scalar>] {
        backpropagationPassCounter &+= 1
        let pass = backpropagationPassCounter
        var order: [GradientNode<Scalar>] = []
        var stack: [(node: GradientNode<Scalar>, nextInput: Int)] = [(root, 0)]
        root.visitedPass = pass
        while let (node, nextInput) = stack.popLast() {
            let inputCount = isTarget(node) ? 0 : node.inputs.count
            if nextInput < inputCount {
                stack.append((node, nextInput + 1))
                if let input = node.input(at: nextInput), input.visitedPass != pass {
                    input.visitedPass = pass
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }
}

/// Numbers the passes, so that a node's visited mark needs no reset. A graph is
/// differentiated on one thread at a time.
nonisolated(unsafe) private var backpropagationPassCounter = 0

extension Tensor {
    /// Computes the gradient of this tensor with respect to every leaf it depends
    /// on, adding it to each leaf's ``gradient``.
    ///
    /// - Parameters:
    ///   - seed: The gradient of the final objective with respect to this tensor;
    ///     may be omitted only for one-element tensors (it is then 1).
    ///   - retainingGraph: Keep the pullbacks, to call `backward` again.
    ///   - creatingGraph: Record the backward pass, so that the gradients
    ///     themselves can be differentiated (Hessian-vector products, gradient penalties).
    ///
    /// ```swift
    /// var x = Tensor<Double>([1, 2, 3])
    /// x.requiresGradient = true
    /// (x * x).sum().backward()
    /// print(x.gradient!.scalars)  // [2.0, 4.0, 6.0]
    /// ```
    @_specialize(where Scalar == Float)
    public func backward(seed: Tensor? = nil, retainingGraph: Bool = false, creatingGraph: Bool = false) {
        guard let node else {
            fatalError("backward: this tensor (shape \(shape)) records no gradient; "
                                + "mark an input with requiresGradient = true first")
        }
        let seed = validatedSeed(seed, operation: "backward")
        Backpropagation.propagate(
            from: node, seed: seed, retainingGraph: retainingGraph || creatingGraph, creatingGraph: creatingGraph,
            isTarget: { $0.isLeaf },
            deliver: { leaf, gradient in
                let gradient = creatingGraph ? gradient : gradient.detached()
                leaf.gradient = leaf.gradient.map { $0 + gradient } ?? gradient
            })
    }

    func validatedSeed(_ seed: Tensor?, operation: String) -> Tensor {
        guard let seed else {
            require(elementCount == 1, "\(operation): the output has shape \(shape), not one element; "
                         + "pass a seed of that shape to differentiate a non-scalar")
            return Tensor(repeating: 1, shape: shape)
        }
        require(seed.shape == shape, "\(operation): seed of shape \(seed.shape) for an output of shape \(shape)")
        return seed
    }
}

/// The gradients of `output` with respect to each of `inputs` (zeros for inputs
/// it does not depend on), without touching any tensor's ``Tensor/gradient``.
///
/// When `creatingGraph` is true the result is itself recorded, so it can be
/// differentiated again.
@_specialize(where Scalar == Float)
public func gradients<Scalar>(
    of output: Tensor<Scalar>, withRespectTo inputs: [Tensor<Scalar>], seed: Tensor<Scalar>? = nil,
    retainingGraph: Bool = false, creatingGraph: Bool = false
) -> [Tensor<Scalar>] {
    let seed = output.validatedSeed(seed, operation: "gradients(of:withRespectTo:)")
    var results = inputs.map { Tensor<Scalar>.zeros(shape: $0.shape) }
    guard let root = output.node else { return results }
    var slots: [ObjectIdentifier: [Int]] = [:]
    for (index, input) in inputs.enumerated() {
        if let node = input.node { slots[ObjectIdentifier(node), default: []].append(index) }
    }
    Backpropagation.propagate(
        from: root, seed: seed, retainingGraph: retainingGraph || creatingGraph, creatingGraph: creatingGraph,
        isTarget: { slots[ObjectIdentifier($0)] != nil },
        deliver: { node, gradient in
            for index in slots[ObjectIdentifier(node)]! { results[index] = gradient }
        })
    return results
}

/// The value of `body` at `inputs` and its gradients with respect to each input.
///
/// Called inside another differentiation (within the body of an enclosing
/// `valueWithGradients`, or on inputs that record gradients), the gradients are
/// recorded too, so derivatives of any order compose.
///
/// ```swift
/// let (value, grads) = valueWithGradients(at: [Tensor<Double>(3)]) { x in x[0] * x[0] }
/// // value.scalar == 9, grads[0].scalar == 6
/// ```
@_specialize(where Scalar == Float)
public func valueWithGradients<Scalar>(
    at inputs: [Tensor<Scalar>], of body: ([Tensor<Scalar>]) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, gradients: [Tensor<Scalar>]) {
    let nested = GradientRecording.isEnabled
        && (GradientRecording.enclosingDifferentiations > 0 || inputs.contains { $0.requiresGradient })
    return withGradients {
        let watched = inputs.map { $0.watched() }
        let value = GradientRecording.$enclosingDifferentiations.withValue(
            GradientRecording.enclosingDifferentiations + 1) { body(watched) }
        require(value.elementCount == 1, "valueWithGradients: the function returned shape \(value.shape), "
                     + "not a scalar; use gradients(of:withRespectTo:seed:) for vector-Jacobian products")
        let result = gradients(of: value, withRespectTo: watched, creatingGraph: nested)
        return (nested ? value : value.detached(), result)
    }
}

/// The value of `body` at `input` and its gradient.
@_specialize(where Scalar == Float)
public func valueWithGradient<Scalar>(
    at input: Tensor<Scalar>, of body: (Tensor<Scalar>) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, gradient: Tensor<Scalar>) {
    let (value, gradients) = valueWithGradients(at: [input]) { body($0[0]) }
    return (value, gradients[0])
}

/// The gradient of `body` at `input`.
@_specialize(where Scalar == Float)
public func gradient<Scalar>(at input: Tensor<Scalar>, of body: (Tensor<Scalar>) -> Tensor<Scalar>) -> Tensor<Scalar> {
    valueWithGradient(at: input, of: body).gradient
}

extension Tensor {
    /// A new node for this value whose gradient can be asked for separately; it
    /// passes gradients on to the original when that one records too.
    func watched() -> Tensor {
        guard requiresGradient else { return requiringGradient() }
        return Tensor.recording(.identity, shape: shape, scalars: scalars, inputs: [self]) { [$0] }
    }
}
