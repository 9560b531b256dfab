/// Max pooling over NHWC images; see ``maxPool2D(_:window:strides:padding:)``.
///
/// ```swift
/// MaxPool2D<Float>(window: (2, 2))(x)   // [128, 28, 28, 32] → [128, 14, 14, 32]
/// ```
public final class MaxPool2D<Scalar: TensorScalar>: Layer {
    /// The window's height and width.
    public let window: (Int, Int)
    /// The step between windows, or `nil` for the window size.
    public let strides: (Int, Int)?
    /// How the input's borders are handled: ``Padding/valid`` or ``Padding/same``.
    public let padding: Padding

    /// Strides default to the window size, as in Keras.
    public init(window: (Int, Int) = (2, 2), strides: (Int, Int)? = nil, padding: Padding = .valid) {
        self.window = window
        self.strides = strides
        self.padding = padding
    }

    /// The largest value of each window: `[batch, height, width, channels]` →
    /// `[batch, outHeight, outWidth, channels]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        maxPool2D(input, window: window, strides: strides, padding: padding)
    }
}

/// Average pooling over NHWC images; see ``avgPool2D(_:window:strides:padding:)``.
public final class AvgPool2D<Scalar: TensorScalar>: Layer {
    /// The window's height and width.
    public let window: (Int, Int)
    /// The step between windows, or `nil` for the window size.
    public let strides: (Int, Int)?
    /// How the input's borders are handled: ``Padding/valid`` or ``Padding/same``.
    public let padding: Padding

    /// Strides default to the window size, as in Keras.
    public init(window: (Int, Int) = (2, 2), strides: (Int, Int)? = nil, padding: Padding = .valid) {
        self.window = window
        self.strides = strides
        self.padding = padding
    }

    /// The mean of each window: `[batch, height, width, channels]` →
    /// `[batch, outHeight, outWidth, channels]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        avgPool2D(input, window: window, strides: strides, padding: padding)
    }
}

/// The mean over height and width: `[batch, height, width, channels]` → `[batch, channels]`.
public final class GlobalAveragePool2D<Scalar: TensorScalar>: Layer {
    /// Creates the layer; it has no parameters.
    public init() {}

    /// The mean over height and width: `[batch, height, width, channels]` → `[batch, channels]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        input.mean(alongAxes: [1, 2])
    }
}
