extension KapsoStatusReading {
    /// Kapso's 404 whose text names a message, a conversation or a webhook (`{"error": "WhatsApp message not found"}`):
    /// that object's causes, not a phone-number id's (tester59 AF4: every not-found got the four phone-number causes).
    /// Nil for any other text.
    static func notFound(_ text: String, whois: String) -> (String, [Cause], String)? {
        let project = "another project's (the caller's key is not this project's), or was deleted since"
        if text.contains("message not found") {
            // kapso-api.md §7.2 (a message is read by its WAMID) and §0 gotcha 18 (a WAMID's `=`, `+`, `/` must be
            // percent-encoded in a path).
            return (
                "Kapso's 404 for a message id (a WAMID, https://docs.kapso.ai/api/platform/v1/messages/get-message) no message of this key's project has; the text "
                    + "alone cannot tell which of these it was",
                [Cause(
                    cause: "the WAMID's '+', '/' or '=' was not percent-encoded in the path, so the id "
                        + "Kapso read is not the message's", check: "the path as the caller built it; 'errors' reads each failed path"),
                 Cause(cause: "the WAMID is damaged or cut short (copied from a log, a column, a URL)",
                    check: "'whois WAMID' says whether it is whole and finds the message it stands for"),
                 Cause(cause: "the message is " + project, check: "'messages' lists this project's messages")],
                "'whois WAMID' says what the id is and where the message is")
        }
        if text.contains("conversation not found") {
            return (
                "Kapso's 404 for a conversation id this key's project does not have",
                [Cause(cause: "the id is another kind (a contact's number, a WAMID or a message's id where the conversation's goes)",
                    check: "\(whois) and which id to use"),
                 Cause(cause: "the conversation is " + project, check: "'conversations' lists this project's conversations")],
                "\(whois); 'conversations' lists the ids to use")
        }
        if text.contains("webhook not found") {
            return (
                "Kapso's 404 for a webhook id this key's project does not have",
                [Cause(cause: "the webhook was deleted (a temporary one, or replaced by a new one with a new id)",
                    check: "'webhooks list' shows the webhooks and their ids"),
                 Cause(cause: "the id is another kind (a delivery's id, a phone-number id) or the webhook is " + project,
                    check: "\(whois) and which id to use")],
                "'webhooks list' shows the ids to use")
        }
        return nil
    }
}
