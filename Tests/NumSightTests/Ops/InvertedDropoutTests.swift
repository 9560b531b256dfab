import Testing
import NumSight

@Suite struct InvertedDropoutTests {
    let ones = Tensor<Float>.ones(shape: [100, 100])

    @Test func theSameSeedDropsTheSameElements() {
        var first = SeededRandomNumberGenerator(seed: 7)
        var second = SeededRandomNumberGenerator(seed: 7)
        let a = dropout(ones, rate: 0.5, using: &first)
        let b = dropout(ones, rate: 0.5, using: &second)
        #expect(a == b, "two generators seeded with 7 gave different masks")
    }

    @Test func differentSeedsDropDifferentElements() {
        var first = SeededRandomNumberGenerator(seed: 7)
        var second = SeededRandomNumberGenerator(seed: 8)
        let a = dropout(ones, rate: 0.5, using: &first)
        let b = dropout(ones, rate: 0.5, using: &second)
        #expect(a != b)
    }

    @Test(arguments: [0.1, 0.3, 0.5, 0.9])
    func roughlyTheRateOfElementsIsDropped(_ rate: Double) {
        // 10 000 Bernoulli draws: the standard deviation of the fraction is at most 0.005.
        var generator = SeededRandomNumberGenerator(seed: 2024)
        let y = dropout(ones, rate: rate, using: &generator)
        let dropped = Double(y.scalars.filter { $0 == 0 }.count) / Double(y.elementCount)
        #expect(abs(dropped - rate) < 0.025, "expected about \(rate) dropped, observed \(dropped)")
    }

    @Test func keptElementsAreScaledByOneOverTheKeepProbability() {
        // Rate 0.75 keeps a quarter of the elements and multiplies them by 4.
        var generator = SeededRandomNumberGenerator(seed: 3)
        let x = Tensor<Double>((1...1000).map(Double.init))
        let y = dropout(x, rate: 0.75, using: &generator)
        for (input, output) in zip(x.scalars, y.scalars) where output != 0 {
            #expect(output == 4 * input, "expected \(4 * input) (4 × \(input)), observed \(output)")
        }
        #expect(y.scalars.contains(0) && y.scalars.contains { $0 != 0 })
    }

    @Test func theMeanIsRoughlyPreserved() {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let mean = dropout(ones, rate: 0.4, using: &generator).mean().scalar
        #expect(abs(mean - 1) < 0.05, "expected a mean near 1, observed \(mean)")
    }

    @Test func rateZeroLeavesTheInputAndTheGeneratorAlone() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        let untouched = generator
        let x = Tensor<Float>([1, -2, 3])
        #expect(dropout(x, rate: 0, using: &generator) == x)
        #expect(generator == untouched)
    }
}
