import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Every playbook in `scripts/` runs to the end against the demo seed, read-only, as `kops run` would.
@Suite struct PlaybookTests {
    @Test(arguments: GoldenTranscript.playbooks)
    func playbookSucceedsOnDemoSeed(_ name: String) async throws {
        let script = GoldenTranscript.root.appendingPathComponent("scripts/\(name).kops")
        let recorded = try await withSimulator { fixture in
            try fixture.record(script: script, label: "scripts/\(name).kops", preludes: [], allowWrites: false)
        }
        #expect(recorded.outcome.failedLine == nil, "scripts/\(name).kops failed:\n\(recorded.terminal)")
        #expect(recorded.outcome.commands > 0)
    }
}
