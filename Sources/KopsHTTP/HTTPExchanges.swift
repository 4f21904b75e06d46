/// Exchanges in flight side by side, started one by one and handed back as each ends, while the caller does
/// other work between looks (`listen` receiving the next delivery while earlier ones are with the handler).
///
/// Not thread-safe: it belongs to the thread of the transport that made it.
public protocol HTTPExchanges: AnyObject {
    /// Exchanges started and not yet handed back.
    var running: Int { get }

    /// Starts `request`, given up after `timeout` seconds; its result comes back from `finished` under `tag`.
    func start(_ request: HTTPRequest, tag: Int, timeout: Double)

    /// Works on the running exchanges for up to `seconds`, returning as soon as one ends; those that ended.
    func finished(waitingUpTo seconds: Double) -> [(tag: Int, result: Result<HTTPResponse, TransportError>)]

    /// Abandons every running exchange; each is handed back as `.cancelled`.
    func cancelAll() -> [(tag: Int, result: Result<HTTPResponse, TransportError>)]
}

/// `HTTPExchanges` over a transport that can only block: each exchange is made in full when started.
final class SequentialExchanges: HTTPExchanges {
    private let transport: any HTTPTransport
    private var done: [(tag: Int, result: Result<HTTPResponse, TransportError>)] = []

    init(_ transport: any HTTPTransport) {
        self.transport = transport
    }

    var running: Int { done.count }

    func start(_ request: HTTPRequest, tag: Int, timeout: Double) {
        done.append((tag, Result { () throws(TransportError) in try transport.send(request) }))
    }

    func finished(waitingUpTo seconds: Double) -> [(tag: Int, result: Result<HTTPResponse, TransportError>)] {
        defer { done = [] }
        return done
    }

    func cancelAll() -> [(tag: Int, result: Result<HTTPResponse, TransportError>)] {
        finished(waitingUpTo: 0)
    }
}
