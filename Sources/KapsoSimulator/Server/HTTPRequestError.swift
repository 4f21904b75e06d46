/// A request the server can frame well enough to answer, but will not serve: the status and the one-line
/// reason sent back (`{"error": message}`, or a Graph error on the Meta proxy) before the connection is closed.
struct HTTPRequestError: Error, Equatable {
    var status: Int
    var message: String
    /// The request target, once the request line was read (so the answer can take its surface's shape).
    var target: String?

    static func malformed(_ message: String) -> HTTPRequestError { HTTPRequestError(status: 400, message: message) }

    static func requestLineTooLong(limit: Int) -> HTTPRequestError {
        HTTPRequestError(status: 414, message: "Request line longer than \(limit) bytes; shorten the path or query")
    }

    static func headersTooLarge(limit: Int) -> HTTPRequestError {
        HTTPRequestError(status: 431, message: "Request headers larger than \(limit) bytes in all; send fewer or shorter headers")
    }

    static func tooManyHeaders(limit: Int) -> HTTPRequestError {
        HTTPRequestError(status: 431, message: "More than \(limit) request header fields; send fewer headers")
    }

    static func bodyTooLarge(limit: Int) -> HTTPRequestError {
        HTTPRequestError(status: 413, message: "Request body larger than \(limit) bytes; send a smaller body")
    }

    /// `10` for 10.0, `0.25` for 0.25: a limit as people write it.
    private static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    static func timedOut(seconds: Double) -> HTTPRequestError {
        HTTPRequestError(status: 408, message: "Request not received within \(Self.text(seconds)) s; send the whole request at once")
    }
}

/// The client closed the connection, or it failed, in the middle of a request: nothing can be answered.
struct ConnectionLost: Error {}
