/// One recorded operation (or one leaf) in the gradient graph.
///
/// A node knows the nodes of its inputs and a pullback that maps the gradient of
/// its output to one gradient per input. Backpropagation releases the pullbacks
/// unless asked to retain the graph.
final class GradientNode<Scalar: TensorScalar> {
    /// The operation's name, for messages.
    let operation: String
    /// The shape of the output this node produced.
    let shape: [Int]
    /// The nodes of the inputs; `nil` for inputs that record nothing.
    private(set) var inputs: [GradientNode?]
    /// Maps the output's gradient (and the output itself, when saved) to the inputs' gradients.
    private(set) var pullback: ((Tensor<Scalar>, Tensor<Scalar>?) -> [Tensor<Scalar>?])?
    /// The output's scalars, kept only for pullbacks that need the output.
    private var savedOutput: [Scalar]?

    /// The gradient accumulated here by `backward()`, for leaves.
    var gradient: Tensor<Scalar>?
    /// Scratch space of one backpropagation: the gradient gathered so far.
    var pendingGradient: Tensor<Scalar>?
    /// Scratch space of one backpropagation: the pass that last visited this node.
    var visitedPass = 0

    /// A leaf: a tensor whose gradient is wanted.
    init(leafOfShape shape: [Int]) {
        operation = "leaf"
        self.shape = shape
        inputs = []
    }

    init(
        operation: String, shape: [Int], inputs: [GradientNode?], savedOutput: [Scalar]?,
        pullback: @escaping (Tensor<Scalar>, Tensor<Scalar>?) -> [Tensor<Scalar>?]
    ) {
        self.operation = operation
        self.shape = shape
        self.inputs = inputs
        self.savedOutput = savedOutput
        self.pullback = pullback
    }

    var isLeaf: Bool { operation == "leaf" }

    /// The gradients of the inputs, given the gradient of the output.
    func pullInputGradients(_ gradient: Tensor<Scalar>) -> [Tensor<Scalar>?] {
        guard let pullback else {
            preconditionFailure(
                "backward: the graph through '\(operation)' (output \(shape)) was already released by an earlier "
                    + "backward pass; pass retainingGraph: true to the first one to differentiate twice")
        }
        let output = savedOutput.map { Tensor(shape: shape, scalars: $0, node: self) }
        return pullback(gradient, output)
    }

    /// Frees the pullback and what it holds; a later backward pass through here is an error.
    func release() {
        guard !isLeaf else { return }
        pullback = nil
        savedOutput = nil
    }

    /// Tears long chains down with a loop, not recursion, so that freeing a graph of
    /// millions of nodes cannot overflow the stack.
    deinit {
        pullback = nil
        var pending = inputs.compactMap { $0 }
        inputs = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                node.pullback = nil
                pending.append(contentsOf: node.inputs.compactMap { $0 })
                node.inputs = []
            }
        }
    }
}
