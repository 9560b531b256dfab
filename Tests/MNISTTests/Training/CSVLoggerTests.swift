import Foundation
@testable import MNIST
import Testing

@Suite struct CSVLoggerTests {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("CSVLoggerTests-\(UUID().uuidString).csv")

    func log(_ logger: CSVLogger, epochs: ClosedRange<Int>) throws {
        let driver = CallbackDriver()
        logger.trainingWillBegin(driver.trainer)
        for epoch in epochs {
            let metrics = ["loss": 1 / Double(epoch), "accuracy": 0.25 * Double(epoch), "learning_rate": 0.001]
            try logger.epochDidEnd(epoch, metrics: metrics, trainer: driver.trainer)
        }
    }

    func contents() throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func rewritesTheWholeFileEachEpoch() throws {
        try "stale".write(to: url, atomically: true, encoding: .utf8)
        try log(CSVLogger(url: url), epochs: 1...2)
        #expect(try contents() == "epoch,accuracy,learning_rate,loss\n1,0.25,0.001,1.0\n2,0.5,0.001,0.5\n")
    }

    @Test func appendsRowsWithOneHeader() throws {
        try log(CSVLogger(url: url, mode: .append), epochs: 1...1)
        try log(CSVLogger(url: url, mode: .append), epochs: 2...3)
        #expect(try contents()
                    == "epoch,accuracy,learning_rate,loss\n1,0.25,0.001,1.0\n2,0.5,0.001,0.5\n3,0.75,0.001,0.3333333333333333\n")
    }
}
