import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// Session 33: `kops check` never replayed a `--secret-env VAR` line (it said only that check "does not read" the
/// variable). Now it replays it when the checker has VAR set, and otherwise keeps its block, saying in one line per
/// block that it needs VAR set. The secret is in no output either way.
@Suite struct SecretEnvironmentCheckTests {
    private static let secret = "4f1c9a7e2b8d06f3a5c1e9b7d2f4a6c8"
    private static let body = #"{"event":"whatsapp.message.received"}"#

    /// A transcript of one `verify --secret-env HOOK` line recorded with HOOK set to `secret`, replayed with `environment`.
    private func checked(environment: [String: String]) async throws -> (transcript: String, outcome: TranscriptChecker.Outcome) {
        let signature = WebhookSignature.hmacSHA256Hex(key: Array(Self.secret.utf8), message: Array(Self.body.utf8))
        return try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            shell.context.environment = ["HOOK": Self.secret]
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "verify --secret-env HOOK --signature \(signature) --body '\(Self.body)'")
            shell.run(line: "explain 131047")
            let (replaying, _) = try fixture.shell()
            replaying.context.environment = environment
            return (recorder.text, try TranscriptChecker(expected: recorder.text, path: "t.md").replay(on: replaying))
        }
    }

    @Test func aSecretEnvironmentLineReplaysWhenTheVariableIsSet() async throws {
        let (transcript, same) = try await checked(environment: ["HOOK": Self.secret])
        #expect(transcript.contains("valid: X-Webhook-Signature matches"), "\(transcript)")
        #expect(same.keptAsRecorded.isEmpty, "\(same.keptAsRecorded)")
        #expect(same.diff.isEmpty, "\(same.diff)")
        // Replayed, not kept: another secret under that name gives another answer, which the diff shows.
        let (_, other) = try await checked(environment: ["HOOK": "0000" + Self.secret.dropFirst(4)])
        #expect(other.keptAsRecorded.isEmpty)
        #expect(other.diff.contains { $0.hasPrefix("+error: invalid signature") }, "\(other.diff)")
        for text in [transcript, same.actual, other.actual] + other.diff { #expect(!text.contains(Self.secret)) }
    }

    @Test(arguments: [[:], ["HOOK": ""]])
    func withoutTheVariableItsBlockIsKeptAndSaysItNeedsIt(environment: [String: String]) async throws {
        let (transcript, outcome) = try await checked(environment: environment)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.line) == [transcript.components(separatedBy: "\n").firstIndex { $0.contains("> verify") }.map { $0 + 1 } ?? 0])
        #expect(outcome.keptAsRecorded.first?.reason == "it needs HOOK set, to the secret it read when recorded (--secret-env HOOK); set it and check again to replay it")
    }
}
