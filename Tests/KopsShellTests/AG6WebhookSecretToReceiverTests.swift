import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG6: `webhooks create` and `update` handed a Meta access token or a webhook signing secret to a third-party
/// receiver in `--headers` or `--url` without a word, while `reply` refuses the same values unless `--send-secret`. Neither is
/// ever the receiver's own credential, and Kapso sends it with every delivery: the same rule now, one line, `--send-secret`.
@Suite struct AG6WebhookSecretToReceiverTests {
    static let token = "EAAGm0PX4ZCpsBAKZAxyz1234567890abcdef"
    static let whsec = "whsec_Zq9xT7pL2mN4vB8k"
    static let create = "webhooks create --events whatsapp.message.received"

    static let lines: [(flags: String, named: String, flag: String)] = [
        ("--url https://hooks.example.net/in --headers '{\"Authorization\":\"Bearer \(token)\"}'", "a Meta access token (EAA…)", "--headers"),
        ("--url 'https://hooks.example.net/in?access_token=\(token)'", "a Meta access token (EAA…)", "--url"),
        ("--url https://hooks.example.net/in --headers '{\"X-Secret\":\"\(whsec)\"}'", "a webhook signing secret (whsec_…)", "--headers"),
    ]

    @Test(arguments: lines)
    func createIsRefusedWithoutSendSecret(_ line: (flags: String, named: String, flag: String)) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().requests
            #expect(shell.run(line: "\(Self.create) \(line.flags)") == .usage, "\(output.out)")
            let lines = output.err.split(separator: "\n")
            #expect(lines.count == 1, "one line: \(output.err)")
            #expect(
                output.err.contains("webhooks create: \(line.flag) holds \(line.named), shown masked on screen; the receiver at hooks.example.net (with every delivery) would receive it in clear; nothing was sent; take it out, or --send-secret to send it as typed"),
                "\(output.err)")
            #expect(!output.err.contains(Self.token) && !output.err.contains(Self.whsec))
            #expect(fixture.counters().requests == before, "nothing reached the API")
        }
    }

    @Test(arguments: lines)
    func createWithSendSecretSendsItAndSaysSo(_ line: (flags: String, named: String, flag: String)) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "\(Self.create) \(line.flags) --send-secret") == .ok, "\(output.err)")
            #expect(output.out.contains("created webhook"), "\(output.out)")
            #expect(output.err.contains("--send-secret: \(line.flag) holds \(line.named), shown masked here"), "\(output.err)")
        }
    }

    @Test func updateIsRefusedWithoutSendSecret() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "\(Self.create) --url https://hooks.example.net/in") == .ok, "\(output.err)")
            let id = try #require(shell.context.session.lastWebhookID)
            let before = fixture.counters().requests
            let update = "webhooks update \(id) --headers '{\"X-Secret\":\"\(Self.whsec)\"}' --yes"
            #expect(shell.run(line: update) == .usage, "\(output.out)")
            #expect(output.err.contains("webhooks update: --headers holds a webhook signing secret (whsec_…)"), "\(output.err)")
            #expect(fixture.counters().requests == before, "nothing reached the API")
            #expect(shell.run(line: update + " --send-secret") == .ok, "\(output.err)")
            #expect(output.out.contains("updated webhook"), "\(output.out)")
        }
    }

    /// kops's own key is never sent, with `--send-secret` or without; a receiver's own token is what `--headers` is for.
    @Test func theOwnKeyStaysRefusedAndAReceiversTokenPasses() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let own = "\(Self.create) --url https://hooks.example.net/in --headers '{\"X-API-Key\":\"test_key_0123456789\"}' --send-secret"
            #expect(shell.run(line: own) == .usage, "\(output.err)")
            #expect(output.err.contains("holds kops's own Kapso API key"), "\(output.err)")
            let receivers = "\(Self.create) --url https://hooks.example.net/in --headers '{\"Authorization\":\"Bearer rk_0123456789abcdef\"}'"
            #expect(shell.run(line: receivers) == .ok, "\(output.err)")
        }
    }
}
