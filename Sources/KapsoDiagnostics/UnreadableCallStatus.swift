public import KapsoClient

/// API calls whose recorded `response_status` holds no HTTP status (`APILog.unreadableResponseStatus`: `"4e2"`, `-400`):
/// whether they failed is not known, so the error views cannot classify them and say so instead of dropping them
/// (tester63b AO7). Kapso documents the field as an integer
/// (https://docs.kapso.ai/api/platform/v1/api-logs/list-api-logs).
public enum UnreadableCallStatus {
    /// The value as shown in a list's STATUS cell.
    public static let cell = "unreadable"

    /// `2 calls hold a response_status kops cannot read ("4e2" at 2026-11-21T10:00:00Z; -400 at …): whether they
    /// failed is not known, so they are not classified`, naming up to 3; nil when every call's status is read.
    public static func note(_ logs: [APILog]) -> String? {
        let unread = logs.compactMap { log in log.unreadableResponseStatus.map { (log, $0) } }
        guard !unread.isEmpty else { return nil }
        let named = unread.prefix(3).map { log, value in
            ZonelessTime.shown(value.string.map { "\"\($0)\"" } ?? value.serialized()) + " at " + ZonelessTime.shown(log.createdAt)
        }
        let more = unread.count > 3 ? "; \(unread.count - 3) more" : ""
        return "\(unread.count == 1 ? "1 call holds" : "\(unread.count) calls hold") a response_status kops cannot read ("
            + named.joined(separator: "; ") + more + "): no HTTP status (Kapso records an integer), so whether "
            + (unread.count == 1 ? "it" : "they") + " failed is not known and " + (unread.count == 1 ? "it is" : "they are")
            + " not classified; 'logs' lists " + (unread.count == 1 ? "it" : "them")
    }
}
