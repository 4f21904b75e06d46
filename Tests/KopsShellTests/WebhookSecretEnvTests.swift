import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe24 P24-11: `verify`, `webhooks fire` and `replay` take the secret from an environment variable as `listen` does
/// (`--secret-env VAR`, `--meta-secret-env VAR`), so it stays out of the shell's history and `ps`; a secret that is
/// literally `${env:NAME}` (single-quoted at the top level, where kops replaces nothing) is refused, not used.
@Suite struct WebhookSecretEnvTests {
    static let secret = "whsec_envsecret_9d8c7b"

    private func offline(_ environment: [String: String]) -> OfflineShell {
        let offline = OfflineShell()
        offline.shell.context.environment = environment
        return offline
    }

    @Test func verifyReadsTheSecretFromTheNamedVariable() {
        let signature = WebhookSignature.hmacSHA256Hex(key: Array(Self.secret.utf8), message: Array("{}".utf8))
        let offline = offline(["WH": Self.secret])
        let status = offline.shell.run(words: ["verify", "--secret-env", "WH", "--signature", signature, "--body", "{}"])
        #expect(status == .ok, "\(offline.output.err)")
        #expect(offline.output.out == "valid: X-Webhook-Signature matches the 2-byte body\n")
        #expect(!offline.output.combined.contains(Self.secret))
        // The same with a wrong signature fails as with --secret: the variable's value, not its name, is the key.
        let wrong = offline.shell.run(words: ["verify", "--secret-env", "WH", "--signature", String(repeating: "0", count: 64), "--body", "{}"])
        #expect(wrong == .failure)
    }

    @Test(arguments: [
        ([String: String](), "WH is not set"), (["WH": ""], "WH is empty"),
    ])
    func anUnsetOrEmptyVariableIsOneLineNamingIt(environment: [String: String], state: String) {
        for words in [
            ["verify", "--secret-env", "WH", "--signature", "00", "--body", "{}"],
            ["webhooks", "fire", "whatsapp.message.received", "--to", "http://127.0.0.1:9/", "--secret-env", "WH"],
            ["replay", "/nonexistent/saved", "--to", "http://127.0.0.1:9/", "--meta-secret-env", "WH"],
        ] {
            let offline = offline(environment)
            let status = offline.shell.run(words: words)
            #expect(status == .usage, "\(words)")
            let flag = words.contains("--meta-secret-env") ? "--meta-secret-env" : "--secret-env"
            #expect(
                offline.output.err == "error: \(words[0]): invalid value for \(flag) 'WH'; expected a set environment variable "
                    + "holding the secret (\(state) in kops's environment)\n", "\(words)")
            #expect(offline.transport.requests.isEmpty)
        }
    }

    @Test func aSecretThatIsAnUnreplacedReferenceIsRefusedNamingTheFlagToUse() {
        for (words, flag) in [
            (["verify", "--secret", "${env:WH}", "--signature", "00", "--body", "{}"], "--secret"),
            (["webhooks", "fire", "whatsapp.message.received", "--to", "http://127.0.0.1:9/", "--secret", "${env:WH}"], "--secret"),
            (["replay", "/nonexistent/saved", "--to", "http://127.0.0.1:9/", "--meta-secret", "${env:WH}"], "--meta-secret"),
            (["listen", "--meta-secret", "${env:WH}"], "--meta-secret"),
        ] {
            let offline = offline(["WH": Self.secret])
            let status = offline.shell.run(words: words)
            #expect(status == .usage, "\(words)")
            #expect(
                // The value given with a secret flag is learned as a secret, so even this one is shown masked.
                offline.output.err == "error: \(words[0]): invalid \(flag) '<redacted>'; expected the secret itself: kops replaces "
                    + "${env:NAME} only in a line it reads (a script, -c, the prompt; not inside '...'); use \(flag)-env WH\n",
                "\(words)")
        }
        // Where kops reads the line, the reference is replaced before verify sees it: the prompt's and -c's form works.
        let signature = WebhookSignature.hmacSHA256Hex(key: Array(Self.secret.utf8), message: Array("{}".utf8))
        let offline = offline(["WH": Self.secret])
        offline.shell.run(line: "verify --secret ${env:WH} --signature \(signature) --body '{}'")
        #expect(offline.output.out == "valid: X-Webhook-Signature matches the 2-byte body\n", "\(offline.output.err)")
    }

    @Test func bothFormsOfOneSecretAreRefused() {
        for words in [
            ["verify", "--secret", "x", "--secret-env", "WH", "--body", "{}"],
            ["replay", "/nonexistent/saved", "--to", "http://127.0.0.1:9/", "--meta-secret", "x", "--meta-secret-env", "WH"],
            ["listen", "--meta-secret", "x", "--meta-secret-env", "WH"],
        ] {
            let offline = offline(["WH": Self.secret])
            #expect(offline.shell.run(words: words) == .usage)
            #expect(offline.output.err.contains("invalid combination"), "\(offline.output.err)")
        }
    }

    @Test func fireSignsWithTheVariablesSecret() async throws {
        try await offPool {
            let handler = try WebhookFireTests.verifyingHandlerFor(secret: Self.secret)
            let (shell, output) = try handler.shell()
            shell.context.environment = ["KAPSO_WEBHOOK_SECRET": Self.secret]
            let status = shell.run(words: [
                "webhooks", "fire", "whatsapp.message.received", "--secret-env", "KAPSO_WEBHOOK_SECRET", "--to", handler.baseURL + "/hook",
            ])
            #expect(status == .ok, "\(output.err)")
            #expect(handler.requests.count == 1)
            #expect(output.out.contains("→ 200 in "), "\(output.out)")
            #expect(!output.err.contains("unsigned"), "\(output.err)")
            #expect(!(output.out + output.err).contains(Self.secret))
        }
    }

    @Test func replayReSignsWithTheVariablesSecrets() async throws {
        try await offPool {
            for flag in ["--secret-env", "--meta-secret-env"] {
                // The saved signature is spoiled: only a re-signing with the handler's secret is accepted.
                let saved = ReplayCommandTests.saved().replacingOccurrences(of: "x-webhook-signature: ", with: "x-webhook-signature: 00")
                let folder = try ReplayCommandTests.folder(["k.http": saved])
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let handler = try WebhookFireTests.verifyingHandlerFor(secret: Self.secret)
                let (shell, output) = try handler.shell()
                shell.context.environment = ["HOOK_KEY": Self.secret]
                let status = shell.run(words: ["replay", folder, flag, "HOOK_KEY", "--to", handler.baseURL + "/hook"])
                #expect(status == .ok, "\(flag): \(output.err)")
                #expect(handler.requests.count == 1)
                #expect(!(output.out + output.err).contains(Self.secret))
            }
        }
    }
}
