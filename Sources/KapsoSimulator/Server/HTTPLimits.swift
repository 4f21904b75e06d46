/// How much the simulator's HTTP server reads from one client, and how long it waits for it.
///
/// A request over a size limit is answered with its status (414, 431, 413) and a JSON `{"error": ...}`
/// naming the limit, then the connection is closed; so is a request that does not arrive in time (408).
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line (`GET /path?query HTTP/1.1`), in bytes, without its line ending; longer: 414.
    public var requestLineBytes = 8_192
    /// Largest header section (every header line with its line ending), in bytes; larger: 431.
    public var headerBytes = 32_768
    /// Most header fields in one request; more: 431.
    public var headerCount = 100
    /// Largest request body, in bytes, as announced by `Content-Length` or as decoded from chunks; larger: 413.
    public var bodyBytes = 1_048_576
    /// Seconds from a request's first byte until its whole body has arrived (later: 408, connection closed), and
    /// for the client to take in an answer (later: connection closed).
    public var requestSeconds: Double = 10
    /// Seconds a kept-alive connection may wait for its next request; later: closed without an answer.
    public var idleSeconds: Double = 30
    /// Most connections open at once. One more closes the connection that has waited longest for its next
    /// request; when none is waiting, the new one is answered 503 and closed.
    public var connections = 1_000

    public init() {}
}
