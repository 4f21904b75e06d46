/// What keeps text that is nearly a UUID from being one, for errors that quote such an id whole: a digit lost or added
/// in copying, a letter that is no hex digit, a space inside (probe24 P24-2: the error quoted 24 characters, a valid
/// prefix, and the defect was always in the part cut off).
///
/// Kapso's webhook, conversation and delivery ids are UUIDs, 8-4-4-4-12 hex digits (kapso-api.md §3.1, §4, §8.3).
/// `UUIDShape.defect("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8")` → `its groups have 8-4-4-4-11 hex digits; a UUID's
/// have 8-4-4-4-12 (one digit short: copied in part?)`.
public enum UUIDShape {
    /// Text that reads as a UUID with a defect: 30 to 44 characters, at least four dashes, and hex digits for all but
    /// three of the rest. Such text holds no secret (a secret is not hex and dashes), so it can be quoted whole.
    public static func isNearly(_ text: String) -> Bool {
        if respelled(text) != nil { return true }
        let count = text.count
        guard (30...44).contains(count) else { return false }
        let dashes = text.filter { $0 == "-" }.count
        let others = text.filter { $0 != "-" && !$0.isHexDigit }.count
        return dashes >= 4 && others <= 3
    }

    /// A UUID spelt another way (probe25 P25-5) and what was done to it: dashes a chat or document changed, 32 hex digits
    /// without dashes (as logs and databases print UUIDs), a `urn:uuid:` prefix; nil for anything else.
    static func respelled(_ text: String) -> (uuid: String, how: String)? {
        // The dash look-alikes a chat or a document puts in (U+2010–U+2015, U+2212) are the ones a phone number's
        // reading already turns into '-' (`PhoneNumberText.withASCIISeparators`).
        let ascii = PhoneNumberText.withASCIISeparators(text)
        if ascii != text, let dash = zip(text, ascii).first(where: { $0 != $1 && $1 == "-" })?.0 {
            guard IDInput.isUUID(ascii) else { return nil }
            let name = dash.unicodeScalars.first.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? "?"
            return (ascii.lowercased(), "it has \(name) (a dash a chat or document put in) where a UUID has '-'")
        }
        if text.count == 32, text.allSatisfy(\.isHexDigit) {
            let hex = Array(text.lowercased())
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
            return (groups.joined(separator: "-"), "it is 32 hex digits without a UUID's dashes (Meta's conversation ids look so too)")
        }
        if text.lowercased().hasPrefix("urn:uuid:"), IDInput.isUUID(String(text.dropFirst(9))) {
            return (String(text.dropFirst(9)).lowercased(), "it has a 'urn:uuid:' prefix")
        }
        return nil
    }

    /// The defect of nearly-UUID text (`isNearly`), said in a phrase; nil when the text is a UUID or not nearly one.
    public static func defect(_ text: String) -> String? {
        // A whole UUID and more after a space (`${hook}` set to two words): said by count, as the rest may be a secret.
        if let space = text.firstIndex(where: \.isWhitespace), IDInput.isUUID(String(text[..<space])) {
            let rest = text[space...].drop(while: \.isWhitespace)
            return "it is a UUID followed by a space and \(rest.count) more characters (a value that held two words?)"
        }
        if let wrapped = wrapped(text) { return wrapped }
        if let (uuid, how) = respelled(text) { return "\(how): as a UUID it is \(uuid)" }
        guard isNearly(text) else { return nil }
        if let (offset, character) = text.enumerated().first(where: { $0.element != "-" && !$0.element.isHexDigit }) {
            let shown = character.isWhitespace ? "a space" : "'\(character.isASCII ? String(character) : String(character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined()))'"
            return "character \(offset + 1) is \(shown), not a hex digit (0-9, a-f)"
        }
        let counts = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        guard counts != [8, 4, 4, 4, 12] else { return nil }
        let digits = counts.reduce(0, +)
        let hint = digits == 31 ? " (one digit short: copied in part?)" : digits == 33 ? " (one digit too many)" : ""
        return "its groups have \(counts.map(String.init).joined(separator: "-")) hex digits; a UUID's have 8-4-4-4-12\(hint)"
    }

    /// `it holds a line break inside it (a line wrapped where the id was shown, copied back): without it, it reads as
    /// d4f5b6c7-…` when whitespace inside `text` is all that keeps it from being a UUID: a terminal or an e-mail wraps a
    /// UUID at a hyphen, and the copy keeps the break (tester56b AA13: "character 25 is a space", of a line break). The
    /// words are `WAMID.whitespaceInside`'s; nil otherwise.
    static func wrapped(_ text: String) -> String? {
        let joined = text.filter { !$0.isWhitespace }
        guard joined != text, text.first?.isWhitespace == false, text.last?.isWhitespace == false, IDInput.isUUID(joined) else {
            return nil
        }
        let blanks = text.filter(\.isWhitespace)
        let what = blanks.contains(where: \.isNewline) ? "a line break" : blanks == " " ? "a space" : "whitespace"
        return "it holds \(what) inside it (a line wrapped where the id was shown, copied back): without it, it reads as "
            + joined.lowercased()
    }
}
