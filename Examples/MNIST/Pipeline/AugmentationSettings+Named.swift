extension AugmentationSettings {
    /// The pieces that ``init(named:)`` adds to a preset, at the strengths measured on
    /// the robustness set: `width` (stroke width −0.5…+1.5 dilation steps, in the default
    /// already), `elastic` (1.5-pixel offsets), `slant` (±20°) and `aspect` (width × 1 ± 0.2).
    public static let pieceNames = ["width", "elastic", "slant", "aspect"]

    /// Settings by name, as the command line spells them: a preset (`default`, `warp`,
    /// `original`, `identity`) optionally followed by `+`-joined pieces from
    /// ``pieceNames``; `nil` for an unknown name.
    ///
    /// ```swift
    /// AugmentationSettings(named: "warp+elastic")?.elasticAmplitude   // 1.5
    /// ```
    public init?(named name: String) {
        let parts = name.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "default": self = .default
        case "warp": self = .warp
        case "original": self = .original
        case "identity": self = .identity
        default: return nil
        }
        for piece in parts.dropFirst() {
            switch piece {
            case "width": strokeWidthChanges = Self.drawnStrokeWidths
            case "elastic": elasticAmplitude = 1.5
            case "slant": shearDegrees = 20
            case "aspect": aspectFraction = 0.2
            default: return nil
            }
        }
    }
}
