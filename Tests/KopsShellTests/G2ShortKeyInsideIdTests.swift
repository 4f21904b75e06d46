import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// tester70b G2: the F15 check refused any request whose URL held the session's key as a plain substring, so a short key
/// (`AAAAAAAA`, `00400501`) inside an ordinary WAMID or phone-number id blocked every request about it ("not sent: the
/// request's URL holds the value of its X-API-Key header"). Now a path segment or query value is the key only when it
/// equals it (as typed or percent-decoded), or holds it when the key is 20 characters or more.
@Suite struct G2ShortKeyInsideIdTests {
    /// A WAMID of the webhook-story seed: its base64 ends in a run of `A`s, as every zero-filled WAMID's does.
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN02AAAAAAAAAAAAAAAAAAAA="

    static func refused(_ url: String, key: String) -> Bool {
        HTTPRequest(url: url, headers: [HTTPHeader("X-API-Key", secret: Secret(key))]).secretInURL() != nil
    }

    @Test(arguments: [
        ("AAAAAAAA", "https://api.kapso.ai/platform/v1/whatsapp/messages/\(wamid)"),
        ("00400501", "https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/100200300400501/health"),
        ("00400501", "https://api.kapso.ai/platform/v1/whatsapp/messages?phone_number_id=100200300400501&limit=20"),
        ("HBgLMTQxNTU1NTAx", "https://api.kapso.ai/platform/v1/whatsapp/messages/\(wamid)"),
    ])
    func aShortKeyInsideAnIdIsNotTheKey(key: String, url: String) {
        #expect(!Self.refused(url, key: key), "\(url)")
    }

    @Test(arguments: [
        ("AAAAAAAA", "https://api.kapso.ai/platform/v1/whatsapp/messages/AAAAAAAA"),
        ("AAAAAAAA", "https://api.kapso.ai/platform/v1/whatsapp/messages/AAAAAAAA?fields=all"),
        ("AAAAAAAA", "https://api.kapso.ai/platform/v1/whatsapp/messages/%41AAAAAA%41"),
        ("00400501", "https://api.kapso.ai/platform/v1/whatsapp/message_templates?limit=5&name=00400501"),
        ("k70b+key/1", "https://api.kapso.ai/platform/v1/whatsapp/message_templates?name=k70b%2Bkey%2F1"),
        ("kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d", "https://api.kapso.ai/platform/v1/whatsapp/messages/kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d"),
        ("kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d", "https://api.kapso.ai/platform/v1/whatsapp/messages/wamid.kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d.x"),
        ("kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d", "https://api.kapso.ai/platform/v1/api_logs?q=see%20kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d"),
        ("kapso_live_7f3a9c2e4b1d8f6a0c5e9b2d", "https://api.kapso.ai/platform/v1/api_logs?q=kapso%5Flive%5F7f3a9c2e4b1d8f6a0c5e9b2d%20x"),
    ])
    func theKeyAsAWholeSegmentOrValueOrALongKeyInsideOneIsRefused(key: String, url: String) {
        #expect(Self.refused(url, key: key), "\(url)")
    }

    /// Through the shell and the simulator: with the key `AAAAAAAA` a WAMID that ends in `A`s is looked up, and with the
    /// key `00400501` the number 100200300400501's health is read; pasting the key itself is still not sent.
    @Test func requestsAboutIdsHoldingAShortKeyAreSent() async throws {
        try await offPool {
            for (key, lines) in [("AAAAAAAA", ["message \(Self.wamid)"]), ("00400501", ["health", "conversations"])] {
                let fixture = try SimulatorFixture(seed: TestSeeds.file("webhook-story.seed.json"), apiKey: key)
                let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
                for line in lines {
                    let status = shell.run(line: line)
                    // `health` of a degraded number exits 1 with its answer: only a refusal is the bug.
                    #expect(status == .ok || line == "health", "\(key): \(line): \(output.err)")
                }
                #expect(!output.out.isEmpty, "\(key): nothing answered")
                #expect(!output.err.contains("not sent"), "\(output.err)")
            }
        }
    }
}
