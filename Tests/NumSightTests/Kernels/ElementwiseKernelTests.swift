import CNumSightKernels
import Testing

extension KernelTests {
    /// ReLU, its gradient and the arithmetic operators against loops written from the
    /// definitions in CNumSightKernels.h, on every path and thread count.
    @Suite struct ElementwiseTests {
        static let count = 1_003

        @Test func reluMatchesDefinition() {
            var x = randomFloats(Self.count, seed: 1)
            x[5] = .nan
            x[6] = 0
            let gradient = randomFloats(Self.count, seed: 2)
            forEachConfiguration { configuration in
                var y = [Float](repeating: .nan, count: Self.count), dx = y
                ns_relu_forward(Self.count, x, &y)
                #expect(y == x.map { $0 > 0 ? $0 : 0 }, "forward, \(configuration)")
                ns_relu_backward(Self.count, gradient, x, &dx)
                #expect(dx == zip(gradient, x).map { $1 > 0 ? $0 : 0 }, "backward, \(configuration)")
            }
        }

        /// Every operator with operands of the full size, repeated blocks and scalars.
        @Test func arithmeticMatchesDefinition() {
            let operators: [(ns_arithmetic_operator, (Float, Float) -> Float)] = [
                (NS_ARITHMETIC_ADD, +), (NS_ARITHMETIC_SUBTRACT, -), (NS_ARITHMETIC_MULTIPLY, *),
                (NS_ARITHMETIC_DIVIDE, /),
            ]
            let count = 17 * 59
            let operandCounts = [(count, count), (count, 17), (17, count), (count, 1), (1, count), (1, 1), (59, count)]
            forEachConfiguration { configuration in
                for (code, operation) in operators {
                    for (aCount, bCount) in operandCounts {
                        let resultCount = aCount == 1 && bCount == 1 ? 1 : count
                        let a = randomFloats(aCount, seed: 3), b = randomFloats(bCount, seed: 4)
                        var result = [Float](repeating: .nan, count: resultCount)
                        ns_arithmetic(code, resultCount, a, aCount, b, bCount, &result)
                        let expected = (0..<resultCount).map { operation(a[$0 % aCount], b[$0 % bCount]) }
                        #expect(result == expected, "operator \(code), counts \(aCount), \(bCount), \(configuration)")
                    }
                }
            }
        }

        /// The bias epilogue: exactly data[r, c] + bias[c], in place.
        @Test func addBiasAddsThePerChannelBiasToEveryRow() {
            for (rows, channels) in [(1_000, 33), (7, 1), (0, 4)] {
                let data = randomFloats(rows * channels, seed: 8), bias = randomFloats(channels, seed: 9)
                let expected = data.indices.map { data[$0] + bias[$0 % channels] }
                forEachConfiguration { configuration in
                    var result = data
                    ns_add_bias(rows, channels, bias, &result)
                    #expect(result == expected, "\(rows)x\(channels), \(configuration)")
                }
            }
        }

        /// Sums in double of float block sums: within float rounding of a double sum.
        @Test func middleAxisSumsMatchDefinition() {
            for (outer, rows, columns) in [(1, 1_000, 33), (1, 64, 1), (3, 129, 16), (2, 1, 5), (1, 0, 3), (5, 300, 1)] {
                let x = randomFloats(outer * rows * columns, seed: 5)
                let expected = (0..<outer * columns).map { index in
                    let (o, c) = index.quotientAndRemainder(dividingBy: columns)
                    return Float((0..<rows).reduce(0.0) { $0 + Double(x[(o * rows + $1) * columns + c]) })
                }
                var first: [Float]?
                forEachConfiguration { configuration in
                    var sums = [Float](repeating: .nan, count: outer * columns)
                    ns_sum_middle_axis(outer, rows, columns, x, &sums)
                    expectClose(sums, expected, tolerance: 1e-5, "\(outer)x\(rows)x\(columns), \(configuration)")
                    // Fixed blocks: the same bits whatever the thread count.
                    if configuration.threads == 1 { first = sums }
                    #expect(sums == first, "\(outer)x\(rows)x\(columns), \(configuration)")
                }
            }
        }
    }
}
