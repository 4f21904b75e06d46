internal import Foundation
internal import KapsoClient

/// An HTTP status pasted with words that say it may be a webhook delivery's (`webhook failed: 401 Unauthorized`, `our
/// endpoint returned 500 to the webhook`): the answer the receiver gave Kapso's request (a delivery's `response_status`,
/// kapso-api.md §4), which Kapso's API's answer to a call is not (tester56 Z6: read as "HTTP 401 from Kapso: the API key
/// was refused", a 404 as an id of another kind).
///
/// Kapso's own words keep the text the API's (tester56b AA1: `404 Webhook not found` is Kapso's answer to a webhook
/// id, kapso-api.md §1.5): a documented Kapso text (`KapsoStatusReading.documentedStatus`), an API key, a JSON body,
/// "from kapso", or a Graph code beside the status. Only a status HTTP defines is read (`error 470` is Meta's old code).
public struct PastedDeliveryStatus: Sendable, Equatable {
    /// How surely the words make the status a delivery's.
    public enum Reading: Sendable, Equatable {
        /// The receiver's side is named (`receiver`, `endpoint`, `handler`, `callback`, `my server`, `webhook delivery`):
        /// the receiver's answer.
        case receiver
        /// Only `webhook` or `delivery`: a webhook call to Kapso's API (`webhooks create`) fits too, so both readings.
        case either
    }

    /// The status, one HTTP defines (a 2xx success too: the receiver's answer Kapso may not count, tester66 W3).
    public var status: Int
    public var reading: Reading
    /// The pasted delivery row's own `status` (`failed`, `pending`, `delivered`), nil for words.
    public var rowStatus: String? = nil

    /// Reads `text`; nil unless it speaks of a webhook, a delivery or the receiver and holds a status no count or time
    /// follows, with none of Kapso's own words.
    public init?(_ text: String) {
        if let (status, row) = Self.rowStatus(text) {
            (self.status, reading, rowStatus) = (status, .receiver, row)
            return
        }
        let lowered = text.lowercased()
        if ["{", "#", "/platform/", "/meta/whatsapp", "api.kapso.ai", "graph.facebook.com", "api key", "api_key", "from kapso"]
            .contains(where: lowered.contains) || KapsoStatusReading.documentedStatus(of: text) != nil
        {
            return nil
        }
        let words = lowered.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }.map(String.init)
        // A message's delivery is WhatsApp's, not a webhook's.
        let delivery = words.indices.contains { ["delivery", "deliveries"].contains(words[$0]) && ($0 == 0 || words[$0 - 1] != "message") }
        let webhook = words.contains { $0 == "webhook" || $0 == "webhooks" }
        let receiver = words.contains { Self.receiverWords.contains($0) }
            || lowered.contains("my server") || lowered.contains("our server") || (webhook && delivery)
        guard receiver || webhook || delivery, !words.contains(where: Self.callWords.contains) else { return nil }
        // `response_status` names a delivery's HTTP answer: any status HTTP can carry is one, 1xx and unassigned ones too
        // (tester66b X6: `response_status: 100` was read as Graph code 100).
        let field = words.contains("response_status")
        // A Graph code beside the status (`webhook failed: 131047`): explain's code reading has it.
        if words.contains(where: { $0.count >= 6 && $0.allSatisfy(\.isNumber) }) { return nil }
        for (index, word) in words.enumerated() where word.count == 3 && word.allSatisfy(\.isNumber) {
            guard let status = Int(word),
                Self.httpStatuses.contains(status) || Self.successStatuses.contains(status) || (field && Self.anyStatus.contains(status))
            else { continue }
            if index + 1 < words.count, PastedError.countingWords.contains(words[index + 1]) { continue }
            (self.status, reading) = (status, receiver ? .receiver : .either)
            return
        }
        return nil
    }

    /// What the receiver's answer means (`ErrorTriage.deliveryMeaning`); a 2xx not on a row Kapso marked failed is said
    /// as what Kapso documents (`successMeaning`), not as a failure kops does not know of.
    public var meaning: String {
        if delivered { return Self.deliveredMeaning(status) }
        if (100..<200).contains(status) { return Self.informationalMeaning(status) }
        if (200..<300).contains(status), rowStatus != "failed" { return Self.successMeaning(status) }
        return ErrorTriage.deliveryMeaning(status: status, logs: .pasted)
    }

    /// True for a pasted row Kapso marked `delivered` with a 2xx: nothing failed (tester66b X6).
    public var delivered: Bool { rowStatus == "delivered" && (200..<300).contains(status) }

    /// What Kapso does after the answer (`kapsoThen`), hedged for a 2xx not on a row marked failed: whether Kapso counted
    /// it as failed is not known from the words.
    public var then: String {
        if delivered { return "nothing: Kapso retries only failed attempts, and this delivery reached the receiver" }
        guard (200..<300).contains(status), rowStatus != "failed" else { return Self.kapsoThen }
        return "if Kapso counted it as failed, it retries it: \(WebhookVerdict.retrySchedule); a webhook whose deliveries mostly "
            + "fail may be paused (active: false)"
    }

    /// A receiver's 2xx answer as Kapso documents it: "Your endpoint must return 200 OK within 10 seconds"
    /// (https://docs.kapso.ai/docs/platform/webhooks; kapso-api.md §10.2), and nothing on another 2xx (§13). A queue-and-ack
    /// handler answering 202 or 204 is read with that caveat, never as "no error" (tester66 W3).
    static func successMeaning(_ status: Int) -> String {
        if status == 200 {
            return "the receiver answered 200 OK, the answer Kapso documents as success (\"must return 200 OK within 10 seconds\", "
                + "https://docs.kapso.ai/docs/platform/webhooks); if this delivery still failed or was retried, the likely cause "
                + "(not recorded) is that the answer came after 10 s: answer first, work afterwards"
        }
        return "the receiver answered \(status), a success in HTTP but not the 200 Kapso documents: the endpoint \"must return 200 "
            + "OK within 10 seconds\" (https://docs.kapso.ai/docs/platform/webhooks), and Kapso does not document how it counts "
            + "another 2xx; if this delivery failed or was retried, answer 200 (an answer after 10 s fails too: answer first, "
            + "work afterwards)"
    }

    /// A delivered row's answer: `delivered: the receiver answered 202 and Kapso counted the delivery as delivered, so
    /// nothing failed` (a 2xx other than 200 named as such: Kapso documents 200, kapso-api.md §10.2).
    static func deliveredMeaning(_ status: Int) -> String {
        "delivered: the receiver answered \(status) and Kapso counted the delivery as delivered, so nothing failed"
            + (status == 200 ? "" : " (Kapso documents 200 as success; this \(status) was counted delivered all the same)")
    }

    /// A 1xx `response_status`: HTTP's interim answers, never a final one (RFC 9110 section 15.2: "an interim response for
    /// communicating connection status or request progress prior to completing the requested action").
    static func informationalMeaning(_ status: Int) -> String {
        "the receiver's answer was \(status), an informational (1xx) status: HTTP defines it as an interim answer sent before "
            + "the final one (RFC 9110 section 15.2), so this is not the handler's verdict on the event and not Graph code \(status); "
            + "Kapso counts only a 200 within 10 s (https://docs.kapso.ai/docs/platform/webhooks): check that the handler "
            + "sends its final 200 in time (a proxy answering 100 Continue and then nothing looks like this)"
    }

    /// What Kapso does after such an answer: kapso-api.md §10.3, where the sources disagree (Kapso's docs and skills:
    /// retries 10 s, 40 s and 90 s after each failure; a third-party summary of the newer "Delivery" page: 3 attempts in
    /// all, now, +10 s and +40 s), so both are said (tester56b AA1's low: stated as fact), and §10.4 (automatic pausing
    /// when most deliveries of 15 minutes fail; single source).
    public static let kapsoThen = "Kapso counts the attempt as failed and retries it: \(WebhookVerdict.retrySchedule); a webhook "
        + "whose deliveries mostly fail may be paused (active: false)"

    /// The `response_status` of a pasted delivery row (`{"status": "failed", "response_status": 401, …}`, as `deliveries
    /// --output json` prints one; kapso-api.md §4): the receiver's answer to Kapso's delivery. Nil for other text, a body
    /// with an `error`, or a number outside HTTP's 100–599.
    private static func rowStatus(_ text: String) -> (Int, String?)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let row = tableRowStatus(trimmed) { return row }
        guard trimmed.first == "{" || trimmed.first == "[", let json = PastedError.json(trimmed)?.json else { return nil }
        for row in [json, json["data"]?[0], json[0]].compactMap({ $0 }) where row.object != nil && row["error"] == nil {
            guard let value = row["response_status"] else { continue }
            // The row names the field, so any status HTTP can carry is its answer (tester66b X6); a delivered row is read
            // as delivered (`delivered`), not refused as no code.
            guard let status = value.int ?? value.string.flatMap({ Int($0) }), anyStatus.contains(status) else { return nil }
            return (status, row["status"]?.string)
        }
        return nil
    }

    /// The HTTP answer and status of a row of kops's own `deliveries` table (`2026-11-20T14:30:06Z
    /// whatsapp.message.received  delivered  200  1  2026-11-20T14:30:06Z  hooks.acme-demo.test/…`): an event name, then a
    /// delivery's status word and its answer, the TRIES column after it (tester67b Z3: the tries were read as Graph codes
    /// 1 and 2, "Meta's service is down"). Nil for any other text.
    static func tableRowStatus(_ text: String) -> (Int, String?)? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let event = words.firstIndex(where: { $0.hasPrefix("whatsapp.") && $0.count > "whatsapp.".count }),
            event + 2 < words.count, ["delivered", "failed", "pending"].contains(words[event + 1]),
            let status = Int(words[event + 2]), words[event + 2].count == 3, anyStatus.contains(status)
        else { return nil }
        return (status, words[event + 1])
    }

    /// The success statuses HTTP defines (RFC 9110 §15.3, RFC 4918's 207, RFC 5842's 208, RFC 3229's 226): a receiver's
    /// answer too, which Kapso documents only as 200.
    static let successStatuses: Set<Int> = Set(200...208).union([226])

    /// The three-digit range HTTP status codes take (RFC 9110 section 15: "a three-digit integer", classes 1xx to 5xx).
    static let anyStatus = 100...599

    /// Words that name the receiver's side.
    static let receiverWords: Set = ["receiver", "endpoint", "callback", "handler", "response_status"]

    /// Words that name a call on webhooks to Kapso's API, whose answer is Kapso's.
    static let callWords: Set = [
        "create", "creating", "created", "update", "updating", "delete", "deleting", "list", "listing", "sending", "send",
    ]

    /// The statuses HTTP defines from 300 (RFC 9110 §15, RFC 6585's 428/429/431, RFC 7725's 451) and Cloudflare's
    /// 520–527 and 530, which receivers behind it answer (`ErrorTriage.cloudflareMeaning`).
    static let httpStatuses: Set<Int> = Set(300...308).union(400...418).union([421, 422, 423, 424, 425, 426, 428, 429, 431, 451])
        .union(500...508).union([510, 511]).union(520...527).union([530])
}
