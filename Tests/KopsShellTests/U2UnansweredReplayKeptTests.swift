import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester53b U2, U3: `kops check --update` wrote a look-up the API left unanswered over the recorded evidence when the
/// failure was a dropped connection (`API calls: not loaded: connection to 127.0.0.1 failed: empty reply from server`),
/// overview's own 429 wording, or a template list whose failure left trace's `approved templates:` line out. Whatever
/// the section then says, the replay noted the unanswered look-up (`ShellContext.unanswered`): the block is kept as
/// recorded, named as a partial replay, and `--update` writes nothing new.
@Suite struct U2UnansweredReplayKeptTests {
    static let number = "100200300400501"
    /// Support Line's inbound message answered from the inbox with a 131047: its trace reads API calls and templates.
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    /// Records `line` on a fresh demo simulator, then replays the recording with `faults` set: the recording, and the
    /// check's outcome.
    static func check(_ line: String, faults: String) async throws -> (recorded: String, outcome: TranscriptChecker.Outcome) {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: number)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: line)
            let recorded = recorder.text
            try fixture.setFaults(faults)
            let (replay, _) = try fixture.shell(phoneNumberID: number)
            return (recorded, try TranscriptChecker(expected: recorded, path: "t.md").replay(on: replay))
        }
    }

    @Test(arguments: [
        ("trace " + wamid, "reset:path=/api_logs"), ("trace " + wamid, "truncate:path=/api_logs"),
        ("health", "reset:path=/webhook_deliveries"), ("overview", "429:retry-after=1:path=/webhooks"),
        ("overview", "503:path=/webhooks"), ("trace " + wamid, "503:path=/conversations"),
    ])
    func aReplayWithAnUnansweredLookUpKeepsTheRecordedBlock(_ line: String, _ faults: String) async throws {
        let (recorded, outcome) = try await Self.check(line, faults: faults)
        #expect(outcome.unansweredOnReplay.count == 1, "\(outcome.keptAsRecorded)\n\(outcome.diff.joined(separator: "\n"))")
        #expect(!outcome.updateChanges, "--update writes nothing:\n\(outcome.updated)")
        #expect(outcome.updated == recorded)
        let reason = try #require(outcome.keptAsRecorded.first?.reason)
        #expect(reason.hasPrefix(TranscriptChecker.unansweredOnReplayReason + " ('"), "\(reason)")
    }

    /// U3: the template list the verdict's advice names, not read, says so instead of leaving the line out; and the
    /// replay is partial, not a change.
    @Test func aTemplateListNotReadIsSaidAndKept() async throws {
        let ran = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Self.number)
            try fixture.setFaults("503:path=message_templates")
            shell.run(line: "trace " + Self.wamid)
            return output.out + output.err
        }
        let line = try #require(ran.split(separator: "\n").first { $0.hasPrefix("approved templates:") }, "\(ran)")
        #expect(line.hasPrefix("approved templates: not read (the API failed (503)"), "\(line)")
        #expect(line.hasSuffix("; 'templates' lists them"), "\(line)")
        let (recorded, outcome) = try await Self.check("trace " + Self.wamid, faults: "503:path=message_templates")
        #expect(recorded.contains("approved templates: part_ready"), "\(recorded)")
        #expect(outcome.unansweredOnReplay.count == 1 && outcome.updated == recorded, "\(outcome.keptAsRecorded)")
    }

    /// A replay with every look-up answered is compared as before: nothing kept, nothing changed.
    @Test func anAnsweredReplayIsNoGap() async throws {
        let (recorded, outcome) = try await Self.check("trace " + Self.wamid, faults: "")
        #expect(outcome.keptAsRecorded.isEmpty && outcome.updated == recorded, "\(outcome.diff.joined(separator: "\n"))")
    }
}
