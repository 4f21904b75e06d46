internal import KapsoDiagnostics

/// Text the masker itself wrote: a placeholder (`<message 1>`, `<body 2>`, `<ad click 1>`) or a masked number
/// (`1415•••0157`, `+1 415 ••• 0142`).
///
/// A learned value is masked in the text as it came, never inside what masking put there: a template parameter that
/// is a word or a digit of a placeholder (`--param message`, `--param body`, `--param 1`) matched inside `<message 1>`
/// or `<body 1>`, masked earlier in the same text or by an earlier pass over it, and the page read
/// `sent <<body 1> 1> to …` and `your order <body 3> is <body <body 3>>` (tester56b AA4).
extension PIIMasker {
    /// The character ranges of `text` that the masker wrote.
    static func insertedSpans(in text: [Character]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if text[index] == "<", let end = placeholderEnd(text, from: index) {
                spans.append(index..<end)
                index = end
            } else if text[index] == "•", index + 2 < text.count, text[index + 1] == "•", text[index + 2] == "•" {
                let span = maskedNumberSpan(text, dots: index)
                spans.append(span)
                index = span.upperBound
            } else {
                index += 1
            }
        }
        return spans
    }

    /// The end (past `>`) of the placeholder opening at `start`: `<` a kind `TranscriptMask.kinds` names, a space, digits,
    /// `>`.
    private static func placeholderEnd(_ text: [Character], from start: Int) -> Int? {
        for prefix in TranscriptMask.kinds.map({ Array("<\($0.kind) ") }) {
            let afterPrefix = start + prefix.count
            guard afterPrefix < text.count, Array(text[start..<afterPrefix]) == prefix else { continue }
            var end = afterPrefix
            while end < text.count, text[end].isASCII, text[end].isNumber { end += 1 }
            if end > afterPrefix, end < text.count, text[end] == ">" { return end + 1 }
        }
        return nil
    }

    /// A masked number around the `•••` at `dots`: the digits before it (grouped by single spaces, after a `+` or in
    /// parentheses) and after it (across one space).
    private static func maskedNumberSpan(_ text: [Character], dots: Int) -> Range<Int> {
        let isDigit = { (character: Character) in character.isASCII && character.isNumber }
        var start = dots
        while start > 0 {
            let before = text[start - 1]
            if isDigit(before) || before == "(" || before == ")" {
                start -= 1
            } else if before == " ", start >= 2, isDigit(text[start - 2]) || text[start - 2] == ")" || start == dots {
                start -= 1
            } else if before == "+" {
                start -= 1
                break
            } else {
                break
            }
        }
        while start < dots, text[start] == " " { start += 1 }
        var end = dots + 3
        if end < text.count, text[end] == " ", end + 1 < text.count, isDigit(text[end + 1]) { end += 1 }
        while end < text.count, isDigit(text[end]) { end += 1 }
        return start..<end
    }
}
