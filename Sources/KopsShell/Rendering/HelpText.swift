/// Help text fitted to a width, e.g. at 40 columns `"Profiles live in config.toml and never\nhold a key."` →
/// `["Profiles live in config.toml and never", "hold a key."]`, and at 200 columns one line: the source's hard-wrapped
/// lines are joined into paragraphs, then each is wrapped at words (probe22 P22-13: help hard-wrapped at ~100 columns
/// was wrapped again by an 80-column terminal, leaving a short orphan line per paragraph, and stayed at ~100 on a wide one).
///
/// How a help source is read, like Markdown's paragraphs:
/// - a blank line ends a paragraph and is kept;
/// - lines at column 0 are prose: each joins the one above, unless that one ends with `:` (a lead-in), or either is a
///   heading (`Examples:`, `flags:`: at most two words and a colon), a row (text, two or more spaces, text: `0   ok`,
///   `json      the API's JSON …`) or a `- ` item, which stand on their own;
/// - an indented line that starts at the hanging column of the row or `- ` item above (`    healthy, webhooks …` under
///   `1   a command failed …`) continues it;
/// - after `Examples:`/`Example:` or a sentence ending with `:`, an indented line that is neither a row nor a `- ` item is
///   a command line: never joined, and when too wide broken between words with ` \` at the end of each piece (kops, at
///   its prompt and in scripts, and shells read the pieces as one line) and the pieces after the first indented 4 more;
/// - any other indented line stands alone.
/// Prose wraps with `ProseWrap` (a row's continuations under its text after the gap, or the text under the row's
/// label when the gap ends past half the width; an item's under its text).
public enum HelpText {
    /// The width help is fitted to without a terminal (a pipe, a file, a transcript), so scripts and goldens are stable.
    public static let defaultWidth = 80

    /// One paragraph, row, item or command line of a help source.
    struct Paragraph: Equatable {
        var text: String
        var code = false
        /// A heading or a row: nothing joins it at column 0.
        var standsAlone = false
    }

    /// `text` fitted to `width` columns, one string a line (controls shown as escapes).
    public static func lines(_ text: String, width: Int) -> [String] {
        paragraphs(text).flatMap { paragraph -> [String] in
            let line = VisibleText.escaped(paragraph.text)
            if line.isEmpty { return [""] }
            if paragraph.code { return commandLines(line, width: width) }
            // A row whose text starts past half the width (a flag row at 40 columns) has its text under its label,
            // 4 columns in, rather than continued at the margin under the label.
            if let gap = gapEnd(line), gap > width / 2, TextWidth.displayWidth(line) > width {
                let margin = line.prefix { $0 == " " }.count
                var label = String(line.prefix(gap))
                while label.last == " " { label.removeLast() }
                let text = String(repeating: " ", count: margin + 4) + line.dropFirst(gap)
                return [label] + ProseWrap.lines(text, width: width, hanging: margin + 4)
            }
            return ProseWrap.lines(line, width: width, hanging: usageColumn(line, width: width) ?? hangingColumn(line))
        }
    }

    /// Where a `usage: ` line's continuations start: under the first word after the command's name
    /// (`usage: webhooks create --url URL` → the column of `--url`), as a synopsis lines its options up; after `usage: `
    /// when that is past half the width or leaves too little room for its widest option (`UsageWords`), which then
    /// starts its line at the margin if it must. Nil for other lines.
    static func usageColumn(_ line: String, width: Int) -> Int? {
        let label = "usage: "
        guard line.hasPrefix(label) else { return nil }
        let words = line.dropFirst(label.count).split(separator: " ")
        let name = words.prefix(while: UsageWords.isCommandWord)
        let column = label.count + name.reduce(0) { $0 + TextWidth.displayWidth($1) + 1 }
        let options = UsageWords.units(words.dropFirst(name.count).map { (1, String($0)) }, level: 0, room: width)
        let widest = options.map { TextWidth.displayWidth($0.text) }.max() ?? 0
        return column <= width / 2 && column + widest <= width ? column : label.count
    }

    /// `lines(text, width:)` as one text, lines joined by line feeds (no final one).
    public static func fitted(_ text: String, width: Int) -> String {
        lines(text, width: width).joined(separator: "\n")
    }

    /// The source's lines as paragraphs, rows, items and command lines (the rules above).
    static func paragraphs(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        // The column-0 paragraph above ends with `:` after `Examples` or a sentence: indented lines are command lines.
        var leadIn = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            while line.last == " " { line.removeLast() }
            if line.isEmpty {
                result.append(Paragraph(text: ""))
                leadIn = false
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 {
                let alone = isHeading(line) || isRow(line) || isItem(line)
                if let last = result.last, !last.text.isEmpty, !last.code, !last.standsAlone, !last.text.hasPrefix(" "),
                    !last.text.hasSuffix(":"), !alone
                {
                    result[result.count - 1].text += " " + line
                } else {
                    result.append(Paragraph(text: line, standsAlone: alone))
                }
                let paragraph = result[result.count - 1].text
                leadIn = paragraph.hasSuffix(":") && (paragraph == "Examples:" || paragraph == "Example:" || wordCount(paragraph) > 2)
                continue
            }
            let item = isItem(line) || isRow(line)
            if let last = result.last, !last.code, !last.text.isEmpty, !leadIn || isItem(last.text),
                let column = hangingColumn(last.text), column == indent, column > last.text.prefix(while: { $0 == " " }).count
            {
                result[result.count - 1].text += " " + line.dropFirst(indent)
                continue
            }
            result.append(Paragraph(text: line, code: leadIn && !item, standsAlone: true))
        }
        return result
    }

    /// True for `Examples:`, `flags:`: at most two words and a colon at column 0.
    static func isHeading(_ line: String) -> Bool {
        line.hasSuffix(":") && wordCount(line) <= 2
    }

    /// True for a row: text, then a gap of two or more spaces, then text (`0   ok`, `  --scope S   lists …`).
    static func isRow(_ line: String) -> Bool {
        gapEnd(line) != nil
    }

    /// True for a `- ` (or `* `, `• `) item.
    static func isItem(_ line: String) -> Bool {
        let text = line.drop { $0 == " " }
        return ["- ", "* ", "• "].contains { text.hasPrefix($0) }
    }

    /// The column a line's continuations start at: after an item's marker, after a row's gap, after a `label: `; nil
    /// for plain prose (continuations at its own margin).
    static func hangingColumn(_ line: String) -> Int? {
        let indent = line.prefix { $0 == " " }.count
        if isItem(line) { return indent + 2 }
        if let gap = gapEnd(line) { return gap }
        // A label is one plain word and a colon (`usage: `, `sources: `), not a quoted value (`'available: false'`).
        let text = line.dropFirst(indent)
        if let space = text.firstIndex(of: " "), text[..<space].hasSuffix(":"),
            text[..<space].dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
            text.count > text.distance(from: text.startIndex, to: space) + 1
        {
            return indent + TextWidth.displayWidth(text[..<space]) + 1
        }
        return nil
    }

    /// The column after the first gap of two or more spaces that follows text, nil when there is none.
    private static func gapEnd(_ line: String) -> Int? {
        let characters = Array(line)
        var index = characters.prefix { $0 == " " }.count
        var sawText = false
        while index < characters.count {
            if characters[index] == " " {
                var end = index
                while end < characters.count && characters[end] == " " { end += 1 }
                if sawText && end - index >= 2 && end < characters.count {
                    return TextWidth.displayWidth(String(characters[..<end]))
                }
                index = end
            } else {
                sawText = true
                index += 1
            }
        }
        return nil
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }

    /// A command line as lines of at most `width` columns: broken between words (a quoted word with its spaces is one),
    /// each piece but the last ending with ` \`, the pieces after the first indented 4 more than the line. A word too
    /// wide for any line keeps its line whole.
    static func commandLines(_ line: String, width: Int) -> [String] {
        guard TextWidth.displayWidth(line) > width else { return [line] }
        let margin = line.prefix { $0 == " " }.count
        let words = commandWords(String(line.dropFirst(margin)))
        var lines: [String] = []
        var current = String(repeating: " ", count: margin)
        var currentWidth = margin
        var empty = true
        for word in words {
            let wordWidth = TextWidth.displayWidth(word)
            // Room for the word and, on a line that goes on, the ` \` after it.
            if !empty && currentWidth + 1 + wordWidth + 2 > width {
                lines.append(current + " \\")
                current = String(repeating: " ", count: margin + 4)
                currentWidth = margin + 4
                empty = true
            }
            if !empty {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
            empty = false
        }
        return lines + [current]
    }

    /// A command line's words: split at spaces outside `'…'` and `"…"` quotes.
    static func commandWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
