import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester56b AA4: a template parameter that is a word or a digit of a placeholder (`--param message`, `--param contact`,
/// `--param body`, `--param 1`) was masked inside placeholders the masker had written (`sent <<body 1> 1> to …`,
/// `your order <body 3> is <body <body 3>>`), and `kops check` of the recording said "output unchanged". Each value is
/// masked once, in the text as it came.
@Suite struct AA4TemplateValueInPlaceholderTests {
    static let sends = [
        "reply --to +14155550157 --template order_update --param message --param contact --param X9 --param 2",
        "reply --to +14155550157 --template order_update --param body --param message --param 7 --param Lee",
        "reply --to +14155550157 --template order_update --param 1 --param Lee --param 1 --param shipped",
    ]

    @Test(arguments: sends) func eachValueIsMaskedOnceAndReplays(send: String) async throws {
        let (transcript, outcome) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: send)
            let (replayShell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let outcome = try TranscriptChecker(expected: recorder.text, path: "t.md", restore: recorder.restore)
                .replay(on: replayShell, allowWrites: true)
            return (recorder.text, outcome)
        }
        let start = try #require(transcript.range(of: "```kops")).lowerBound
        let page = String(transcript[start...])
        #expect(page.contains("\nsent <message 1> to "), "\(page)")
        // No placeholder inside another: between a `<` and its `>` stands no other `<`.
        #expect(page.range(of: #"<[^<>\n]*<"#, options: .regularExpression) == nil, "\(page)")
        #expect(page.range(of: #"> ?[0-9]+>"#, options: .regularExpression) == nil, "\(page)")
        for value in ["X9", "Lee", "shipped"] {
            #expect(!page.contains(value), "the page shows '\(value)': \(page)")
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
    }

    @Test func aValueIsNotMaskedInsideAMaskedNumber() {
        let masker = PIIMasker()
        masker.learnTemplateValue("0157")
        masker.learnTemplateValue("415")
        let text = PIIMasker.replace(masker.pattern("0157"), with: "<body 1>", in: "to +1 415 ••• 0157 (1415•••0157): 0157")
        #expect(text == "to +1 415 ••• 0157 (1415•••0157): <body 1>")
        #expect(PIIMasker.replace(masker.pattern("415"), with: "<body 2>", in: text) == text)
    }
}
