import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester49 F9: `verify --secret OLD --secret NEW` checked the last secret only and called a signature made with the
/// first "invalid … the secret is wrong"; `listen` kept the last secret without a word, and a second `--signature` was
/// dropped.
@Suite struct VerifySeveralSecretsTests {
    static let right = "whsec_case_py_0001"
    static let wrong = "whsec_wrong_000"

    static func path(_ name: String) -> String { Fixtures.realWorldCases.appendingPathComponent(name).path }
    static func signature() throws -> String {
        String(decoding: try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("kapso-es.signature.txt")), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [([right, wrong], "the 1st of the 2 secrets given matches"),
                      ([wrong, right], "the 2nd of the 2 secrets given matches; the 1st does not")])
    func eitherOrderIsValidAndNamesTheMatchingSecret(secrets: [String], note: String) throws {
        let words = secrets.flatMap { ["--secret", $0] } + ["--signature", try Self.signature(), "--file", Self.path("kapso-es.wire.json")]
        let run = OfflineShell.run(["verify"] + words)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("valid: X-Webhook-Signature matches"), "\(run.out)")
        #expect((run.out + run.err).contains(note), "\(run.out)\(run.err)")
        #expect(!(run.out + run.err).contains(Self.right) && !(run.out + run.err).contains(Self.wrong), "a secret leaked")
    }

    @Test func noneMatchingIsInvalidForAllOfThem() throws {
        let run = OfflineShell.run([
            "verify", "--secret", Self.wrong, "--secret", "whsec_wrong_111", "--signature", try Self.signature(), "--file",
            Self.path("kapso-es.wire.json"),
        ])
        #expect(run.status == .failure, "\(run.err)")
        #expect(run.err.contains("invalid signature: none of the 2 secrets given matches"), "\(run.err)")
    }

    @Test func jsonNamesTheMatchingSecret() throws {
        let run = OfflineShell.run([
            "verify", "--output", "json", "--secret", Self.wrong, "--secret", Self.right, "--signature", try Self.signature(),
            "--file", Self.path("kapso-es.wire.json"),
        ])
        #expect(run.out.contains("\"matching_secret\""), "\(run.out)")
        #expect(run.out.contains("\"valid\": true") || run.out.contains("\"valid\":true"), "\(run.out)")
    }

    @Test func aRepeatedSignatureOrListenSecretIsRefusedInOneLine() throws {
        let twice = OfflineShell.run([
            "verify", "--secret", Self.right, "--signature", "00", "--signature", try Self.signature(), "--file",
            Self.path("kapso-es.wire.json"),
        ])
        #expect(twice.status == .usage)
        #expect(twice.err.hasPrefix("error: verify: invalid use of '--signature'; expected --signature once"), "\(twice.err)")
        let listen = OfflineShell.run(["listen", "--secret", Self.wrong, "--secret", Self.right])
        #expect(listen.status == .usage)
        #expect(listen.err.hasPrefix("error: listen: invalid use of '--secret'; expected --secret once"), "\(listen.err)")
        #expect(!listen.err.contains(Self.right), "a secret leaked")
    }
}
