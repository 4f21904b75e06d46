import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Every playbook in `scripts/` runs to its last line against the demo seed, read-only, as `kops run` would.
@Suite struct PlaybookTests {
    /// What each playbook finds on the demo seed: the commands that fail (findings: overview and health of the degraded
    /// number, webhooks check errors), in order; the playbooks read on past them.
    static let findings = ["webhook-not-firing": ["health", "webhooks check"], "health-degraded": ["overview", "health"]]

    @Test(arguments: GoldenTranscript.playbooks)
    func playbookRunsOnDemoSeed(_ name: String) async throws {
        let script = GoldenTranscript.root.appendingPathComponent("scripts/\(name).kops")
        let lines = ScriptLine.parse(try String(contentsOf: script, encoding: .utf8))
        let commands = lines.compactMap { line -> (Int, String)? in
            if case .command(let text) = line.kind { return (line.number, text) }
            return nil
        }
        let recorded = try await withSimulator { fixture in
            try fixture.record(script: script, label: "scripts/\(name).kops", preludes: [], allowWrites: false)
        }
        #expect(
            recorded.outcome.commands == commands.count, "scripts/\(name).kops stopped early:\n\(recorded.terminal)")
        let failing = recorded.outcome.failedLine.flatMap { line in commands.first { $0.0 == line }?.1 }
        let expected = PlaybookTests.findings[name] ?? []
        #expect(failing == expected.first, "scripts/\(name).kops:\n\(recorded.terminal)")
        #expect(recorded.outcome.failed == expected.count)
    }

    /// Playbooks whose recording is pinned by `transcripts/playbook-NAME.md` (no `.kops` of its own there, so
    /// `TranscriptTests` leaves it alone); `KOPS_RECORD=1` rewrites it for review, as for the other goldens.
    static let pinned = ["phone-id-404"]

    @Test(arguments: pinned)
    func playbookRecordingMatchesItsGolden(_ name: String) async throws {
        let script = GoldenTranscript.root.appendingPathComponent("scripts/\(name).kops")
        let golden = GoldenTranscript.folder.appendingPathComponent("playbook-\(name).md")
        let recorded = try await withSimulator { fixture in
            try fixture.record(script: script, label: "scripts/\(name).kops", preludes: [], allowWrites: false)
        }
        if TranscriptTests.recording {
            try Data(recorded.transcript.utf8).write(to: golden)
            Issue.record("KOPS_RECORD=1: rewrote transcripts/playbook-\(name).md; review 'git diff transcripts', then run without it")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let diff = LineDiff.lines(expected: expected, actual: recorded.transcript)
        #expect(diff.isEmpty, "transcripts/playbook-\(name).md differs:\n\(diff.joined(separator: "\n"))")
    }

    @Test func phoneID404EndsWithTheAnswer() async throws {
        let script = GoldenTranscript.root.appendingPathComponent("scripts/phone-id-404.kops")
        let recorded = try await withSimulator { fixture in
            try fixture.record(script: script, label: "scripts/phone-id-404.kops", preludes: [], allowWrites: false)
        }
        let last = try #require(recorded.transcript.components(separatedBy: "```kops\n").last)
        #expect(last.hasPrefix("kops(default)> whois 200300400500601\n"))
        #expect(last.contains("""
            200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501
            fix: WABA paths take 200300400500601 (/200300400500601/message_templates); calls about messages and numbers take a phone-number id; pick one: use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)
            """))
    }
}
