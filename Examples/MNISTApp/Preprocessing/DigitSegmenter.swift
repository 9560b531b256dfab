/// Cuts a drawing of several digits in a row, such as "2026", into one ``DigitSegment``
/// per digit, left to right; `DigitPreprocessor` then prepares each as if drawn alone.
///
/// The steps:
/// 1. **Components**: the pixels whose ink exceeds `inkThreshold`, grouped by
///    8-connectivity (a pixel touches the eight around it, diagonals included, so a
///    thin slanted stroke stays whole).
/// 2. **Specks and haze**: components of fewer than `minimumPixelCount` pixels are
///    dropped, and so are those whose strongest ink is below `minimumStrokeInk`: noise
///    or a tint, not a stroke. Of the rest, only the `maximumPieceCount` largest are kept.
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
/// Labelling visits each pixel once and holds one 4-byte label per pixel (plus at most
/// one 4-byte entry per pixel of the component being filled); merging compares only
/// pieces whose columns overlap, among at most `maximumPieceCount`. So time and memory
/// grow linearly with the image, whatever it holds.
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
    /// The ink a component's strongest pixel needs for it to be a stroke (default 0.25):
    /// a pen leaves full ink, noise and a tinted background do not.
    var minimumStrokeInk: Float
    /// The most components that are merged into digits, the largest (default 64): a row
    /// of digits has a few dozen at most, and the bound keeps merging cheap on a drawing of
    /// thousands of dots.
    var maximumPieceCount: Int

    public init(inkThreshold: Float = 0, minimumPixelCount: Int = 16, mergingOverlap: Double = 0.5,
                minimumShareOfLargest: Double = 0.1, minimumStrokeInk: Float = 0.25, maximumPieceCount: Int = 64) {
        self.inkThreshold = inkThreshold
        self.minimumPixelCount = minimumPixelCount
        self.mergingOverlap = mergingOverlap
        self.minimumShareOfLargest = minimumShareOfLargest
        self.minimumStrokeInk = minimumStrokeInk
        self.maximumPieceCount = maximumPieceCount
    }

    /// The digits in `ink` (a drawing's ink, white on black), left to right; empty when
    /// there is nothing but specks and haze.
    public func segments(of ink: GreyscaleImage) -> [DigitSegment] {
        let (labels, components) = connectedComponents(of: ink)
        let largest = components.count <= maximumPieceCount
            ? components : Array(components.sorted { $0.pixelCount > $1.pixelCount }.prefix(maximumPieceCount))
        var pieces = mergingOverlaps(in: largest)
        let largestCount = pieces.map(\.pixelCount).max() ?? 0
        pieces.removeAll { Double($0.pixelCount) < minimumShareOfLargest * Double(largestCount) }
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
                for x in piece.columns {
                    let label = Int(labels[y * ink.width + x])
                    if label > 0 && owners[label] == index {
                        cut[x - piece.columns.lowerBound, y - piece.rows.lowerBound] = ink[x, y]
                    }
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
        /// The most ink of any of its pixels.
        var strongestInk: Float

        mutating func merge(_ other: Piece) {
            labels += other.labels
            columns = min(columns.lowerBound, other.columns.lowerBound)..<max(columns.upperBound, other.columns.upperBound)
            rows = min(rows.lowerBound, other.rows.lowerBound)..<max(rows.upperBound, other.rows.upperBound)
            pixelCount += other.pixelCount
            strongestInk = max(strongestInk, other.strongestInk)
        }
    }

    /// Each pixel's component label (1, 2, … for the components kept, −1 for the ink of
    /// specks and haze, 0 elsewhere), and the components kept, the one labelled `l` at
    /// index `l − 1`. A breadth-first fill from each unlabelled ink pixel: the queue keeps
    /// the component's pixels, so a dropped one is relabelled in time linear in its size.
    private func connectedComponents(of ink: GreyscaleImage) -> (labels: [Int32], components: [Piece]) {
        let (width, height, threshold) = (ink.width, ink.height, inkThreshold)
        precondition(width * height < Int(UInt32.max), "DigitSegmenter: an image of 2³² pixels or more")
        var labels = [Int32](repeating: 0, count: width * height)
        var components: [Piece] = []
        var queue: [UInt32] = []
        // Unchecked buffers: with bounds checks, labelling took a quarter of a request's time.
        ink.values.withUnsafeBufferPointer { ink in
            labels.withUnsafeMutableBufferPointer { labels in
                for start in ink.indices where labels[start] == 0 && ink[start] > threshold {
                    let label = Int32(components.count + 1)
                    var (left, right, top, bottom, strongest) = (width, 0, height, 0, Float(0))
                    labels[start] = label
                    queue.removeAll(keepingCapacity: true)
                    queue.append(UInt32(start))
                    var next = 0
                    while next < queue.count {
                        let index = Int(queue[next])
                        next += 1
                        let (y, x) = index.quotientAndRemainder(dividingBy: width)
                        (left, right, top, bottom) = (min(left, x), max(right, x), min(top, y), max(bottom, y))
                        strongest = max(strongest, ink[index])
                        for neighbourY in max(y - 1, 0)...min(y + 1, height - 1) {
                            for neighbourX in max(x - 1, 0)...min(x + 1, width - 1) {
                                let neighbour = neighbourY * width + neighbourX
                                if labels[neighbour] == 0 && ink[neighbour] > threshold {
                                    labels[neighbour] = label
                                    queue.append(UInt32(neighbour))
                                }
                            }
                        }
                    }
                    guard queue.count >= minimumPixelCount && strongest >= minimumStrokeInk else {
                        for index in queue { labels[Int(index)] = -1 }
                        continue
                    }
                    components.append(Piece(labels: [label], columns: left..<(right + 1), rows: top..<(bottom + 1),
                                            pixelCount: queue.count, strongestInk: strongest))
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
                        piece.merge(pieces[next])
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
