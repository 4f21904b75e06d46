import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe42 P42-3: a value that is a form kops prints in place of what it hides (`whsec_…23` from `webhooks get`,
/// `<redacted>` from a transcript, `…/<redacted>` in a hook's URL) is refused wherever a secret, URL or header value is
/// taken, with one line naming it and what to do, before anything is sent or changed. Taken as typed, it replaced the
/// webhook's signing secret with the mask, `verify` blamed a re-serialised body and `fire` signed with it.
@Suite struct MaskedSecretInputTests {
    static let support = "100200300400501"
    /// The support number's kapso webhook, signed with `whsec_demo_123`, one header `X-Acme-Env`.
    static let hook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    /// The write is refused, and the webhook keeps its secret, URL and headers: nothing was sent.
    @Test(arguments: [
        (
            "--secret-key 'whsec_…23'",
            "error: webhooks: --secret-key is 'whsec_…23', the masked form kops prints, not the secret; nothing was sent; leave "
                + "--secret-key out to keep the webhook's secret, or give a new one in full ('webhooks get \(hook) --reveal-secret' "
                + "shows the current one)\n"
        ),
        (
            "--secret-key '<redacted>'",
            "error: webhooks: --secret-key is '<redacted>', the masked form kops prints, not the secret; nothing was sent; leave "
                + "--secret-key out to keep the webhook's secret, or give a new one in full ('webhooks get \(hook) --reveal-secret' "
                + "shows the current one)\n"
        ),
        (
            "--url 'https://hook.eu1.make.com/<redacted>'",
            "error: webhooks: --url holds '<redacted>', which kops prints in place of a value it hides: it is a copy of kops's "
                + "output, not the URL; nothing was sent; leave --url out to keep the webhook's URL, or give the URL in full, as "
                + "the service that issued it shows it (kops masks a hook URL's key in every view)\n"
        ),
        (
            "--headers '{\"X-Acme-Env\":\"<redacted>\"}'",
            "error: webhooks: --headers holds '<redacted>', which kops prints in place of a value it hides: it is a copy of kops's "
                + "output, not the header values; nothing was sent; leave --headers out to keep the webhook's headers, or give "
                + "their values in full\n"
        ),
    ])
    func anUpdateWithAMaskIsRefusedAndChangesNothing(flags: String, error: String) async throws {
        let runs = try await runDemo(
            ["webhooks update \(Self.hook) \(flags)", "webhooks get \(Self.hook) --reveal-secret --output json"],
            number: Self.support)
        #expect(runs[0].err == error)
        #expect(runs[0].out == "")
        #expect(runs[0].status == 64)
        #expect(runs[1].out.contains("\"secret_key\": \"whsec_demo_123\""), "\(runs[1].out)")
        #expect(runs[1].out.contains("\"url\": \"https://hooks.acme-demo.test/kapso/whatsapp\""), "\(runs[1].out)")
        #expect(runs[1].out.contains("\"X-Acme-Env\": \"prod\"") || runs[1].out.contains("\"X-Acme-Env\""), "\(runs[1].out)")
    }

    @Test func aCreateWithAMaskedSecretIsRefusedAndCreatesNothing() async throws {
        let runs = try await runDemo(
            [
                "webhooks create --url https://example.com/x --events whatsapp.message.received --secret-key '<redacted>'",
                "webhooks --output json",
            ], number: Self.support)
        #expect(
            runs[0].err
                == "error: webhooks: --secret-key is '<redacted>', the masked form kops prints, not the secret; nothing was sent; "
                + "give the secret in full, or leave --secret-key out and kops generates one\n")
        #expect(runs[0].status == 64)
        #expect(!runs[1].out.contains("example.com/x"), "\(runs[1].out)")
    }

    /// A secret that holds kops's mask inside other text is named by the mark, and the rest of it is never shown.
    @Test func aValueHoldingAMaskAmongOtherTextIsNotShown() async throws {
        let ran = try await runDemo("webhooks update \(Self.hook) --secret-key 'whsec_Zq9realpart…23'", number: Self.support)
        #expect(
            ran.err
                == "error: webhooks: --secret-key holds '…', which kops prints in place of characters it hides or cuts: it is a "
                + "copy of kops's output, not the secret; nothing was sent; leave --secret-key out to keep the webhook's secret, "
                + "or give a new one in full ('webhooks get \(Self.hook) --reveal-secret' shows the current one)\n")
        #expect(!ran.err.contains("Zq9realpart"))
    }

    /// `verify`, `listen`, `webhooks fire`, `replay`: `--secret`, `--meta-secret` and the `-env` forms' values.
    @Test(arguments: [
        (
            ["verify", "--secret", "whsec_…01", "--signature", String(repeating: "a", count: 64), "--body", "{}"],
            "error: verify: --secret is 'whsec_…01', the masked form kops prints, not the secret; nothing was checked; give the "
                + "webhook's secret_key in full ('webhooks get ID --reveal-secret' shows it)\n"
        ),
        (
            ["verify", "--secret", "<redacted>", "--meta", "--signature", "sha256=" + String(repeating: "a", count: 64), "--body", "{}"],
            "error: verify: --secret is '<redacted>', the masked form kops prints, not Meta's app secret; nothing was checked; give "
                + "Meta's app secret in full (Meta App Dashboard: App settings > Basic)\n"
        ),
        (
            ["listen", "--secret", "whsec_…23", "--max-deliveries", "1"],
            "error: listen: --secret is 'whsec_…23', the masked form kops prints, not the secret; nothing was started; give the "
                + "webhook's secret_key in full ('webhooks get ID --reveal-secret' shows it)\n"
        ),
        (
            ["listen", "--meta-secret", "…9f"],
            "error: listen: --meta-secret is '…9f', the masked form kops prints, not Meta's app secret; nothing was started; give "
                + "Meta's app secret in full (Meta App Dashboard: App settings > Basic)\n"
        ),
        (
            ["webhooks", "fire", "whatsapp.message.received", "--to", "http://127.0.0.1:9/", "--secret", "whsec_…23"],
            "error: webhooks: --secret is 'whsec_…23', the masked form kops prints, not the secret; nothing was sent; give the "
                + "webhook's secret_key in full ('webhooks get ID --reveal-secret' shows it)\n"
        ),
        (
            ["replay", "/nonexistent/saved", "--to", "http://127.0.0.1:9/", "--secret", "whsec_..."],
            "error: replay: --secret is 'whsec_...', the placeholder of kops's help, not the secret; nothing was sent; give the "
                + "webhook's secret_key in full ('webhooks get ID --reveal-secret' shows it)\n"
        ),
    ])
    func aMaskedSecretFlagIsRefusedBeforeAnythingRuns(words: [String], error: String) {
        let ran = OfflineShell.run(words)
        #expect(ran.err == error)
        #expect(ran.status == .usage)
        #expect(ran.out == "")
        #expect(ran.requests == 0)
    }

    @Test func aMaskInTheVariableOfSecretEnvIsRefusedNamingTheVariable() {
        let offline = OfflineShell()
        offline.shell.context.environment = ["WH": "whsec_…23"]
        let status = offline.shell.run(words: [
            "webhooks", "fire", "whatsapp.message.received", "--to", "http://127.0.0.1:9/", "--secret-env", "WH",
        ])
        #expect(status == .usage)
        #expect(
            offline.output.err
                == "error: webhooks: WH (--secret-env) is 'whsec_…23', the masked form kops prints, not the secret; nothing was "
                + "sent; give the webhook's secret_key in full ('webhooks get ID --reveal-secret' shows it)\n")
        #expect(offline.transport.requests.isEmpty)
    }

    /// A handler URL copied from kops's output: `fire --to`, `replay --to`, `listen --forward-to`.
    @Test(arguments: [
        (["webhooks", "fire", "whatsapp.message.received", "--to", "https://hook.eu1.make.com/<redacted>"], "webhooks", "--to", "sent"),
        (["replay", "/nonexistent/saved", "--to", "https://hooks.acme.test/k…/x"], "replay", "--to", "sent"),
        (["listen", "--forward-to", "https://hook.eu1.make.com/<redacted>"], "listen", "--forward-to", "started"),
    ])
    func aMaskedHandlerURLIsRefused(words: [String], command: String, flag: String, notDone: String) {
        let ran = OfflineShell.run(words)
        #expect(ran.status == .usage)
        #expect(ran.err.hasPrefix("error: \(command): \(flag) holds '"), "\(ran.err)")
        #expect(ran.err.hasSuffix("it is a copy of kops's output, not the URL; nothing was \(notDone); give the handler's URL in full\n"), "\(ran.err)")
        #expect(ran.requests == 0)
    }

    /// `set` of a secret-named variable, or of `<redacted>` or a whole mask in any variable.
    @Test(arguments: [
        ("set hook_secret 'whsec_…23'", "hook_secret", "is 'whsec_…23', the masked form kops prints", true),
        ("set api_key <redacted>", "api_key", "is '<redacted>', the masked form kops prints", true),
        ("set hook 'https://hook.eu1.make.com/<redacted>'", "hook", "holds '<redacted>', which kops prints in place of a value it hides: it is a copy of kops's output", false),
        ("set s …34", "s", "is '…34', the masked form kops prints", false),
    ])
    func setRefusesAMaskedValue(line: String, name: String, what: String, secretName: Bool) {
        let offline = OfflineShell()
        let status = offline.shell.run(line: line)
        #expect(status == .usage)
        #expect(
            offline.output.err
                == "error: set: the value of '\(name)' \(what), not the value it stands for; nothing was set; set it to the value in full"
                + (secretName ? " ('webhooks get ID --reveal-secret' shows a webhook's secret)" : "") + "\n")
        #expect(offline.shell.context.session.variables[name] == nil)
    }

    /// What is not a mask is taken: ASCII dots inside a value, a URL without a mask, a variable of another name.
    @Test func valuesThatAreNoMaskAreTaken() {
        let offline = OfflineShell()
        #expect(offline.shell.run(line: "set note 'wait...and see'") == .ok)
        #expect(offline.shell.run(line: "set hook_secret whsec_a...b_real") == .ok)
        #expect(offline.shell.run(line: "set ellipsis 'later…'") == .ok)
        #expect(offline.output.err == "")
    }

    /// A script line with a mask is refused before line 1 runs: nothing is sent or changed.
    @Test func aScriptWithAMaskedSecretStopsBeforeItsFirstLine() async throws {
        let (outcome, err, shown) = try await withSimulator(seed: .demo) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Self.support)
            let source = "webhooks update \(Self.hook) --active false\nwebhooks update \(Self.hook) --secret-key 'whsec_…23'\n"
            let outcome = ScriptRunner(path: "s.kops", source: source, allowWrites: true).run(on: shell)
            let before = output.out.count
            shell.run(line: "webhooks get \(Self.hook) --reveal-secret")
            return (outcome, output.err, String(output.out.dropFirst(before)))
        }
        #expect(outcome.commands == 0 && outcome.status == .usage, "\(err)")
        #expect(err.contains("s.kops:2: error: webhooks: --secret-key is 'whsec_…23', the masked form kops prints"), "\(err)")
        #expect(shown.contains("active:    yes\n") && shown.contains("whsec_demo_123"), "\(shown)")
    }

    /// A webhook whose secret or URL is kops's mask (saved before kops refused it) says so in `get` and is not probed.
    @Test func aWebhookThatHoldsAMaskSaysSo() async throws {
        let (out, status, err) = try await withSimulator(seed: .demo) { fixture in
            let client = try fixture.client()
            _ = try client.updateWebhook(Self.hook, fields: ["secret_key": "whsec_…23", "url": "https://hook.eu1.make.com/<redacted>"])
            let (shell, output) = try fixture.shell(phoneNumberID: Self.support)
            shell.run(line: "webhooks get \(Self.hook)")
            let out = output.out
            let status = shell.run(line: "webhooks probe \(Self.hook)")
            return (out, status, output.err)
        }
        #expect(
            out.contains(
                "url:       https://hook.eu1.make.com/<redacted> (kops's mask saved as the url, from a copy of kops's output: "
                    + "deliveries fail; 'webhooks update \(Self.hook) --url …' with the real one)\n"), "\(out)")
        #expect(
            out.contains(
                "secret:    whsec_… (kops's mask saved as the secret, from a copy of kops's output: deliveries fail; "
                    + "'webhooks update \(Self.hook) --secret-key …' with the real one)\n"), "\(out)")
        #expect(status == .usage)
        #expect(
            err.hasPrefix(
                "error: webhooks: webhook \(Self.hook)'s secret_key is 'whsec_…23', the masked form kops prints, not a real secret; "
                    + "it was saved so from a copy of kops's output; nothing was sent"), "\(err)")
    }
}
