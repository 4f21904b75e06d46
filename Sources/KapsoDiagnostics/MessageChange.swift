public import KapsoClient

/// What the contact did later to a message they wrote: edited it or deleted it. Meta sends each as a message of its own
/// that names the one it changes: `edit` ("A WhatsApp user edits a previously sent message (text, media with caption)",
/// `edit.original_message_id` and the new `edit.message`; Meta's edit webhook reference,
/// developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/edit) and `revoke`
/// ("A WhatsApp user revokes (deletes) a previously sent message", `revoke.original_message_id`; …/messages/revoke).
/// Kapso stores them as inbound messages (kapso-api.md §7.3), so the original is shown as if current unless they are
/// read with it (probe9 P9-14).
///
/// `MessageChange.of("wamid.A", in: messages)` → `[edited at 2026-11-20T10:00:00Z to: Order 77 to Oak St]`.
public struct MessageChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The new content, summarised (`MessageSummary`).
        case edited(String)
        case deleted
        /// The message an edit changes was withdrawn (`revoke`), and with it every version of it, this edit's too.
        case originalDeleted
    }

    public var kind: Kind
    /// When the change came (Unix seconds), nil when its time is unreadable.
    public var time: Int64?
    /// The edit's or revoke's own WAMID.
    public var id: String

    /// The changes of the message `id` among `messages` (the contact's, any order), oldest first: edits and revokes
    /// whose `original_message_id` (or, for an edit, `context.id`) is `id`.
    public static func of(_ id: String, in messages: [Message]) -> [MessageChange] {
        messages.compactMap { other in change(in: other).flatMap { $0.original == id && other.id != id ? $0.change : nil } }
            .sorted { ($0.time ?? .max) < ($1.time ?? .max) }
    }

    /// The changes a view of `message` states (`message`, `trace`): its own (`of`), and for an edit, the withdrawal of the
    /// message it edits (tester69 C5: an edit's view showed the withdrawn text as current, with no note, while `messages`
    /// hid it as withdrawn).
    public static func shown(for message: Message, in messages: [Message]) -> [MessageChange] {
        var found = of(message.id, in: messages)
        if let (original, change) = change(in: message), case .edited = change.kind,
            let withdrawn = of(original, in: messages).first(where: { $0.kind == .deleted })
        {
            found.append(MessageChange(kind: .originalDeleted, time: withdrawn.time, id: withdrawn.id))
        }
        return found
    }

    /// Every message's changes among `messages`, by the changed message's WAMID, each oldest first: one pass, for
    /// a list (`messages` marks the rows whose content was edited or withdrawn later on the same page).
    /// `earlier`: those found on the pages listed before (newest first, so an edit lists before its original), kept
    /// beside this page's (tester47 L2: an original on the page after its edit's showed its old text unmarked).
    public static func byOriginal(in messages: [Message], earlier: [String: [MessageChange]] = [:]) -> [String: [MessageChange]] {
        var found = earlier
        for other in messages {
            guard let (original, change) = change(in: other), original != other.id,
                found[original]?.contains(where: { $0.id == change.id }) != true
            else { continue }
            found[original, default: []].append(change)
        }
        return found.mapValues { $0.sorted { ($0.time ?? .max) < ($1.time ?? .max) } }
    }

    /// The content a list shows for a message with `changes`: its own when none; when the contact withdrew it, that it
    /// was withdrawn instead of the content (which must not look current, nor be copied into a ticket); when edited,
    /// the old text and the newest one: `my order is 1234 → edited: my order is 1243`.
    public static func listed(_ content: String, changes: [MessageChange]) -> String {
        if let deleted = changes.first(where: { $0.kind == .deleted }) {
            return "(withdrawn by the contact" + (deleted.time.map { " at \(KapsoTime.iso($0))" } ?? "") + "; 'message' shows what it was)"
        }
        guard case .edited(let text)? = changes.last?.kind else { return content }
        return "\(content) → edited: \(text)"
    }

    /// The content a list shows for `message` among a page whose changes are `byOriginal`: an original as `listed`
    /// says; an edit of a message the contact withdrew later names that instead of the withdrawn text (every version
    /// of it is withdrawn, probe14 P14-16); an edit a later edit replaced says so after its text; anything else its
    /// own `content`.
    public static func listed(_ message: Message, content: String, byOriginal: [String: [MessageChange]]) -> String {
        if let own = byOriginal[message.id] { return listed(content, changes: own) }
        guard let (original, change) = change(in: message), case .edited = change.kind, let all = byOriginal[original] else {
            return content
        }
        if let deleted = all.first(where: { $0.kind == .deleted }) {
            return "(an edit of a message the contact withdrew" + (deleted.time.map { " at \(KapsoTime.iso($0))" } ?? "")
                + "; 'message' shows what it was)"
        }
        let edits = all.filter { if case .edited = $0.kind { true } else { false } }
        guard let newest = edits.last, newest.id != message.id else { return content }
        return content + " (replaced by a later edit)"
    }

    /// The message `other` changes and how, when it is an inbound edit or revoke naming one.
    private static func change(in other: Message) -> (original: String, change: MessageChange)? {
        guard other.isInbound else { return nil }
        let json = other.json
        switch other.type {
        case "edit":
            let payload = json["edit"]?.object
            guard let original = payload?["original_message_id"]?.string ?? json["context"]?["id"]?.string else { return nil }
            var inner = payload?["message"]?.object ?? [:]
            if inner["type"] == nil, inner["text"] != nil { inner["type"] = "text" }
            let text = inner["type"] == nil ? "content not given" : MessageSummary.text(of: inner)
            return (original, MessageChange(kind: .edited(text), time: other.time, id: other.id))
        case "revoke", "revoked":
            guard let original = json["revoke"]?["original_message_id"]?.string ?? json["revoked"]?["original_message_id"]?.string
            else { return nil }
            return (original, MessageChange(kind: .deleted, time: other.time, id: other.id))
        default:
            return nil
        }
    }

    /// The field's label: `edited` or `deleted`.
    public var label: String {
        switch kind {
        case .edited: "edited"
        case .deleted, .originalDeleted: "deleted"
        }
    }

    /// `at 2026-11-20T10:00:00Z to: Order 77 to Oak St`, `by the contact at 2026-11-21T11:00:00Z (revoke): …`.
    public var text: String {
        let at = time.map { "at \(KapsoTime.iso($0))" } ?? "at an unreadable time"
        switch kind {
        case .edited(let content): return "\(at) to: \(content)"
        case .deleted:
            // Meta's On-Premises notifications said of a `deleted` message: delete any copy (docs/messages-trace-reply.md).
            return "by the contact \(at) (revoke): the content above is withdrawn, not current; delete any copy of it"
        case .originalDeleted:
            return "by the contact \(at) (revoke of the message this edits): the content above is withdrawn with it, not "
                + "current; delete any copy of it"
        }
    }
}
