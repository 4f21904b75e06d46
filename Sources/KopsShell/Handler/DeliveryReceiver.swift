/// The local HTTP server behind `listen`, supplied by the executable (kapso-sim's reader, `HTTPReceiver`), so
/// the shell core stays free of sockets.
///
/// Used from the shell's own thread: `next` blocks up to the given time; every `.delivery` must be answered.
public protocol DeliveryReceiver: AnyObject {
    /// The port listened on.
    var port: Int { get }
    /// The next request or refusal, waiting up to `seconds`; nil when none came, `.ended` (at once, every time) once the
    /// server is gone.
    func next(waitingUpTo seconds: Double) -> ReceiverEvent?
    /// Stops listening; requests still waiting are answered 503.
    func stop()
}

/// What the receiver hands over.
public enum ReceiverEvent {
    /// A complete request; call `answer` once with the status, headers and body to send back.
    case delivery(IncomingRequest, answer: (_ status: Int, _ headers: [(name: String, value: String)], _ body: [UInt8]) -> Void)
    /// A request the reader answered itself (`413`, `408`, `400` …) with this one-line reason.
    case refused(status: Int, reason: String)
    /// The server stopped on its own (its process died, its stream closed): no request can arrive any more. `receiver`
    /// names it and says how it ended, as in `kapso-sim --receive (pid 4242) was killed by signal 9`.
    case ended(receiver: String)
}

/// One request as received: header names lowercased, body byte for byte.
public struct IncomingRequest: Sendable {
    public var method: String
    public var target: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }
}

/// Opens a receiver on `host:port` whose bodies may be up to `bodyLimit` bytes; throws with a one-line reason.
public typealias ReceiverOpener = (_ host: String, _ port: Int, _ bodyLimit: Int) throws -> any DeliveryReceiver
