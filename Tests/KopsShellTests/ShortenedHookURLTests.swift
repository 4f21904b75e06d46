import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe38 P38-1: `deliveries`, `errors` and `logs search` show a webhook's URL without its scheme in narrow columns;
/// the redactor finds URLs by their scheme, so a Slack, Telegram, Zapier or n8n hook whose key is in the path was
/// printed and recorded in clear while `webhooks` and `--output json` masked it. Seed `hook-keys.seed.json` (probe38's
/// `hooks.seed.json` plus a Slack hook): eleven webhooks on Support Line, each with a failed delivery.
@Suite struct ShortenedHookURLTests {
    static let seed = TestSeeds.path("hook-keys.seed.json")

    /// The keys of the seed's hook URLs, each a piece no masked page may show.
    static let keys = [
        "abcdefghijklmnopqrstuvwx",  // Slack
        "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",  // Telegram bot token
        "9f8e7d6c5b4a3210abcdef",  // n8n
        "abcdef1/",  // Zapier (the key segment, with its slash: `abcdef1` alone is a prefix of other words)
        "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",  // Discord
        "dAbCdEfGhIjKlMnOpQrSt12",  // IFTTT
        "5f2c1b6e4a3d4c2b9a8e7f6d5c4b3a21",  // Teams
        "abcDEF123456ghiJKL",  // ?token=, #access_token=
        "ABCdef123456GHIjkl",  // ;jsessionid=
        "wJalrXUtnFEMI",  // user:password@
    ]

    @Test func noHookKeyReachesTheTerminalOrTheTranscriptFromTheShortenedViews() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-shorthooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        let terminal = try await withSimulator(seed: .file(Self.seed)) { fixture in
            let (shell, output) = try fixture.shell()
            for line in [
                "record \(transcript)", "use 100200300400501", "deliveries --period 30d", "deliveries --period 30d --expanded",
                "errors --period 30d", "errors --period 30d --flat", "logs search --problems --period 30d --flat",
                "logs search --problems --period 30d", "record stop",
            ] {
                shell.run(line: line)
            }
            return output.combined
        }
        let page = try String(contentsOfFile: transcript, encoding: .utf8)
        for key in Self.keys {
            for (name, text) in [("terminal", terminal), ("transcript", page)] {
                let hits = text.split(separator: "\n").filter { $0.contains(key) }
                #expect(hits.isEmpty, "\(key) in the \(name): \(hits.first ?? "")")
            }
        }
        // The views did show the receivers (masked), so the test read what it meant to read.
        #expect(terminal.contains("https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/<redacted>"), "\(terminal)")
        #expect(terminal.contains("https://api.telegram.org/bot<redacted>/sendMessage"))
        #expect(page.contains("https://n8n.acme.test/webhook/<redacted>"))
    }
}
