public import KapsoClient

/// What a received `unsupported` message was, and what its error code says about it.
///
/// Meta's "Unsupported messages webhook reference"
/// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/unsupported; copy:
/// support.chatarchitect.com/books/meta-whatsapp/page/unsupported-messages-webhook-reference-developer-documentation)
/// gives the message `"type": "unsupported"`, `"unsupported": {"type": ...}` and one of two codes:
/// - 131051, "Cloud API does not support the message type" (title "Message type unknown");
/// - 131060, "The message is currently unavailable. This typically occurs when a WhatsApp user messages a business
///   onboarded with a WhatsApp Business app phone number, for the first time" (often right after tapping a
///   Click-to-WhatsApp ad): nothing about the type.
///
/// `unsupported.type` values include `image`, `location`, `interactive`, `reaction`, `order`: types the Cloud API does
/// deliver in their ordinary form, so under 131051 such a value is a kind of that type the API does not pass on (a
/// view-once image, a live location), never "images are not delivered"; `pin` and `keep_in_chat` are actions on a
/// message, not messages; `edit` and `poll` are not lost media (asking the contact to "send it again" is the wrong
/// advice); `ephemeral` is a disappearing message, which WhatsApp does not pass on while the sender has disappearing
/// messages on for the chat (BizMagnets, "Unsupported Messages", docs.bizmagnets.ai/whatsapp-channel/unsupported-messages:
/// "conflicts with disappearing messages"), so the fix is the contact's chat setting.
///
/// The cause follows the error CODE (`reading(type:error:)`), never the type alone: the type only says which kind of
/// content a 131051 refers to, and a code kops does not know gets no cause at all.
public enum UnsupportedContent {
    /// `edit`, `poll`, ... as Meta wrote it, or nil when the message says nothing about it.
    public static func type(of message: JSONObject) -> String? {
        guard message["type"]?.string == "unsupported" || message["unsupported"] != nil else { return nil }
        guard let type = message["unsupported"]?["type"]?.string, !type.isEmpty else { return nil }
        return type
    }

    /// Types the Cloud API delivers in their ordinary form (kapso-api.md §7.3 `type`; Meta's messages webhook reference):
    /// an `unsupported.type` among them is a kind of that type the API does not pass on.
    static let deliveredTypes: Set = [
        "text", "image", "video", "audio", "document", "sticker", "location", "contacts", "interactive", "button", "reaction",
        "order",
    ]

    /// The content, named without a cause: `an edit of an earlier message`, `a poll`, `a pin of a message (an action, not
    /// a message)`, or `type "image"` (for the content line: `unsupported message: type "image"`).
    public static func what(_ type: String) -> String {
        switch type {
        case "edit": "an edit of an earlier message"
        case "revoke", "revoked": "a deletion of an earlier message (an action, not a message)"
        case "poll", "poll_creation": "a poll"
        case "poll_update": "a poll update"
        case "ephemeral": "a disappearing (ephemeral) message"
        case "pin": "a pin of a message (an action, not a message)"
        case "keep_in_chat": "a keep-in-chat of a disappearing message (an action, not a message)"
        default: "type \"\(type)\""
        }
    }

    /// What the error on a received message means for the operator, cause then advice, read from the error's code:
    /// - 131051: what the contact sent that the Cloud API does not deliver (`type`: an edit, a poll, "a kind of image
    ///   the Cloud API does not deliver"), and what to do;
    /// - 131060: the message is currently unavailable (typical of a first message to a coexistence number), which says
    ///   nothing against its type;
    /// - another code in the catalogue: the catalogue's meaning and fix;
    /// - a code the catalogue lacks, or no code: no cause, only Meta's words and where to look.
    public static func reading(type: String?, error: MessageError) -> String {
        switch error.code {
        case "131051"?:
            guard let type else { return "the Cloud API does not deliver the type of this message; ask the contact to send it another way" }
            return notDelivered(type)
        case "131060"?:
            let kind = type.map { " (Meta names its type \"\($0)\")" } ?? ""
            return "WhatsApp reports the message as currently unavailable, which says nothing against its type\(kind): Meta "
                + "gives 131060 typically for a contact's first message to a number onboarded from the WhatsApp Business app "
                + "(coexistence), often right after tapping a Click-to-WhatsApp ad; its content did not reach the API, so "
                + "ask the contact to send it again if it matters"
        default:
            let kind = type.map { "; Meta names its type \"\($0)\"" } ?? ""
            if let entry = error.entry { return "\(entry.meaning)\(kind); \(entry.fix)" }
            let words = (error.details ?? error.message ?? error.title).map { " (Meta's words: \"\($0)\")" } ?? ""
            guard let code = error.code else {
                // The headline before this already shows Meta's words.
                return "Meta gave no error code\(kind), so kops cannot say why the content did not arrive"
            }
            return "code \(code) is not in kops's catalogue\(words)\(kind), so kops gives no cause; look it up in "
                + ErrorCatalog.metaReference
        }
    }

    /// True when a 131051 of this `unsupported.type` lost nothing the contact wrote: an action on an earlier message or
    /// on the chat (edit, revoke, pin, keep-in-chat), so the message is no failure to chase.
    public static func lostNothing(_ type: String?) -> Bool {
        ["edit", "revoke", "revoked", "pin", "keep_in_chat"].contains(type ?? "")
    }

    /// The 131051 sentence for `type`.
    private static func notDelivered(_ type: String) -> String {
        switch type {
        case "edit":
            return "the contact edited an earlier message; the Cloud API does not deliver edits, so the earlier message stays "
                + "as first received; nothing was lost, ask only if the change matters"
        case "poll", "poll_creation":
            return "the contact sent a poll; the Cloud API does not deliver polls; if the answer matters, ask the contact to "
                + "write the options as text"
        case "poll_update":
            return "the contact updated a poll (e.g. voted); the Cloud API does not deliver polls; if the answer matters, ask "
                + "the contact to write it as text"
        case "ephemeral":
            return "the contact sent a disappearing (ephemeral) message; the Cloud API does not deliver messages sent with "
                + "disappearing messages on; ask the contact to turn disappearing messages off for this chat and send it again"
        case "revoke", "revoked":
            // Meta's revoke webhook reference (…/webhooks/reference/messages/revoke): the contact deleted a message.
            return "the contact deleted an earlier message (revoke); the Cloud API does not deliver the deletion; nothing "
                + "new was sent, so there is nothing to ask for (the earlier message is gone from their chat)"
        case "pin":
            return "the contact pinned a message in the chat (an action, not a message); the Cloud API does not deliver it; "
                + "nothing was lost"
        case "keep_in_chat":
            return "the contact kept a disappearing message in the chat (an action, not a message); the Cloud API does not "
                + "deliver it; nothing was lost"
        case let delivered where deliveredTypes.contains(delivered):
            let noun = delivered == "interactive" ? "interactive message" : delivered
            let example =
                switch delivered {
                case "image", "video": "; a view-once one, for example, does not"
                case "location": "; a live location, for example, does not"
                default: ""
                }
            return "the contact sent a kind of \(noun) the Cloud API does not deliver (ordinary ones arrive\(example)); ask the "
                + "contact to send it another way"
        default:
            let article = type.first.map { "aeiouAEIOU".contains($0) } == true ? "an" : "a"
            return "the contact sent \(article) \"\(type)\" message, a type the Cloud API does not deliver; ask the contact to "
                + "send it another way"
        }
    }
}
