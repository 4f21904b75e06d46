public import KapsoClient

/// What a received `unsupported` message was, from Meta's `unsupported.type` (Meta, "Unsupported messages
/// webhook reference": `"type": "unsupported", "unsupported": {"type": "edit"}` with error 131051; its
/// examples are `edit`, `poll` and `button`; mirror: ArielAmzalak/WBAPI_Doc doc/unsupported.md). An edit or a
/// poll is not lost media: asking the contact to "send it again" is the wrong advice.
public enum UnsupportedContent {
    /// `edit`, `poll`, ... as Meta wrote it, or nil when the message says nothing about it.
    public static func type(of message: JSONObject) -> String? {
        guard message["type"]?.string == "unsupported" || message["unsupported"] != nil else { return nil }
        guard let type = message["unsupported"]?["type"]?.string, !type.isEmpty else { return nil }
        return type
    }

    /// `the contact edited an earlier message`, `the contact sent a poll`, `the contact sent a "x" message`.
    public static func what(_ type: String) -> String {
        switch type {
        case "edit": "the contact edited an earlier message"
        case "poll": "the contact sent a poll"
        default: "the contact sent a \"\(type)\" message"
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
        default:
            "the Cloud API does not deliver this type; ask the contact to send it another way"
        }
    }
}
