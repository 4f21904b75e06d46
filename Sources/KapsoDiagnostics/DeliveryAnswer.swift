public import KapsoClient

/// What a webhook delivery's `response_status` says about the receiver's last answer: an HTTP status, no HTTP answer at
/// all, or a value kops cannot read. `500` and `"500"` → `.status(500)`; `0`, `null` or no field → `.none`; `-1`,
/// `1.5`, `"abc"` → `.unreadable` (tester54 V23: `"500"` and `-1` were "no HTTP response … check that the URL is
/// reachable", for a receiver that answered).
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
    /// A recorded value that is neither a status nor no answer, as recorded (`-1`, `"abc"`): not known what came back.
    case unreadable(String)

    /// The reading of a recorded `response_status`: 0 is no HTTP answer, 100–599 a status (RFC 9110 §15: three digits,
    /// the first 1–5), any other number unreadable.
    public init(_ responseStatus: Int?) {
        guard let responseStatus, responseStatus != 0 else {
            self = .none
            return
        }
        self = (100...599).contains(responseStatus) ? .status(responseStatus) : .unreadable(String(responseStatus))
    }

    /// The reading of `response_status` as the API sent it (kapso-api.md §4: an int, null for no answer): a number as
    /// `init(_:)` reads it, a status written as text as API logs' is read (`"500"`, `" 500"`, `"HTTP 500"`:
    /// `JSONValue.recordedHTTPStatus`, tester63b AO7), null or absent as no answer, anything else unreadable.
    public init(recorded value: JSONValue?) {
        guard let value, !value.isNull else {
            self = .none
            return
        }
        if let number = value.recordedHTTPStatus {
            self.init(number)
        } else {
            self = .unreadable(ZonelessTime.shown(value.string.map { "\"\($0)\"" } ?? value.serialized()))
        }
    }

    /// The reading of `delivery`'s `response_status`.
    public init(_ delivery: WebhookDelivery) {
        self.init(recorded: delivery.recordedResponseStatus)
    }

    /// The HTTP status, nil when none came back or the value is unreadable.
    public var httpStatus: Int? {
        if case .status(let status) = self { return status }
        return nil
    }

    /// `HTTP 500`, `no HTTP response`, or `unreadable response_status -1`, for a list's cell or a count's label.
    public var label: String {
        switch self {
        case .status(let status): "HTTP \(status)"
        case .none: Self.noResponseLabel
        case .unreadable(let shown): "unreadable response_status \(shown)"
        }
    }

    /// A list's HTTP cell: `500`, `none` (`noneCell`, which the list tells apart from no attempt), or `unreadable`.
    public func cell(none noneCell: String) -> String {
        switch self {
        case .status(let status): String(status)
        case .none: noneCell
        case .unreadable: Self.unreadableLabel
        }
    }

    /// The short label of `.none`.
    public static let noResponseLabel = "no HTTP response"

    /// The label of a value kops cannot read (`.unreadable`, an unreadable `attempt_count`), in cells and counts.
    public static let unreadableLabel = "unreadable"

    /// `4 attempts`, `1 attempt`, or `an unreadable number of attempts` (`WebhookDelivery.attemptCount` nil).
    public static func attempts(_ count: Int?) -> String {
        guard let count else { return "an unreadable number of attempts" }
        return count == 1 ? "1 attempt" : "\(count) attempts"
    }

    /// What an unreadable `response_status` says: nothing about the answer; never the no-answer advice.
    public static func unreadableMeaning(_ shown: String) -> String {
        "Kapso recorded response_status \(shown), which is no HTTP status (https://docs.kapso.ai/api/platform/v1/webhook-deliveries/list-webhook-deliveries: an int, null when no answer "
            + "came): whether the receiver answered is not known from it; log search (source webhook_delivery) may hold the "
            + "attempt's error"
    }

    /// `2 deliveries hold values kops cannot read, shown as unreadable (…): response_status -1 (2026-11-21T11:01:00Z);
    /// attempt_count 1.5 (…)`, for a list of `deliveries`; nil when every value is read.
    public static func unreadableNote(_ deliveries: [WebhookDelivery]) -> String? {
        var named: [String] = []
        var count = 0
        for delivery in deliveries {
            var values: [String] = []
            if case .unreadable(let shown) = delivery.answer { values.append("response_status \(shown)") }
            if delivery.attemptCount == nil {
                values.append("attempt_count " + (delivery.json["attempt_count"].map { ZonelessTime.shown($0.serialized()) } ?? "missing"))
            }
            guard !values.isEmpty else { continue }
            count += 1
            named.append(values.joined(separator: ", ") + " (\(ZonelessTime.shown(delivery.createdAt)))")
        }
        guard count > 0 else { return nil }
        return "\(count == 1 ? "1 delivery holds values" : "\(count) deliveries hold values") kops cannot read, shown as unreadable, "
            + "not as no answer or 0 tries (https://docs.kapso.ai/api/platform/v1/webhook-deliveries/list-webhook-deliveries: response_status an int or null, attempt_count an int): "
            + named.prefix(3).joined(separator: "; ") + (count > 3 ? "; \(count - 3) more" : "")
    }

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
