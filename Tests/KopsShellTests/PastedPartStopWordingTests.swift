import Foundation
import KopsShell
import Testing

/// fixC's leftover: a check stopped at a second transcript pasted below the first counted the lines it kept "from the
/// switch at line N on", the words of a `profile use` that switches API. It names what it found now.
@Suite struct PastedPartStopWordingTests {
    @Test func theCountNamesThePastedTranscript() throws {
        let offline = OfflineShell()
        let recorder = try offline.recording()
        for line in ["explain 131047", "state"] { offline.shell.run(line: line) }
        let first = recorder.text
        // The same session, its header naming another API.
        let second = first.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("- api: ") ? "- api: 127.0.0.1:49584" : String($0) }.joined(separator: "\n")
        #expect(second != first)
        let both = first + second
        let outcome = try TranscriptChecker(expected: both, path: "tab.md").replay(on: OfflineShell().shell)
        let stop = try #require(outcome.stoppedAt)
        let line = try #require(outcome.notReplayedLine)
        #expect(line.hasSuffix("(2 from the second transcript pasted at line \(stop.line) on)"), "\(line)")
        #expect(!line.contains("switch"), "\(line)")
    }
}
