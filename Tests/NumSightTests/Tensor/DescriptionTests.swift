import Testing
import NumSight

@Suite struct DescriptionTests {
    @Test func aMatrixPrintsItsShapeAndItsRows() {
        let text = Tensor<Float>([1, 2, 3, 4], shape: [2, 2]).description
        #expect(text == "Tensor<Float> [2, 2]\n[[1.0, 2.0],\n [3.0, 4.0]]", "observed:\n\(text)")
    }

    @Test func aScalarAndAVectorPrintPlainly() {
        #expect(Tensor<Double>(3.5).description == "Tensor<Double> []\n3.5")
        #expect(Tensor<Float>([-1, 0.5]).description == "Tensor<Float> [2]\n[-1.0, 0.5]")
        #expect(Tensor<Float>.zeros(shape: [0]).description == "Tensor<Float> [0]\n[]")
    }

    @Test func deeperTensorsIndentEachLevel() {
        let text = Tensor<Double>((1...8).map(Double.init), shape: [2, 2, 2]).description
        let expected = """
            Tensor<Double> [2, 2, 2]
            [[[1.0, 2.0],
              [3.0, 4.0]],
             [[5.0, 6.0],
              [7.0, 8.0]]]
            """
        #expect(text == expected, "observed:\n\(text)")
    }

    @Test func aLargeVectorShowsItsFirstAndLastThreeEntries() {
        let text = Tensor<Float>.range(to: 2000).description
        #expect(text == "Tensor<Float> [2000]\n[0.0, 1.0, 2.0, ..., 1997.0, 1998.0, 1999.0]", "observed:\n\(text)")
    }

    @Test func aLargeMatrixIsAbbreviatedAlongEveryAxis() {
        // 100 × 20 = 2000 elements: rows 0, 1, 2, …, 97, 98, 99, each cut to its ends.
        let x = Tensor<Float>.range(to: 2000).reshaped(to: [100, 20])
        let lines = x.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "expected a header and 7 rows, observed:\n\(x.description)")
        #expect(lines.first == "Tensor<Float> [100, 20]")
        #expect(lines.dropFirst().first == "[[0.0, 1.0, 2.0, ..., 17.0, 18.0, 19.0],")
        #expect(lines.dropFirst(4).first == " ...,")
        #expect(lines.last == " [1980.0, 1981.0, 1982.0, ..., 1997.0, 1998.0, 1999.0]]")
    }

    @Test func aThousandElementsAreStillShownInFull() {
        let text = Tensor<Float>.zeros(shape: [1000]).description
        #expect(!text.contains("..."))
        #expect(text.components(separatedBy: "0.0").count - 1 == 1000)
    }
}
