/// A form kops's transcript masker writes in place of personal data, typed back where an id or a number is read
/// (probe43 P43-13): a placeholder `<message 1>`, `<contact 2>`, `<user 1>`, `<body 3>`, `<group 1>`, `<ad click 1>`,
/// `<base64 of message 1>` (a WAMID's base64 written without its prefix), or a
/// contact's number with its middle digits hidden, `1415•••0171`, `+44 207 ••• 0958`.
///
/// A masked transcript (`- personal data: masked` in its header) is what people paste into tickets; the engineer who
/// reads the ticket types its values back (`trace <message 1>`, `whois 1415•••0171`). None of them is an id or a number:
/// the placeholder was numbered by the recording, and `•` is in no id, so reading one as a damaged id ("U+2022 BULLET is
/// not ASCII", "unexpected argument '1>'") sent people looking for a copying mistake. Other text in angle brackets that
/// no id reading takes (`<conversation 1>`, `<phone-number-id>`) is a placeholder too, not one kops's transcripts write.
public struct TranscriptMask: Sendable, Equatable {
    /// What the text is.
    public enum Form: Sendable, Equatable {
        /// A placeholder of the transcript masker: its kind (`message`, `ad click`).
        case placeholder(kind: String)
        /// A number with digits hidden as `•`.
        case maskedNumber
        /// Other text in angle brackets no id reading takes: a placeholder of a template or a note, not of kops's masker.
        case otherPlaceholder
    }

    /// The text as typed, trimmed (safe to show: it holds what the transcript showed, no more).
    public let text: String
    public let form: Form

    /// The kinds of placeholder the transcript masker writes (`PIIMasker`), each with what it stands for.
    public static let kinds: [(kind: String, standsFor: String)] = [
        ("message", "a WAMID"), ("contact", "a contact's name or WhatsApp username"), ("user", "a business-scoped user id"),
        ("body", "a message's text"), ("group", "a WhatsApp group id"), ("ad click", "a Click-to-WhatsApp ad click id"),
        ("base64 of message", "the base64 part of a WAMID, written without 'wamid.'"),
    ]

    /// The mask or placeholder `text` is (surrounding blanks and quotes aside), nil for any other text.
    ///
    /// Text with no byte of a mask (`mayBeMask`) is answered from its bytes: every id and number read where a mask is
    /// refused (`IDArgument.refuseMask`, twice a `webhooks get ID`) takes it, and the `Character` reading of
    /// `readByCharacter` cost about 22,000 instructions for a UUID (1.07 M of `scripts/bench`'s replay;
    /// docs/performance.md, "Session 42").
    public static func read(_ text: String) -> TranscriptMask? {
        mayBeMask(text) ? readByCharacter(text) : nil
    }

    /// False when `text` is ASCII with no `<`: then it holds no `•` (past ASCII) and does not start with `<` once
    /// trimmed, so `readByCharacter` answers nil (ASCII bytes compare as their `Character`s do; only a byte past ASCII,
    /// a combining mark, could join one to another). Allocates nothing.
    static func mayBeMask(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "<") { return true }
            return false
        }
    }

    /// `read(_:)` without its byte test in front: the reading `mayBeMask` must agree with (`TranscriptMaskByteTestTests`).
    static func readByCharacter(_ text: String) -> TranscriptMask? {
        var trimmed = Substring(text.trimmingSpaces())
        while trimmed.count >= 2, let first = trimmed.first, first == trimmed.last, "'\"`".contains(first) {
            trimmed = trimmed.dropFirst().dropLast()
        }
        let value = String(trimmed)
        if value.contains("•") {
            let rest = value.filter { $0 != "•" }
            guard rest.contains(where: \.isNumber), rest.allSatisfy({ $0.isASCII && ($0.isNumber || " +-().".contains($0)) })
            else { return nil }
            return TranscriptMask(text: value, form: .maskedNumber)
        }
        guard value.count >= 3, value.first == "<", value.last == ">" else { return nil }
        let inner = value.dropFirst().dropLast()
        if let kind = placeholderKind(inner) { return TranscriptMask(text: value, form: .placeholder(kind: kind)) }
        // Words in brackets (`<conversation 1>`, `<phone-number-id>`), unless an id reading takes them (`<US.1349…>`
        // copied out of Markdown is that id).
        guard let first = inner.first, first.isLetter, inner.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || " -_".contains($0)) }),
            case .failure = IDInput.read(String(inner))
        else { return nil }
        return TranscriptMask(text: value, form: .otherPlaceholder)
    }

    /// The placeholder a line's words hold when the lexer split it at its space (`<message` then `1>`, as an unquoted
    /// `trace <message 1>` is read), or a masked number split into words (`+44 207 ••• 0958`): the words' range and the
    /// mask; nil when there is none.
    public static func split(in words: [String]) -> (range: Range<Int>, mask: TranscriptMask)? {
        for index in words.indices {
            let word = words[index]
            if word.hasPrefix("<"), !word.hasSuffix(">") {
                for end in (index + 1)..<min(words.count, index + 4) where words[end].hasSuffix(">") {
                    if let mask = read(words[index...end].joined(separator: " ")) { return (index..<(end + 1), mask) }
                }
            }
            if word.contains("•") {
                let isPart = { (word: String) in
                    !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isNumber || "+-().".contains($0)) || $0 == "•" }
                }
                guard isPart(word) else { continue }
                var (start, end) = (index, index + 1)
                while start > 0, isPart(words[start - 1]) { start -= 1 }
                while end < words.count, isPart(words[end]) { end += 1 }
                if let mask = read(words[start..<end].joined(separator: " ")) { return (start..<end, mask) }
            }
        }
        return nil
    }

    /// `'<message 1>' is a placeholder of a masked kops transcript (it stands for a WAMID), not the value itself`.
    public var statement: String {
        switch form {
        case .placeholder(let kind):
            let standsFor = Self.kinds.first { $0.kind == kind }?.standsFor ?? "a value kops hid"
            return "'\(text)' is a placeholder of a masked kops transcript (it stands for \(standsFor)), not the value itself"
        case .maskedNumber:
            return "'\(text)' is a number masked in a kops transcript (its middle digits are hidden as •), not the number itself"
        case .otherPlaceholder:
            return "'\(text)' is a placeholder (words in < >), not an id"
        }
    }

    /// The last digits a masked number shows, when there are at least `count` of them after its last `•`: what a partial
    /// filter can take (`1415•••0171` → `0171`).
    public func shownTail(atLeast count: Int) -> String? {
        guard form == .maskedNumber, let last = text.lastIndex(of: "•") else { return nil }
        let tail = text[text.index(after: last)...].filter { $0.isASCII && $0.isNumber }
        return tail.count >= count ? String(tail) : nil
    }

    /// `message 1` → `message`; nil when `inner` is not a kind the masker writes followed by a number.
    private static func placeholderKind(_ inner: Substring) -> String? {
        guard let space = inner.lastIndex(of: " "), let number = Int(inner[inner.index(after: space)...]), number > 0 else { return nil }
        let kind = String(inner[..<space])
        return kinds.contains { $0.kind == kind } ? kind : nil
    }
}
