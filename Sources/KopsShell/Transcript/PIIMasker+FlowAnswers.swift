internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// A flow reply's answers masked by position: `flow response 'flow': name=<body 1>, Street Address=<body 2>, pin=<redacted>`.
///
/// The summary lists each answer as `key=value` (`FlowAnswer.listed`). Masked as learned values wherever they stand, an
/// answer under 3 characters (`name=Li`) was left in clear (a value that short is not learned), and a value that is one
/// word of a field's name masked the name (`Street Address` → `Street <body 8>`, the word `Address` being a body from an
/// address reply; fix59D AD6.5). Where the summary stands whole in a text, each value is masked as itself and the field
/// names are left as the form has them; a credential is `<redacted>` already (`FlowAnswers`).
extension PIIMasker {
    /// Remembers the answers of one flow reply (`response_json`), so its summary is masked by position.
    func learnFlowAnswers(_ response: JSONValue) {
        guard let answers = FlowAnswer.answers(response), !answers.isEmpty else { return }
        flowAnswers[FlowAnswer.listed(answers)] = answers
    }

    /// `text` with the first flow summary it holds masked by position and the text around it masked as any text; nil
    /// when it holds none. JSON text is left to the other readings: a summary there is a string of its own (a
    /// `kapso.content` that repeats it), masked whole as the body it is.
    func maskingFlowAnswers(in text: String, content: Bool) -> String? {
        guard !flowAnswers.isEmpty, text.contains("="), !text.contains("\":") else { return nil }
        var found: (range: Range<String.Index>, answers: [FlowAnswer])?
        for (listed, answers) in flowAnswers {
            guard let range = text.range(of: listed) else { continue }
            // The first in the text; of two that start there, the longer (one list may begin another).
            if let current = found?.range,
                current.lowerBound < range.lowerBound || (current.lowerBound == range.lowerBound && current.upperBound >= range.upperBound)
            {
                continue
            }
            found = (range, answers)
        }
        guard let found else { return nil }
        let masked = found.answers.map { "\($0.key)=\(maskedAnswer($0))" }.joined(separator: ", ")
        return mask(String(text[..<found.range.lowerBound]), content: content) + masked
            + mask(String(text[found.range.upperBound...]), content: content)
    }

    /// A flow's `response_json` as its JSON view shows it: each answer as the summary shows it (`maskedAnswer`: a body's
    /// placeholder however short, a JSON `true` or number too, a phone number masked as one), the flow token as it is.
    /// The JSON view masked the answers as words of a text, so one of one or two characters, a boolean or a number stayed
    /// in clear (`"age":"34"`, `"ok":true`) beside the summary's `age=<body 2>`, and the page mapped each placeholder to
    /// its value (tester61 AJ10). Nil when `text` is no JSON object.
    /// The text stays as the API wrote it (spacing, order, escapes), each answer's value replaced in place; a nested
    /// answer (an address message's `values` object) is left to the masking of its leaves, as before.
    func maskedFlowResponse(_ text: String) -> String? {
        var characters = Array(text)
        guard let object = try? JSONValue.parse(Array(text.utf8)).object, let answers = FlowAnswer.answers(.object(object)),
            let spans = PIIMasker.valueSpans(characters), spans.count == answers.count
        else { return nil }
        // Placeholders numbered in the answers' order, then written from the end so the spans before stay where they are.
        var replacements: [(span: Range<Int>, shown: String)] = []
        for ((answer, span), entry) in zip(zip(answers, spans), object.entries) where answer.kind != .token && !entry.value.isNested {
            let shown = answer.kind == .secret ? answer.shown : maskedAnswer(answer)
            // An answer the masker leaves as it is (empty, masked already, the business's own number) keeps its JSON form.
            if answer.kind == .personal, shown == answer.shown { continue }
            replacements.append((span, shown))
        }
        for (span, shown) in replacements.reversed() { characters.replaceSubrange(span, with: JSONValue.string(shown).serialized()) }
        return String(characters)
    }

    /// `maskedFlowResponse` of the answers as an object (some tools send `response_json` as one).
    func maskedFlowResponse(_ object: JSONObject) -> JSONObject {
        guard let answers = FlowAnswer.answers(.object(object)), answers.count == object.entries.count else { return object }
        var masked = object
        for (index, answer) in answers.enumerated() where answer.kind != .token && !object.entries[index].value.isNested {
            let shown = answer.kind == .secret ? answer.shown : maskedAnswer(answer)
            // An answer the masker leaves as it is (empty, masked already, the business's own number) keeps its JSON form.
            if answer.kind == .personal, shown == answer.shown { continue }
            masked.entries[index].value = .string(shown)
        }
        return masked
    }

    /// One answer's value as a transcript shows it: a phone number masked as one, any other personal answer as a body
    /// (however short), the flow token and a credential's `<redacted>` as they are.
    private func maskedAnswer(_ answer: FlowAnswer) -> String {
        guard answer.kind == .personal, !answer.shown.isEmpty, !PIIMasker.isMasked(answer.shown) else { return answer.shown }
        if PIIMasker.isPhoneAnswer(answer.shown, key: answer.key) {
            let masked = maskNumbers(answer.shown)
            // The business's own number stays; a number the masker does not take for one is hidden whole.
            if masked != answer.shown || PIIMasker.phoneNumberDigits(answer.shown).map(isOwn) == true { return masked }
        }
        return alias(for: answer.shown, prefix: "body")
    }

    /// Where each value of the JSON object `text` stands (its members' values, in order, nested ones whole); nil when
    /// `text` is not one object.
    static func valueSpans(_ text: [Character]) -> [Range<Int>]? {
        var index = 0
        func skipBlanks() { while index < text.count, text[index].isWhitespace { index += 1 } }
        func skipString() -> Bool {
            guard index < text.count, text[index] == "\"" else { return false }
            index += 1
            while index < text.count {
                if text[index] == "\\" {
                    index += 2
                } else {
                    index += 1
                    if text[index - 1] == "\"" { return true }
                }
            }
            return false
        }
        func skipValue() -> Bool {
            guard index < text.count else { return false }
            if text[index] == "\"" { return skipString() }
            guard text[index] == "{" || text[index] == "[" else {
                let start = index
                while index < text.count, !text[index].isWhitespace, !",}]".contains(text[index]) { index += 1 }
                return index > start
            }
            var depth = 0
            while index < text.count {
                if text[index] == "\"" {
                    guard skipString() else { return false }
                    continue
                }
                if text[index] == "{" || text[index] == "[" { depth += 1 }
                if text[index] == "}" || text[index] == "]" { depth -= 1 }
                index += 1
                if depth == 0 { return true }
            }
            return false
        }
        skipBlanks()
        guard index < text.count, text[index] == "{" else { return nil }
        index += 1
        skipBlanks()
        var spans: [Range<Int>] = []
        if index < text.count, text[index] == "}" { return spans }
        while true {
            skipBlanks()
            guard skipString() else { return nil }
            skipBlanks()
            guard index < text.count, text[index] == ":" else { return nil }
            index += 1
            skipBlanks()
            let start = index
            guard skipValue() else { return nil }
            spans.append(start..<index)
            skipBlanks()
            guard index < text.count else { return nil }
            if text[index] == "}" { return spans }
            guard text[index] == "," else { return nil }
            index += 1
        }
    }
}

extension JSONValue {
    /// True for an object or an array.
    fileprivate var isNested: Bool { object != nil || array != nil }
}
