/// A strong label's value that holds more than ASCII word characters, read whole (`p@ss!w0rd`, `abc/def+ghi==`: glue
/// inside a value, session 43): `whsec_…23hunter2`, `EAAGm0…abc123`,
/// `…34X`, `•••hunter2`, `<redacted>hunter2`, `pässwort`, `秘密`. Before session 43 the `Character` reading
/// (`TokenShapes.maskedByCharacter`) ended the label's reach at the first character past ASCII or `<`, so what came after
/// it was read with no label and reached the terminal, transcripts and bundles in clear; it now reads the value on to its
/// end (`valueSpan`), leaves it only when it is exactly kops's own masked form (`isMaskedForm`), and masks it whole
/// otherwise.
extension StrongSecretLabels {
    /// A value read on from its first character: where it ends (`end`, an index of the `Character`s), whether it holds
    /// a mask mark (`…`, `•`, `<redacted>`) and whether it holds anything else (a letter, a digit, `_`, `-`).
    struct ValueSpan {
        var end: Int
        var marked: Bool
        var content: Bool
        /// It holds punctuation inside it (`isGlue`: `ab.cd`, `whsec_…23.x`).
        var glued = false
    }

    /// True when the character at `index` goes on with a strong label's value where the word reading stops: one past
    /// ASCII that `piece(_:)` reads (`…`, `•`, a letter, a digit, a combining mark), `<redacted>`, or, after a word of
    /// the value (`afterWord`), punctuation inside it (`glueWidth`: `ab.cd`, `p@ss!w0rd`, `abc/def+ghi==`). `inPath`:
    /// the label stands in a URL's path or query (`/;api_key=X/platform/v1/…`), where `/` ends the value.
    static func startsSpan(_ characters: [Character], at index: Int, afterWord: Bool, inPath: Bool) -> Bool {
        let character = characters[index]
        if character == "<" { return isRedactedMark(characters, at: index) }
        if character.isASCII { return afterWord && glueContinues(characters, at: index, inPath: inPath) }
        return piece(character) != nil
    }

    /// ASCII punctuation a password, a base64 secret or a verify token holds inside it: `. / + = @ ! # $ ~ ^ * ? | : %`.
    /// Before, a value after a strong label ended at the first of them and the rest was printed (`secret: ab.cd` →
    /// `<redacted>.cd`, `password: p@ss!w0rd` → `<redacted>@ss!w0rd`, an AWS-style `wJalr/K7MDENG/bPxR…` after its
    /// first `/`: the lead's read-through in session 43). Blanks, quotes, `\`, brackets, `,`, `;`, `&` and `<`/`>` end
    /// a value (they part fields, pairs and sentences).
    @inline(__always)
    static func isGlue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "*"), UInt8(ascii: "?"),
            UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// The characters of glue at `index`: 1 for a glue character, 3 for a percent-escape of glue or of a word character
    /// (`%2B`, `%2F`) or of a byte past ASCII (`%C3`); nil for anything else, for `/` (or `%2F`) in a path (`inPath`), and for an escape of what ends a
    /// value (`%22` a quote, `%26` an `&`, `%20` a space).
    static func glueWidth(_ characters: [Character], at index: Int, inPath: Bool) -> Int? {
        guard let ascii = characters[index].asciiValue, isGlue(ascii) else { return nil }
        if ascii == UInt8(ascii: "/") { return inPath ? nil : 1 }
        guard ascii == UInt8(ascii: "%"), index + 2 < characters.count,
            let high = characters[index + 1].asciiValue.flatMap(ShapedCredentials.hexValue),
            let low = characters[index + 2].asciiValue.flatMap(ShapedCredentials.hexValue)
        else { return 1 }
        let escaped = high << 4 | low
        if escaped == UInt8(ascii: "/") { return inPath ? nil : 3 }
        return isGlue(escaped) || isWordByte(escaped) || escaped >= 0x80 ? 3 : nil
    }

    /// True when the run of glue at `index` is inside a value: a word character, a character `piece(_:)` reads or
    /// `<redacted>` follows it; or it ends the value and starts with no sentence's mark (`abc/def+ghi==`'s padding). A
    /// `.`, `!`, `?` or `:` at the end (`password: hunter2.`) is the sentence's, not the value's.
    static func glueContinues(_ characters: [Character], at index: Int, inPath: Bool) -> Bool {
        var end = index
        while end < characters.count, let width = glueWidth(characters, at: end, inPath: inPath) { end += width }
        guard end > index else { return false }
        let ending = end == characters.count || !continuesAfterGlue(characters[end], characters, at: end)
        if ending { return !".!?:".contains(characters[index]) }
        return true
    }

    /// True when `next`, at `index` right after a run of glue, carries the value on.
    private static func continuesAfterGlue(_ next: Character, _ characters: [Character], at index: Int) -> Bool {
        if let ascii = next.asciiValue { return isWordByte(ascii) || (ascii == UInt8(ascii: "<") && isRedactedMark(characters, at: index)) }
        return piece(next) != nil
    }

    /// True for a strong label's value that holds glue (`isGlue`) and is a secret: not digits and punctuation alone
    /// (`12:30`, `1.5`, a time or a version), nor `n/a`, nor a cursor (`eyJ…==`, base64 JSON, as `isValue` leaves it;
    /// a JWT, dotted, is masked before: `DottedTokens`).
    static func isGluedValue(_ value: String) -> Bool {
        guard value.lowercased() != "n/a", !value.hasPrefix("eyJ") else { return false }
        return value.utf8.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A } || value.utf8.contains { $0 >= 0x80 }
    }

    /// The value that starts at `start`: ASCII word characters, escaped joiners (`%5F`), `<redacted>`, characters past
    /// ASCII that `piece(_:)` reads, and glue inside it (`glueContinues`: `whsec_…23.x`, `ab.cd`, `abc/def+ghi==`).
    static func valueSpan(_ characters: [Character], from start: Int, inPath: Bool) -> ValueSpan {
        var span = ValueSpan(end: start, marked: false, content: false)
        while span.end < characters.count {
            let character = characters[span.end]
            if let ascii = character.asciiValue {
                if isWordByte(ascii) {
                    span.content = true
                    span.end += 1
                } else if ascii == UInt8(ascii: "<"), isRedactedMark(characters, at: span.end) {
                    span.marked = true
                    span.end += redactedMark.count
                } else if ascii == UInt8(ascii: "%"), let width = TokenShapes.joinerWidth(characters, at: span.end) {
                    span.content = true
                    span.end += width
                } else if let width = glueWidth(characters, at: span.end, inPath: inPath),
                    glueContinues(characters, at: span.end, inPath: inPath)
                {
                    span.glued = true
                    span.end += width
                } else {
                    break
                }
                continue
            }
            guard let piece = piece(character) else { break }
            span.marked = span.marked || piece.mark
            span.content = span.content || piece.content
            span.end += 1
        }
        return span
    }

    /// How a character past ASCII (or an ASCII one with a combining mark) reads inside a value: `…` and `•` (with or
    /// without marks on them) are mask marks; a letter, a digit or a word character with a mark on it is content; a
    /// combining mark alone is neither; anything else (a space, a dash, a box-drawing line, a quote) ends the value.
    static func piece(_ character: Character) -> (mark: Bool, content: Bool)? {
        guard let first = character.unicodeScalars.first else { return nil }
        if first == "\u{2026}" || first == "\u{2022}" { return (true, false) }
        if first.isASCII { return isWordByte(UInt8(first.value)) ? (false, true) : nil }
        if character.isLetter || character.isNumber { return (false, true) }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return (false, false)
        default: return nil
        }
    }

    /// True when `<redacted>` starts at `index` of `characters`.
    static func isRedactedMark(_ characters: [Character], at index: Int) -> Bool {
        let mark = redactedMark
        guard characters.count - index >= mark.count else { return false }
        for offset in 0..<mark.count where characters[index + offset].asciiValue != mark[offset] { return false }
        return true
    }
}
