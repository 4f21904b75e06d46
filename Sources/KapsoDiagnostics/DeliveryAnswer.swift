public import KapsoClient

/// What a webhook delivery's `response_status` says about the receiver's last answer: an HTTP status, or no HTTP
/// answer at all. `500` → `.status(500)`; `0`, `null` or no field → `.none`.
///
/// Every reading of a delivery's `response_status` goes through here (probe37 P37-5: a `0` was read as "the receiver's
/// handler failed (0)"). Sources: kapso-api.md §4, `response_status` is the "HTTP status of the last attempt; null when
/// no HTTP response (timeout/connection error)", and the delivery log holds no error text (log search's
/// `webhook_delivery` events may carry `error_class` and `error_message`, §6); a `0` is what HTTP clients record when
/// no status line came back (libcurl's CURLINFO_RESPONSE_CODE: "The stored value is zero if no server response code
/// has been received", curl.se/libcurl/c/CURLINFO_RESPONSE_CODE.html), so it is no status a handler gave. Kapso's
/// limit: "Your endpoint must return 200 OK within 10 seconds" (docs.kapso.ai/docs/platform/webhooks/overview;
/// gokapso/agent-plugins `plugins/kapso/skills/integrate-whatsapp/references/webhooks-overview.md`: "Timeout: the
/// endpoint did not respond within 10 seconds").
public enum DeliveryAnswer: Sendable, Equatable {
    /// The receiver (or a proxy in front of it) answered with this HTTP status.
    case status(Int)
    /// No HTTP answer: the connection was refused or never made, TLS failed, or nothing came back within 10 s.
    case none

    /// The reading of a recorded `response_status`; a status below 1 is no HTTP status.
    public init(_ responseStatus: Int?) {
        if let responseStatus, responseStatus > 0 { self = .status(responseStatus) } else { self = .none }
    }

    /// The reading of `delivery`'s `response_status`.
    public init(_ delivery: WebhookDelivery) {
        self.init(delivery.recordedResponseStatus)
    }

    /// The HTTP status, nil when none came back.
    public var httpStatus: Int? {
        if case .status(let status) = self { return status }
        return nil
    }

    /// `HTTP 500`, or `no HTTP response` for a list's cell or a count's label.
    public var label: String {
        httpStatus.map { "HTTP \($0)" } ?? Self.noResponseLabel
    }

    /// The short label of `.none`.
    public static let noResponseLabel = "no HTTP response"

    /// What `.none` means, in the words every command uses.
    public static let noResponse = "no HTTP response (connection failed or timed out)"

    /// What to check when a delivery got no HTTP answer; Kapso's own limit is 10 s.
    public static let noResponseChecks =
        "check that the URL is reachable from the internet (DNS, firewall, the server up: try it from outside your "
        + "network), that its TLS certificate is valid for that host (not expired, not self-signed), and that the "
        + "handler answers 200 within Kapso's 10 s (answer first, work afterwards)"

    /// `202, not 200: Kapso documents …`: what a handler's answer in time with a 2xx other than 200 means. Kapso's docs
    /// say the endpoint "must return 200 OK within 10 seconds" (docs.kapso.ai/docs/platform/webhooks); how it counts
    /// another 2xx is not documented (kapso-api.md §10.2 marks it uncertain), and its delivery records show both
    /// readings, so kops warns and does not call the answer failed (probe43 P43-12: `webhooks fire` said "not accepted"
    /// while `webhooks test` and `deliveries` showed the same handler's 202 delivered).
    public static func otherSuccessRemark(_ status: Int) -> String {
        "\(status), not 200: Kapso documents that the endpoint \"must return 200 OK within 10 seconds\" "
            + "(docs.kapso.ai/docs/platform/webhooks) and does not say how it counts another 2xx (its deliveries record such "
            + "an answer as delivered or as failed: 'deliveries' shows which); answer 200"
    }

    /// `no HTTP response (connection failed or timed out): Kapso's request got no answer at all, so the handler never
    /// judged the event; check …`: the meaning of `.none`.
    public static let noResponseMeaning =
        noResponse + ": Kapso's request got no answer at all (connection refused or never made, TLS handshake failed, "
        + "or nothing within 10 s), so no handler status was recorded; " + noResponseChecks

    /// `2 deliveries got no HTTP response (connection failed or timed out): …`, for a list that shows `count` such
    /// deliveries (attempted, with no answer); nil when none.
    public static func noResponseNote(count: Int) -> String? {
        guard count > 0 else { return nil }
        let which = count == 1 ? "1 delivery got" : "\(count) deliveries got"
        return "\(which) \(noResponse), shown as HTTP none: \(noResponseChecks)"
    }
}

extension WebhookDelivery {
    /// The last attempt's answer (`DeliveryAnswer`): the one reading of `response_status`.
    public var answer: DeliveryAnswer { DeliveryAnswer(self) }
}
