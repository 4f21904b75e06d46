/// Untrusted text made safe for a terminal: control characters are shown, never interpreted, e.g.
/// `"hi\u{1B}]0;pwned\u{07}"` → `hi\x1b]0;pwned\x07`.
///
/// The one sanitiser between server-provided text (message bodies, contact names, error messages,
/// anything from the API) and the terminal or a transcript; the renderer, the error funnel and the
/// `--verbose` log all pass their text through it. Shown as escapes, as git and psql do:
/// C0 controls and DEL as `\xNN` (`\x1b`, `\x07`, `\x0d`); C1 controls, bidirectional overrides and
/// isolates, and the line and paragraph separators as `\uNNNN` (`\u009b`, `\u202e`, `\u2028`). With
/// ESC shown as `\x1b`, an OSC or CSI sequence prints as plain text and does nothing. The `\uNNNN`
/// form is also a valid escape inside a JSON string, so `--output json` stays valid JSON.
public enum VisibleText {
    /// What a line break becomes.
    public enum Newlines: Sendable {
        /// Shown as `\x0a` (and `\r` as `\x0d`), so server text cannot start a line of its own.
        case escaped
        /// Replaced by a space, with tabs (table cells).
        case spaces
        /// Left as they are (`\n` only): text whose line breaks are its layout, e.g. pretty-printed JSON,
        /// whose strings escape their own.
        case kept
    }

    /// `text` with every control character shown as an escape; printable text, tabs included, unchanged.
    public static func escaped(_ text: some StringProtocol, newlines: Newlines = .escaped) -> String {
        // Printable ASCII, most of what kops shows, needs no work.
        let kept = newlines == .kept
        let printable: (UInt8) -> Bool = { ($0 >= 0x20 && $0 < 0x7F) || (kept && $0 == 0x0A) }
        // Read in place when the text is contiguous UTF-8 (native strings are): iterating the view costs more.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(printable) }) ?? text.utf8.allSatisfy(printable) {
            return String(text)
        }
        let spaces = newlines == .spaces
        guard
            text.unicodeScalars.contains(where: { (needsEscape($0) && !(kept && $0 == "\n")) || (spaces && $0 == "\t") })
        else {
            return String(text)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if spaces && (scalar == "\n" || scalar == "\r" || scalar == "\t") {
                result.unicodeScalars.append(" ")
            } else if scalar == "\t" || !needsEscape(scalar) || (kept && scalar == "\n") {
                result.unicodeScalars.append(scalar)
            } else {
                result += escape(scalar)
            }
        }
        return result
    }

    /// True for a scalar a terminal would act on rather than print.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F: scalar != "\t"
        case 0x80...0x9F: true
        // Bidirectional embeddings, overrides and isolates ("Trojan Source"), line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let digits = Array("0123456789abcdef")
        let value = Int(scalar.value)
        if value < 0x80 {
            return "\\x" + String(digits[value >> 4]) + String(digits[value & 0xF])
        }
        return "\\u" + (0..<4).reversed().map { String(digits[(value >> ($0 * 4)) & 0xF]) }.joined()
    }
}
