import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Every playbook in `scripts/` runs to its last line against the demo seed, read-only, as `kops run` would.
@Suite struct PlaybookTests {
    /// What each playbook finds on the demo seed: the command expected to fail (a finding), if any.
    static let findings = ["webhook-not-firing": "webhooks check"]

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
        #expect(failing == PlaybookTests.findings[name], "scripts/\(name).kops:\n\(recorded.terminal)")
        #expect(recorded.outcome.failed == (PlaybookTests.findings[name] == nil ? 0 : 1))
    }
}
