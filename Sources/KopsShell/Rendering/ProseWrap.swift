/// Wraps a line of prose at word boundaries to a terminal width with a hanging indent, e.g. at 30 columns
/// `"  cause: the contact last wrote more than 24 hours ago"` →
/// `["  cause: the contact last wrote", "         more than 24 hours ago"]`.
///
/// The hanging indent lines continuations up with the text after a leading `label: ` or after a first
/// word followed by two or more spaces (a help list); otherwise with the line's own leading spaces. A word
/// wider than the room after the hanging indent starts its line at the text's own margin when it fits there, and one
/// wider than that keeps its line whole at the hanging indent (a long id or URL is never cut); lines that fit are
/// returned unchanged. A command to type stays on one line when it fits on one (probe12 P12-9: `use` ended one
/// line and the id began the next): a `'…'`-quoted span, and `use` or `run` with the word after it; a quoted span that
/// starts with a command of kops stays whole even when it does not fit (`isCommand`): it runs past the edge, where the
/// terminal's soft wrap is copied as one line, while a line break between its words was not (fix48b's leftover). Text without
/// spaces (Chinese, Japanese) breaks between its wide characters. A suggested command with a trailing comment
/// (`  whois 2003…  # 48 failed calls …`) continues its comment as a comment under the `#`, so no continuation reads
/// as a command when the block is copied. A usage synopsis after `usage: ` breaks only between whole options
/// (`UsageWords`).
public enum ProseWrap {
    /// `hanging`, when given, is the column continuations start at instead of the one read from the line (a help row's
    /// description column after its gap: `HelpText`); past half the width they start at the line's own margin.
    public static func lines(_ text: String, width: Int, hanging: Int? = nil) -> [String] {
        guard width > 0, TextWidth.displayWidth(text) > width else { return [text] }
        let comment = hanging == nil ? commentColumn(text, width: width) : nil
        let margin = text.prefix { $0 == " " }.count
        let hang = hanging.map { $0 <= width / 2 ? $0 : margin } ?? hangingIndent(text, width: width)
        let continuation = String(repeating: " ", count: comment ?? hang) + (comment == nil ? "" : "# ")
        let indent = TextWidth.displayWidth(continuation)
        let lead = String(text.prefix { $0 == " " })
        // Each word with the spaces before it, so aligned columns on the first line keep their spacing.
        var pieces: [(spaces: Int, text: String)] = []
        var pending = 0
        for piece in text.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty {
                pending += 1
                continue
            }
            pieces.append((pieces.isEmpty ? 0 : pending + 1, String(piece)))
            pending = 0
        }
        // A usage's option too wide for the hanging indent stays whole, and starts its line at the margin (below).
        let usage = UsageWords.grouped(pieces, room: width - TextWidth.displayWidth(lead))
        let words = keptTogether(usage, room: width - indent)
            .flatMap { splitAtWideCharacters($0, room: width - indent) }
        var result: [String] = []
        var current = lead
        var currentWidth = TextWidth.displayWidth(lead)
        var startOfLine = true
        for word in words {
            let wordWidth = TextWidth.displayWidth(word.text)
            // Breaking right after a `label: ` would only move the word to the same column on the next line.
            if !startOfLine && currentWidth + word.spaces + wordWidth > width && currentWidth + word.spaces > indent {
                result.append(trimmedEnd(current))
                // A word too wide for the hanging indent (a URL, `message_template_status_update`) starts its line
                // at the text's own margin instead, where it fits (at 40 columns it ran 8 columns past the edge). One
                // too wide for the margin too runs past the edge either way, so it stays under the text it belongs to
                // (a fix's long quoted command began at column 2, left of its `fix: ` text, at 80 columns).
                if comment == nil && indent + wordWidth > width && TextWidth.displayWidth(lead) + wordWidth <= width {
                    current = lead
                    currentWidth = TextWidth.displayWidth(lead)
                } else {
                    current = continuation
                    currentWidth = indent
                }
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

    /// `words` with each command to type joined into one word when it fits in `room` columns: a span from a word
    /// that opens a `'` quote to the word that closes it (`'webhooks get ID'`), then `use` or `run` with the word
    /// after it (`use 100200300400501`, `run 'numbers'`). An apostrophe inside a word (`Meta's`) opens nothing.
    /// A number and its unit stay together too (`(95 %)`, `30 s`, `1.5 min`), so no line starts with a bare `%)`.
    static func keptTogether(_ words: [(spaces: Int, text: String)], room: Int) -> [(spaces: Int, text: String)] {
        func joined(_ span: ArraySlice<(spaces: Int, text: String)>, whole: Bool = false) -> (spaces: Int, text: String)? {
            guard let first = span.first else { return nil }
            let text = span.dropFirst().reduce(first.text) { $0 + String(repeating: " ", count: $1.spaces) + $1.text }
            return whole || TextWidth.displayWidth(text) <= room ? (first.spaces, text) : nil
        }
        var quoted: [(spaces: Int, text: String)] = []
        var index = 0
        while index < words.count {
            if opensQuote(words[index].text),
                let end = words[(index + 1)...].firstIndex(where: { closesQuote($0.text) }),
                let span = joined(words[index...end], whole: isCommand(words[index].text))
            {
                quoted.append(span)
                index = end + 1
            } else {
                quoted.append(words[index])
                index += 1
            }
        }
        var result: [(spaces: Int, text: String)] = []
        index = 0
        while index < quoted.count {
            if index + 1 < quoted.count, ["use", "run"].contains(quoted[index].text) || isQuantity(quoted[index].text, unit: quoted[index + 1].text),
                let span = joined(quoted[index...(index + 1)])
            {
                result.append(span)
                index += 2
            } else {
                result.append(quoted[index])
                index += 1
            }
        }
        return result
    }

    /// A word wider than `room` cut where a line may break inside it: before and after each wide character (CJK
    /// text has no spaces, and a line may break between two ideographs, Unicode UAX #14 class ID), so 30 Chinese
    /// characters wrap instead of running past the terminal's edge. The pieces after the first have no space before
    /// them. A word that fits, or has no wide character (an id, a URL), is returned whole.
    static func splitAtWideCharacters(_ word: (spaces: Int, text: String), room: Int) -> [(spaces: Int, text: String)] {
        guard !TextWidth.isPrintableASCII(word.text), TextWidth.displayWidth(word.text) > room else { return [word] }
        var pieces: [(spaces: Int, text: String)] = []
        var current = ""
        var previousWide = false
        for character in word.text {
            let wide = TextWidth.displayWidth(character) == 2
            if (wide || previousWide) && !current.isEmpty {
                pieces.append((pieces.isEmpty ? word.spaces : 0, current))
                current = ""
            }
            current.append(character)
            previousWide = wide
        }
        if !current.isEmpty { pieces.append((pieces.isEmpty ? word.spaces : 0, current)) }
        return pieces
    }

    /// Units a number keeps on its line: percent, then durations (seconds, milliseconds, minutes, hours, days).
    static let units: Set<String> = ["%", "s", "ms", "min", "h", "d"]

    /// True when `number` is a number (after `(`, `[` or `~`; digits with `.` or `,` inside: `(95`, `1.5`, `1,200`)
    /// and `unit` is one of `units` (before closing punctuation: `%)`, `s,`).
    static func isQuantity(_ number: String, unit: String) -> Bool {
        let digits = number.drop { "([~".contains($0) }
        guard let first = digits.first, let last = digits.last, first.isASCII, first.isNumber, last.isASCII, last.isNumber,
            digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," })
        else { return false }
        return units.contains(String(unit.reversed().drop { ")].,;:!?".contains($0) }.reversed()))
    }

    /// True for the word that opens a quote when the quote's first word is a command of kops (`'webhooks`, `('use`).
    static func isCommand(_ word: String) -> Bool {
        commandWords.contains(String(word.drop { "([".contains($0) }.dropFirst()))
    }

    /// The names of kops's commands.
    static let commandWords = Set(CommandRegistry.standard.commands.map { $0.name })

    /// True for a word that starts a `'` quote (after `(` or `[`) and does not close it: `'webhooks`, `('#131047`.
    static func opensQuote(_ word: String) -> Bool {
        let start = word.drop { $0 == "(" || $0 == "[" }
        return start.first == "'" && !closesQuote(String(start.dropFirst()))
    }

    /// True for a word that ends a `'` quote, before closing punctuation: `ID'`, `first');`.
    static func closesQuote(_ word: String) -> Bool {
        word.reversed().drop { ")].,;:!?".contains($0) }.first == "'"
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
