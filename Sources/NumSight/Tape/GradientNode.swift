/// The part of a gradient-graph node that does not depend on the scalar type:
/// its place in the graph, and a teardown that needs no generic code.
class GraphNode {
    /// The operation's name, for messages.
    let operation: String
    /// The shape of the output this node produced.
    let shape: [Int]
    /// The nodes of the inputs; `nil` for inputs that record nothing.
    fileprivate(set) var inputs: [GraphNode?]
    /// Whether this is a leaf: a tensor whose gradient is wanted, with no pullback.
    let isLeaf: Bool

    init(operation: String, shape: [Int], inputs: [GraphNode?], isLeaf: Bool = false) {
        self.operation = operation
        self.shape = shape
        self.inputs = inputs
        self.isLeaf = isLeaf
    }

    /// Frees what the node's pullback holds.
    func releaseCaptures() {}

    /// Tears long chains down with a loop, not recursion, so that freeing a graph of
    /// millions of nodes cannot overflow the stack. (Subclasses free their pullbacks
    /// first, so that inputs are held only through `inputs`.)
    deinit {
        var pending = inputs.compactMap { $0 }
        inputs = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                node.releaseCaptures()
                pending.append(contentsOf: node.inputs.compactMap { $0 })
                node.inputs = []
            }
        }
    }
}

/// One recorded operation (or one leaf) in the gradient graph of `Scalar` tensors.
///
/// A node knows the nodes of its inputs and a pullback that maps the gradient of
/// its output to one gradient per input. Backpropagation releases the pullbacks
/// unless asked to retain the graph.
final class GradientNode<Scalar: TensorScalar>: GraphNode {
    /// Maps the output's gradient (and the output itself, when saved) to the inputs' gradients.
    private(set) var pullback: ((Tensor<Scalar>, Tensor<Scalar>?) -> [Tensor<Scalar>?])?
    /// The output's scalars, kept only for pullbacks that need the output.
    private var savedOutput: [Scalar]?

    /// The gradient accumulated here by `backward()`, for leaves.
    var gradient: Tensor<Scalar>?

    /// A leaf: a tensor whose gradient is wanted.
    init(leafOfShape shape: [Int]) {
        super.init(operation: "leaf", shape: shape, inputs: [], isLeaf: true)
    }

    init(
        operation: String, shape: [Int], inputs: [GradientNode?], savedOutput: [Scalar]?,
        pullback: @escaping (Tensor<Scalar>, Tensor<Scalar>?) -> [Tensor<Scalar>?]
    ) {
        self.savedOutput = savedOutput
        self.pullback = pullback
        super.init(operation: operation, shape: shape, inputs: inputs)
    }

    /// The input at `index` as a node of this scalar type.
    func input(at index: Int) -> GradientNode? {
        inputs[index].map { unsafeDowncast($0, to: GradientNode.self) }
    }

    /// The gradients of the inputs, given the gradient of the output.
    func pullInputGradients(_ gradient: Tensor<Scalar>) -> [Tensor<Scalar>?] {
        guard let pullback else {
            fatalError(
                "backward: the graph through '\(operation)' (output \(shape)) was already released by an earlier "
                    + "backward pass; pass retainingGraph: true to the first one to differentiate twice")
        }
        let output = savedOutput.map { Tensor(shape: shape, scalars: $0, node: self) }
        return pullback(gradient, output)
    }

    /// Frees the pullback and what it holds; a later backward pass through here is an error.
    func release() {
        guard !isLeaf else { return }
        releaseCaptures()
    }

    override func releaseCaptures() {
        pullback = nil
        savedOutput = nil
    }

    deinit {
        pullback = nil
    }
}

// Unchecked: backpropagation keeps its per-pass state in local variables, so passes
// over shared nodes (one model on many threads) only read them. What a node still
// changes after creation is a leaf's `gradient`, written by `backward()` (so two
// threads calling `backward()` into the same leaves race, as in PyTorch; the
// functional `valueWithGradients` and `gradients(of:withRespectTo:)` leave leaves
// alone), and a pullback freed after the pass that ran it (so one graph, unlike
// one model, belongs to one thread unless it is retained).
extension GradientNode: @unchecked Sendable {}
