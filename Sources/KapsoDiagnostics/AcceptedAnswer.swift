/// A 2xx other than 200 with which Kapso counted a delivery of the project delivered: the evidence that such a status is
/// not what failed another delivery. Kapso's docs ask for 200 and do not say how another 2xx counts (kapso-api.md §10.2
/// [uncertain]); a delivered one shows it is accepted, and that is Kapso's rule for every webhook of the project, so
/// another webhook's delivery is evidence too. The one reading `webhooks check`, `errors`, `health` and `overview` give
/// (tester58 AD4: a 204 blamed on its status beside the same handler's 202 delivered; tester58b AE4: `errors` still
/// blamed it, and `webhooks check` did when the 202 was another webhook's of the project).
public struct AcceptedAnswer: Sendable, Equatable {
    /// The HTTP status it was counted delivered with, 201–299.
    public var status: Int
    /// The URL of the other webhook whose delivery it was (`webhook_url`); nil when it was the failing webhook's own.
    public var otherURL: String?

    public init(status: Int, otherURL: String? = nil) {
        self.status = status
        self.otherURL = otherURL
    }

    /// The evidence for a failure of the webhook whose deliveries are `own`: the first of them counted delivered with a
    /// 2xx other than 200, else the first such of `project` (other webhooks' deliveries of the project); nil when none was.
    /// The oldest is taken, so the answer does not depend on the order the deliveries were read in.
    public static func among(own: [WebhookVerdict.Delivery], project: [WebhookVerdict.Delivery] = []) -> AcceptedAnswer? {
        if let first = oldestAccepted(own), let status = first.http { return AcceptedAnswer(status: status) }
        guard let first = oldestAccepted(project), let status = first.http else { return nil }
        return AcceptedAnswer(status: status, otherURL: first.url)
    }

    /// `this webhook's 202` or `a 202 of another webhook of the project (other.example.com/hook)`: whose delivery it was.
    public var whose: String {
        guard let otherURL else { return "this webhook's \(status)" }
        let name = otherURL.isEmpty ? "" : " (\(WebhookURL.short(otherURL)))"
        return "a \(status) of another webhook of the project\(name)"
    }

    /// The oldest of `deliveries` counted delivered with a 2xx other than 200.
    private static func oldestAccepted(_ deliveries: [WebhookVerdict.Delivery]) -> WebhookVerdict.Delivery? {
        deliveries.lazy.filter { $0.status == "delivered" && $0.http.map { (201..<300).contains($0) } == true }
            .min { ($0.created, $0.id) < ($1.created, $1.id) }
    }
}
