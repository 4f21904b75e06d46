internal import KapsoClient

/// Untrusted text made safe for a terminal: control characters are shown, never interpreted, e.g.
/// `"hi\u{1B}]0;pwned\u{07}"` → `hi\x1b]0;pwned\x07`.
///
/// The one sanitiser between server-provided text (message bodies, contact names, error messages,
/// anything from the API) and the terminal or a transcript; the renderer, the error funnel and the
/// `--verbose` log all pass their text through it. Shown as escapes, as git and psql do:
/// C0 controls and DEL as `\xNN` (`\x1b`, `\x07`, `\x0d`); C1 controls, the line and paragraph separators and
/// the invisible format characters (bidi overrides, zero-width spaces, U+FEFF) as `\uNNNN` (`\u009b`,
/// `\u202e`, `\u2028`, `\u200b`), beyond the BMP as a surrogate pair. With
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
        // Read in place, eight bytes at a time, when the text is contiguous UTF-8 (native strings are).
        if text.utf8.withContiguousStorageIfAvailable({ ByteWords.allPrintableASCII($0, newlines: kept) })
            ?? text.utf8.allSatisfy(printable)
        {
            return String(text)
        }
        let spaces = newlines == .spaces
        let scalars = Array(text.unicodeScalars)
        let shown = { (index: Int) -> Bool in
            let scalar = scalars[index]
            if scalar == "\t" || (kept && scalar == "\n") { return false }
            return needsEscape(scalar) && !joins(scalars, at: index)
        }
        guard scalars.indices.contains(where: { shown($0) || (spaces && scalars[$0] == "\t") }) else {
            return String(text)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if spaces && (scalar == "\n" || scalar == "\r" || scalar == "\t") {
                result.unicodeScalars.append(" ")
            } else if shown(index) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Multi-line server text (a message body, a template's body) as lines to show one under the other: split at
    /// each `\n` (a `\r\n` is one break), each line `escaped`, so a lone CR and every other control stays an escape.
    /// Trailing empty lines are dropped; an empty text is one empty line.
    public static func lines(_ text: String) -> [String] {
        guard text.utf8.contains(0x0A) else { return [escaped(text)] }
        var pieces = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { piece in
            var line = String.UnicodeScalarView(piece)
            if line.last == "\r" { line.removeLast() }
            return escaped(String(line))
        }
        while pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces
    }

    /// True for a scalar a terminal would act on rather than print, or that prints as nothing: C0 and C1 controls,
    /// DEL, the line and paragraph separators, and every format character (Unicode category Cf): bidirectional
    /// controls, zero-width spaces and joiners, the byte-order mark U+FEFF, soft hyphens, tags. Context-free:
    /// `escaped` still leaves a joiner that joins (`joins`).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F: scalar != "\t"
        case 0x80...0x9F: true
        case 0x2028, 0x2029: true
        case ..<0xAD: false
        default: scalar.properties.generalCategory == .format
        }
    }

    /// True for a format character that is part of what the text writes, not hidden in it: a zero-width joiner or
    /// non-joiner between two non-ASCII characters (emoji sequences such as 👩‍💻, Persian and Indic words), and the
    /// tags of a flag sequence after U+1F3F4 (🏴 of England). Between ASCII letters (`pay\u200dpal`) it is shown.
    static func joins(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        switch scalar.value {
        case 0x200C, 0x200D:
            guard index > 0, index + 1 < scalars.count else { return false }
            let visible = { (other: Unicode.Scalar) in
                other.value >= 0x80 && !other.properties.isWhitespace && !needsEscape(other)
            }
            return visible(scalars[index - 1]) && visible(scalars[index + 1])
        case 0xE0020...0xE007F:
            var before = index - 1
            while before >= 0, (0xE0020...0xE007F).contains(scalars[before].value) { before -= 1 }
            return before >= 0 && scalars[before].value == 0x1F3F4
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let digits = Array("0123456789abcdef")
        let value = Int(scalar.value)
        if value < 0x80 {
            return "\\x" + String(digits[value >> 4]) + String(digits[value & 0xF])
        }
        let hex = { (unit: Int) in "\\u" + (0..<4).reversed().map { String(digits[(unit >> ($0 * 4)) & 0xF]) }.joined() }
        guard value > 0xFFFF else { return hex(value) }
        // Beyond the BMP (the tags U+E0001…): a UTF-16 surrogate pair, as JSON writes it.
        return hex(0xD800 + ((value - 0x10000) >> 10)) + hex(0xDC00 + ((value - 0x10000) & 0x3FF))
    }
}
