public import KapsoClient

/// Kapso's per-conversation send lock held far longer than "a moment" (probe19 P19-7).
///
/// Kapso answers a send with 409 `{"error": "Another message is already in-flight for this conversation. Please retry
/// shortly."}` while another send to the same conversation is in progress: a "per-conversation send lock; retry
/// shortly" (kapso-api.md §9.3). The same 409 repeated over `heldAfter` or more is no longer that: the lock is held, and
/// the likely holder is an earlier send to that conversation that never finished (still `pending`). Which send holds the
/// lock is kops's inference: Kapso does not name it.
public enum SendLock {
    /// The span of repeated 409s (seconds) after which "retry in a moment" is wrong: 5 min.
    public static let heldAfter: Int64 = 300

    /// The meaning of a group of `count` 409 answers from `first` to `last` (Unix seconds) on `phoneNumberID`, when they
    /// span `heldAfter` or more; nil otherwise (the catalogue's "retry in a moment" stands). `outbound` are the
    /// number's outbound messages read (any status); those still `pending` and sent before `last` are named as the
    /// likely holders, newest conversation first, at the API's clock `now`. E.g. `409 answered 5 times over 20 min
    /// (2026-11-21T11:30:00Z to 11:50:00Z): Kapso's send lock on the conversation is held, not released in a moment
    /// (kapso-api.md §9.3: a per-conversation lock to retry shortly); likely holder: message wamid.… to Contact A, pending
    /// since 2026-11-21T11:20:00Z (40 min): 'trace wamid.…'; if it stays pending, ask Kapso support with its id`.
    public static func held(
        count: Int, first: Int64, last: Int64, phoneNumberID: String?, outbound: [Message], now: Int64
    ) -> String? {
        guard count > 1, last - first >= heldAfter else { return nil }
        var text = "409 answered \(count) times over \(Elapsed.text(last - first)) (\(KapsoTime.iso(first)) to \(KapsoTime.iso(last))): "
            + "Kapso's send lock on the conversation is held, not released in a moment "
            + "(a per-conversation lock to retry shortly, https://docs.kapso.ai/api-reference/meta-proxy)"
        let pending = pendingSends(on: phoneNumberID, before: last, outbound: outbound, now: now)
        guard let holder = pending.first, let since = MessageTime(holder, now: now).seconds else {
            return text + "; no send pending on \(phoneNumberID ?? "the number") was found among the messages read: "
                + "ask Kapso support with the times of these calls"
        }
        let to = holder.contactName.map { " to \($0)" } ?? holder.contact.map { " to +\($0)" } ?? ""
        text += "; likely holder: message \(holder.id)\(to), pending since \(KapsoTime.iso(since)) (\(Elapsed.text(now - since))): "
            + "'trace \(holder.id)'; if it stays pending, ask Kapso support with its id"
        if pending.count > 1 { text += " (\(pending.count - 1) more pending on this number)" }
        return text
    }

    /// The sends of `outbound` still `pending` on `phoneNumberID` (any number when nil) that were sent at `before` or
    /// earlier, oldest first: the first is the likely holder of the lock (`held`).
    public static func pendingSends(on phoneNumberID: String?, before last: Int64, outbound: [Message], now: Int64) -> [Message] {
        outbound.filter { message in
            !message.isInbound && message.status == "pending"
                && (phoneNumberID == nil || message.phoneNumberID == phoneNumberID)
                && (MessageTime(message, now: now).seconds.map { $0 <= last } ?? false)
        }
        .sorted { (MessageTime($0, now: now).seconds ?? 0) < (MessageTime($1, now: now).seconds ?? 0) }
    }

    /// The phone-number id in a send path (`/meta/whatsapp/v24.0/100200300400501/messages` → `100200300400501`), nil
    /// for any other path.
    public static func phoneNumberID(inPath path: String) -> String? {
        let parts = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        guard parts.count >= 2, parts.last == "messages" else { return nil }
        let id = parts[parts.count - 2]
        return !id.isEmpty && id.allSatisfy({ $0.isASCII && $0.isNumber }) ? id : nil
    }
}
