import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester62b AM4 (AL6's input half): `webhooks update ID --secret-key '   '` (or a tab) and `--secret-key 'whsec_x '` /
/// `' whsec_abc'` were sent as given while `''` was refused; `webhooks get` then showed `(empty)` for 3 spaces and only a
/// mask for a padded key, and `webhooks check` said nothing of the padded one. Main's build answered "updated webhook …"
/// to each. Now one fact (`SecretKeyState`) is read at write time, by `get` and by `check`: a blank key is refused, a
/// padded one refused unless `--keep-blanks` sends it as given, `get` says `(blank: 3 spaces)` / `(ends with a space)`,
/// and `check` warns on both.
@Suite struct AM4PaddedSecretKeyTests {
    static let id = WebhookAudienceTraceTests.first
    static let other = WebhookAudienceTraceTests.second

    @Test func theStateNamesTheBlanks() {
        #expect(SecretKeyState(nil) == .absent)
        #expect(SecretKeyState("") == .empty)
        #expect(SecretKeyState("   ") == .blank(blanks: "3 spaces"))
        #expect(SecretKeyState("\t") == .blank(blanks: "a tab"))
        #expect(SecretKeyState("  \n") == .blank(blanks: "2 spaces and a line feed"))
        #expect(SecretKeyState("whsec_x ") == .padded(problem: "ends with a space"))
        #expect(SecretKeyState(" whsec_abc") == .padded(problem: "starts with a space"))
        #expect(SecretKeyState("whsec_x\r\n") == .padded(problem: "ends with a carriage return"))
        #expect(SecretKeyState("\twhsec_x\n") == .padded(problem: "starts with a tab and ends with a line feed"))
        #expect(SecretKeyState("whsec_a b") == .set)
    }

    @Test func aBlankOrPaddedSecretIsRefusedAndNothingSent() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(Self.id)])
        let runs = try await WebhookAudienceTraceTests.run(
            [
                "webhooks update \(Self.id) --secret-key '   '", "webhooks update \(Self.id) --secret-key '\t'",
                "webhooks update \(Self.id) --secret-key 'whsec_x '", "webhooks update \(Self.id) --secret-key ' whsec_abc'",
                "webhooks create --url https://hooks.example.test/n --events whatsapp.message.received --secret-key 'whsec_n '",
                "webhooks get \(Self.id) --reveal-secret",
            ], path)
        #expect(
            runs[0].err == "error: webhooks: invalid value for --secret-key '   '; expected a secret that is not only blanks "
                + "(this is 3 spaces: deliveries would be signed with a key anyone can guess); nothing was sent\n", "\(runs[0].err)")
        #expect(runs[1].err.contains("invalid value for --secret-key '\\t'; expected a secret that is not only blanks (this is a tab"), "\(runs[1].err)")
        for (run, problem) in zip(runs[2...4], ["ends with a space", "starts with a space", "ends with a space"]) {
            #expect(
                run.err == "error: webhooks: --secret-key \(problem) (its value is not shown: it may hold secrets); Kapso signs "
                    + "with the secret as given, blanks included, and a receiver that trims its copy rejects every delivery; "
                    + "nothing was sent: give the secret without the blank, or add --keep-blanks to send it as given\n", "\(run.err)")
            #expect(!run.err.contains("whsec_"), "\(run.err)")
        }
        for run in runs[0...4] {
            #expect(run.status == 64, "\(run.err)")
            #expect(!run.out.contains("updated") && !run.out.contains("created"), "\(run.out)")
        }
        // Nothing was sent: the webhook keeps its secret.
        #expect(runs[5].out.contains("whsec_t_1"), "\(runs[5].out)")
    }

    @Test func keepBlanksSendsAPaddedSecretAsGiven() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(Self.id)])
        let runs = try await WebhookAudienceTraceTests.run(
            ["webhooks update \(Self.id) --secret-key 'whsec_x ' --keep-blanks", "webhooks get \(Self.id)"], path)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[1].out.contains("(ends with a space)"), "\(runs[1].out)")
    }

    /// A blank or padded key already stored (set elsewhere): `get` names it, `check` warns.
    @Test func getAndCheckNameAStoredBlankOrPaddedKey() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [
            WebhookAudienceTraceTests.webhook(Self.id, ["secret_key": "   "]),
            WebhookAudienceTraceTests.webhook(Self.other, ["secret_key": "whsec_x ", "url": "https://hooks.example.test/other"]),
        ])
        let runs = try await WebhookAudienceTraceTests.run(
            ["webhooks get \(Self.id)", "webhooks get \(Self.other)", "webhooks check"], path)
        #expect(runs[0].out.contains("(blank: 3 spaces)"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("(empty)"), "\(runs[0].out)")
        #expect(runs[1].out.contains(" (ends with a space)"), "\(runs[1].out)")
        let check = runs[2].out + runs[2].err
        #expect(check.contains("secret_key is only blanks (3 spaces)"), "\(check)")
        #expect(
            check.contains("secret_key ends with a space: Kapso signs with the whole stored key, and a receiver that trims its copy"),
            "\(check)")
    }
}
