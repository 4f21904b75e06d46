/// Sends requests synchronously on the caller's thread; never call it from the Swift concurrency pool.
public protocol HTTPTransport: AnyObject {
    /// Performs one exchange; throws `TransportError` when no HTTP response was received.
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse

    /// Performs independent requests concurrently; results come back in the order of `requests`.
    func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>]

    /// Starts a GET that a `send` of the same request is expected to ask for next, so the server works on it
    /// while the caller does something else; any other exchange first drops it. A hint: doing nothing is correct.
    func prefetch(_ request: HTTPRequest)

    /// A set of exchanges that run side by side while the caller does other work between looks at them
    /// (`listen` forwarding deliveries while it keeps receiving). Owned by the caller's thread, as the transport is.
    func exchanges() -> any HTTPExchanges

    /// Called after each exchange (for `--verbose`); sees only redacted headers.
    var observer: (@Sendable (HTTPExchange) -> Void)? { get set }
}

extension HTTPTransport {
    public func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        requests.map { request in Result { () throws(TransportError) in try send(request) } }
    }

    public func prefetch(_ request: HTTPRequest) {}

    /// Exchanges one at a time, each made when started: for transports with no way to run several at once.
    public func exchanges() -> any HTTPExchanges { SequentialExchanges(self) }
}

/// What `--verbose` prints about one exchange: request line, redacted headers, outcome.
public struct HTTPExchange: Sendable {
    public var method: String
    public var url: String
    public var requestHeaders: [String]
    public var status: Int?
    public var duration: Double
    public var newConnection: Bool
}
