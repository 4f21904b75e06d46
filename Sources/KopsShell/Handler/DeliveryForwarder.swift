internal import KopsHTTP

/// `listen --forward-to`: passes deliveries on to the user's handler side by side, as Kapso sends them (buffered
/// and unbuffered events and retries arrive concurrently), so a slow delivery never holds up the next one.
///
/// Up to `limit` deliveries are with the handler at once; more wait in arrival order. Latency counts from receipt,
/// waiting included: that is what the sender waits for against Kapso's 10 s limit. Runs on the shell's thread
/// (the transport's `exchanges`), only while `finished` is called.
final class DeliveryForwarder {
    /// How many deliveries are with the handler at once (docs/listen.md).
    static let limit = 16

    /// A delivery the handler is done with (or never got).
    struct Forwarded {
        var tag: Int
        var outcome: HandlerCall.Outcome
        /// Seconds it waited in listen for a free place before it was sent (0 when sent at once).
        var waited: Double
        /// False when listen stopped before sending it.
        var sent: Bool
    }

    private struct Waiting {
        var tag: Int
        var request: HTTPRequest
        var received: ContinuousClock.Instant
    }

    private let url: String
    private let exchanges: any HTTPExchanges
    private var waiting: [Waiting] = []
    /// Seconds waited by each delivery now with the handler, by tag.
    private var sentAfter: [Int: Double] = [:]

    init(to url: String, transport: any HTTPTransport) {
        self.url = url
        exchanges = transport.exchanges()
    }

    /// True while a delivery is with the handler or waiting for it.
    var isBusy: Bool { !waiting.isEmpty || !sentAfter.isEmpty }

    /// Sends `body` with `headers` (received at `received`) now, or when a place is free.
    func add(_ body: [UInt8], headers: [(name: String, value: String)], tag: Int, received: ContinuousClock.Instant) {
        waiting.append(Waiting(tag: tag, request: HandlerCall.request(body, headers: headers, to: url), received: received))
        startWaiting()
    }

    /// Works on the deliveries with the handler for up to `seconds`; those it is done with.
    func finished(waitingUpTo seconds: Double) -> [Forwarded] {
        guard !sentAfter.isEmpty else { return [] }
        let ended = exchanges.finished(waitingUpTo: seconds).map(forwarded)
        startWaiting()
        return ended
    }

    /// Abandons the deliveries with the handler (`.cancelled`) and drops the waiting ones (not sent).
    func stopAll() -> [Forwarded] {
        let abandoned = exchanges.cancelAll().map(forwarded)
        let dropped = waiting.map { Forwarded(tag: $0.tag, outcome: .failed(.cancelled(sent: false)), waited: 0, sent: false) }
        waiting = []
        return abandoned + dropped
    }

    private func forwarded(_ ended: (tag: Int, result: Result<HTTPResponse, TransportError>)) -> Forwarded {
        let waited = sentAfter.removeValue(forKey: ended.tag) ?? 0
        var outcome = HandlerCall.outcome(ended.result)
        if case .answered(let status, let seconds, let body, let headers) = outcome {
            outcome = .answered(status: status, seconds: seconds + waited, body: body, headers: headers)
        }
        return Forwarded(tag: ended.tag, outcome: outcome, waited: waited, sent: true)
    }

    private func startWaiting() {
        while sentAfter.count < Self.limit, !waiting.isEmpty {
            let next = waiting.removeFirst()
            let waited = Self.seconds(next.received.duration(to: .now))
            sentAfter[next.tag] = waited
            // Kapso's limit runs from when it sent, so a delivery that waited here has that much less of it.
            exchanges.start(next.request, tag: next.tag, timeout: max(HandlerCall.kapsoLimitSeconds - waited, 1))
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
