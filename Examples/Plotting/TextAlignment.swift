/// Where text sits along its line relative to the point it is drawn at.
public enum TextAlignment: Sendable {
    /// The text starts at the point.
    case leading
    /// The text is centred on the point.
    case centre
    /// The text ends at the point.
    case trailing
}
