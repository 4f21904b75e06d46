public import KopsHTTP

/// A form kops prints in place of what it hides, found in a value offered as a secret, a key, a URL or a header value:
/// the reader behind every input that takes one (probe42 P42-3).
///
/// kops shows a secret as `SecretMask.text` (`whsec_…23`, `…34`, `…`), a value it hides in a line, a URL or a header as
/// `Secret.redactedText` (`<redacted>`), a contact's number with `•••` (`1415•••0142`, the transcript masker), a value it
/// cut short with `…`, and a secret in its help as a placeholder (`whsec_...`). None of these is ever part of a secret:
/// a webhook secret, an API key, a hook's URL key or a header value holds no `…`, `•` or `<redacted>`, which only kops's
/// own output puts there. So a value that holds one was copied from kops's output (`webhooks get` shows `secret:
/// whsec_…23`; a transcript shows `--secret-key <redacted>`): taken as typed, `webhooks update --secret-key 'whsec_…23'`
/// replaced the webhook's signing secret with those nine characters, and `verify` blamed a re-serialised body.
public struct MaskedInput: Sendable, Equatable {
    /// The mark found: `<redacted>`, `…`, `•••` (or `•`), or `...` of a help placeholder.
    public let mark: String
    /// The whole value when it is nothing but a masked form or a placeholder (`whsec_…23`, `<redacted>`, `…`, `whsec_...`),
    /// safe to show: it holds no character of a secret beyond a mask's two-character tail. Nil when the value holds other
    /// text, which may be a secret's and is never shown.
    public let shown: String?
    /// A placeholder of kops's help (`whsec_...`), not a mask of a real value.
    public let isPlaceholder: Bool

    /// The mask or placeholder `value` holds, nil for a value kops never prints in place of another.
    ///
    /// A value with no byte of a mark (`mayHoldMark`) is answered from its bytes: most are ASCII URLs and secrets (a
    /// webhook's, at every `webhooks get`), and the `Character` searches of `readByCharacter` cost about 80,000
    /// instructions each (4.2 M of `scripts/bench`'s replay; docs/performance.md, "Session 41").
    public static func read(_ value: String) -> MaskedInput? {
        mayHoldMark(value) ? readByCharacter(value) : nil
    }

    /// False when `value` is ASCII with no `<` and no two dots in a row: then it holds no `<redacted>`, no `…` or `•`
    /// (each past ASCII) and no `...` of a placeholder, and `readByCharacter` answers nil (ASCII bytes compare as their
    /// `Character`s do; only a byte past ASCII, a combining mark, could join one to another). Allocates nothing.
    static func mayHoldMark(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 || byte == UInt8(ascii: "<") || (byte == UInt8(ascii: ".") && previous == byte) { return true }
                previous = byte
            }
            return false
        }
    }

    /// `read(_:)` without its byte test in front: the reading `mayHoldMark` must agree with (`MaskedInputByteTestTests`).
    static func readByCharacter(_ value: String) -> MaskedInput? {
        let whole = isWhole(value)
        if value.contains(Secret.redactedText) {
            return MaskedInput(mark: Secret.redactedText, shown: whole ? value : nil, isPlaceholder: false)
        }
        if value.contains("…") { return MaskedInput(mark: "…", shown: whole ? value : nil, isPlaceholder: false) }
        if value.contains("•") {
            return MaskedInput(mark: value.contains("•••") ? "•••" : "•", shown: nil, isPlaceholder: false)
        }
        // ASCII dots only as a whole placeholder: `...` inside a longer value may be part of it.
        if let body = SecretMask.body(of: value), body.hasPrefix("..."), body.count <= 3 + SecretMask.tailCount {
            return MaskedInput(mark: "...", shown: value, isPlaceholder: true)
        }
        return nil
    }

    /// What the value is, after the name of its flag or variable, for `thing` (`the secret`, `the URL`):
    /// `is 'whsec_…23', the masked form kops prints, not the secret`; `holds '<redacted>', which kops prints in place of
    /// a value it hides: it is a copy of kops's output, not the URL`; `is 'whsec_...', the placeholder of kops's help,
    /// not the secret`.
    public func what(_ thing: String) -> String {
        if let shown, isPlaceholder { return "is '\(shown)', the placeholder of kops's help, not \(thing)" }
        if let shown { return "is '\(shown)', the masked form kops prints, not \(thing)" }
        let hidden =
            switch mark {
            case Secret.redactedText: "a value it hides"
            case "…": "characters it hides or cuts"
            default: "digits it hides"
            }
        return "holds '\(mark)', which kops prints in place of \(hidden): it is a copy of kops's output, not \(thing)"
    }

    /// Whether `value` is all mask: `<redacted>`, or `SecretMask.text`'s shape (a scheme prefix or `Bearer `, `…`, no
    /// tail or a two-character one).
    private static func isWhole(_ value: String) -> Bool {
        if value == Secret.redactedText { return true }
        guard let body = SecretMask.body(of: value), body.hasPrefix("…") else { return false }
        let tail = body.dropFirst()
        return tail.isEmpty || (tail.count == SecretMask.tailCount && !tail.contains("…"))
    }
}

extension SecretMask {
    /// `value` after the scheme prefix `text` would keep (`TokenPrefix.all`, or `Bearer `), or all of it; nil for empty.
    static func body(of value: String) -> Substring? {
        guard !value.isEmpty else { return nil }
        let bearer = TokenPrefix.bearer.text + " "
        let rest = value.hasPrefix(bearer) ? Substring(value.dropFirst(bearer.count)) : Substring(value)
        let prefix = TokenPrefix.all.first { rest.hasPrefix($0.text) && rest.count > $0.text.count }
        return rest.dropFirst(prefix?.text.count ?? 0)
    }
}
