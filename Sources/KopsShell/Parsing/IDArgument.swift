internal import KapsoDiagnostics

/// The first check of every argument that takes an id (`use`, `health`, `whois`, `message`, `trace`, `conversation`,
/// `webhooks get|update|delete|test|check|probe`, and the flags `--to`, `--message`, `--phone-number`, `--conversation`,
/// `--webhook`, `--around`, `--phone-number-id`): a credential pasted there is named as one, with the advice to revoke
/// or rotate it, as `whois` names it, before any other reading quotes it (probe25 P25-2: the others said only
/// "invalid … id '<redacted>…'").
enum IDArgument {
    /// Throws `ShellError.credentialAsID` when `text` is a Meta access token or a webhook signing secret
    /// (`IDShape.credential`, read as pasted: `IDInput.cleaned`); `expected` is the kind the argument takes (nil: any),
    /// `flag` the flag whose value it is. The line holds nothing of `text`.
    /// A placeholder or masked number of a masked transcript (`<message 1>`, `1415•••0171`) is refused first, as what it
    /// is (`refuseMask`).
    static func refuseCredential(_ text: String, command: String, flag: String? = nil, expected: Identity.Kind?) throws(ShellError) {
        try refuseMask(text, command: command, flag: flag)
        guard let reason = IDShape.credential(IDInput.cleaned(text), expected: expected) else { return }
        throw .credentialAsID(command: flag.map { "\(command) \($0)" } ?? command, reason: reason)
    }

    /// Throws `ShellError.copiedMask` when `text` is a placeholder or a masked number kops's transcript masker writes
    /// (`TranscriptMask`: `<message 1>`, `<contact 2>`, `1415•••0171`), or other words in angle brackets no id reading
    /// takes, typed back from a ticket where an id or a number goes (probe43 P43-13: "U+2022 BULLET is not ASCII").
    static func refuseMask(_ text: String, command: String, flag: String? = nil) throws(ShellError) {
        guard let mask = TranscriptMask.read(text) else { return }
        throw .copiedMask(command: flag.map { "\(command) \($0)" } ?? command, mask: mask, also: nil)
    }

    /// Why `text` is no id when it is several ids joined by commas (`IDResolver.joinedParts`, the reading `errors` gives
    /// a path): `two ids joined by ',' (100200300400501 and 100200300400502); give one: whois 100200300400501`; nil for
    /// any other text.
    static func joinedReason(_ text: String, command: String) -> String? {
        guard let parts = IDResolver.joinedParts(IDInput.cleaned(text)) else { return nil }
        let shown = parts.count == 2 ? "\(parts[0]) and \(parts[1])" : parts.joined(separator: ", ")
        return "it is \(IDResolver.joinedWords(parts.count)) (\(shown)); give one: \(ShellWord.command(command, parts[0]))"
    }
}
