public import KapsoClient

/// Kapso's own processing of a message (`kapso.processing_status`), apart from Meta's delivery statuses. Values differ
/// by source (kapso-api.md §7.3 and gotcha 14: SPEC `pending|processed|blocked`, PROXY `pending|processing|completed|
/// failed`; webhooks show `pending`/`completed`), so they are read as open strings. `failed` and `blocked` are Kapso's
/// failure states for a message outside Meta's error path: its webhooks may not have gone out, so an integrator's bot
/// may never have seen a received one (probe23 P23-3: `errors` said "nothing failed" while Kapso recorded a failed and a
/// blocked inbound). Kapso does not document what `blocked` means exactly, so kops says so.
public enum ProcessingStatus {
    /// `failed` or `blocked` when the message's `kapso.processing_status` is one of them; nil otherwise.
    public static func failure(of message: JSONObject) -> String? {
        guard let status = message["kapso"]?["processing_status"]?.string?.lowercased(), ["failed", "blocked"].contains(status)
        else { return nil }
        return status
    }

    /// The error label of such a message in `errors`: `processing_status failed`.
    public static func label(_ status: String) -> String { "processing_status \(status)" }

    /// What `status` (`failed`, `blocked`) means for `message` and what to do, e.g. `Kapso's processing of this received
    /// message failed (kapso.processing_status failed): its webhooks may not have gone out, so your webhook receiver may
    /// never have seen it; 'trace wamid.…' shows its deliveries`.
    public static func meaning(_ status: String, message: JSONObject) -> String {
        let id = message["id"]?.string ?? "?"
        let inbound = MessageDirection(message: message).side == .inbound
        let what = inbound ? "this received message" : "this message"
        let head = status == "blocked"
            ? "Kapso blocked its processing of \(what) (kapso.processing_status blocked; Kapso does not document the cause)"
            : "Kapso's processing of \(what) failed (kapso.processing_status failed)"
        let effect = inbound ? "its webhooks may not have gone out, so your webhook receiver may never have seen it"
            : "Kapso's status '\(message["kapso"]?["status"]?.string ?? "?")' may not be the whole story and its webhooks may not have gone out"
        return head + ": " + effect + "; '\(ShellWord.command("trace", id))' shows its statuses and deliveries"
    }
}
