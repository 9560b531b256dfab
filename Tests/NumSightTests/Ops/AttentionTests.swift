import Testing
import NumSight

@Suite struct AttentionTests {
    let query = Tensor<Double>([1, 0, 0, 1, 1, 1], shape: [3, 2])
    let key = Tensor<Double>([1, 2, 0, 1, -1, 0], shape: [3, 2])
    let value = Tensor<Double>([1, 0, 2, 0, 1, 1, 3, -1, 0], shape: [3, 3])

    // Expected numbers: softmax(q kᵀ / √2, masked with −∞) v, computed with NumPy.
    @Test func unmaskedAttentionAveragesValuesBySoftmaxWeights() {
        expectTensor(scaledDotProductAttention(query: query, key: key, value: value),
                     equals: [0.9960630803454961, 0.143966164697882, 1.435946100171984,
                              0.9960630803454961, 0.143966164697882, 1.435946100171984,
                              0.9040830248800865, 0.14130533803370818, 1.722529573224908], shape: [3, 3])
    }

    @Test func causalAttentionSeesOnlyEarlierKeys() {
        expectTensor(scaledDotProductAttention(query: query, key: key, value: value, isCausal: true),
                     equals: [1, 0, 2,
                              0.6697615493266569, 0.3302384506733431, 1.6697615493266569,
                              0.9040830248800865, 0.14130533803370818, 1.722529573224908], shape: [3, 3])
        let explicit = scaledDotProductAttention(query: query, key: key, value: value,
                                                 mask: Tensor.causalMask(length: 3))
        #expect(explicit.isApproximatelyEqual(to: scaledDotProductAttention(query: query, key: key, value: value,
                                                                             isCausal: true)))
    }

    @Test func aPaddingMaskHidesKeys() {
        let batched = scaledDotProductAttention(
            query: query.expandingShape(at: 0), key: key.expandingShape(at: 0), value: value.expandingShape(at: 0),
            mask: Tensor.paddingMask(lengths: [2], length: 3).reshaped(to: [1, 1, 3]))
        expectTensor(batched, equals: [0.6697615493266569, 0.3302384506733431, 1.6697615493266569,
                                       0.6697615493266569, 0.3302384506733431, 1.6697615493266569,
                                       0.8044296825069569, 0.19557031749304313, 1.804429682506957], shape: [1, 3, 3])
    }

    @Test func gradientsThroughACausalMaskAreFinite() {
        let keyGradient = gradient(at: key) { key in
            scaledDotProductAttention(query: query, key: key, value: value, isCausal: true).sum()
        }
        // The −∞ scores must not turn into NaN on the way back.
        expectFinite(keyGradient)
        let valueGradient = gradient(at: value) { value in
            scaledDotProductAttention(query: query, key: key, value: value, isCausal: true).sum()
        }
        // Each value row's gradient is the total weight queries give its key; the weights
        // of each query sum to 1, so all of it adds up to 3 queries × 3 columns.
        #expect(abs(valueGradient.sum().scalar - 9) < 1e-12)
        // Key 2 is seen by query 2 alone, with weight softmax([3, 1, −1] / √2)[2] = 0.04538836 (NumPy).
        #expect(abs(valueGradient.scalars[6] - 0.04538836) < 1e-6, "\(valueGradient.scalars)")
    }
}
