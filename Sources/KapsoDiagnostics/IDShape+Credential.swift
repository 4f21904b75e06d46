extension IDShape {
    /// What `text` is when it is a credential pasted where an id goes, without a character of it; nil otherwise.
    ///
    /// `EAA…` from 20 characters (`TokenPrefix.metaAccessToken`) is a Meta access token: it sits beside the phone-number
    /// id on Meta's "API Setup" page, so the two get mixed up (probe24 P24-13: `whois` called it a click id).
    /// `whsec_…` (`TokenPrefix.webhookSecret`) is a Kapso webhook signing secret. Either is read alone or after a label
    /// (`credentialKind`). `expected` is the kind of id the argument takes (nil: any, as `whois` takes): the line ends
    /// with where to find one (probe25 P25-2: only `whois` said any of this; `use`, `message`, `reply --to` … said
    /// "invalid id '<redacted>…'").
    public static func credential(_ text: String, expected: Identity.Kind? = nil) -> String? {
        switch credentialKind(text) {
        case .metaAccessToken?:
            return "this is a Meta access token (EAA…), a secret, not an id: it does not belong here, and as it is now in "
                + "your scrollback, consider revoking it and issuing a new one; "
                + (whereToFind(expected) ?? "for the phone-number id, run 'numbers'")
        case .webhookSecret?:
            return "this is a webhook signing secret (whsec_…), a secret, not an id: it does not belong here, and as it is "
                + "now in your scrollback, consider rotating it; " + (whereToFind(expected) ?? "for a webhook's id, run 'webhooks'")
        case nil:
            return nil
        }
    }

    /// The credential `text` is, alone (`EAAGm0PX…`) or as its last word after a label, as it is copied out of a URL, a
    /// header or a `.env` line (`access_token=EAA…`, `Bearer EAA…`, `token: whsec_…`); nil otherwise. No id holds `=`
    /// before its end, `:` or a space followed by such a word, so a label only makes the token more certain (P25-1).
    ///
    /// Also inside the wrapping it is copied with (probe29 P29-20): JSON, as Meta's token endpoints answer
    /// (`{"access_token":"EAA…","token_type":"bearer"}`), and percent-encoding (`access_token%3DEAA…`, `Bearer%20EAA…`):
    /// a percent-escape, a quote, a brace, a comma, `?`, `&` or `;` separates words as a label does, and any word may be it.
    public static func credentialKind(_ text: String) -> APIKeyShape.Kind? {
        guard mayHoldCredentialKind(text) else { return nil }
        if let kind = APIKeyShape.kind(of: text) { return kind }
        var spaced = ""
        var characters = Substring(text)
        while let first = characters.first {
            let hex = characters.dropFirst().prefix(2)
            if first == "%", hex.count == 2, hex.allSatisfy(\.isHexDigit) {
                spaced.append(" ")
                characters = characters.dropFirst(3)
            } else {
                spaced.append(first)
                characters = characters.dropFirst()
            }
        }
        let words = spaced.split(whereSeparator: { "=: \"'{},;?&\t".contains($0) })
        guard words.count > 1 else { return nil }
        return words.lazy.compactMap { APIKeyShape.kind(of: String($0)) }.first
    }

    /// False only where `credentialKind` answers nil: every word it reads is a run of `text`'s characters that must start
    /// with a prefix naming a kind (`EAA`, `whsec_`) in its issued case, so in ASCII text those bytes occur in a row.
    /// Text with a byte past ASCII is left to the reading itself (`hasPrefix` compares characters canonically). Before
    /// this test every id argument was spaced and split character by character: `webhooks get ID` asked it twice, about
    /// 150,000 instructions each (docs/performance.md, "Session 33").
    static func mayHoldCredentialKind(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return true }
                for prefix in kindPrefixes where prefix[0] == byte && index + prefix.count <= bytes.count {
                    var matched = 1
                    while matched < prefix.count, bytes[index + matched] == prefix[matched] { matched += 1 }
                    if matched == prefix.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// The bytes of each prefix that names a kind (`TokenPrefix.all`), for `mayHoldCredentialKind`.
    private static let kindPrefixes: [[UInt8]] = TokenPrefix.all.filter { $0.kind != nil && !$0.text.isEmpty }.map { Array($0.text.utf8) }

    /// Where an id of `kind` is listed, as the end of a credential's line; nil for a kind without one command.
    static func whereToFind(_ kind: Identity.Kind?) -> String? {
        switch kind {
        case .phoneNumberID?: "for the phone-number id, run 'numbers'"
        case .wamid?: "for a message id (WAMID), run 'messages'"
        case .conversationID?: "for a conversation id, run 'conversations'"
        case .webhookID?: "for a webhook's id, run 'webhooks'"
        case .contactNumber?: "give the contact's phone number, e.g. +14155550157 ('conversations' lists contacts)"
        default: nil
        }
    }
}
