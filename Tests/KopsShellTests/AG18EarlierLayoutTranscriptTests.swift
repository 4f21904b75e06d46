import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG18: session 59's AE2 fix made the recorder write `webhooks check`'s multi-command fix on one line and
/// `deliveries stats` without bars wherever it ran, but transcripts recorded at a terminal by an earlier kops hold the
/// fix one command a line and the rows with bars, and every one of them checked "output changed" (and was to be
/// rewritten, a ticket's evidence). A hunk that differs only by that layout is now no change, named in the summary; a
/// real change beside it is still one. The earlier form below is the one bin59 wrote at 80 columns (a fix's parts a line
/// each under seven spaces, `webhooks update` after `, then` on a line of its own; 24-cell bars after the counts).
@Suite struct AG18EarlierLayoutTranscriptTests {
    /// `transcript` in the layout bin59 wrote at a terminal.
    static func earlierLayout(_ transcript: String) -> String {
        var lines: [String] = []
        var inCounts = false
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  fix: "), line.contains("webhooks ") {
                lines.append(
                    line.replacingOccurrences(of: "; ", with: ";\n       ")
                        .replacingOccurrences(of: ", then webhooks ", with: ", then\n       webhooks "))
                continue
            }
            if ["STATUS ", "HTTP ", "EVENT "].contains(where: line.hasPrefix), line.hasSuffix("COUNT") {
                inCounts = true
            } else if line.isEmpty {
                inCounts = false
            } else if inCounts {
                lines.append(line + "  " + String(repeating: "█", count: 24))
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func check(_ transcript: String) async throws -> TranscriptChecker.Outcome {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
    }

    @Test(arguments: AE2TerminalIndependentTranscriptTests.sessions)
    func theEarlierLayoutChecksUnchanged(lines: [String]) async throws {
        let recorded = try await AE2TerminalIndependentTranscriptTests.record(lines, width: nil).transcript
        let earlier = Self.earlierLayout(recorded)
        #expect(earlier != recorded)
        let outcome = try await Self.check(earlier)
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(!outcome.earlierLayout.isEmpty)
        #expect(outcome.earlierLayoutNote.hasPrefix("; only the layout of '\(lines[1])' (line"), "\(outcome.earlierLayoutNote)")
    }

    /// A count or a fix that says something else is a change, in the earlier layout too: its hunk stays.
    @Test(arguments: [0, 1])
    func aRealChangeInTheEarlierLayoutStillFails(session: Int) async throws {
        let lines = AE2TerminalIndependentTranscriptTests.sessions[session]
        let recorded = try await AE2TerminalIndependentTranscriptTests.record(lines, width: nil).transcript
        // The first delivered row's count, or the fix's payload version.
        let old = session == 1
            ? recorded.split(separator: "\n").first { $0.hasPrefix("delivered ") }.map(String.init) ?? "(no row)"
            : "--payload-version v2"
        let new = session == 1 ? String(old.dropLast()) + "9" : "--payload-version v1"
        #expect(recorded.contains(old), "\(recorded)")
        let outcome = try await Self.check(Self.earlierLayout(recorded.replacingOccurrences(of: old, with: new)))
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains(new) }, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// Pure: the fix's lines joined and the bars left out; other indented lines and a row without two spaces before its
    /// glyphs stay as they are.
    @Test func theCurrentLayoutOfEarlierLines() {
        #expect(EarlierLayout.current(["  fix: a;", "       webhooks b;", "       c"]) == ["  fix: a; webhooks b; c"])
        #expect(EarlierLayout.current(["x", "       y"]) == ["x", "       y"])
        #expect(EarlierLayout.current(["2xx       1  ███▍"]) == ["2xx       1"])
        #expect(EarlierLayout.current(["name █"]) == ["name █"])
    }
}
