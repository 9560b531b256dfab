import NumSight

/// Additions of two three-digit numbers written as characters, the answer's digits
/// reversed (least significant first, the order in which a carry is worked out):
/// `047+391=8340` means 47 + 391 = 438. Twelve tokens: the digits 0–9, `+` and `=`.
struct AdditionProblems {
    static let plus = 10, equals = 11, vocabularySize = 12
    /// Tokens before the answer (`047+391=`), and in the whole problem.
    static let promptLength = 8, problemLength = 12

    /// Problems kept out of training, to measure exact match on sums never seen.
    let heldOut: [(Int, Int)]
    private let heldOutKeys: Set<Int>
    private var generator: SeededRandomNumberGenerator

    init(heldOutCount: Int, seed: UInt64) {
        generator = SeededRandomNumberGenerator(seed: seed)
        var keys: Set<Int> = []
        var problems: [(Int, Int)] = []
        while problems.count < heldOutCount {
            let (a, b) = (Int.random(in: 0..<1000, using: &generator), Int.random(in: 0..<1000, using: &generator))
            if keys.insert(a * 1000 + b).inserted { problems.append((a, b)) }
        }
        (heldOut, heldOutKeys) = (problems, keys)
    }

    /// The twelve tokens of `a + b`.
    static func tokens(_ a: Int, _ b: Int) -> [Int] {
        /// The `count` digits of `n`, least significant first.
        func digits(_ n: Int, count: Int) -> [Int] {
            var rest = n
            return (0..<count).map { _ in
                defer { rest /= 10 }
                return rest % 10
            }
        }
        let prompt: [Int] = digits(a, count: 3).reversed() + [plus] + digits(b, count: 3).reversed() + [equals]
        return prompt + digits(a + b, count: 4)
    }

    /// A batch of training problems, none held out: the model reads the first eleven
    /// tokens and predicts each next one; only the answer's predictions are scored
    /// (the other targets are the ignored label -1).
    mutating func trainingBatch(size: Int) -> (inputs: IndexTensor, targets: IndexTensor) {
        var inputs: [Int] = [], targets: [Int] = []
        while inputs.count < size * (Self.problemLength - 1) {
            let (a, b) = (Int.random(in: 0..<1000, using: &generator), Int.random(in: 0..<1000, using: &generator))
            guard !heldOutKeys.contains(a * 1000 + b) else { continue }
            let problem = Self.tokens(a, b)
            inputs += problem.dropLast()
            targets += problem.dropFirst().enumerated().map { $0 + 1 >= Self.promptLength ? $1 : -1 }
        }
        let shape = [size, Self.problemLength - 1]
        return (IndexTensor(inputs, shape: shape), IndexTensor(targets, shape: shape))
    }
}
