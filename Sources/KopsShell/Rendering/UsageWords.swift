/// The words of a usage synopsis grouped so that a line breaks only between whole options, e.g. at 40 columns
/// `usage: whois ID [--output table|json]` wraps before `[--output table|json]`, never after `[--output`.
///
/// A synopsis starts after a `usage:` word that begins the line or follows a `;` (`…; usage: messages [--limit N]`).
/// In it a `[…]`, `(…)` or `<…>` group is one word when it fits in the room; one that does not is broken between its own
/// parts, grouped the same way one level in (`profile [list | use NAME | add NAME --base-url URL (…) [--default]]` at
/// 40 columns). At each level a flag keeps its value (`--url URL`), a `...` the word before it and a `|` the alternative
/// after it, when they fit. Nothing is joined wider than the room, so the wrap still fits.
enum UsageWords {
    typealias Word = (spaces: Int, text: String)

    /// `words` (each with the spaces before it) with the synopsis's groups joined.
    static func grouped(_ words: [Word], room: Int) -> [Word] {
        guard
            let start = words.indices.first(where: { index in
                words[index].text == "usage:" && (index == 0 || words[index - 1].text.hasSuffix(";"))
            }), start + 1 < words.count
        else { return words }
        return Array(words[...start]) + units(Array(words[(start + 1)...]), level: 0, room: room)
    }

    /// `words` as the units of bracket depth `level`: a new unit starts at each word that begins at that depth; a unit
    /// too wide for `room` is split one level in.
    static func units(_ words: [Word], level: Int, room: Int) -> [Word] {
        var groups: [[Word]] = []
        var depth = 0
        for word in words {
            if depth <= level || groups.isEmpty {
                groups.append([word])
            } else {
                groups[groups.count - 1].append(word)
            }
            depth = max(0, depth + opening(word.text))
        }
        var result: [Word] = []
        for group in groups {
            if let whole = joined(group, room: room) {
                result.append(whole)
            } else if group.count > 1 {
                result += units(group, level: level + 1, room: room)
            } else {
                result += group
            }
        }
        return paired(result, room: room)
    }

    /// Brackets opened minus brackets closed in `text` (`[--output` 1, `json|table]` −1, `(==|!=|<|>|contains)` 0).
    private static func opening(_ text: String) -> Int {
        text.reduce(0) { count, character in
            switch character {
            case "[", "(", "<": count + 1
            case "]", ")", ">": count - 1
            default: count
            }
        }
    }

    /// A flag with its value and a `...` with the word before it, then a `|` with the alternative after it (its
    /// command's words and first option: `| logs search [QUERY]`), each joined when it fits in `room`.
    private static func paired(_ units: [Word], room: Int) -> [Word] {
        var flags: [Word] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            if index + 1 < units.count, isFlag(unit.text), isValue(units[index + 1].text),
                let pair = joined([unit, units[index + 1]], room: room)
            {
                flags.append(pair)
                index += 2
            } else if unit.text == "...", let previous = flags.last, let pair = joined([previous, unit], room: room) {
                flags[flags.count - 1] = pair
                index += 1
            } else {
                flags.append(unit)
                index += 1
            }
        }
        var result: [Word] = []
        index = 0
        while index < flags.count {
            guard flags[index].text == "|" else {
                result.append(flags[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < flags.count, isCommandWord(flags[end].text) { end += 1 }
            end = min(end, flags.count - 1)
            if end > index, let alternative = joined(Array(flags[index...end]), room: room) {
                result.append(alternative)
                index = end + 1
            } else if index + 1 < flags.count, let pair = joined([flags[index], flags[index + 1]], room: room) {
                result.append(pair)
                index += 2
            } else {
                result.append(flags[index])
                index += 1
            }
        }
        return result
    }

    /// `reply`, `search`: a command's name or subcommand, lower-case letters and dashes.
    static func isCommandWord(_ text: some StringProtocol) -> Bool {
        text.first?.isLetter == true && text.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "-" }
    }

    /// `--url`, `-c`: a flag whose value may follow it (not one that closes a group: `--all]`).
    private static func isFlag(_ text: String) -> Bool {
        text.hasPrefix("-") && text.count > 1 && opening(text) == 0
    }

    /// `URL`, `a,b`, `json|table`: a value, not another flag, group or alternative.
    private static func isValue(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return !"-[(<|".contains(first) && text != "..." && opening(text) == 0
    }

    /// The words as one, with their spaces, when that fits in `room`.
    private static func joined(_ words: [Word], room: Int) -> Word? {
        guard let first = words.first else { return nil }
        let text = words.dropFirst().reduce(first.text) { $0 + String(repeating: " ", count: $1.spaces) + $1.text }
        return TextWidth.displayWidth(text) <= room ? (first.spaces, text) : nil
    }
}
