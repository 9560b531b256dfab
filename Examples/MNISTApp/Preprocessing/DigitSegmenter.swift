/// Cuts a drawing of several digits in a row, such as "2026", into one ``DigitSegment``
/// per digit, left to right; `DigitPreprocessor` then prepares each as if drawn alone.
///
/// The steps:
/// 1. **Components**: the pixels whose ink exceeds `inkThreshold`, grouped by
///    8-connectivity (a pixel touches the eight around it, diagonals included, so a
///    thin slanted stroke stays whole).
/// 2. **Specks**: components of fewer than `minimumPixelCount` pixels are dropped.
/// 3. **Merging**: one digit may be several strokes that do not touch (a 5's flag, a
///    4's upright, a 7's bar that misses the stem). Two pieces are one digit when their
///    column ranges overlap by more than `mergingOverlap` of the narrower one's width;
///    merged pieces are compared again, until no two overlap that much.
/// 4. **Stray marks**: merged pieces with less ink than `minimumShareOfLargest` of the
///    largest piece's are dropped: a tap of the pen, a decimal point.
/// 5. **Order**: left to right by the middle of their column range.
///
/// Digits are expected side by side in one row: digits drawn above one another share
/// columns and merge into one; digits that touch stay one. The default threshold, 0,
/// is `DigitPreprocessor`'s: every ink pixel, so a digit keeps its anti-aliased rim and
/// each segment holds exactly the ink the preprocessor would see in the digit drawn alone.
///
/// Labelling visits each pixel once; merging compares only pieces whose columns overlap.
///
/// ```swift
/// let segments = DigitSegmenter().segments(of: GreyscaleImage(inkOf: drawing))
/// segments.map(\.columns)  // [12..<60, 75..<130, …], left to right
/// ```
struct DigitSegmenter: Sendable {
    /// Ink above which a pixel belongs to a component (default 0, any ink).
    var inkThreshold: Float
    /// The fewest pixels a component needs not to be a speck (default 16, a 4 × 4 square:
    /// `DigitPreprocessor`'s smallest digit).
    var minimumPixelCount: Int
    /// The fraction of the narrower piece's width by which two pieces' columns must
    /// overlap for them to be one digit (default 0.5).
    var mergingOverlap: Double
    /// The fraction of the largest piece's pixel count below which a merged piece is a
    /// stray mark (default 0.1). On the 280 × 280 page with its 20-px pen, a tap is about
    /// 310 pixels, 5 % of a large 0; a 5's separate flag is about 20 % of the rest of it.
    var minimumShareOfLargest: Double

    public init(inkThreshold: Float = 0, minimumPixelCount: Int = 16,
                mergingOverlap: Double = 0.5, minimumShareOfLargest: Double = 0.1) {
        self.inkThreshold = inkThreshold
        self.minimumPixelCount = minimumPixelCount
        self.mergingOverlap = mergingOverlap
        self.minimumShareOfLargest = minimumShareOfLargest
    }

    /// The digits in `ink` (a drawing's ink, white on black), left to right; empty when
    /// there is nothing but specks.
    public func segments(of ink: GreyscaleImage) -> [DigitSegment] {
        let (labels, components) = connectedComponents(of: ink)
        var pieces = mergingOverlaps(in: components.filter { $0.pixelCount >= minimumPixelCount })
        let largest = pieces.map(\.pixelCount).max() ?? 0
        pieces.removeAll { Double($0.pixelCount) < minimumShareOfLargest * Double(largest) }
        pieces.sort { ($0.columns.lowerBound + $0.columns.upperBound, $0.rows.lowerBound)
                    < ($1.columns.lowerBound + $1.columns.upperBound, $1.rows.lowerBound) }

        // Which piece each component's label belongs to, if any.
        var owners = [Int](repeating: -1, count: components.count + 1)
        for (index, piece) in pieces.enumerated() {
            for label in piece.labels { owners[Int(label)] = index }
        }
        return pieces.enumerated().map { index, piece in
            var cut = GreyscaleImage(width: piece.columns.count, height: piece.rows.count)
            for y in piece.rows {
                for x in piece.columns where owners[Int(labels[y * ink.width + x])] == index {
                    cut[x - piece.columns.lowerBound, y - piece.rows.lowerBound] = ink[x, y]
                }
            }
            return DigitSegment(columns: piece.columns, rows: piece.rows, ink: cut, inkPixelCount: piece.pixelCount)
        }
    }

    /// Some connected components and their bounding box.
    private struct Piece {
        /// The components' labels.
        var labels: [Int32]
        var columns: Range<Int>
        var rows: Range<Int>
        var pixelCount: Int

        func merged(with other: Piece) -> Piece {
            Piece(labels: labels + other.labels,
                  columns: min(columns.lowerBound, other.columns.lowerBound)..<max(columns.upperBound, other.columns.upperBound),
                  rows: min(rows.lowerBound, other.rows.lowerBound)..<max(rows.upperBound, other.rows.upperBound),
                  pixelCount: pixelCount + other.pixelCount)
        }
    }

    /// Each pixel's component label (1, 2, … for ink above the threshold, 0 elsewhere),
    /// and the components, the one labelled `l` at index `l − 1`. A flood fill from each
    /// unlabelled ink pixel, with a stack of pixels to visit.
    private func connectedComponents(of ink: GreyscaleImage) -> (labels: [Int32], components: [Piece]) {
        let (width, height, threshold) = (ink.width, ink.height, inkThreshold)
        var labels = [Int32](repeating: 0, count: width * height)
        var components: [Piece] = []
        var stack: [Int] = []
        // Unchecked buffers: with bounds checks, labelling took a quarter of a request's time.
        ink.values.withUnsafeBufferPointer { ink in
            labels.withUnsafeMutableBufferPointer { labels in
                for start in ink.indices where labels[start] == 0 && ink[start] > threshold {
                    let label = Int32(components.count + 1)
                    var (left, right, top, bottom, count) = (width, 0, height, 0, 0)
                    labels[start] = label
                    stack.append(start)
                    while let index = stack.popLast() {
                        let (y, x) = index.quotientAndRemainder(dividingBy: width)
                        (left, right, top, bottom, count) = (min(left, x), max(right, x), min(top, y), max(bottom, y), count + 1)
                        for neighbourY in max(y - 1, 0)...min(y + 1, height - 1) {
                            for neighbourX in max(x - 1, 0)...min(x + 1, width - 1) {
                                let neighbour = neighbourY * width + neighbourX
                                if labels[neighbour] == 0 && ink[neighbour] > threshold {
                                    labels[neighbour] = label
                                    stack.append(neighbour)
                                }
                            }
                        }
                    }
                    components.append(Piece(labels: [label], columns: left..<(right + 1), rows: top..<(bottom + 1),
                                            pixelCount: count))
                }
            }
        }
        return (labels, components)
    }

    /// `pieces` with every two whose columns overlap by more than `mergingOverlap` of the
    /// narrower width merged, again and again until no two do.
    private func mergingOverlaps(in pieces: [Piece]) -> [Piece] {
        var pieces = pieces
        while true {
            pieces.sort { ($0.columns.lowerBound, $0.rows.lowerBound) < ($1.columns.lowerBound, $1.rows.lowerBound) }
            var merged: [Piece] = []
            var isAbsorbed = [Bool](repeating: false, count: pieces.count)
            for first in pieces.indices where !isAbsorbed[first] {
                var piece = pieces[first]
                // Sorted by left edge: the later pieces that overlap this one come right after it.
                var next = first + 1
                while next < pieces.count && pieces[next].columns.lowerBound < piece.columns.upperBound {
                    if !isAbsorbed[next] && belongTogether(piece, pieces[next]) {
                        piece = piece.merged(with: pieces[next])
                        isAbsorbed[next] = true
                    }
                    next += 1
                }
                merged.append(piece)
            }
            if merged.count == pieces.count { return merged }
            pieces = merged
        }
    }

    /// Whether the columns of `first` and `second` overlap by more than `mergingOverlap`
    /// of the narrower one's width.
    private func belongTogether(_ first: Piece, _ second: Piece) -> Bool {
        let overlap = min(first.columns.upperBound, second.columns.upperBound)
            - max(first.columns.lowerBound, second.columns.lowerBound)
        return Double(overlap) > mergingOverlap * Double(min(first.columns.count, second.columns.count))
    }
}
