/// Turns every received request into an `APIRequest` for the simulator's state and decides the answer,
/// including injected faults.
///
/// Each connection is served by its own task, so injected latency delays that connection's answer only.
struct SimulatorHandler: ConnectionHandler {
    let state: SimulatorState

    /// Header fields a request may carry once: a second `X-API-Key` could smuggle a good key past a check that
    /// reads the other one, so such a request is refused before it is authenticated.
    static let singleHeaders = ["x-api-key", "authorization", "host", "content-type"]

    func reply(to request: ReceivedRequest) async -> SimulatorState.Reply {
        for name in Self.singleHeaders where request.values(name).count > 1 {
            let message = "Header \(Self.displayName(name)) sent \(request.values(name).count) times; send it once"
            return .answer(await state.refusal(status: 400, message: message, target: request.target))
        }
        var headers: [String: String] = [:]
        for header in request.headers {
            headers[header.name] = headers[header.name].map { $0 + ", " + header.value } ?? header.value
        }
        var query: [String: String] = [:]
        for item in request.queryItems { query[item.name] = item.value }
        let apiRequest = APIRequest(
            method: request.method, path: request.path, query: query, headers: headers, body: request.body)
        let fault = await state.admit(apiRequest)
        if fault.latencyMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.latencyMilliseconds)) }
        return await state.reply(to: apiRequest, fault: fault.action)
    }

    func refusal(_ error: HTTPRequestError) async -> APIResponse {
        await state.refusal(status: error.status, message: error.message, target: error.target)
    }

    private static func displayName(_ name: String) -> String {
        switch name {
        case "x-api-key": "X-API-Key"
        default: name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
        }
    }
}

/// What a connection asks of whoever serves it: the answer to each request it reads, and word of a request it
/// refused (too large, too slow, malformed) before anyone saw it. The simulator's API and `HTTPReceiver` both
/// serve through it.
protocol ConnectionHandler: Sendable {
    func reply(to request: ReceivedRequest) async -> SimulatorState.Reply
    /// A request refused with `error`'s status before it was complete; the default ignores it.
    func refused(_ error: HTTPRequestError)
    /// The answer to such a request; the default is `{"error": message}`.
    func refusal(_ error: HTTPRequestError) async -> APIResponse
}

extension ConnectionHandler {
    func refused(_ error: HTTPRequestError) {}

    func refusal(_ error: HTTPRequestError) async -> APIResponse { .error(error.status, error.message) }
}
