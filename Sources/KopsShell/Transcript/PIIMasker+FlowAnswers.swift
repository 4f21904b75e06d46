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
}
