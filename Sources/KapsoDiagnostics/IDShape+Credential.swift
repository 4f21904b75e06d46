extension IDShape {
    /// What `text` is when it is a credential pasted where an id goes, without a character of it; nil otherwise.
    ///
    /// `EAA…` from 20 characters (`TokenPrefix.metaAccessToken`) is a Meta access token: it sits beside the phone-number
    /// id on Meta's "API Setup" page, so the two get mixed up (probe24 P24-13: `whois` called it a click id).
    /// `whsec_…` (`TokenPrefix.webhookSecret`) is a Kapso webhook signing secret.
    public static func credential(_ text: String) -> String? {
        switch APIKeyShape.kind(of: text) {
        case .metaAccessToken?:
            return "this is a Meta access token (EAA…), a secret, not an id: it does not belong here, and as it is now in "
                + "your scrollback, consider revoking it and issuing a new one; for the phone-number id, run 'numbers'"
        case .webhookSecret?:
            return "this is a webhook signing secret (whsec_…), a secret, not an id: it does not belong here, and as it is "
                + "now in your scrollback, consider rotating it; for a webhook's id, run 'webhooks'"
        case nil:
            return nil
        }
    }
}
