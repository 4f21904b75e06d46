import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsHTTP
import KopsTestSupport
import Testing

/// tester51 G11: a known secret pasted where an id goes was redacted on the command line, but the error under it quoted
/// its first 23 characters (`cannot read 'correcthorsebatterystap…' as an id`): the cut copy of a word-like secret (a
/// passphrase a person typed as a webhook's secret) did not look random, so the fragment rule left it.
@Suite struct Tester51CutSecretTests {
    @Test(arguments: ["correcthorsebatterystaple", "correct-horse-battery-staple-9", "my_webhook_secret_for_prod"])
    func aSecretsStartBeforeAnEllipsisIsRedacted(secret: String) {
        let redactor = Redactor(knownSecrets: [Secret(secret)])
        let cut = String(secret.prefix(23))
        for line in ["whois: cannot read '\(cut)…' as an id", "invalid webhook id '\(cut)...'; expected a UUID"] {
            let shown = redactor.redact(line)
            #expect(!shown.contains(String(secret.prefix(8))), "\(shown)")
            #expect(shown.contains("<redacted>"), "\(shown)")
        }
        // Both ends kept around the cut (`Shortened.text`): the end after the ellipsis goes too.
        let ends = "unexpected argument '\(secret.prefix(9))…\(secret.suffix(9))'"
        #expect(!redactor.redact(ends).contains(String(secret.suffix(9))), "\(redactor.redact(ends))")
    }

    /// tester51b F5: 8 of a 9-character secret before an ellipsis.
    @Test func eightOfANineCharacterSecretAreRedacted() {
        let redactor = Redactor(knownSecrets: [Secret("abcdefghi")])
        #expect(redactor.redact("cannot read 'abcdefgh…' as an id") == "cannot read '<redacted>…' as an id")
    }

    /// The word-like rule stays: the secret's words elsewhere, without an ellipsis, are not masked.
    @Test func wordsOfAWordLikeSecretWithoutAnEllipsisStay() {
        let redactor = Redactor(knownSecrets: [Secret("my_webhook_secret_for_prod")])
        #expect(redactor.redact("my_webhook_secret is the field") == "my_webhook_secret is the field")
    }

    /// The tester's session: the secret typed with `verify --secret`, then pasted into id-taking commands.
    @Test func aSecretTypedThenPastedAsAnIDNeverReachesTheOutput() async throws {
        let secret = "correcthorsebatterystaple"
        let shown = try await withSimulator(seed: .demo) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.run(line: "verify --secret \(secret) --signature sha256=00 --file \(Fixtures.realWorldCases.appendingPathComponent("kapso-es.wire.json").path)")
            for line in ["whois \(secret)", "webhooks get \(secret)", "message \(secret)", "messages --phone-number \(secret)"] {
                shell.run(line: line)
            }
            return output.out + output.err
        }
        #expect(!shown.contains(String(secret.prefix(8))), "\(shown)")
    }
}

/// tester51 N2: Kapso's 404 text naming the display number where the phone-number id goes, pasted into `explain` after
/// `numbers`, listed four generic causes; the listed numbers name it.
@Suite struct Tester51ExplainKapsoIDTests {
    @Test func kapsosWordsNamingADisplayNumberAreRead() async throws {
        let shown = try await withSimulator(seed: .demo) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: nil)
            shell.run(line: "numbers")
            shell.run(line: #"explain '{"error":"Not found","message":"WhatsApp phone number 14155550100 not found or not accessible in this project"}'"#)
            return output.out
        }
        #expect(shown.contains("14155550100 is the display number of Support Line; its phone-number id is 100200300400501"), "\(shown)")
    }
}

/// tester51 N4: a masked transcript without its restore file told a `kops --record` user to "record with --keep-pii", an
/// option only the shell's `record` command has.
@Suite struct Tester51RestoreAdviceTests {
    @Test func theAdviceNamesWhereKeepPIIIs() {
        let message = ScriptError.missingRestore(path: "t.md.restore", line: "whois <contact 1>").message
        #expect(message.contains("record again in the shell with 'record FILE --keep-pii'"), "\(message)")
        #expect(!message.contains("; record with --keep-pii"), "\(message)")
    }
}
