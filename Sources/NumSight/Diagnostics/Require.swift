/// Stops the program with `message` when `condition` is false.
///
/// Every check of a caller's input in NumSight goes through here. Unlike
/// `precondition`, whose message is dropped under `-O`, the message survives the
/// release builds users run, so a mistake names the op and the shapes involved:
///
/// ```
/// Fatal error: matmul: inner dimensions differ: [2, 10] · [8, 4]
/// ```
@inline(__always)
func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
