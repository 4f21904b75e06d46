import KopsShell
import Testing

/// tester57 AB6: two transcripts pasted one after the other into one file replayed as one session, so the second ran
/// with the first's number and output mode, every block of it "changed", and `--update` wrote the first session's state
/// over it. A `# kops transcript` title below the first block starts a fresh session with its header's settings.
@Suite struct AB6PastedTranscriptsTests {
    /// A transcript recorded offline: `lines` on a session with `number` selected and output `mode`.
    private static func recorded(number: String?, output mode: OutputMode, _ lines: [String]) throws -> String {
        let offline = OfflineShell()
        offline.shell.context.session.phoneNumberID = number
        offline.shell.context.session.output = mode
        let recorder = try offline.recording()
        for line in lines { offline.shell.run(line: line) }
        return recorder.text
    }

    @Test(arguments: ["", "Second ticket, same problem:\n\n"])
    func theSecondTranscriptReplaysAsItsOwnSession(_ between: String) throws {
        let first = try Self.recorded(number: "100200300400502", output: .table, ["state", "explain 131047"])
        let second = try Self.recorded(number: nil, output: .json, ["state", "explain 131047"])
        let both = first + between + second
        let outcome = try TranscriptChecker(expected: both, path: "tab.md").replay(on: OfflineShell().shell)
        #expect(outcome.commands == 4)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.updated == both)
    }
}
