extension Layer {
    /// A table of the layers with their output shapes and parameter counts, and the
    /// totals, like Keras' `model.summary()`. The layers of a ``Sequential`` get a
    /// row each; any other layer is one row.
    ///
    /// - Parameter inputShape: The shape of an example input, batch axis included.
    public func summary(inputShape: [Int]) -> String {
        var rows: [(String, String, String)] = [("Layer", "Output shape", "Parameters")]
        var input = Tensor<Scalar>.zeros(shape: inputShape)
        func addRows(for layer: any Layer<Scalar>, prefix: String) {
            if let sequential = layer as? Sequential<Scalar> {
                for (index, child) in sequential.layers.enumerated() { addRows(for: child, prefix: "\(prefix)\(index) ") }
                return
            }
            input = withoutGradients { layer(input) }
            let count = layer.trainableParameterCount + layer.nonTrainableParameterCount
            rows.append((prefix + layer.displayName, "\(input.shape)", "\(count)"))
        }
        addRows(for: self, prefix: "")
        let widths = (0..<3).map { column in
            rows.map { [$0.0, $0.1, $0.2][column].count }.max()!
        }
        func line(_ row: (String, String, String)) -> String {
            row.0.padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0)
                + row.1.padding(toLength: widths[1] + 2, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: widths[2] - row.2.count) + row.2
        }
        let rule = String(repeating: "─", count: widths.reduce(4, +))
        var text = [rule, line(rows[0]), rule] + rows.dropFirst().map(line) + [rule]
        let trainable = trainableParameterCount
        let frozen = nonTrainableParameterCount
        text += ["Total parameters: \(trainable + frozen)", "Trainable parameters: \(trainable)",
                 "Non-trainable parameters: \(frozen)"]
        return text.joined(separator: "\n")
    }

    /// The type's name without generic arguments (`Conv2D`), or an activation's name.
    var displayName: String {
        if let activation = self as? Activation<Scalar> { return "Activation(\(activation.name))" }
        let name = String(describing: type(of: self))
        return name.split(separator: "<").first.map(String.init) ?? name
    }
}
