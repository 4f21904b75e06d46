/// An HTTP status pasted with words that say it is a webhook delivery's (`webhook failed: 401 Unauthorized`, `delivery
/// failed: HTTP 404`, `Kapso webhook delivery got 403 Forbidden from my server`): the answer the receiver gave Kapso's
/// request (a delivery's `response_status`, kapso-api.md §4), not Kapso's API's answer to a call (tester56 Z6: read as
/// "HTTP 401 from Kapso: the API key was refused", a 404 as an id of another kind).
public struct PastedDeliveryStatus: Sendable, Equatable {
    /// The status, 300–599.
    public var status: Int

    /// Reads `text`; nil unless it names a webhook delivery (or the receiver, endpoint, handler, callback, "my server")
    /// and holds a 3-digit status 300–599 that no count or time follows. A text with a Kapso or Graph path, or that names
    /// a call on webhooks (`webhooks create failed 422`), is the API's answer: nil.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        guard !lowered.hasPrefix("{"), !lowered.hasPrefix("[") else { return nil }
        if ["/platform/", "/meta/whatsapp", "api.kapso.ai", "graph.facebook.com"].contains(where: lowered.contains) { return nil }
        let words = lowered.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        let speaks = words.contains { Self.deliveryWords.contains($0) }
            || lowered.contains("my server") || lowered.contains("our server")
        guard speaks, !words.contains(where: Self.callWords.contains) else { return nil }
        for (index, word) in words.enumerated() where word.count == 3 && word.allSatisfy(\.isNumber) {
            guard let status = Int(word), (300...599).contains(status) else { continue }
            if index + 1 < words.count, PastedError.countingWords.contains(words[index + 1]) { continue }
            self.status = status
            return
        }
        return nil
    }

    /// What the receiver's answer means (`ErrorTriage.deliveryMeaning`).
    public var meaning: String { ErrorTriage.deliveryMeaning(status: status, at: "at the delivery's time") }

    /// What Kapso does after such an answer: kapso-api.md §10.3 (retries 10 s, 40 s and 90 s after each failure, as
    /// Kapso's docs and skills say; one third-party summary says 3 attempts in all) and §10.4 (automatic pausing when
    /// most deliveries of 15 minutes fail; single source).
    public static let kapsoThen = "Kapso counts the delivery as failed and retries it (10 s, 40 s and 90 s after each failure, "
        + "kapso-api.md §10.3); a webhook whose deliveries mostly fail may be paused (active: false, §10.4)"

    /// Words that say the status is a delivery's.
    static let deliveryWords: Set = [
        "webhook", "webhooks", "delivery", "deliveries", "endpoint", "receiver", "callback", "handler",
    ]

    /// Words that name a call on webhooks to Kapso's API, whose answer is Kapso's.
    static let callWords: Set = ["create", "creating", "created", "update", "updating", "delete", "deleting", "list", "listing"]
}
