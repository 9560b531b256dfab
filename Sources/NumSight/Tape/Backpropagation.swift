/// Reverse-mode differentiation over the recorded graph.
///
/// The graph is walked once to put nodes in topological order (iteratively, so
/// graphs of any depth are fine); gradients then flow from the output back to
/// the inputs, each node's pullback running only after every use of its output
/// has contributed to its gradient.
///
/// Everything one pass needs (the visited nodes, the gradients gathered so far)
/// lives in that pass's local variables, never on the shared nodes, so several
/// threads may differentiate through the same model at once.
enum Backpropagation<Scalar: TensorScalar> {
    /// Runs pullbacks from `root` (whose gradient is `seed`) and hands each node in
    /// `isTarget` its total gradient. Pullbacks are recorded when `creatingGraph`
    /// is true, so the gradients can be differentiated again; when it is `nil` they
    /// are recorded exactly when the graph reaches a recording leaf that is not a
    /// target (a parameter or an input of an enclosing differentiation, which may
    /// then be differentiated through these gradients). Returns whether they were.
    @discardableResult
    static func propagate(
        from root: GradientNode<Scalar>, seed: Tensor<Scalar>, retainingGraph: Bool, creatingGraph: Bool?,
        isTarget: (GradientNode<Scalar>) -> Bool, deliver: (GradientNode<Scalar>, Tensor<Scalar>) -> Void
    ) -> Bool {
        let (order, position) = topologicalOrder(from: root, stoppingAt: isTarget)
        let recorded = creatingGraph ?? order.contains { $0.isLeaf && !isTarget($0) }
        let audit = recorded ? GradientRecording.audit : nil
        var pending = [Tensor<Scalar>?](repeating: nil, count: order.count)
        pending[order.count - 1] = audit == nil ? seed : seed.requiringGradient()
        let run = {
            for index in order.indices.reversed() {
                guard let gradient = pending[index] else { continue }
                pending[index] = nil
                let node = order[index]
                if isTarget(node) {
                    deliver(node, gradient)
                    continue
                }
                guard !node.isLeaf else { continue }
                let inputGradients = node.pullInputGradients(gradient)
                for (inputIndex, inputGradient) in inputGradients.enumerated() {
                    guard let input = node.input(at: inputIndex), let inputGradient else { continue }
                    require(
                        input.shape == inputGradient.shape,
                        "backward: the pullback of '\(node.operation)' returned a gradient of shape "
                            + "\(inputGradient.shape) for an input of shape \(input.shape)")
                    if let audit, gradient.node != nil, inputGradient.node == nil,
                       inputGradient.scalars.contains(where: { $0 != 0 }) {
                        audit.record(node.operation)
                    }
                    accumulate(inputGradient, into: &pending[position[ObjectIdentifier(input)]!], recorded: recorded)
                }
            }
        }
        if recorded { withGradients(run) } else { withoutGradients(run) }
        if !(retainingGraph || recorded) {
            for node in order where !isTarget(node) { node.release() }
        }
        return recorded
    }

    /// Adds one use's contribution to the gradient gathered so far: with an op
    /// when the backward pass is recorded, in place otherwise.
    private static func accumulate(_ contribution: Tensor<Scalar>, into total: inout Tensor<Scalar>?, recorded: Bool) {
        guard var sum = total else {
            total = contribution
            return
        }
        total = nil  // leaves `sum` the only owner of its scalars, so it changes in place
        if recorded {
            sum = sum + contribution
        } else {
            sum.withUnsafeMutableScalars { sum in
                contribution.scalars.withUnsafeBufferPointer { contribution in
                    for index in sum.indices { sum[index] += contribution[index] }
                }
            }
        }
        total = sum
    }

    /// The nodes reachable from `root`, each after all of its inputs (so `root`
    /// comes last), and each node's place in that order; the walk does not go past
    /// target nodes.
    private static func topologicalOrder(
        from root: GradientNode<Scalar>, stoppingAt isTarget: (GradientNode<Scalar>) -> Bool
    ) -> (order: [GradientNode<Scalar>], position: [ObjectIdentifier: Int]) {
        var order: [GradientNode<Scalar>] = []
        // -1 marks a node on the stack whose inputs are not all placed yet.
        var position: [ObjectIdentifier: Int] = [ObjectIdentifier(root): -1]
        var stack: [(node: GradientNode<Scalar>, nextInput: Int)] = [(root, 0)]
        while let (node, nextInput) = stack.popLast() {
            let inputCount = isTarget(node) ? 0 : node.inputs.count
            if nextInput < inputCount {
                stack.append((node, nextInput + 1))
                if let input = node.input(at: nextInput), position[ObjectIdentifier(input)] == nil {
                    position[ObjectIdentifier(input)] = -1
                    stack.append((input, 0))
                }
            } else {
                position[ObjectIdentifier(node)] = order.count
                order.append(node)
            }
        }
        return (order, position)
    }
}

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
            from: node, seed: seed, retainingGraph: retainingGraph, creatingGraph: creatingGraph,
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
    return gradients(of: output, withRespectTo: inputs, seed: seed, retainingGraph: retainingGraph,
                     creatingGraph: creatingGraph).gradients
}

/// ``gradients(of:withRespectTo:seed:retainingGraph:creatingGraph:)`` that, when
/// `creatingGraph` is `nil`, records the gradients exactly when `output` depends
/// on a recording tensor other than `inputs` (see ``Backpropagation``), and says
/// whether it did.
func gradients<Scalar>(
    of output: Tensor<Scalar>, withRespectTo inputs: [Tensor<Scalar>], seed: Tensor<Scalar>,
    retainingGraph: Bool, creatingGraph: Bool?
) -> (gradients: [Tensor<Scalar>], isRecorded: Bool) {
    var results = inputs.map { Tensor<Scalar>.zeros(shape: $0.shape) }
    guard let root = output.node else { return (results, false) }
    var slots: [ObjectIdentifier: [Int]] = [:]
    for (index, input) in inputs.enumerated() {
        if let node = input.node { slots[ObjectIdentifier(node), default: []].append(index) }
    }
    let isRecorded = Backpropagation.propagate(
        from: root, seed: seed, retainingGraph: retainingGraph, creatingGraph: creatingGraph,
        isTarget: { slots[ObjectIdentifier($0)] != nil },
        deliver: { node, gradient in
            for index in slots[ObjectIdentifier(node)]! { results[index] = gradient }
        })
    return (results, isRecorded)
}

/// The value of `body` at `inputs` and its gradients with respect to each input.
///
/// Inside any other differentiation (when `body` reads a recording tensor besides
/// `inputs`, such as a layer's parameters or an enclosing differentiation's
/// input, or when an input records itself), the gradients are recorded too, so
/// derivatives of any order compose and a gradient penalty trains the weights.
///
/// ```swift
/// let (value, grads) = valueWithGradients(at: [Tensor<Double>(3)]) { x in x[0] * x[0] }
/// // value.scalar == 9, grads[0].scalar == 6
/// ```
@_specialize(where Scalar == Float)
public func valueWithGradients<Scalar>(
    at inputs: [Tensor<Scalar>], of body: ([Tensor<Scalar>]) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, gradients: [Tensor<Scalar>]) {
    // Outside recording, never record; on recording inputs, always; otherwise when the body reads other recording tensors.
    var creatingGraph: Bool? = nil
    if !GradientRecording.isEnabled {
        creatingGraph = false
    } else if inputs.contains(where: \.requiresGradient) {
        creatingGraph = true
    }
    return withGradients {
        let watched = inputs.map { $0.watched() }
        let value = body(watched)
        require(value.elementCount == 1, "valueWithGradients: the function returned shape \(value.shape), "
                     + "not a scalar; use gradients(of:withRespectTo:seed:) for vector-Jacobian products")
        let seed = value.validatedSeed(nil, operation: "valueWithGradients")
        let (result, isRecorded) = gradients(
            of: value, withRespectTo: watched, seed: seed, retainingGraph: false, creatingGraph: creatingGraph)
        return (isRecorded ? value : value.detached(), result)
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
