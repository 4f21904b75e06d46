import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe40 P40-2, its wider kind: a write whose recorded block shows it was refused by kops on that day's state (a
/// closed 24-hour window, a template check, recent failures) or answered with an error by the API was sent again by
/// `kops check --allow-writes`. The recorder now ends such a block with `TranscriptRecorder.writeNotAcceptedLine`; a
/// block recorded before that line existed is read by its `error:` line. Either way the check keeps it as recorded and
/// sends nothing, and `--update` keeps the block with its mark.
@Suite struct Probe40NotAcceptedWriteTests {
    static let number = "100200300400501"
    static let reply = "reply --to +14155550142 \"Refund approved: 120 EUR\""

    /// `lines` recorded on a fresh simulator with writes allowed, personal data kept.
    private func record(_ lines: [String]) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.readOnly = false
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    /// The replay's outcome (writes sent) and the messages the simulator holds after it, as JSON.
    private func check(_ transcript: String) async throws -> (TranscriptChecker.Outcome, String) {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
            let (reader, output) = try fixture.shell(phoneNumberID: Self.number)
            reader.run(line: "messages --limit 5 --output json")
            return (outcome, output.out)
        }
    }

    /// The block of the line `command` in `transcript`, its `sent …` output replaced by `error` (as a recording whose
    /// send the API refused shows it), with the mark after it when `marked`.
    private static func refused(_ transcript: String, command: String, error: String, marked: Bool) throws -> String {
        let prompt = try #require(transcript.range(of: "> " + command + "\n"))
        let end = try #require(transcript.range(of: "\n```\n", range: prompt.upperBound..<transcript.endIndex))
        let mark = marked ? "\n" + TranscriptRecorder.writeNotAcceptedLine : ""
        return String(transcript[..<prompt.upperBound]) + error + mark + String(transcript[end.lowerBound...])
    }

    /// The recorder marks a write the API answered with an error, and one kops refused; not a write that was accepted,
    /// a read that failed, nor a line whose write was accepted before a later command failed.
    @Test func theRecorderMarksAWriteThatWasNotAccepted() async throws {
        let missing = "00000000-0000-4000-8000-00000000dead"
        let transcript = try await record([
            "webhooks delete \(missing) --yes",
            "webhooks get \(missing)",
            Self.reply,
            Self.reply + "; webhooks get \(missing)",
            "reply --to +14155550142 --template no_such_template --language en_US",
        ])
        let blocks = TranscriptParser(transcript).commands.map(\.block)
        #expect(blocks.count == 5)
        let marked = blocks.map { $0.contains("\n" + TranscriptRecorder.writeNotAcceptedLine + "\n```") }
        #expect(marked == [true, false, false, false, true], "\(transcript)")
        // After the error, as the block's last line.
        #expect(blocks[0].contains("\nerror: "), "\(blocks[0])")
    }

    /// A reply the API refused when recorded (its block: an error and the mark) is not sent by `check --allow-writes`,
    /// though the simulator it replays on would accept it; the block is kept with its mark, and `--update`'s text too.
    /// An older block (the error alone, no mark) and a line of several commands are read the same.
    @Test(arguments: [0, 1, 2])
    func aWriteRefusedWhenRecordedIsNeverSentAgain(variant: Int) async throws {
        let command = variant == 2 ? "use \(Self.number); " + Self.reply : Self.reply
        let recorded = try await record([command, "explain 131047"])
        #expect(recorded.contains("\nsent "), "\(recorded)")
        let error = "error: reply: Kapso refused the request (HTTP 400): the recipient is not a valid WhatsApp user"
        let transcript = try Self.refused(recorded, command: command, error: error, marked: variant == 0)
        let (outcome, messages) = try await check(transcript)
        #expect(!messages.contains("Refund approved"), "the replay sent the refused reply:\n\(messages)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.writesNotSent.isEmpty && outcome.writesNotReplayed.isEmpty)
        #expect(outcome.notAcceptedWhenRecorded.count == 1)
        let reason = try #require(outcome.keptAsRecorded.first { $0.command == command }?.reason)
        #expect(reason.contains("when recorded") && reason.contains("check does not send it"), "\(reason)")
        #expect(outcome.notReplayedLine == "1 of 2 commands was not replayed (1 refused or failed when recorded)")
        #expect(outcome.updated == transcript, "--update keeps the block, its mark included")
    }

    /// A reply kops refused on that day's state (the template is not one the WABA has) is the same: kept, never sent.
    @Test func aWriteKopsRefusedOnThatDaysStateIsKept() async throws {
        let command = "reply --to +14155550142 --template no_such_template --language en_US"
        let transcript = try await record([command])
        let (outcome, _) = try await check(transcript)
        #expect(outcome.notAcceptedWhenRecorded.count == 1, "\(transcript)")
        #expect(outcome.keptAsRecorded.map(\.command) == [command])
        #expect(outcome.diff.isEmpty)
    }
}
