import Testing
import NumSight

@Suite struct MultiHeadAttentionTests {
    @Test func headsAttendSeparatelyAndAreJoined() {
        let attention = withRandomSeed(4) { MultiHeadAttention<Double>(modelSize: 4, headCount: 2) }
        var generator = SeededRandomNumberGenerator(seed: 9)
        let x = Tensor<Double>.randomNormal(shape: [2, 3, 4], using: &generator)
        let observed = attention(x, isCausal: true)
        // The same computation, one example and one head at a time, with the 2-D ops.
        for example in 0..<2 {
            let rows = x[example]
            var heads: [Tensor<Double>] = []
            for head in 0..<2 {
                func project(_ layer: Dense<Double>) -> Tensor<Double> {
                    layer(rows).sliced(alongAxis: 1, range: 2 * head..<2 * head + 2)
                }
                heads.append(scaledDotProductAttention(query: project(attention.query), key: project(attention.key),
                                                       value: project(attention.value), isCausal: true))
            }
            let expected = attention.output(Tensor.concatenating(heads, alongAxis: 1))
            expectTensor(observed[example], equals: expected.scalars, shape: [3, 4], tolerance: 1e-12)
        }
    }

    @Test func parametersAreNamedByProjection() {
        let attention = MultiHeadAttention<Float>(modelSize: 8, headCount: 2)
        #expect(attention.namedParameters.map(\.name) == ["query.weight", "query.bias", "key.weight", "key.bias",
                                                          "value.weight", "value.bias", "output.weight", "output.bias"])
        #expect(attention(Tensor.zeros(shape: [1, 5, 8])).shape == [1, 5, 8])
    }
}
