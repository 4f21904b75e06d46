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
    }

    public var kind: Kind
    /// When the change came (Unix seconds), nil when its time is unreadable.
    public var time: Int64?
    /// The edit's or revoke's own WAMID.
    public var id: String

    /// The changes of the message `id` among `messages` (the contact's, any order), oldest first: edits and revokes
    /// whose `original_message_id` (or, for an edit, `context.id`) is `id`.
    public static func of(_ id: String, in messages: [Message]) -> [MessageChange] {
        messages.compactMap { other -> MessageChange? in
            guard other.isInbound, other.id != id else { return nil }
            let json = other.json
            switch other.type {
            case "edit":
                let payload = json["edit"]?.object
                guard (payload?["original_message_id"]?.string ?? json["context"]?["id"]?.string) == id else { return nil }
                var inner = payload?["message"]?.object ?? [:]
                if inner["type"] == nil, inner["text"] != nil { inner["type"] = "text" }
                let text = inner["type"] == nil ? "content not given" : MessageSummary.text(of: inner)
                return MessageChange(kind: .edited(text), time: other.time, id: other.id)
            case "revoke", "revoked":
                guard json["revoke"]?["original_message_id"]?.string == id || json["revoked"]?["original_message_id"]?.string == id
                else { return nil }
                return MessageChange(kind: .deleted, time: other.time, id: other.id)
            default:
                return nil
            }
        }
        .sorted { ($0.time ?? .max) < ($1.time ?? .max) }
    }

    /// The field's label: `edited` or `deleted`.
    public var label: String {
        switch kind {
        case .edited: "edited"
        case .deleted: "deleted"
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
        }
    }
}
