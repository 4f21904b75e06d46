public import KapsoClient

/// What a received `unsupported` message was, from Meta's `unsupported.type` (Meta, "Unsupported messages
/// webhook reference": `"type": "unsupported", "unsupported": {"type": "edit"}` with error 131051; its
/// examples are `edit`, `poll` and `button`; mirror: ArielAmzalak/WBAPI_Doc doc/unsupported.md). An edit or a
/// poll is not lost media: asking the contact to "send it again" is the wrong advice. `ephemeral` is a disappearing
/// message: WhatsApp does not pass a message on to the API when the sender has disappearing messages on for the chat
/// (BizMagnets, "Unsupported Messages", docs.bizmagnets.ai/whatsapp-channel/unsupported-messages: "conflicts with
/// disappearing messages"), so the fix is the contact's chat setting, not another format.
public enum UnsupportedContent {
    /// `edit`, `poll`, ... as Meta wrote it, or nil when the message says nothing about it.
    public static func type(of message: JSONObject) -> String? {
        guard message["type"]?.string == "unsupported" || message["unsupported"] != nil else { return nil }
        guard let type = message["unsupported"]?["type"]?.string, !type.isEmpty else { return nil }
        return type
    }

    /// `the contact edited an earlier message`, `the contact sent a poll`, `the contact sent a "x" message` (`an`
    /// before a vowel: `an "ephemeral" message` reads as written).
    public static func what(_ type: String) -> String {
        switch type {
        case "edit": return "the contact edited an earlier message"
        case "poll": return "the contact sent a poll"
        case "ephemeral": return "the contact sent a disappearing (ephemeral) message"
        default:
            let article = type.first.map { "aeiouAEIOU".contains($0) } == true ? "an" : "a"
            return "the contact sent \(article) \"\(type)\" message"
        }
    }

    /// What it means for the operator, after `what`.
    public static func advice(_ type: String) -> String {
        switch type {
        case "edit":
            "the Cloud API does not deliver edits, so the earlier message stays as first received; nothing was lost, "
                + "ask only if the change matters"
        case "poll":
            "the Cloud API does not deliver polls; if the answer matters, ask the contact to write the options as text"
        case "ephemeral":
            "the Cloud API does not deliver messages sent with disappearing messages on; ask the contact to turn "
                + "disappearing messages off for this chat and send it again"
        default:
            "the Cloud API does not deliver this type; ask the contact to send it another way"
        }
    }
}
