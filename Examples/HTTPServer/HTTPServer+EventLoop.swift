import Foundation
import Glibc

extension HTTPServer {
    /// The event loop: one `poll` over the listener, the stop notice, the wake-up pipe and
    /// every connection whose request is being read. Returns once stopped and every
    /// connection is closed.
    func runEventLoop(listener: Socket) {
        var listener: Socket? = listener
        var connections: [Int32: HTTPConnection] = [:]
        var isStopping = false
        /// After `accept` fails for want of descriptors, when to try again (rather than spin).
        var acceptPausedUntil: ContinuousClock.Instant?

        while true {
            for var connection in takeReturnedConnections() {
                if isStopping && connection.isAwaitingRequest {
                    close(connection)
                    continue
                }
                connection.awaitNextRequest(within: configuration.idleTimeout)
                advance(&connection, by: connection.parse(configuration: configuration), in: &connections)
            }
            if isStopping && condition.withLock({ openConnections == 0 }) { return }

            // The wake-up pipe first; the stop notice until it is seen (it stays readable); the
            // listener while accepting; then the connections.
            var descriptors = [pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0)]
            if !isStopping { descriptors.append(pollfd(fd: stopNotice.descriptor, events: Int16(POLLIN), revents: 0)) }
            let listenerIndex = descriptors.count
            var isWatchingListener = false
            if let listener, acceptPausedUntil.map({ .now >= $0 }) ?? true {
                acceptPausedUntil = nil
                isWatchingListener = true
                descriptors.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0))
            }
            let firstConnection = descriptors.count
            for descriptor in connections.keys {
                descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            let nextDeadline = (connections.values.map(\.deadline) + [acceptPausedUntil].compactMap { $0 }).min()
            let timeout = nextDeadline.map { Int32(clamping: max(0, ($0 - .now).milliseconds + 1)) } ?? -1
            guard poll(&descriptors, nfds_t(descriptors.count), timeout) >= 0 || errno == EINTR else {
                // poll itself failed: nothing can be watched any more, so stop.
                stopNotice.post()
                usleep(10_000)
                continue
            }

            if descriptors[0].revents != 0 { wakeUp.drain() }
            if !isStopping && descriptors[1].revents != 0 {
                isStopping = true
                listener?.close()
                listener = nil
                isWatchingListener = false
                for (descriptor, connection) in connections where connection.isAwaitingRequest {
                    connections[descriptor] = nil
                    close(connection)
                }
            }
            if let listening = listener, isWatchingListener, descriptors[listenerIndex].revents != 0 {
                if !acceptConnections(on: listening, into: &connections) { acceptPausedUntil = .now + .milliseconds(10) }
            }
            for entry in descriptors[firstConnection...] where entry.revents != 0 {
                guard var connection = connections[entry.fd] else { continue }
                advance(&connection, by: connection.receive(configuration: configuration), in: &connections)
            }
            let now = ContinuousClock.now
            for (descriptor, connection) in connections where connection.deadline <= now {
                connections[descriptor] = nil
                if connection.isAwaitingRequest {
                    close(connection)
                } else {
                    submit(Job(connection: connection, progress: connection.timedOut()))
                }
            }
        }
    }

    /// Files `connection` by what its bytes amount to: still reading, off to a handler thread, or closed.
    private func advance(_ connection: inout HTTPConnection, by progress: HTTPConnection.Progress,
                         in connections: inout [Int32: HTTPConnection]) {
        switch progress {
        case .incomplete:
            connections[connection.socket.descriptor] = connection
        case .request, .failure:
            connections[connection.socket.descriptor] = nil
            submit(Job(connection: connection, progress: progress))
        case .closed:
            connections[connection.socket.descriptor] = nil
            close(connection)
        }
    }

    /// Accepts every pending connection; `false` if accepting failed for another reason than
    /// none being left (out of descriptors, say).
    private func acceptConnections(on listener: Socket, into connections: inout [Int32: HTTPConnection]) -> Bool {
        while true {
            guard let client = listener.accept() else { return errno == EAGAIN || errno == EWOULDBLOCK }
            let hasRoom = condition.withLock {
                guard openConnections < configuration.maximumConnections else { return false }
                openConnections += 1
                return true
            }
            guard hasRoom else {
                refuse(client)
                continue
            }
            client.setSendTimeout(configuration.writeTimeout)
            connections[client.descriptor] = HTTPConnection(socket: client, configuration: configuration)
        }
    }

    /// Answers 503 without waiting (so the loop never blocks) and closes.
    private func refuse(_ client: Socket) {
        let response = HTTPResponse.error(.serviceUnavailable, message: "too many connections; try again later")
        client.send(response.serialized(keepAlive: false, includingBody: true), waiting: false)
        configuration.accessLog.record(method: "-", target: "-", status: response.status,
                                       bodyBytes: response.body.count, duration: .zero,
                                       cause: "\(configuration.maximumConnections) connections open")
        client.shutdownWriting()
        var discarded: [UInt8] = []
        while client.receive(appendingTo: &discarded, maximumCount: 64 * 1024, waiting: false) > 0 {
            discarded.removeAll(keepingCapacity: true)
        }
        client.close()
    }

    private func submit(_ job: Job) {
        jobsCondition.withLock {
            jobs.append(job)
            jobsCondition.signal()
        }
    }

    private func takeReturnedConnections() -> [HTTPConnection] {
        condition.withLock {
            defer { returnedConnections.removeAll() }
            return returnedConnections
        }
    }
}
