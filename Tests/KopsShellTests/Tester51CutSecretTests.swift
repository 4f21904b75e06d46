import Foundation
import KapsoDiagnostics
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

    /// tester51b F5 follow-up: the floor is relative to the secret's length below 8 characters. A 7-character secret
    /// (Kapso takes a webhook secret from 1 character, kapso-api.md §3.2) typed as `opense…` showed 6 of its 7; half of
    /// a short secret, or more, next to an ellipsis is masked, as its start or its end, in screen, transcript and
    /// history alike (the one redactor).
    @Test(arguments: [
        ("opensez", "opense…"), ("opensez", "opens..."), ("opensez", "OPEN…"), ("opensesamexy", "opense…"),
        ("abcdefghi", "abcde…"), ("short", "sho…"), ("opensez", "…ensez"), ("opensesamexy", "...samexy"),
    ])
    func halfOfAShortSecretNextToAnEllipsisIsRedacted(secret: String, typed: String) {
        let redactor = Redactor(knownSecrets: [Secret(secret)])
        let shown = redactor.redact("whois: cannot read '\(typed)' as an id")
        #expect(shown.contains("<redacted>"), "\(shown)")
        let kept = typed.replacingOccurrences(of: "…", with: "").replacingOccurrences(of: "...", with: "")
        #expect(!shown.contains(kept), "\(shown)")
        #expect(Redactor.holdsSecretOrPiece(of: [secret])("whois \(typed)"), "the history file forgets the line")
    }

    /// Less than half, a word that only contains the start, the scheme alone or kops's 2-character tail, and a word
    /// without an ellipsis stay: an ordinary word is not masked everywhere because a short secret starts with it.
    @Test(arguments: [
        ("opensez", "ope…"), ("opensesamexy", "opens…"), ("opensez", "reopens…"), ("opensez", "open the door"),
        ("whsec_abcd", "whsec_…"), ("whsec_abcdefghij", "whsec_…ij"), ("opensez", "…ez"), ("abc", "ab…"),
    ])
    func lessThanHalfOrNoEllipsisStays(secret: String, typed: String) {
        let line = "whois: cannot read '\(typed)' as an id"
        #expect(Redactor(knownSecrets: [Secret(secret)]).redact(line) == line)
    }

    @Test(arguments: [(1, 3), (4, 3), (7, 4), (9, 5), (12, 6), (15, 8), (16, 8), (40, 8)])
    func theFloorIsHalfTheSecretBetweenThreeAndEight(length: Int, floor: Int) {
        #expect(SecretMask.cutEchoFloor(length: length) == floor)
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
