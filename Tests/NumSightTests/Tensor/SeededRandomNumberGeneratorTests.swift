import Foundation
import Testing
import NumSight

@Suite struct SeededRandomNumberGeneratorTests {
    func draws(seed: UInt64, count: Int) -> [UInt64] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in generator.next() }
    }

    @Test func theSameSeedGivesTheSameNumbers() {
        #expect(draws(seed: 42, count: 100) == draws(seed: 42, count: 100))
    }

    @Test func theFirstNumbersAreThoseOfXoshiro256StarStarSeededBySplitMix64() {
        // From an independent Python transcription of the reference algorithms
        // (SplitMix64's first output for seed 0 is the published 0xE220A8397B1DCDAF).
        let observed = draws(seed: 42, count: 3)
        let expected: [UInt64] = [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1]
        #expect(observed == expected, "expected \(expected), observed \(observed)")
    }

    @Test func differentSeedsGiveDifferentNumbers() {
        let zero = draws(seed: 0, count: 10)
        let one = draws(seed: 1, count: 10)
        #expect(zip(zero, one).allSatisfy { $0 != $1 }, "seeds 0 and 1 agree somewhere: \(zero) vs \(one)")
    }

    @Test func copyingAGeneratorForksTheSequence() {
        var generator = SeededRandomNumberGenerator(seed: 9)
        _ = generator.next()
        var fork = generator
        #expect(generator.next() == fork.next())
        #expect(generator == fork)
    }

    @Test func anEncodedGeneratorResumesWhereItStopped() throws {
        var generator = SeededRandomNumberGenerator(seed: 5)
        _ = generator.next()
        let data = try JSONEncoder().encode(generator)
        var restored = try JSONDecoder().decode(SeededRandomNumberGenerator.self, from: data)
        let expected = (0..<5).map { _ in generator.next() }
        let observed = (0..<5).map { _ in restored.next() }
        #expect(observed == expected)
    }

    @Test func unitIntervalSamplesLieInZeroToOne() {
        var generator = SeededRandomNumberGenerator(seed: 1)
        let samples = (0..<10_000).map { _ in generator.nextUnitInterval() }
        #expect(samples.allSatisfy { (0..<1).contains($0) })
        let mean = samples.reduce(0, +) / 10_000
        // The mean of 10 000 uniforms has standard deviation 0.0029.
        #expect(abs(mean - 0.5) < 0.015, "expected a mean near 0.5, observed \(mean)")
    }

    @Test func uniformTensorsStayInTheirRangeAndFillIt() {
        var generator = SeededRandomNumberGenerator(seed: 2)
        let x = Tensor<Float>.randomUniform(shape: [100, 100], in: -2..<3, using: &generator)
        #expect(x.shape == [100, 100])
        #expect(x.scalars.allSatisfy { (-2..<3).contains($0) }, "a sample left [-2, 3)")
        let mean = x.scalars.reduce(0, +) / 10_000
        // Standard deviation of the mean: 5 / √12 / 100 ≈ 0.0144.
        #expect(abs(mean - 0.5) < 0.07, "expected a mean near 0.5, observed \(mean)")
        let belowZero = Float(x.scalars.filter { $0 < 0 }.count) / 10_000
        #expect(abs(belowZero - 0.4) < 0.025, "expected 40% below zero, observed \(belowZero)")
    }

    @Test(arguments: [(0.0, 1.0), (3.0, 2.0)])
    func normalTensorsHaveRoughlyTheirMeanAndStandardDeviation(_ parameters: (Double, Double)) {
        let (mean, standardDeviation) = parameters
        var generator = SeededRandomNumberGenerator(seed: 3)
        let x = Tensor<Double>.randomNormal(shape: [10_000], mean: mean, standardDeviation: standardDeviation,
                                            using: &generator)
        let sampleMean = x.scalars.reduce(0, +) / 10_000
        let sampleDeviation = (x.scalars.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / 10_000)
            .squareRoot()
        // Over 10 000 samples the mean errs by about σ/100 and the deviation by about σ/141.
        #expect(abs(sampleMean - mean) < 0.05 * standardDeviation,
                "expected mean \(mean), observed \(sampleMean)")
        #expect(abs(sampleDeviation - standardDeviation) < 0.04 * standardDeviation,
                "expected standard deviation \(standardDeviation), observed \(sampleDeviation)")
        // About 68.3% of a normal lies within one standard deviation of its mean.
        let withinOne = Double(x.scalars.filter { abs($0 - mean) < standardDeviation }.count) / 10_000
        #expect(abs(withinOne - 0.6827) < 0.025, "expected 68.3% within 1σ, observed \(withinOne)")
    }

    @Test(arguments: [0.0, 0.3, 0.5, 1.0])
    func bernoulliTensorsAreOnesAtTheirRate(_ probability: Double) {
        var generator = SeededRandomNumberGenerator(seed: 4)
        let x = Tensor<Float>.randomBernoulli(shape: [10_000], probability: probability, using: &generator)
        #expect(x.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        let rate = Double(x.scalars.reduce(0, +)) / 10_000
        #expect(abs(rate - probability) < 0.025, "expected rate \(probability), observed \(rate)")
    }

    @Test func workingWithTheStandardLibrarysRandomAPIs() {
        var first = SeededRandomNumberGenerator(seed: 6)
        var second = SeededRandomNumberGenerator(seed: 6)
        let a = (0..<20).map { _ in Int.random(in: 0..<1000, using: &first) }
        let b = (0..<20).map { _ in Int.random(in: 0..<1000, using: &second) }
        #expect(a == b)
        #expect(Array(0..<10).shuffled(using: &first) == Array(0..<10).shuffled(using: &second))
    }
}
