internal import KapsoDiagnostics

/// Text the masker itself wrote: a placeholder (`<message 1>`, `<body 2>`, `<ad click 1>`) or a masked number
/// (`1415•••0157`, `+1 415 ••• 0142`).
///
/// A learned value is masked in the text as it came, never inside what masking put there: a template parameter that
/// is a word or a digit of a placeholder (`--param message`, `--param body`, `--param 1`) matched inside `<message 1>`
/// or `<body 1>`, masked earlier in the same text or by an earlier pass over it, and the page read
/// `sent <<body 1> 1> to …` and `your order <body 3> is <body <body 3>>` (tester56b AA4).
///
/// The redactor's `<redacted>` is kept apart the same way: a recording masks neither inside the other (tester58 AD6.5): a flow answer `"password": "hunter2!"` was shown `password=<redacted>!`, its JSON learned
/// `<redacted>!` as a body, the page masked that to `<body 14>`, the redactor then read `password=<body` as a secret's
/// value (`password=<redacted> 14>`) and the masker's second pass made it `password=<body 16> 14>`.
extension PIIMasker {
    /// The redactor's mask: the masker learns no value that is only it and punctuation, and the redactor's second pass
    /// over a recorded page (`outsideMasks`) leaves it and the masker's placeholders alone.
    static let redactedMask = Array("<redacted>")

    /// `text` with `transform` (the redactor) applied to each piece between what a masker wrote (`insertedSpans`), those
    /// kept as they are: what is masked already is not read for secrets again, so no mask is cut in two.
    static func outsideMasks(_ text: String, _ transform: (String) -> String) -> String {
        guard text.contains("<") || text.contains("•") else { return transform(text) }
        let characters = Array(text)
        let spans = insertedSpans(in: characters, redacted: true)
        guard !spans.isEmpty else { return transform(text) }
        var result = ""
        var copied = 0
        for span in spans {
            if span.lowerBound > copied { result += transform(String(characters[copied..<span.lowerBound])) }
            result += String(characters[span])
            copied = span.upperBound
        }
        if copied < characters.count { result += transform(String(characters[copied...])) }
        return result
    }

    /// The character ranges of `text` that the masker wrote, with `redacted` those of the redactor's mask too
    /// (`redactedMask`: a learned value holding one is masked whole, so only `outsideMasks` asks for them).
    static func insertedSpans(in text: [Character], redacted: Bool = false) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if redacted, text[index] == "<", index + redactedMask.count <= text.count,
                text[index..<index + redactedMask.count].elementsEqual(redactedMask)
            {
                spans.append(index..<index + redactedMask.count)
                index += redactedMask.count
            } else if text[index] == "<", let end = placeholderEnd(text, from: index) {
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
