public import KopsHTTP

/// A transport that answers from a list instead of the network, for decoding and error-mapping tests.
public final class StubTransport: HTTPTransport {
    public var responses: [Result<HTTPResponse, TransportError>]
    public private(set) var requests: [HTTPRequest] = []
    public var observer: (@Sendable (HTTPExchange) -> Void)?

    public init(_ responses: [Result<HTTPResponse, TransportError>]) {
        self.responses = responses
    }

    /// Answers every request with `status` and `body`.
    public convenience init(status: Int, body: String, headers: [(name: String, value: String)] = []) {
        self.init([.success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))])
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        requests.append(request)
        let next = responses.count > 1 ? responses.removeFirst() : responses[0]
        return try next.get()
    }
}
