internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// The FlyingFox handler that turns every HTTP request into an `APIRequest` for the simulator's state, and
/// carries out injected faults at the HTTP level.
///
/// Each connection is served by its own task, so injected latency delays that connection's answer only.
struct SimulatorHandler: HTTPHandler {
    let state: SimulatorState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body: Data
        do {
            body = try await request.bodyData
        } catch {
            return Self.http(.error(400, "Could not read the request body"))
        }
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.path, query: query, headers: headers, body: Array(body))
        let fault = await state.admit(apiRequest)
        if fault.latencyMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.latencyMilliseconds)) }
        switch await state.reply(to: apiRequest, fault: fault.action) {
        case .answer(let response):
            return Self.http(response)
        case .truncated(let response):
            // The head promises the whole body; half of it goes out, then the connection closes.
            let cut = TruncatedBody(bytes: Array(response.body.prefix(response.body.count / 2)))
            return HTTPResponse(
                statusCode: HTTPStatusCode(response.status, phrase: response.reason),
                headers: Self.headers(response), body: HTTPBodySequence(from: cut, count: response.body.count + 1))
        case .reset:
            return HTTPResponse(webSocket: ConnectionReset())
        }
    }

    private static func http(_ response: APIResponse) -> HTTPResponse {
        HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: response.reason), headers: headers(response),
            body: Data(response.body))
    }

    private static func headers(_ response: APIResponse) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.addValue(value, for: HTTPHeader(name)) }
        return headers
    }
}

/// The `reset` fault. FlyingFox asks a WebSocket handler for its frames before writing anything, and closes
/// the connection when that throws: the client sees the connection close with no response at all.
private struct ConnectionReset: WSHandler {
    struct Closed: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Closed()
    }
}

/// The `truncate` fault's body: yields `bytes`, then fails, so FlyingFox stops writing and closes the connection
/// short of the `Content-Length` it announced.
private struct TruncatedBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]

    struct Cut: Error {}

    func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes.isEmpty ? nil : bytes) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var bytes: [UInt8]?

        mutating func next() async throws -> UInt8? {
            guard var rest = bytes, !rest.isEmpty else { throw Cut() }
            let first = rest.removeFirst()
            bytes = rest.isEmpty ? nil : rest
            return first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            guard let rest = bytes else { throw Cut() }
            bytes = nil
            return rest
        }
    }
}
