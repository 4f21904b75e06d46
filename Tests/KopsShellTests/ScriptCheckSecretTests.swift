@testable import KopsShell
import Testing

/// tester52b K14: the whole-script check of `-c` and `kops run FILE` quotes a bad line's words before line 1 runs; a
/// secret an earlier line of the same script types must show there as `<redacted>`, as it does typed at the prompt.
@Suite struct ScriptCheckSecretTests {
    /// A line that types a secret (each way a line teaches the redactor one), then a line the check refuses that
    /// quotes it: `whois SECRET` ("cannot read 'SECRET' as an id"), the secret as a command ("unknown command").
    static let typings: [(line: String, secret: String, environment: [String: String])] = [
        ("webhooks create --url https://w.test/s --events whatsapp.message.received --secret-key pw12345", "pw12345", [:]),
        ("webhooks create --url https://w.test/s --events whatsapp.message.received --secret-key=pw67890", "pw67890", [:]),
        ("webhooks create --url https://w.test/s --events whatsapp.message.received --secret-key my_webhook_secret_for_prod",
         "my_webhook_secret_for_prod", [:]),
        ("listen --secret hunter2x", "hunter2x", [:]),
        ("listen --meta-secret appsecret99", "appsecret99", [:]),
        ("listen --secret-env HOOK", "envhook4242", ["HOOK": "envhook4242"]),
        ("set api_key zq81kQ2mP0", "zq81kQ2mP0", [:]),
    ]

    static let cases: [(line: String, secret: String, environment: [String: String], bad: String)] = typings.flatMap {
        typing in
        ["whois \(typing.secret)", typing.secret].map { (typing.line, typing.secret, typing.environment, $0) }
    }

    @Test(arguments: cases.indices)
    func theCheckMasksASecretAnEarlierLineTypes(index: Int) {
        let (line, secret, environment, bad) = Self.cases[index]
        let offline = OfflineShell()
        offline.shell.context.environment = environment
        let outcome = ScriptRunner(path: "-c", source: "explain 131047\n\(line)\n\(bad)").run(on: offline.shell)
        let shown = offline.output.out + offline.output.err
        #expect(outcome.failedLine == 3, "\(shown)")
        #expect(shown.contains("-c:3: error:"), "\(shown)")
        #expect(shown.contains("<redacted>"), "\(shown)")
        // The secret's first five characters: neither whole, nor cut short (`my_webhook_secret_for_p…`).
        #expect(!shown.contains(String(secret.prefix(5))), "\(shown)")
    }

    /// tester52 item 7: `set note whsec_…` then the value alone on a later line; a value ending in base64 padding (`=`) was
    /// read as `NAME=VALUE` with nothing after the `=`, so it was learned nowhere and the check printed it whole. The
    /// secret's body is checked (`whsec_` itself is named by other lines).
    @Test(arguments: ["whsec_Ab12+cd34=", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw==", "whsec_Ab12cd34ef"])
    func aWebhookSecretSetAsANoteIsMaskedWhereItIsAloneLater(secret: String) {
        for source in ["explain 131047\nset note \(secret)\n\(secret)", "set note \(secret)\nexplain 131047\nwhois \(secret)"] {
            let offline = OfflineShell()
            let outcome = ScriptRunner(path: "-c", source: source).run(on: offline.shell)
            let shown = offline.output.out + offline.output.err
            #expect(outcome.failedLine == 3, "\(shown)")
            #expect(!shown.contains(String(secret.dropFirst(6).prefix(6))), "\(shown)")
        }
    }

    /// The other side: a script whose lines type no secret shows its bad word as typed.
    @Test func aWordNoLineTypesAsASecretIsShown() {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "-c", source: "explain 131047\nlisten --secret hunter2x\nwhois pw12345")
            .run(on: offline.shell)
        let shown = offline.output.out + offline.output.err
        #expect(outcome.failedLine == 3)
        #expect(shown.contains("'pw12345'"), "\(shown)")
    }
}
