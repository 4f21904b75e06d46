/// Wraps a line of prose at word boundaries to a terminal width with a hanging indent, e.g. at 30 columns
/// `"  cause: the contact last wrote more than 24 hours ago"` →
/// `["  cause: the contact last wrote", "         more than 24 hours ago"]`.
///
/// The hanging indent lines continuations up with the text after a leading `label: ` or after a first
/// word followed by two or more spaces (a help list); otherwise with the line's own leading spaces. A word
/// wider than the room left keeps its line whole (a long id or URL is never cut); lines that fit are
/// returned unchanged. A suggested command with a trailing comment (`  whois 2003…  # 48 failed calls …`) continues
/// its comment as a comment under the `#`, so no continuation reads as a command when the block is copied.
public enum ProseWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0, TextWidth.displayWidth(text) > width else { return [text] }
        let comment = commentColumn(text, width: width)
        let indent = comment ?? hangingIndent(text, width: width)
        let continuation = String(repeating: " ", count: indent) + (comment == nil ? "" : "# ")
        let lead = String(text.prefix { $0 == " " })
        // Each word with the spaces before it, so aligned columns on the first line keep their spacing.
        var words: [(spaces: Int, text: Substring)] = []
        var pending = 0
        for piece in text.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty {
                pending += 1
                continue
            }
            words.append((words.isEmpty ? 0 : pending + 1, piece))
            pending = 0
        }
        var result: [String] = []
        var current = lead
        var currentWidth = TextWidth.displayWidth(lead)
        var startOfLine = true
        for word in words {
            let wordWidth = TextWidth.displayWidth(word.text)
            // Breaking right after a `label: ` would only move the word to the same column on the next line.
            if !startOfLine && currentWidth + word.spaces + wordWidth > width && currentWidth + word.spaces > indent {
                result.append(trimmedEnd(current))
                current = continuation
                currentWidth = TextWidth.displayWidth(continuation)
                startOfLine = true
            }
            if !startOfLine {
                current += String(repeating: " ", count: word.spaces)
                currentWidth += word.spaces
            }
            current += word.text
            currentWidth += wordWidth
            startOfLine = false
        }
        result.append(trimmedEnd(current))
        return result
    }

    /// The column of the `#` of a trailing `  # ` comment after a command (text before it on the line), when it starts
    /// in the left half; nil otherwise.
    static func commentColumn(_ text: String, width: Int) -> Int? {
        let lead = text.prefix { $0 == " " }
        guard let range = text[lead.endIndex...].firstRange(of: "  # "), range.lowerBound > lead.endIndex else { return nil }
        let column = TextWidth.displayWidth(String(text[..<range.lowerBound])) + 2
        return column <= width / 2 ? column : nil
    }

    /// Columns continuation lines start at.
    static func hangingIndent(_ text: String, width: Int) -> Int {
        let characters = Array(text)
        var index = characters.prefix { $0 == " " }.count
        let leading = index
        while index < characters.count && characters[index] != " " { index += 1 }
        var spaces = 0
        while index + spaces < characters.count && characters[index + spaces] == " " { spaces += 1 }
        let labelled = index > leading && characters[index - 1] == ":" && spaces >= 1
        guard labelled || spaces >= 2, index + spaces < characters.count else { return leading }
        let column = TextWidth.displayWidth(String(characters[..<(index + spaces)]))
        return column <= width / 2 ? column : leading
    }

    private static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
