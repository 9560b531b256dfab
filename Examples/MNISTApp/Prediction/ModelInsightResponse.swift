import Foundation
import MNIST

/// The body of a successful `POST /inside`: a ``ModelInsight`` as compact JSON.
///
///     {"digit": 7,
///      "layers": [{"name": "conv1", "layer": 0, "shape": [28, 28, 32],
///                  "scale": [-0.8, 1.3], "data": "<base64>"}, …, {"name": "dense2", …}],
///      "filters": {"shape": [3, 3, 1, 32], "values": [288 numbers]},
///      "saliency": {"digit": 7, "shape": [28, 28], "values": [784 numbers]},
///      "model_input": [784 numbers]}
///
/// Each layer's values are quantised to bytes over the layer's range: `data` is the
/// base64 of `height · width · channels` bytes in HWC order (channels fastest), and
/// byte `q` stands for `min + q / 255 · (max − min)` with `scale` `[min, max]` (every
/// byte 0 when the layer is constant). The seed CNN's eleven layers come to about
/// 160 kB of bytes, 215 kB as base64. Filters, saliency (∂ logit[digit] / ∂ pixel,
/// row-major) and the model input are plain numbers: the saliency's sign and small
/// values matter, and they are few.
struct ModelInsightResponse: Encodable {
    struct Layer: Encodable {
        let name: String
        let layer: Int
        let shape: [Int]
        let scale: [Float]
        let data: String
    }

    struct Filters: Encodable {
        let shape: [Int]
        let values: [Float]
    }

    struct Saliency: Encodable {
        let digit: Int
        let shape: [Int]
        let values: [Float]
    }

    let digit: Int
    let layers: [Layer]
    let filters: Filters
    let saliency: Saliency
    let modelInput: [Float]

    enum CodingKeys: String, CodingKey {
        case digit, layers, filters, saliency
        case modelInput = "model_input"
    }

    init(insight: ModelInsight) {
        digit = insight.digit
        layers = insight.featureMaps.map { map in
            let (scale, bytes) = Self.quantized(map.values)
            return Layer(name: map.name, layer: map.layerIndex, shape: map.shape, scale: scale,
                         data: Data(bytes).base64EncodedString())
        }
        filters = Filters(shape: insight.filters.shape, values: insight.filters.scalars)
        saliency = Saliency(digit: insight.digit, shape: [MNISTDataset.imageSide, MNISTDataset.imageSide],
                            values: insight.saliency)
        modelInput = insight.modelInput
    }

    /// `values` as bytes over their range: `[min, max]` and `round((v − min) / (max − min) · 255)`.
    static func quantized(_ values: [Float]) -> (scale: [Float], bytes: [UInt8]) {
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        guard high > low else { return ([low, high], [UInt8](repeating: 0, count: values.count)) }
        let step = (high - low) / 255
        return ([low, high], values.map { UInt8(min(255, max(0, (($0 - low) / step).rounded()))) })
    }

    /// The UTF-8 JSON text, keys sorted; throws when the model produced a non-finite value.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return [UInt8](try encoder.encode(self))
    }
}
