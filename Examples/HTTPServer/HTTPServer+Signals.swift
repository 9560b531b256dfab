import Dispatch
import Glibc

extension HTTPServer {
    /// Calls `stop()` when the process receives one of `signals`, instead of being terminated,
    /// so that `run()` or `wait()` returns once in-flight requests are answered.
    public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        for signalNumber in signals {
            // The dispatch source sees the signal; the default action (termination) must not.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.stop() }
            source.resume()
            keep(source)
        }
    }
}
