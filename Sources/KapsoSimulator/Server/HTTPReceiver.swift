internal import FlyingSocks
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A webhook receiver for `kops listen` on the simulator's own HTTP server (`SimulatorServer`, `RequestReader`
/// within `HTTPLimits`), handing each request to one synchronous thread that decides the answer.
///
/// The server runs on the concurrency pool; `next(waitingUpTo:)` and `answer(_:with:)` are for a plain thread
/// (the shell's), which may block in libcurl while the pool keeps reading other requests. Requests the reader
/// refuses (too large, too slow, malformed) come out as `.refused` after they were answered.
public final class HTTPReceiver: Sendable {
    /// One request as received: header names lowercased, values trimmed, body byte for byte.
    public struct Request: Sendable {
        public var method: String
        /// The request target as sent, e.g. `/webhooks?source=kapso`.
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
    }

    /// What comes out of the receiver.
    public enum Event: Sendable {
        /// A complete request, waiting for `answer(id, ...)`.
        case request(id: Int, Request)
        /// A request answered with `status` and `message` by the reader itself (413, 408, 400, ...).
        case refused(status: Int, message: String)
    }

    /// The port listened on.
    public let port: UInt16
    private let server: SimulatorServer
    private let inbox: Inbox

    /// Listens on `host:port` (port 0: any free one) and blocks until it does; call from a plain thread.
    /// Throws `SimulatorError.invalidHost` for a bad address and the socket's error when the port is taken.
    /// Why `start` failed, in words for a user line (never an enum dump): `the port is in use`, `… not an address of
    /// this machine`, or the system's message.
    static func reason(_ error: any Error) -> String {
        guard let socket = error as? SocketError else { return "\(error)" }
        switch socket {
        case .failed(_, let code, _) where code == EADDRINUSE: return "the port is in use"
        case .failed(_, let code, _) where code == EADDRNOTAVAIL: return "the host is not an address of this machine"
        case .failed(_, _, let message): return message
        default: return socket.localizedDescription
        }
    }

    public static func start(host: String, port: UInt16, bodyLimit: Int) throws -> HTTPReceiver {
        let address: sockaddr_in
        do { address = try .inet(ip4: host, port: port) } catch { throw SimulatorError.invalidHost(host) }
        var limits = HTTPLimits()
        limits.bodyBytes = bodyLimit
        let inbox = Inbox()
        let server = SimulatorServer(address: address, limits: limits, handler: ReceiverHandler(inbox: inbox))
        let outcome = Locked<Result<UInt16, any Error>>(.success(0))
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let port = try await server.start()
                outcome.withLock { $0 = .success(port) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return HTTPReceiver(port: try outcome.withLock { $0 }.get(), server: server, inbox: inbox)
    }

    private init(port: UInt16, server: SimulatorServer, inbox: Inbox) {
        self.port = port
        self.server = server
        self.inbox = inbox
    }

    /// The next request or refusal, waiting up to `seconds`; nil when none came.
    public func next(waitingUpTo seconds: Double) -> Event? {
        inbox.next(waitingUpTo: seconds)
    }

    /// Answers request `id` (once; later calls are ignored).
    public func answer(_ id: Int, status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        inbox.answer(id, with: APIResponse(status: status, headers: headers, body: body))
    }

    /// Stops listening; requests still waiting get 503. Blocks until the server is down; call from a plain thread.
    public func stop() {
        inbox.close()
        let done = DispatchSemaphore(value: 0)
        Task.detached { [server] in
            await server.stop()
            done.signal()
        }
        done.wait()
    }
}

/// The queue between the server's connection tasks and the receiving thread.
final class Inbox: Sendable {
    private struct State {
        var events: [HTTPReceiver.Event] = []
        var waiting: [Int: CheckedContinuation<APIResponse, Never>] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Locked(State())
    private let ready = DispatchSemaphore(value: 0)

    static let closedAnswer = APIResponse.error(503, "kops listen is stopping; Kapso will retry")

    func deliver(_ request: HTTPReceiver.Request) async -> APIResponse {
        await withCheckedContinuation { continuation in
            let accepted = state.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.nextID += 1
                state.waiting[state.nextID] = continuation
                state.events.append(.request(id: state.nextID, request))
                return true
            }
            if accepted { ready.signal() } else { continuation.resume(returning: Self.closedAnswer) }
        }
    }

    func refused(status: Int, message: String) {
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.events.append(.refused(status: status, message: message))
            return true
        }
        if accepted { ready.signal() }
    }

    func next(waitingUpTo seconds: Double) -> HTTPReceiver.Event? {
        guard ready.wait(timeout: .now() + seconds) == .success else { return nil }
        return state.withLock { $0.events.isEmpty ? nil : $0.events.removeFirst() }
    }

    func answer(_ id: Int, with response: APIResponse) {
        state.withLock { $0.waiting.removeValue(forKey: id) }?.resume(returning: response)
    }

    func close() {
        let pending = state.withLock { state -> [CheckedContinuation<APIResponse, Never>] in
            state.closed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in pending { continuation.resume(returning: Self.closedAnswer) }
    }
}

/// Hands every request the reader completes to the inbox, and tells it about the ones it refused.
struct ReceiverHandler: ConnectionHandler {
    let inbox: Inbox

    func reply(to request: ReceivedRequest) async -> SimulatorState.Reply {
        let received = HTTPReceiver.Request(
            method: request.method, target: request.target, headers: request.headers.map { ($0.name, $0.value) },
            body: request.body)
        return .answer(await inbox.deliver(received))
    }

    func refused(_ error: HTTPRequestError) {
        inbox.refused(status: error.status, message: error.message)
    }
}
