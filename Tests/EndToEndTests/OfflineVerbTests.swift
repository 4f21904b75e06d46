import Foundation
import KopsTestSupport
import Testing

/// `kops verify` and `kops completions` work with no API key and no network.
@Suite struct OfflineVerbTests {
    private static let body = Fixtures.folder.appendingPathComponent("webhook.v2.message_received.json").path

    private func kops(_ arguments: [String]) async throws -> ProcessResult {
        try await offPool { try ProcessRunner.run("kops", arguments) }
    }

    @Test func verifiesTheFixtureSignatureWithoutAKey() async throws {
        let signature = try String(decoding: Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self)
        let result = try await kops(["verify", "--secret", "whsec_demo_123", "--signature", signature, "--file", Self.body])
        #expect(result.stdout == "valid: X-Webhook-Signature matches the 1063-byte body\n")
        #expect(result.status == 0)
    }

    @Test func aWrongSecretExitsOneAndNeverEchoesIt() async throws {
        let signature = try String(decoding: Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self)
        let result = try await kops(["verify", "--secret", "whsec_canary_98765", "--signature", signature, "--file", Self.body])
        #expect(result.stderr.hasPrefix("error: invalid signature: it does not match this body and secret; "))
        #expect(!(result.stdout + result.stderr).contains("whsec_canary_98765"))
        #expect(result.status == 1)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func printsCompletionScripts(shell: String) async throws {
        let result = try await kops(["completions", shell])
        #expect(result.status == 0)
        // Each shell spells flags its own way (fish: -l 'base-url'); every one names them.
        #expect(result.stdout.contains("base-url"))
        #expect(result.stdout.contains("profile"))
    }

    @Test func unknownShellIsOneLine() async throws {
        let result = try await kops(["completions", "powershell"])
        #expect(result.stderr == "error: completions: expected bash, zsh or fish, got 'powershell'; e.g. kops completions bash > /etc/bash_completion.d/kops\n")
        #expect(result.status == 64)
    }
}
