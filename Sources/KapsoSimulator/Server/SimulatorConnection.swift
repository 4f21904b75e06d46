internal import FlyingSocks
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Serves the requests of one accepted connection, one after another, until the client leaves, a request
/// cannot be served, or the task is cancelled (the simulator stopping).
struct SimulatorConnection {
    let socket: AsyncSocket
    let limits: HTTPLimits
    let handler: any ConnectionHandler
    let deadline: ConnectionDeadline

    func serve() async {
        defer { try? socket.close() }
        var reader = RequestReader(socket: socket, limits: limits, deadline: deadline)
        do {
            while let request = try await reader.next() {
                switch await handler.reply(to: request) {
                case .answer(let response):
                    // A HEAD answer has the head a GET would have, and no body (RFC 9110 §9.3.2).
                    let wire = request.method == "HEAD"
                        ? Data(response.head(contentLength: response.body.count, keepAlive: request.keepsAlive))
                        : response.wire(keepAlive: request.keepsAlive)
                    try await send(wire)
                    guard request.keepsAlive else { return }
                case .truncated(let response):
                    // The head promises the whole body; half of it goes out, then the connection closes.
                    let half = response.body.prefix(response.body.count / 2)
                    try await send(Data(response.head(contentLength: response.body.count, keepAlive: true) + half))
                    return
                case .reset:
                    return
                }
            }
        } catch let error as HTTPRequestError {
            handler.refused(error)
            await refuse(error)
        } catch {
            // The client left mid-request, the socket failed, or the simulator is stopping: nothing to answer.
        }
    }

    /// Writes `data`, within `limits.requestSeconds`: a client that stops reading its answers is dropped.
    private func send(_ data: Data) async throws {
        deadline.arm(.now + .seconds(limits.requestSeconds))
        try await socket.write(data)
        if deadline.disarm() { throw CancellationError() }
    }

    /// Answers a request that will not be served with its status and `{"error": ...}`, then closes gently:
    /// the write side first, then whatever the client is still sending is read and dropped for a moment, so
    /// the answer is not lost to a reset from unread data (the lingering close of RFC 9112 §9.6).
    private func refuse(_ error: HTTPRequestError) async {
        let response = await handler.refusal(error)
        guard (try? await send(response.wire(keepAlive: false))) != nil else { return }
        shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        guard !deadline.hasExpired else { return }
        deadline.arm(.now + .milliseconds(500))
        var drained = 0
        while drained < 4 << 20, let block = try? await socket.read(atMost: 65_536) { drained += block.count }
    }
}
