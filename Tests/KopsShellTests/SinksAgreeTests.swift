import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTerminal
import KopsTestSupport
import Testing

/// Probe33's secret leaks, session by session: what one sink treats as a secret, none shows (the terminal, the
/// transcript, the history file as the terminal's reader keeps it).
@Suite struct SinksAgreeTests {
    struct Evidence: Sendable {
        var terminal: String
        var transcript: String
        var history: String
    }

    private func session(_ lines: [String]) async throws -> Evidence {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sinks-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let transcript = folder.appendingPathComponent("t.md").path
            var gate = HistoryGate()
            var kept: [String] = []
            for line in ["record \(transcript)"] + lines + ["record stop"] {
                if gate.admit(line, redactor: shell.redactor).save { kept.append(line) }
                shell.run(line: line)
            }
            return Evidence(
                terminal: output.combined, transcript: try String(contentsOfFile: transcript, encoding: .utf8),
                history: kept.joined(separator: "\n"))
        }
    }

    /// P33-4: a webhook URL whose path is its key, on hosts the list of P29-16 does not name, is masked on the command
    /// line, in the create output and in the `webhooks` list; the URL's host and the ids before the key stay.
    @Test func aHookKeyInThePathReachesNoSink() async throws {
        let keys = ["dQw4w9WgXcQaB3dE5gH7jK", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "xg8kq4j5tfbz7rnmy3w6p2c9de", "7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a"]
        let urls = [
            "https://maker.ifttt.com/trigger/kapso/with/key/\(keys[0])",
            "https://acme.webhook.office.com/webhookb2/1a2b3c4d-0000-4000-8000-000000000001@2b3c/IncomingWebhook/\(keys[1])/3c4d5e6f",
            "https://mm.acme.io/hooks/\(keys[2])",
            "https://n8n.acme.io/webhook/\(keys[3])",
        ]
        let evidence = try await session(
            ["use 100200300400501"] + urls.map { "webhooks create --url \($0) --events whatsapp.message.received" } + ["webhooks"])
        for key in keys {
            for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
                #expect(!text.contains(key), "\(key) in the \(name): \(text)")
            }
        }
        #expect(evidence.transcript.contains("https://mm.acme.io/hooks/<redacted>"), "\(evidence.transcript)")
        #expect(evidence.transcript.contains("https://maker.ifttt.com/trigger/kapso/with/key/<redacted>"))
        #expect(!evidence.terminal.contains("error"), "\(evidence.terminal)")
    }

    /// P33-6: a GitHub or Slack token typed (`logs search ghp_…`) was kept out of history but recorded (`ghp_`), or went
    /// everywhere (`xoxb-`): the one list of prefixes now names both, for every sink.
    @Test(arguments: [
        "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
        "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789", "xapp-1-A0123456789-0123456789012-abcdef0123456789",
    ])
    func aForeignTokenTypedReachesNoSink(token: String) async throws {
        let evidence = try await session(["logs search \(token)", "explain 131047"])
        for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
            #expect(!text.contains(token), "\(token) in the \(name): \(text)")
        }
        #expect(evidence.transcript.contains("logs search <redacted>"), "\(evidence.transcript)")
        #expect(evidence.history.contains("explain 131047"))
    }

    /// Session 33: a JWT, a SendGrid, OpenAI, Google or Stripe restricted key typed (searched for, then given where a
    /// message id is expected, so an error may quote it) reaches no sink, nor does any long part of it; the history file
    /// keeps the other lines.
    @Test(arguments: [
        ForeignCredentialShapesTests.jwt, ForeignCredentialShapesTests.sendGrid, "sk-proj-Ab3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA3bC5dE7fG9h",
        "AIzaSyA6JZ7DOCLrEsr92EIJ23wyH8jWHMtl2wU", "rk_live_51Hx3dE5gH7jK9mN1pQ3rS5tU7vW9x",
        // probe34 P34-1: npm, PyPI, Shopify, DigitalOcean (the two history kept), AWS.
        "npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "pypi-AgEIcHlwaS5vcmcCJGI4YzQ1NmM0LWE3ZjQtNGE3MS1hNjEx",
        "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", "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "AKIAIOSFODNN7EXAMPLE",
        // Session 36: a Google OAuth access token (P34-1's ya29., a dot ended the word).
        "ya29.a0AfH6SMBx3kLq8ZrT9yU2vW4nP7oQ1sR3tY5uV8wX0zA",
        // probe36 P36-3: an AWS temporary access key id (STS), the sibling of `AKIA`.
        "ASIAY34FZKBOKMUTVV7A",
    ])
    func aForeignCredentialTypedReachesNoSink(token: String) async throws {
        let evidence = try await session(["logs search \(token)", "message \(token)", "explain 131047"])
        let pieces = [token] + token.split(separator: ".").map(String.init).filter { $0.count >= 16 }
        for piece in pieces {
            for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
                #expect(!text.contains(piece), "\(piece) in the \(name): \(text)")
            }
        }
        #expect(evidence.transcript.contains("logs search <redacted>"), "\(evidence.transcript)")
        #expect(evidence.history.contains("explain 131047"))
    }

    /// probe36 P36-3: `whois` of an AWS temporary key id called it a WAMID's base64 part and advised `wamid.ASIA…`;
    /// it is no id, and no sink shows it.
    @Test(arguments: ["ASIAY34FZKBOKMUTVV7A", "AKIAIOSFODNN7EXAMPLE"])
    func whoisOfAnAWSKeyIdIsNoWAMID(token: String) async throws {
        let evidence = try await session(["whois \(token)", "explain 131047"])
        for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
            #expect(!text.contains(token), "\(token) in the \(name): \(text)")
        }
        #expect(!evidence.terminal.contains("wamid."), "\(evidence.terminal)")
        #expect(!evidence.terminal.contains("WAMID's base64"), "\(evidence.terminal)")
    }

    /// probe36 P36-7: names that start like a token prefix (a template's, a log search's) stay readable in every sink,
    /// and the error names the template that was refused.
    @Test func aNameThatStartsLikeAPrefixReachesEverySinkReadable() async throws {
        let names = ["kapso_welcome_message", "sk_order_reminder", "npm_install_failed", "Kapso_Support_Line"]
        let evidence = try await session(
            ["use 100200300400501", "template kapso_welcome_message"] + names.dropFirst().map { "logs search \($0)" })
        #expect(evidence.terminal.contains("no template named 'kapso_welcome_message'"), "\(evidence.terminal)")
        for name in names {
            #expect(evidence.transcript.contains(name), "\(name): \(evidence.transcript)")
            #expect(evidence.history.contains(name), "\(name): \(evidence.history)")
        }
        #expect(!evidence.transcript.contains("<redacted>"), "\(evidence.transcript)")
    }

    /// Session 33: what the server echoes (a webhook's URL in the create output and the list) holds a JWT in its path
    /// or a Slack hook percent-encoded in its query: neither reaches a sink; the hook's team and channel ids, and an
    /// ordinary word with `sk-` inside, do.
    @Test func aServerEchoOfATokenOrAnEncodedHookReachesNoSink() async throws {
        let hookKey = "aBcDeFgHiJkLmNoPqRsTuVwX"
        let urls = [
            "https://recv.acme.io/in/\(ForeignCredentialShapesTests.jwt)",
            "https://recv.acme.io/fwd?to=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0AB12CD3%2FB0EF45GH6%2F\(hookKey)",
            // Session 36: encoded twice.
            "https://recv.acme.io/fwd2?to=https%253A%252F%252Fhooks.slack.com%252Fservices%252FT0AB12CD3%252FB0EF45GH6%252F\(hookKey)",
        ]
        let evidence = try await session(
            ["use 100200300400501"] + urls.map { "webhooks create --url \($0) --events whatsapp.message.received" }
                + ["webhooks", "logs search ask-me-anything-2026"])
        let secrets = [hookKey, ForeignCredentialShapesTests.jwtHeader, ForeignCredentialShapesTests.jwtPayload, ForeignCredentialShapesTests.jwtSignature]
        for secret in secrets {
            for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
                #expect(!text.contains(secret), "\(secret) in the \(name): \(text)")
            }
        }
        #expect(evidence.terminal.contains("%2FT0AB12CD3%2FB0EF45GH6%2F<redacted>"), "\(evidence.terminal)")
        #expect(evidence.terminal.contains("%252FT0AB12CD3%252FB0EF45GH6%252F<redacted>"), "\(evidence.terminal)")
        #expect(evidence.transcript.contains("https://recv.acme.io/in/<redacted>"), "\(evidence.transcript)")
        #expect(evidence.transcript.contains("logs search ask-me-anything-2026"), "\(evidence.transcript)")
        #expect(evidence.history.contains("logs search ask-me-anything-2026"))
        #expect(!evidence.terminal.contains("error"), "\(evidence.terminal)")
    }

    /// P33-2: a secret built from two variables: once it is used as a secret, the earlier `set` line that holds its
    /// random part (`set body Zx81…`, the part after `whsec_`; a Meta token's two halves) is masked in the transcript too.
    @Test(arguments: [
        ("whsec_", "Zx81kQp0LmN4vB7tR2yWq"),
        ("EAAGm0PX4Z", "CpsBAKZCZBvlNtuhlZCkZD"),
    ])
    func aSecretBuiltFromVariablesLeavesNoPieceRecorded(head: String, body: String) async throws {
        let evidence = try await session([
            "set pre \(head)", "set body \(body)",
            "verify --secret ${pre}${body} --signature \(String(repeating: "0", count: 64)) --body '{}'",
        ])
        for piece in [body, String(body.prefix(8)), head.count >= 8 ? head : body] {
            #expect(!evidence.transcript.contains(piece), "\(piece) in the transcript: \(evidence.transcript)")
        }
        #expect(evidence.transcript.contains("set body <redacted>"), "\(evidence.transcript)")
    }

    /// P33-2, the history file: a line that holds a piece of a secret learned later is forgotten, as one that holds it
    /// whole is; a piece too short to mask (under 8 characters) and other lines stay.
    @Test func theHistoryFileForgetsAPieceOfASecretLearnedLater() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sinks-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = HistoryFile(path: folder.appendingPathComponent("history").path)
        _ = history.load()
        for line in ["numbers", "set pre whsec_", "set body Zx81kQp0LmN4", "set tail Zx81kQp", "state"] { history.append(line) }
        history.forget(["whsec_Zx81kQp0LmN4"])
        #expect(history.load() == ["numbers", "set pre whsec_", "set tail Zx81kQp", "state"])
    }
}
