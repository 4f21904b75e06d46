import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester63b AO8: `webhooks update ID --secret-key` with a zero-width space alone (`S=$'\u200b'`, `${env:S}`) or with a
/// quoted secret (`"whsec_abc"`, quotes included, as a `.env` line writes it) answered "updated webhook …", `get` showed a
/// mask and `check` said nothing; `--secret-key $S` (bash's habit) set the two characters `$S`. Now an invisible-only key
/// is refused as a blank one is, an invisible character at either end is named as a blank is, a quoted key is refused
/// unless `--keep-blanks` and warned about by `check`, and `$NAME` is refused with the `${env:NAME}` spelling.
@Suite struct AO8InvisibleAndQuotedSecretTests {
    static let id = AM4PaddedSecretKeyTests.id

    @Test func theStateNamesInvisibleCharactersQuotesAndNames() {
        #expect(SecretKeyState("\u{200B}") == .blank(blanks: "a zero-width space"))
        #expect(SecretKeyState("\u{FEFF}whsec_x") == .padded(problem: "starts with a byte order mark (U+FEFF)"))
        #expect(SecretKeyState("whsec_x\u{200B}") == .padded(problem: "ends with a zero-width space"))
        #expect(SecretKeyState("\"whsec_abc\"") == .quoted(quote: "double quotes"))
        #expect(SecretKeyState("'whsec_abc'") == .quoted(quote: "single quotes"))
        #expect(SecretKeyState("$S") == .variableName("$S"))
        #expect(SecretKeyState("${WEBHOOK_SECRET}") == .variableName("${WEBHOOK_SECRET}"))
        for fine in ["whsec_a\"b", "\"", "$", "a$S", "$1abc", "whsec_abc"] { #expect(SecretKeyState(fine) == .set, "\(fine)") }
    }

    @Test func theyAreRefusedAndNothingSent() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(Self.id)])
        let runs = try await WebhookAudienceTraceTests.run(
            [
                "webhooks update \(Self.id) --secret-key '\u{200B}'", "webhooks update \(Self.id) --secret-key '\"whsec_abc\"'",
                "webhooks update \(Self.id) --secret-key '$S'", "webhooks get \(Self.id) --reveal-secret",
            ], path)
        #expect(runs[0].err.contains("expected a secret that is not only blanks (this is a zero-width space"), "\(runs[0].err)")
        #expect(runs[0].err.contains("\\u{200B}"), "\(runs[0].err)")
        #expect(runs[1].err.contains("--secret-key is wrapped in double quotes (its value is not shown"), "\(runs[1].err)")
        #expect(!runs[1].err.contains("whsec_abc"), "\(runs[1].err)")
        #expect(runs[2].err.contains("kops does not expand $NAME: write ${env:S} for an environment variable"), "\(runs[2].err)")
        for run in runs[0...2] {
            #expect(run.status == 64, "\(run.err)")
            #expect(!run.out.contains("updated"), "\(run.out)")
            #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
        }
        #expect(runs[3].out.contains("whsec_t_1"), "\(runs[3].out)")
    }

    @Test func checkWarnsOnAStoredQuotedKey() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [
            WebhookAudienceTraceTests.webhook(Self.id, ["secret_key": "\"whsec_abc\""])
        ])
        let runs = try await WebhookAudienceTraceTests.run(["webhooks get \(Self.id)", "webhooks check"], path)
        #expect(runs[0].out.contains("(wrapped in double quotes)"), "\(runs[0].out)")
        let check = runs[1].out + runs[1].err
        #expect(check.contains("secret_key is wrapped in double quotes"), "\(check)")
        #expect(!check.contains("0 warnings"), "\(check)")
    }
}
