import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester53b U21: `kops check --allow-writes` of a recorded `reply --template` said "output changed" for the identical
/// send. Recorded, the parameters were masked inside the sent text (`"Hi <body 2>, your order A1 is <body 1>."`); on
/// replay the message sent when recording was in the API's data, its `kapso.content` (the rendered template) was learned
/// as one body and the whole text became `"<body 3>"`. Also `A1`, a parameter of two characters, stayed in clear
/// where `Lee` and `ready` were masked.
@Suite struct U21TemplateReplyReplayTests {
    static let send = "reply --to +14155550157 --template order_update --param A1 --param Lee --param A1 --param ready"

    /// `send` recorded from Support Line, masked, and the recording replayed with writes on a fresh shell of the same
    /// simulator: the transcript and the check's outcome, checked by the caller outside the simulator's closure, so an
    /// issue counts against its test.
    static func recordAndReplay(_ send: String) async throws -> (transcript: String, outcome: TranscriptChecker.Outcome) {
        try await withSimulator { fixture in
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
    }

    @Test func theSameSendReplaysAsRecorded() async throws {
        let (transcript, outcome) = try await Self.recordAndReplay(Self.send)
        // Every parameter is masked wherever the page shows it: the typed line, the header, the body.
        let start = try #require(transcript.range(of: "```kops")).lowerBound
        let page = String(transcript[start...])
        #expect(page.contains("\nsent <message 1> to "), "\(page)")
        for value in ["A1", "Lee", "ready"] {
            #expect(!page.contains(value), "the page shows '\(value)': \(page)")
        }
        #expect(page.contains("\"Hi <body "), "the template's own text stays: \(page)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
    }
}
