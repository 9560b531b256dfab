import NumSight

/// A way people draw a digit: the strokes of its skeleton, in glyph units (y down,
/// the digit from y = 0 to y = 1, about 0.6 wide), before any slant, jitter or pen.
///
/// The styles are the ones that MNIST's writers rarely use and people on a canvas often
/// do: 1s with a flag and a base serif, crossed 7s, open 4s, 9s with straight stems,
/// printed 6s, 8s as two circles, flat-topped 3s.
///
/// ```swift
/// DigitDrawingStyle.crossedSeven.label    // 7
/// DigitDrawingStyle.styles(of: 1)         // [.plainOne, .flaggedOne, .serifOne]
/// ```
enum DigitDrawingStyle: String, CaseIterable, Sendable {
    case oval, narrowOval
    case plainOne, flaggedOne, serifOne
    case curvedTwo, loopedTwo
    case roundThree, flatTopThree
    case openFour, closedFour
    case hookedFive, oneStrokeFive
    case printedSix, straightSix
    case plainSeven, crossedSeven, serifSeven
    case oneStrokeEight, twoCircleEight
    case loopedNine, straightNine, slantedNine

    /// The digit it draws.
    var label: Int {
        switch self {
        case .oval, .narrowOval: 0
        case .plainOne, .flaggedOne, .serifOne: 1
        case .curvedTwo, .loopedTwo: 2
        case .roundThree, .flatTopThree: 3
        case .openFour, .closedFour: 4
        case .hookedFive, .oneStrokeFive: 5
        case .printedSix, .straightSix: 6
        case .plainSeven, .crossedSeven, .serifSeven: 7
        case .oneStrokeEight, .twoCircleEight: 8
        case .loopedNine, .straightNine, .slantedNine: 9
        }
    }

    /// The styles of `digit`, in declaration order.
    static func styles(of digit: Int) -> [DigitDrawingStyle] { allCases.filter { $0.label == digit } }

    /// The strokes, with small style-specific variations (serif lengths, the gap between
    /// an 8's circles) drawn from `generator`.
    func strokes(using generator: inout SeededRandomNumberGenerator) -> [PenStroke] {
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + generator.nextUnitInterval() * (range.upperBound - range.lowerBound)
        }
        switch self {
        case .oval:
            return [PenStroke(arcAround: [0.3, 0.5], radii: [0.28, 0.49], from: 260, to: 260 - uniform(345...380))]
        case .narrowOval:
            return [PenStroke(arcAround: [0.2, 0.5], radii: [0.17, 0.49], from: 270, to: 270 - uniform(350...375))]
        case .plainOne:
            var stroke = PenStroke(from: [0.3, 0])
            stroke.line(to: [0.3, 1])
            return [stroke]
        case .flaggedOne, .serifOne:
            let flag = uniform(0.12...0.22)
            var stroke = PenStroke(from: [0.3 - flag, flag * uniform(0.8...1.4)])
            stroke.line(to: [0.3, 0])
            stroke.line(to: [0.3, 1])
            guard self == .serifOne else { return [stroke] }
            let half = uniform(0.14...0.22)
            var base = PenStroke(from: [0.3 - half, 1])
            base.line(to: [0.3 + half, 1])
            return [stroke, base]
        case .curvedTwo:
            var stroke = PenStroke(arcAround: [0.3, 0.27], radii: [0.27, 0.27], from: 190, to: 395)
            stroke.line(to: [0.02, 1])
            stroke.line(to: [0.6, 1])
            return [stroke]
        case .loopedTwo:
            var stroke = PenStroke(arcAround: [0.3, 0.27], radii: [0.27, 0.27], from: 190, to: 395)
            stroke.curve([0.4, 0.7], [0.05, 0.95], to: [0.12, 0.9])
            stroke.curve([0.2, 0.83], [0.3, 1.02], to: [0.6, 0.98])
            return [stroke]
        case .roundThree:
            var stroke = PenStroke(arcAround: [0.3, 0.25], radii: [0.25, 0.25], from: 200, to: 450)
            stroke.arc(around: [0.3, 0.74], radii: [0.28, 0.26], from: 270, to: 520)
            return [stroke]
        case .flatTopThree:
            var stroke = PenStroke(from: [0.04, 0])
            stroke.line(to: [0.56, 0])
            stroke.line(to: [0.26, 0.42])
            stroke.curve([0.6, 0.38], [0.68, 0.95], to: [0.3, 1])
            stroke.line(to: [0.02, 0.88])
            return [stroke]
        case .openFour:
            var corner = PenStroke(from: [0.1, 0])
            corner.line(to: [0.04, 0.62])
            corner.line(to: [0.62, 0.62])
            var upright = PenStroke(from: [0.46, uniform(0...0.12)])
            upright.line(to: [0.46, 1])
            return [corner, upright]
        case .closedFour:
            var triangle = PenStroke(from: [0.46, 0])
            triangle.line(to: [0.02, 0.66])
            triangle.line(to: [0.62, 0.66])
            var upright = PenStroke(from: [0.46, 0])
            upright.line(to: [0.46, 1])
            return [triangle, upright]
        case .hookedFive, .oneStrokeFive:
            var body = PenStroke(from: [0.1, 0])
            if self == .oneStrokeFive {
                body = PenStroke(from: [0.56, 0])
                body.line(to: [0.1, 0])
            }
            body.line(to: [0.07, 0.44])
            body.arc(around: [0.29, 0.69], radii: [0.29, 0.3], from: 235, to: 515)
            guard self == .hookedFive else { return [body] }
            var bar = PenStroke(from: [0.1, 0])
            bar.line(to: [0.56, uniform(-0.03...0.03)])
            return [body, bar]
        case .printedSix:
            var stroke = PenStroke(from: [0.55, 0.1])
            stroke.curve([0.45, -0.04], [0.05, -0.04], to: [0.02, 0.62])
            stroke.arc(around: [0.3, 0.7], radii: [0.28, 0.29], from: 180, to: -175)
            return [stroke]
        case .straightSix:
            var stroke = PenStroke(from: [0.48, 0])
            stroke.line(to: [0.05, 0.62])
            stroke.arc(around: [0.3, 0.72], radii: [0.26, 0.27], from: 160, to: -185)
            return [stroke]
        case .plainSeven, .crossedSeven, .serifSeven:
            var stroke = PenStroke(from: [0.02, self == .serifSeven ? uniform(0.12...0.2) : 0])
            if self == .serifSeven { stroke.line(to: [0.02, 0]) }
            stroke.line(to: [0.6, 0])
            stroke.line(to: [uniform(0.15...0.25), 1])
            guard self == .crossedSeven else { return [stroke] }
            let height = uniform(0.45...0.55)
            var bar = PenStroke(from: [0.22, height])
            bar.line(to: [0.56, height])
            return [stroke, bar]
        case .oneStrokeEight:
            var stroke = PenStroke(from: [0.5, 0.12])
            stroke.curve([0.3, -0.08], [-0.04, 0.12], to: [0.3, 0.46])
            stroke.curve([0.7, 0.72], [0.55, 1.02], to: [0.3, 1])
            stroke.curve([0.02, 1.0], [-0.02, 0.7], to: [0.3, 0.46])
            stroke.curve([0.58, 0.25], [0.62, 0.12], to: [0.5, 0.12])
            return [stroke]
        case .twoCircleEight:
            let gap = uniform(-0.06...0.02)
            let top = PenStroke(arcAround: [0.3, 0.23], radii: [0.21, 0.23], from: 0, to: 365)
            let bottom = PenStroke(arcAround: [0.3, 0.73 + gap], radii: [0.27, 0.27 - gap], from: 0, to: 365)
            return [top, bottom]
        case .loopedNine, .straightNine, .slantedNine:
            let loop = PenStroke(arcAround: [0.3, 0.27], radii: [0.27, 0.27], from: 5, to: -360)
            var stem = PenStroke(from: [0.57, 0.25])
            switch self {
            case .loopedNine: stem.curve([0.6, 0.7], [0.45, 1], to: [0.15, 0.97])
            case .straightNine: stem.line(to: [0.57, 1])
            default: stem.line(to: [0.36, 1])
            }
            return [loop, stem]
        }
    }
}
