/// A strong label's value that holds more than ASCII word characters, read whole (`p@ss!w0rd`, `abc/def+ghi==`:
/// punctuation inside a value, `StrongSecretLabels+Punctuation`): `whsec_…23hunter2`, `EAAGm0…abc123`,
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
        /// It holds ASCII punctuation inside it (`valueWidth`: `ab.cd`, `whsec_…23.x`, `p@ss!w0rd`).
        var glued = false
    }

    /// The value that starts at `start`: ASCII word characters, escaped joiners (`%5F`), `<redacted>`, characters past
    /// ASCII that `piece(_:)` reads, and punctuation inside it (`valueWidth`: `whsec_…23.x`, `ab.cd`, `abc/def+ghi==`),
    /// without what `trimmedEnd` leaves to the sentence (`hunter2.`, `(X)` read in its brackets).
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
                } else if let width = valueWidth(characters, at: span.end, inPath: inPath) {
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
        span.end = trimmedEnd(characters, from: start, to: span.end)
        span.glued = span.glued && !characters[start..<span.end].allSatisfy { character in
            !character.isASCII || character.asciiValue.map(isWordByte) == true
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
