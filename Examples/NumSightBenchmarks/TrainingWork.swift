import NumSight

/// The arithmetic of one training image through a sequential model, counted from its layers'
/// shapes: each convolution and dense layer does 2 * (output pixels) * (weight count) FLOPs
/// forward, and as many again for each of the two gradients (input and weight).
enum TrainingWork {
    /// Forward, input-gradient and weight-gradient FLOPs for one image of `inputShape`.
    static func flopsPerImage(of model: Sequential<Float>, inputShape: [Int]) -> Double {
        var activation = Tensor<Float>.zeros(shape: [1] + inputShape)
        var forward = 0.0
        withInferenceMode {
            withoutGradients {
                for layer in model.layers {
                    let output = layer(activation)
                    if let convolution = layer as? Conv2D<Float> {
                        let pixels = output.shape[1] * output.shape[2]
                        forward += 2 * Double(pixels * convolution.weight.value.shape.reduce(1, *))
                    } else if let dense = layer as? Dense<Float> {
                        forward += 2 * Double(dense.weight.value.shape.reduce(1, *))
                    }
                    activation = output
                }
            }
        }
        return 3 * forward
    }
}
