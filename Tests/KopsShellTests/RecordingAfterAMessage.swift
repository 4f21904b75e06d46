import KopsShell
import KopsTestSupport
import Testing

/// probe18 P18-27's set-up: on the demo's Support Line, a message is looked up, then `record` starts and `line` runs
/// (a command that uses the session's last message); its status, the transcript and restore file it made, and the diff
/// of their replay on a fresh session that never looked the message up (empty when the line names its message).
func recordedAfterAMessage(
    _ line: String
) async throws -> (status: KopsShell.ExitStatus, transcript: String, restore: TranscriptRestore, replayDiff: [String]) {
    let (status, transcript, restore) = try await withSimulator { fixture in
        let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
        #expect(shell.run(line: "message \(Demo.danaInbound)") == .ok)
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
        shell.recorder = recorder
        let status = shell.run(line: line)
        return (status, recorder.text, recorder.restore)
    }
    let outcome = try await withSimulator { fixture in
        let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
        return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell)
    }
    return (status, transcript, restore, outcome.diff)
}
