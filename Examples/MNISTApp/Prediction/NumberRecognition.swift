/// What the recogniser concluded about a drawing of one or more digits in a row.
///
/// ```swift
/// let number = try recognizer.recognizeAll(png: bytes)
/// number.number                  // "2026"
/// number.digits[0].columns       // where the 2 is
/// number.mostConfident.digit     // the digit the model is surest of
/// ```
public struct NumberRecognition: Sendable, Equatable {
    /// One digit of the number: where it was drawn and what it was taken for.
    public struct Digit: Sendable, Equatable {
        /// The drawing's columns that the digit's ink spans.
        public let columns: Range<Int>
        /// The drawing's rows that the digit's ink spans.
        public let rows: Range<Int>
        /// The digit's probabilities and model input.
        public let recognition: Recognition
    }

    /// The digits, left to right; never empty.
    public let digits: [Digit]

    public init(digits: [Digit]) {
        precondition(!digits.isEmpty, "a number has at least one digit")
        self.digits = digits
    }

    /// The digits read left to right, `"2026"`.
    public var number: String { digits.map { String($0.recognition.digit) }.joined() }

    /// The recognition of the digit with the highest confidence (the leftmost of equals).
    public var mostConfident: Recognition {
        digits.map(\.recognition).max { $0.confidence < $1.confidence }!
    }
}
