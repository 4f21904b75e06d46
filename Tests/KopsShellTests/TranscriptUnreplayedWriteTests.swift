import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// `kops check` of a recorded "create, capture, test" session without `--allow-writes` (probe11 P11-14): the create is
/// not sent again, so `capture` and `assert` after it are kept as recorded instead of reading the result of the line
/// before the create, and the captured value is the recorded one.
@Suite struct TranscriptUnreplayedWriteTests {
    private func record(_ lines: [String]) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory,
                context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    @Test func captureAndAssertAfterAnUnreplayedWriteKeepTheirRecordedValues() async throws {
        let transcript = try await record([
            "numbers",
            "webhooks create --url https://hooks.example.test/p11 --events whatsapp.message.received",
            "capture .id as wh",
            "assert .url == https://hooks.example.test/p11",
            "webhooks test ${wh}",
            "set",
        ])
        #expect(transcript.contains("wh = "), "\(transcript)")
        let recordedID = transcript.split(separator: "\n").first { $0.hasPrefix("wh = ") }.map { String($0.dropFirst(5)) }
        let (outcome, variable) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
            return (outcome, shell.context.session.variables["wh"])
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.writesNotReplayed.map(\.command).count == 2)
        #expect(outcome.keptAsRecorded.map(\.command) == ["capture .id as wh", "assert .url == https://hooks.example.test/p11"])
        let create = outcome.writesNotReplayed[0]
        #expect(
            outcome.keptAsRecorded.first?.reason
                == "it reads the result of line \(create.line) ('\(Shortened.text(create.command))'), which was not replayed")
        #expect(variable != nil && variable == recordedID)
        #expect(outcome.writeBeforeFirstDifference == nil)
    }

    /// A read after an unreplayed write that shows what the write made differs; the outcome names the write.
    @Test func aDifferenceAfterAnUnreplayedWriteNamesTheWrite() async throws {
        let transcript = try await record([
            "webhooks create --url https://hooks.example.test/p11b --events whatsapp.message.received",
            "webhooks",
        ])
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
        #expect(!outcome.diff.isEmpty)
        #expect(outcome.writeBeforeFirstDifference?.command.hasPrefix("webhooks create") == true)
    }

    /// probe18 P18-5: what `--update` writes (`Outcome.updated`) is the replay up to a write not sent again and the file
    /// from there on: the read after it, which shows the state without the write, keeps its recorded output. Sent
    /// (`allowWrites`), the write is replayed and nothing is kept.
    @Test func updateKeepsTheBlocksAfterAnUnreplayedWrite() async throws {
        let transcript = try await record([
            "numbers",
            "webhooks create --url https://hooks.example.test/p18 --events whatsapp.message.received",
            "webhooks",
        ])
        // A hand edit in the first block, which --update is for.
        let numbers = try #require(transcript.range(of: "> numbers\n"))
        let close = try #require(transcript.range(of: "\n```\n", range: numbers.upperBound..<transcript.endIndex))
        var editing = transcript
        editing.insert(contentsOf: "\nedited by hand", at: close.lowerBound)
        let edited = editing
        let (plain, changed, sent) = try await withSimulator { fixture in
            let run = { (text: String, allowWrites: Bool) throws -> TranscriptChecker.Outcome in
                let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
                return try TranscriptChecker(expected: text, path: "t.md").replay(on: shell, allowWrites: allowWrites)
            }
            return (try run(transcript, false), try run(edited, false), try run(edited, true))
        }
        let parsed = TranscriptParser(transcript).commands
        #expect(plain.dependedOn?.line == parsed[1].line && plain.dependedOn?.sendable == true)
        #expect(plain.keptAfterUnreplayed == [parsed[2].line], "the list shows no new webhook: \(plain.diff)")
        #expect(!plain.diff.isEmpty)
        #expect(plain.updated == transcript && !plain.updateChanges, "only the kept block differs")
        #expect(changed.updateChanges && changed.updated == transcript, "the edit is undone, the list kept as recorded")
        #expect(sent.dependedOn == nil && sent.keptAfterUnreplayed.isEmpty)
        #expect(sent.updated == sent.actual)
    }
}
