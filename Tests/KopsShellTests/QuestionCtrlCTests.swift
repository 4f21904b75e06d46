import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe29 P29-21: Ctrl-C at a `[y/N]` question printed "not deleted", then "stopped with Ctrl-C: what 'webhooks'
/// showed may be incomplete", and the transcript block was marked interrupted. A Ctrl-C there is a "no": one line, and
/// the block is complete.
@Suite struct QuestionCtrlCTests {
    /// Ctrl-C presses as the terminal layer counts them.
    final class Presses: @unchecked Sendable {
        var count = 0
    }

    /// Runs `line` in an interactive shell whose questions are answered with Ctrl-C (`ctrlC`) or "n", recording it;
    /// the status, standard output, standard error and the transcript.
    private func answer(_ line: String, ctrlC: Bool) async throws -> (status: KopsShell.ExitStatus, out: String, err: String, page: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let presses = Presses()
            shell.context.isInteractive = true
            shell.context.interruptPresses = { presses.count }
            shell.context.confirm = { _ in
                if ctrlC { presses.count += 1 }
                return false
            }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            let status = shell.run(line: line)
            return (status, output.out, output.err, recorder.text)
        }
    }

    @Test(arguments: [
        ("webhooks delete 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "not deleted"),
        ("reply --to +14155550142 hello", "not sent"),
    ])
    func ctrlCAtAQuestionIsANo(line: String, answer: String) async throws {
        let pressed = try await self.answer(line, ctrlC: true)
        let typed = try await self.answer(line, ctrlC: false)
        #expect(pressed.status == .ok, "\(pressed.err)")
        #expect((pressed.out + pressed.err).contains(answer), "\(pressed.out)\(pressed.err)")
        #expect(!pressed.err.contains("Ctrl-C"), "\(pressed.err)")
        #expect(!pressed.page.contains("interrupted"), "\(pressed.page)")
        // Said as an "n" is.
        #expect(pressed.out == typed.out && pressed.err == typed.err, "\(pressed.out)\(pressed.err) vs \(typed.out)\(typed.err)")
    }
}
