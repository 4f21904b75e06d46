import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester64b U5: AO8's refusal of `$WEBHOOK_SECRET` advised `write ${env:<redacted>}` once a bare `WEBHOOK_SECRET` had
/// been given as a secret (the name was learned as one), and placeholder shapes (`{{…}}`, `%NAME%`, `<your-secret>`,
/// `process.env.NAME`, `$(…)`, typographic quotes, a literal `\n`, a bare variable name) were stored without a word, so
/// every delivery was signed with the placeholder. Now each is refused in one line (or sent with `--keep-blanks`), the
/// advice names the variable to write, and `webhooks check` warns on a stored one.
@Suite struct U5SecretPlaceholderTests {
    static let id = AM4PaddedSecretKeyTests.id

    @Test(arguments: [
        ("{{webhook_secret}}", "a template placeholder"), ("%WEBHOOK_SECRET%", "a Windows variable's name"),
        ("<your-secret>", "a placeholder in angle brackets"), ("process.env.WEBHOOK_SECRET", "JavaScript naming"),
        ("$(cat /run/secret)", "a shell command"), ("\u{201C}whsec_abc123\u{201D}", "typographic quotes"),
        ("whsec_abc123\\n", "a line end written as text"), ("WEBHOOK_SECRET", "an environment variable's name"),
        ("YOUR_SECRET", "an environment variable's name"), ("xxx", "a placeholder"), ("changeme", "a placeholder"),
    ])
    func placeholdersAreNamed(_ value: String, _ problem: String) throws {
        let placeholder = try #require(SecretPlaceholder(value), "\(value)")
        #expect(placeholder.problem.contains(problem), "\(placeholder.problem)")
        guard case .placeholder = SecretKeyState(value) else {
            Issue.record("\(value): \(SecretKeyState(value))")
            return
        }
    }

    @Test func realSecretsAreNoPlaceholders() {
        for value in ["whsec_abc123", "AB12CD34EF56GH78", "k3y_Value_99", "MYSECRETVALUE", "abc%def", "<abc", "a{{b}}"] {
            #expect(SecretPlaceholder(value) == nil, "\(value)")
            #expect(SecretKeyState(value) == .set, "\(value)")
        }
    }

    @Test func refusedInOneLineWithTheNameToWrite() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(Self.id)])
        let runs = try await WebhookAudienceTraceTests.run(
            [
                "webhooks update \(Self.id) --secret-key WEBHOOK_SECRET",
                "webhooks update \(Self.id) --secret-key '$WEBHOOK_SECRET'",
                "webhooks update \(Self.id) --secret-key '{{webhook_secret}}'",
                "webhooks update \(Self.id) --secret-key '%WEBHOOK_SECRET%'",
                "webhooks get \(Self.id) --reveal-secret",
            ], path)
        #expect(runs[0].err.contains("--secret-key is an environment variable's name, not its value"), "\(runs[0].err)")
        #expect(runs[0].err.contains("${env:WEBHOOK_SECRET} reads it from the environment"), "\(runs[0].err)")
        #expect(runs[1].err.contains("write ${env:WEBHOOK_SECRET} for an environment variable"), "\(runs[1].err)")
        #expect(runs[2].err.contains("--secret-key is a template placeholder ({{…}})"), "\(runs[2].err)")
        #expect(runs[3].err.contains("${env:WEBHOOK_SECRET} reads it"), "\(runs[3].err)")
        for run in runs[0...3] {
            #expect(run.status == 64, "\(run.err)")
            #expect(!run.err.contains("<redacted>"), "\(run.err)")
            #expect(!run.out.contains("updated"), "\(run.out)")
            #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
        }
        #expect(runs[4].out.contains("whsec_t_1"), "\(runs[4].out)")
    }

    /// The escape AO8 gave quotes: a real secret of that shape can still be set.
    @Test func keepBlanksSendsItAsGiven() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(Self.id)])
        let runs = try await WebhookAudienceTraceTests.run(
            ["webhooks update \(Self.id) --secret-key '$Abc123_secret_value_zz' --keep-blanks"], path)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(!(runs[0].out + runs[0].err).contains("Abc123_secret_value"), "\(runs[0].out)\(runs[0].err)")
    }

    @Test func checkWarnsOnAStoredPlaceholder() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [
            WebhookAudienceTraceTests.webhook(Self.id, ["secret_key": "{{webhook_secret}}"])
        ])
        let runs = try await WebhookAudienceTraceTests.run(["webhooks get \(Self.id)", "webhooks check"], path)
        #expect(runs[0].out.contains("(a template placeholder ({{…}}))"), "\(runs[0].out)")
        let check = runs[1].out + runs[1].err
        #expect(check.contains("secret_key is a template placeholder ({{…}})"), "\(check)")
    }
}
