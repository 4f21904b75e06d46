import KopsShell
import KopsTestSupport
import Testing

/// Secrets in scripts and transcripts: `assert` reads a revealed secret as `capture` does (probe18 P18-28), and a
/// `set NAME <redacted>` that `kops check` cannot run still defines NAME for the lines after it (P18-2).
@Suite struct RevealedSecretScriptTests {
    private static let hook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    /// The seeded webhook's secret is `whsec_demo_123` (`DemoSeed`).
    @Test func assertComparesTheRevealedSecretAndPrintsItMasked() async throws {
        let (statuses, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let statuses = [
                shell.run(line: "webhooks get \(Self.hook) --reveal-secret"),
                shell.run(line: "assert .secret_key == whsec_demo_123"),
                shell.run(line: "assert .secret_key != whsec_demo_124"),
                shell.run(line: "assert .secret_key == whsec_demo_124"),
            ]
            return (statuses, output.err)
        }
        #expect(statuses == [.ok, .ok, .ok, .failure], "\(err)")
        #expect(!err.contains("whsec_demo_123"))
        #expect(err.contains("failed: actual \"whsec_…23\""), "\(err)")
    }

    /// Not revealed, the mask is all the result holds: a failed assert says it compared the mask (one that holds, as
    /// `contains …` to check a secret is masked, still passes).
    @Test func assertOnAMaskedSecretSaysItCannotCompare() async throws {
        let (statuses, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let statuses = [
                shell.run(line: "webhooks get \(Self.hook)"),
                shell.run(line: "assert .secret_key == whsec_demo_123"),
                shell.run(line: "assert .secret_key exists"),
                shell.run(line: "assert .secret_key contains …"),
            ]
            return (statuses, output.err)
        }
        #expect(statuses == [.ok, .failure, .ok, .ok])
        #expect(
            err == "error: assert .secret_key failed against the mask \"whsec_…23\": it holds a secret kops masks in this "
                + "result, not the value; run 'webhooks get ID --reveal-secret' and assert on that\n"
                + "ok: .secret_key exists\nok: .secret_key contains …\n")
    }

    private func record(_ lines: [String]) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    @Test(arguments: [
        ["set S whsec_TOPSECRET4", "set"],
        ["set plain x", "set --default S whsec_TOPSECRET4", "set --default S other", "set"],
    ])
    func aRedactedSetKeepsItsVariableForLaterLines(_ lines: [String]) async throws {
        let transcript = try await record(lines)
        #expect(!transcript.contains("TOPSECRET"))
        #expect(transcript.contains("S:"), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.command).contains { $0.hasPrefix("set") && $0.contains("<redacted>") })
    }
}
