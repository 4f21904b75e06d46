import Foundation
import KopsShell
import Testing

/// fixE's AB6 leftover: with two transcripts pasted in one file, the second header's `api`, `simulator seeded` and
/// `personal data` lines were not compared with the first's, so a part recorded on another API, on other demo data or
/// masked otherwise replayed on the first's, every difference stated as "output changed" (and `--update` wrote the
/// first's API's output, or its masking, over it). Each part is checked against its own header: such a part is kept as
/// recorded, unchecked, and the check says why.
@Suite struct AB6PastedHeaderComparedTests {
    /// A transcript recorded offline: `explain 131047` and `state`.
    private static func recorded() throws -> String {
        let offline = OfflineShell()
        let recorder = try offline.recording()
        for line in ["explain 131047", "state"] { offline.shell.run(line: line) }
        return recorder.text
    }

    /// `text` with its header line `- KEY: …` written as `- KEY: value`, or added under the title when it has none.
    private static func header(_ text: String, _ key: String, _ value: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix("- \(key): ") }) {
            lines[index] = "- \(key): \(value)"
        } else {
            lines.insert("- \(key): \(value)", at: 3)
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [
        ("api", "127.0.0.1:49584", "it was recorded on 127.0.0.1:49584"),
        ("simulator seeded", "2026-11-21T12:00:00.000000Z", "its simulator seeded is 2026-11-21T12:00:00.000000Z, the first's none"),
        ("personal data", "masked", "its personal data is masked, the first's kept"),
    ])
    func aPartWithAnotherHeaderIsKeptAsRecorded(_ key: String, _ value: String, _ said: String) throws {
        let first = try Self.recorded()
        let second = Self.header(try Self.recorded(), key, value)
        let both = first + second
        let outcome = try TranscriptChecker(expected: both, path: "tab.md").replay(on: OfflineShell().shell)
        let lines = both.split(separator: "\n", omittingEmptySubsequences: false)
        let secondBlock = try #require(lines.indices.filter { lines[$0].hasSuffix("> explain 131047") }.last) + 1
        let stop = try #require(outcome.stoppedAt)
        #expect(stop.line == secondBlock)
        #expect(stop.after == 1)
        #expect(stop.reason.contains("it starts a second transcript pasted below the first, whose header differs (\(said)"), "\(stop.reason)")
        #expect(stop.reason.hasSuffix("check that part as a file of its own"))
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.updated == both)
    }

    /// The same header lines: both parts replay (fixE's `AB6PastedTranscriptsTests` has the sessions).
    @Test func theSameHeaderLinesReplayBothParts() throws {
        let both = try Self.recorded() + Self.recorded()
        let outcome = try TranscriptChecker(expected: both, path: "tab.md").replay(on: OfflineShell().shell)
        #expect(outcome.stoppedAt == nil)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
    }
}
