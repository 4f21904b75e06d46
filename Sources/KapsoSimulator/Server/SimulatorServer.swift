internal import FlyingFox
internal import FlyingSocks
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The simulator's HTTP/1.1 server: a listening socket and FlyingSocks' event pool, one task per connection,
/// requests read by `RequestReader` within `HTTPLimits`.
///
/// Our own accept loop rather than FlyingFox's `HTTPServer`, which cannot take another request decoder;
/// docs/simulator-http.md has the measurements behind the choice.
final class SimulatorServer: Sendable {
    private let address: sockaddr_in
    private let limits: HTTPLimits
    private let handler: any ConnectionHandler
    private let running = Locked(Running())

    private struct Running {
        var listener: AsyncSocket?
        var poolTask: Task<Void, any Error>?
        var acceptTask: Task<Void, Never>?
        var sweepTask: Task<Void, Never>?
        var connections: [Int: (task: Task<Void, Never>, deadline: ConnectionDeadline)] = [:]
        /// Connections closed to make room, whose tasks have not ended yet.
        var closing: Set<Int> = []
        var accepted = 0
        var isStopped = false
    }

    init(address: sockaddr_in, limits: HTTPLimits, handler: any ConnectionHandler) {
        self.address = address
        self.limits = limits
        self.handler = handler
    }

    /// Connections accepted so far.
    var connectionCount: Int {
        running.withLock { $0.accepted }
    }

    /// Binds, listens and starts accepting; returns the port listened on. Throws if the address can't be bound.
    func start() async throws -> UInt16 {
        let socket = try Socket(domain: AF_INET)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            // Accepted sockets inherit TCP_NODELAY: a response goes out in one write, but a client's next request
            // on a kept-alive connection must not wait for a delayed ACK either.
            var on: Int32 = 1
            setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        guard case .ip4(_, let port) = try socket.sockname() else { throw SimulatorError.notListening }
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        running.withLock {
            $0.listener = listener
            $0.poolTask = Task { try await pool.run() }
            $0.acceptTask = Task { await self.accept(on: listener) }
            $0.sweepTask = Task { await self.sweep() }
        }
        return port
    }

    /// Stops accepting, cancels every connection (a request being read is dropped, a kept-alive client sees
    /// its connection close) and waits for their tasks to end.
    func stop() async {
        let (acceptTask, sweepTask, connections) = running.withLock { running in
            running.isStopped = true
            defer {
                running.connections = [:]
                running.closing = []
            }
            return (running.acceptTask, running.sweepTask, running.connections.values.map(\.task))
        }
        acceptTask?.cancel()
        sweepTask?.cancel()
        await acceptTask?.value
        for connection in connections { connection.cancel() }
        for connection in connections { await connection.value }
        await sweepTask?.value
        let (listener, poolTask) = running.withLock { ($0.listener, $0.poolTask) }
        try? listener?.close()
        poolTask?.cancel()
        _ = await poolTask?.result
    }

    private func accept(on listener: AsyncSocket) async {
        while !Task.isCancelled {
            guard let client = try? await listener.accept() else {
                if Task.isCancelled { return }
                // Out of descriptors or a connection aborted before it was accepted: try again shortly.
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            let deadline = ConnectionDeadline()
            let connection = SimulatorConnection(socket: client, limits: limits, handler: handler, deadline: deadline)
            running.withLock { running in
                guard !running.isStopped else {
                    try? client.close()
                    return
                }
                if running.connections.count - running.closing.count >= limits.connections {
                    let closed = closeLongestIdle(running)
                    guard !closed.isEmpty else {
                        Self.turnAway(client, limit: limits.connections)
                        try? client.close()
                        return
                    }
                    running.closing.formUnion(closed)
                }
                running.accepted += 1
                let id = running.accepted
                let task = Task {
                    await connection.serve()
                    self.running.withLock { running in
                        running.connections[id] = nil
                        running.closing.remove(id)
                    }
                }
                running.connections[id] = (task, deadline)
            }
        }
    }

    /// Makes room at the connection limit: closes the eighth of the connections that have waited longest for a
    /// next request (as if their idle time had run out), at least one, in one scan. Returns the ids closed;
    /// empty when every connection is in the middle of a request.
    private func closeLongestIdle(_ running: Running) -> [Int] {
        let idle = running.connections.compactMap { id, connection -> (id: Int, since: ContinuousClock.Instant)? in
            guard !running.closing.contains(id), let since = connection.deadline.idleSince else { return nil }
            return (id, since)
        }
        let oldest = idle.sorted { $0.since < $1.since }.prefix(max(1, limits.connections / 8))
        return oldest.compactMap { candidate in
            guard let connection = running.connections[candidate.id], connection.deadline.expireIfIdle() else { return nil }
            connection.task.cancel()
            return candidate.id
        }
    }

    /// Answers 503 on a connection over the limit, without waiting: a few hundred bytes fit in a fresh
    /// socket's send buffer, and if they do not, the client gets the close alone.
    private static func turnAway(_ client: AsyncSocket, limit: Int) {
        let response = APIResponse.error(503, "More than \(limit) connections open; close some and retry")
        _ = try? client.socket.write(response.wire(keepAlive: false))
    }

    /// Every tick, cancels the connections whose read has outlived its deadline (`ConnectionDeadline`); their
    /// readers then answer 408 or close.
    private func sweep() async {
        let shortest = min(limits.requestSeconds, limits.idleSeconds)
        let tick = Duration.seconds(min(0.1, max(0.01, shortest / 4)))
        while !Task.isCancelled {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let expired = running.withLock { running in
                running.connections.values.filter { $0.deadline.expire(now: now) }.map(\.task)
            }
            for task in expired { task.cancel() }
        }
    }
}
