/// A 2xx other than 200 with which Kapso counted a delivery of the project delivered: the evidence that such a status is
/// not what failed another delivery. Kapso's docs ask for 200 and do not say how another 2xx counts (kapso-api.md §10.2
/// [uncertain]); a delivered one shows it is accepted, and that is Kapso's rule for every webhook of the project, so
/// another webhook's delivery is evidence too. The one reading `webhooks check`, `errors`, `health` and `overview` give
/// (tester58 AD4: a 204 blamed on its status beside the same handler's 202 delivered; tester58b AE4: `errors` still
/// blamed it, and `webhooks check` did when the 202 was another webhook's of the project).
public struct AcceptedAnswer: Sendable, Equatable {
    /// The HTTP status it was counted delivered with, 201–299.
    public var status: Int
    /// The other webhook's delivery it was; nil when it was the failing webhook's own.
    public var other: Other?

    /// A delivery of another webhook of the project, named by ids: its `webhook_url` may be the failing webhook's own
    /// URL (two webhooks, one receiver), so the URL alone does not say whose it was (tester59b AG3).
    public struct Other: Sendable, Equatable {
        /// The other webhook's id (`webhook_id`); empty when the API did not say.
        public var webhookID: String
        /// The delivery's id.
        public var deliveryID: String
        /// The URL it was sent to (`webhook_url`); empty when the API did not say.
        public var url: String
        /// True when `url` is the failing webhook's own URL.
        public var sameURL: Bool

        public init(webhookID: String, deliveryID: String, url: String, sameURL: Bool = false) {
            (self.webhookID, self.deliveryID, self.url, self.sameURL) = (webhookID, deliveryID, url, sameURL)
        }
    }

    public init(status: Int, other: Other? = nil) {
        self.status = status
        self.other = other
    }

    /// The evidence for a failure of the webhook whose deliveries are `own` and whose URL is `url`: the first of them
    /// counted delivered with a 2xx other than 200, else the first such of `project` (other webhooks' deliveries of the
    /// project); nil when none was. The oldest is taken, so the answer does not depend on the order the deliveries were
    /// read in.
    public static func among(
        own: [WebhookVerdict.Delivery], project: [WebhookVerdict.Delivery] = [], url: String = ""
    ) -> AcceptedAnswer? {
        if let first = oldestAccepted(own), let status = first.http { return AcceptedAnswer(status: status) }
        guard let first = oldestAccepted(project), let status = first.http else { return nil }
        let sameURL = !url.isEmpty && first.url == url
        return AcceptedAnswer(
            status: status, other: Other(webhookID: first.webhookID, deliveryID: first.id, url: first.url, sameURL: sameURL))
    }

    /// Whose delivery it was: `this webhook's 202`; `a 202 of another webhook of the project (webhook W, delivery D, to
    /// other.example.com/hook)`; or, sent to the failing webhook's own URL, `a 202 of another webhook of the project, sent to
    /// this same URL (webhook W, delivery D: two webhooks, one URL)`.
    public var whose: String {
        guard let other else { return "this webhook's \(status)" }
        let ids = [
            other.webhookID.isEmpty ? nil : "webhook \(other.webhookID)", other.deliveryID.isEmpty ? nil : "delivery \(other.deliveryID)",
        ].compactMap { $0 }.joined(separator: ", ")
        if other.sameURL {
            return "a \(status) of another webhook of the project, sent to this same URL (\(ids.isEmpty ? "" : ids + ": ")two webhooks, one URL)"
        }
        let to = other.url.isEmpty ? [] : ["to \(WebhookURL.short(other.url))"]
        let said = ([ids].filter { !$0.isEmpty } + to).joined(separator: ", ")
        return "a \(status) of another webhook of the project" + (said.isEmpty ? "" : " (\(said))")
    }

    /// The oldest of `deliveries` counted delivered with a 2xx other than 200.
    private static func oldestAccepted(_ deliveries: [WebhookVerdict.Delivery]) -> WebhookVerdict.Delivery? {
        deliveries.lazy.filter { $0.status == "delivered" && $0.http.map { (201..<300).contains($0) } == true }
            .min { ($0.created, $0.id) < ($1.created, $1.id) }
    }
}
