public import KapsoClient

/// A failure about the sending number or its account at one moment (its Meta token, billing, a lock or restriction, its
/// registration), followed by a later send from the same number that reached a contact's phone: the cause was there then
/// and is gone now, so the failed message needs resending, not the account fix the code's catalogue entry gives (probe39
/// P39-16: "reconnect the number" for a 190 at 10:00 on a number that delivered and read a send at 11:30).
///
/// The codes and what a later delivery proves (Meta, WhatsApp Cloud API error codes,
/// developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes):
/// - 190 "Access token has expired": the token the send used was refused; a later send Meta accepted and delivered was
///   made with a token that works;
/// - 131042 "Business eligibility payment issue": a later *billable* send (`pricing.billable: true` on its status, Meta's
///   status webhook reference) that was delivered was charged, so billing works; a free service message proves nothing;
/// - 131031 "Account has been locked", 368 "Temporarily blocked for policies violations", 133010 "Phone number not
///   registered", 131045 "Incorrect certificate": a later delivery shows the number sends again.
public struct LaterSuccess: Sendable, Equatable {
    /// The failure's code (one of `codes`), and when it failed (Unix seconds).
    public var code: String
    public var failedAt: Int64
    /// The later send that reached a phone, its recipient, its furthest status and when it first reached the device.
    public var messageID: String
    public var recipient: String?
    public var status: String
    public var at: Int64

    /// The codes read so: what a failure with each says about the number, and what works again after a later delivery.
    public static let codes: [String: (works: String, unless: String)] = [
        "190": ("the number's token works now", "reconnect the number only if 190 comes back"),
        "131042": ("billing works now (a later billable send was delivered)", "fix billing only if 131042 comes back"),
        "131031": ("the account is no longer locked", "act on 131031 only if it comes back"),
        "368": ("the restriction is lifted", "act on 368 only if it comes back"),
        "133010": ("the number is registered again", "register it only if 133010 comes back"),
        "131045": ("the number's registration works again", "register it only if 131045 comes back"),
    ]

    /// The later success after `failed` (an outbound message whose failure's code is one of `codes`) among `listed` (the
    /// number's outbound messages, any order): the earliest send from the same number after the failure whose status says
    /// it reached a device, billable for 131042; nil when none, or when the failure is none of those codes.
    public static func of(_ failed: Message, among listed: [Message]) -> LaterSuccess? {
        guard failed.isOutbound else { return nil }
        let history = StatusHistory(message: failed)
        guard StatusWord(history.latest?.status ?? failed.status) == .failed || failed.status == "failed",
            let code = MessageError.primary(of: MessageError.ofFailure(failed.json, history: history))?.code, codes[code] != nil,
            let failedAt = history.failures.compactMap(\.time).max() ?? failed.time
        else { return nil }
        let found = listed.compactMap { message -> LaterSuccess? in
            guard message.isOutbound, message.id != failed.id, let time = message.time, time >= failedAt,
                message.phoneNumberID != nil, message.phoneNumberID == failed.phoneNumberID,
                WindowEvidence(message, now: nil).appOrigin == nil
            else { return nil }
            let events = StatusHistory(message: message).events
            guard let reached = events.first(where: { StatusWord($0.status).reachedDevice && $0.time != nil }), let at = reached.time,
                at > failedAt
            else { return nil }
            if code == "131042" {
                let billable = (message.json["kapso"]?["statuses"]?.array ?? []).contains { $0["pricing"]?["billable"] == .bool(true) }
                guard billable else { return nil }
            }
            let furthest = StatusHistory(message: message).latest?.status ?? reached.status
            return LaterSuccess(
                code: code, failedAt: failedAt, messageID: message.id,
                recipient: message.json["to"]?.string ?? message.contact,
                status: StatusWord(furthest).reachedDevice ? furthest : reached.status, at: at)
        }
        return found.min { $0.at < $1.at }
    }

    /// `a past failure: since then this number's send to 14155552702 (wamid…) was read (delivered 2026-11-21T11:30:02Z),
    /// so the number's token works now: resend this message; reconnect the number only if 190 comes back`.
    public var text: String {
        let what = Self.codes[code] ?? ("the number sends again", "act on \(code) only if it comes back")
        let to = recipient.map { " to \($0)" } ?? ""
        return "a past failure (at \(KapsoTime.iso(failedAt))): since then this number's send\(to) (\(messageID)) was \(status) "
            + "(reached the phone at \(KapsoTime.iso(at))), so \(what.works): resend this message; \(what.unless)"
    }
}
