import Foundation
import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// Each `transcripts/NAME.kops`, run against a fresh deterministic simulator by the real recorder, must
/// equal `NAME.md`; `KOPS_RECORD=1` rewrites the goldens and fails so a person reviews the diff.
@Suite struct TranscriptTests {
    static let recording = ProcessInfo.processInfo.environment["KOPS_RECORD"] == "1"

    @Test(arguments: GoldenTranscript.names)
    func golden(_ name: String) async throws {
        let script = GoldenTranscript.folder.appendingPathComponent(name + ".kops")
        let expectedURL = GoldenTranscript.folder.appendingPathComponent(name + ".md")
        let label = "transcripts/\(name).kops"
        let allowWrites = try TranscriptTests.allowsWrites(name)
        let recorded = try await withSimulator(seed: try TranscriptTests.seed(name)) { fixture in
            try fixture.record(script: script, label: label, allowWrites: allowWrites)
        }
        if let line = recorded.outcome.failedLine {
            Issue.record("\(label):\(line): unexpected failure or success:\n\(recorded.terminal)")
            return
        }
        let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
        let restoreURL = URL(fileURLWithPath: TranscriptRestore.path(besides: expectedURL.path))
        if TranscriptTests.recording {
            try Data(recorded.transcript.utf8).write(to: expectedURL)
            if recorded.restore.lines.isEmpty {
                try? FileManager.default.removeItem(at: restoreURL)
            } else {
                try Data(recorded.restore.json.utf8).write(to: restoreURL)
            }
            Issue.record(
                "KOPS_RECORD=1: rewrote transcripts/\(name).md; review 'git diff transcripts', then run without it")
            return
        }
        guard let expected else {
            Issue.record(
                "transcripts/\(name).md is missing; record it with KOPS_RECORD=1 swift test --filter TranscriptTests")
            return
        }
        let restore = TranscriptRestore.load(besides: expectedURL.path) ?? TranscriptRestore()
        // The typed lines behind masked ones; the value hashes change with each recording's random salt (B7/D4).
        #expect(restore.lines == recorded.restore.lines, "transcripts/\(name).md.restore differs from what \(label) records now")
        let diff = LineDiff.lines(expected: expected, actual: recorded.transcript)
        #expect(
            diff.isEmpty,
            "transcripts/\(name).md differs from what \(label) records now:\n\(diff.joined(separator: "\n"))")
    }

    @Test(arguments: GoldenTranscript.names)
    func checkReplaysGolden(_ name: String) async throws {
        guard !TranscriptTests.recording,
            let expected = try? String(
                contentsOf: GoldenTranscript.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        else { return }
        let allowWrites = try TranscriptTests.allowsWrites(name)
        let path = GoldenTranscript.folder.appendingPathComponent(name + ".md").path
        let outcome = try await withSimulator(seed: try TranscriptTests.seed(name)) { fixture in
            try TranscriptChecker(expected: expected, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.goldenShell().shell, allowWrites: allowWrites)
        }
        let diff = outcome.diff
        #expect(diff.isEmpty, "kops check transcripts/\(name).md:\n\(diff.joined(separator: "\n"))")
        // Replayed on the state it was recorded on, no write is held back (probe12 P12-1/2's rule holds back only writes
        // after a line that did not replay as recorded).
        let unsent = outcome.writesNotSent.map { "line \($0.line): \($0.command): \($0.reason)" }
        #expect(unsent.isEmpty, "kops check transcripts/\(name).md --allow-writes: \(unsent)")
        #expect(outcome.commands > 0)
    }

    /// Goldens run on the demo seed unless they say `#! seed NAME` (e.g. `zoo`) on a line of their own.
    static func seed(_ name: String) throws -> SimulatorSeed {
        let script = GoldenTranscript.folder.appendingPathComponent(name + ".kops")
        let lines = try String(contentsOf: script, encoding: .utf8).split(separator: "\n")
        guard let line = lines.first(where: { $0.hasPrefix("#! seed ") }) else { return .demo }
        return try #require(SimulatorSeed(argument: String(line.dropFirst("#! seed ".count))))
    }

    /// Goldens are read-only like any script, unless they say `#! allow-writes` on a line of their own.
    static func allowsWrites(_ name: String) throws -> Bool {
        let script = GoldenTranscript.folder.appendingPathComponent(name + ".kops")
        return try String(contentsOf: script, encoding: .utf8).split(separator: "\n").contains("#! allow-writes")
    }

    @Test func checkFailsWhenAnExpectedLineChanges() async throws {
        let name = try #require(GoldenTranscript.names.first { $0 == "numbers" })
        let original = try String(
            contentsOf: GoldenTranscript.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: "Support Line", with: "Support Lime")
        #expect(edited != original)
        let outcome = try await withSimulator { fixture in
            try TranscriptChecker(expected: edited).replay(on: try fixture.goldenShell().shell)
        }
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("Support Lime") })
        #expect(outcome.diff.contains { $0.hasPrefix("+") && $0.contains("Support Line") })
        #expect(outcome.diff.first?.hasPrefix("@@ line ") == true)
    }
}
