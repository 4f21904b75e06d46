import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe18 P18-27: `record` started after a message was looked up: `reply` without `--to` writes to the session's last
/// message, which the transcript names on its line (`--message <message 1>`, restored from the restore file), so it
/// replays on a session that never looked the message up. (A line that masking changed, a text or a --param, is not
/// completed yet: `TranscriptRecorder.completeLine` leaves such lines as they are.)
@Suite struct ReplyRecordingTests {
    @Test func aReplyToTheLastMessageNamesItOnItsLine() async throws {
        let (_, transcript, restore, replayDiff) = try await recordedAfterAMessage("reply --template part_ready")
        #expect(transcript.contains("> reply --template part_ready --message <message 1>\n"), "\(transcript)")
        #expect(restore.lines["reply --template part_ready --message <message 1>"]
            == ["reply --template part_ready --message \(Demo.danaInbound)"])
        #expect(replayDiff.isEmpty, "\(replayDiff.joined(separator: "\n"))")
    }

    /// `--message WAMID` is the same reply as to that message selected: the same request, quoting it.
    @Test func aReplyToAGivenMessageIsTheReplyToItSelected() async throws {
        let (selected, given) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "message \(Demo.danaInbound)") == .ok)
            var before = output.out.count
            #expect(shell.run(line: "reply --dry-run \"ok thanks\"") == .ok)
            let selected = String(output.out.dropFirst(before))
            let (fresh, freshOutput) = try fixture.shell(phoneNumberID: Demo.support)
            before = freshOutput.out.count
            #expect(fresh.run(line: "reply --dry-run \"ok thanks\" --message \(Demo.danaInbound)") == .ok)
            return (selected, String(freshOutput.out.dropFirst(before)))
        }
        #expect(!selected.isEmpty)
        #expect(selected == given)
    }
}
