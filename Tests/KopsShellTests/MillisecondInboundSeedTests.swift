import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe46 P46-7 over loopback (`Seeds/probe46-ms-inbound.seed.json`: Contact A 14155550171 wrote 48 h ago with a 13-digit
/// millisecond `timestamp`, listed first, and 1 h ago in Unix seconds; a reply 30 min ago, delivered; `-sent`: the reply
/// 1 min ago, still `sent`): `trace` reads the window from the 11:00 message, as `messages` reads both times, never "a
/// message kops did not read" nor "unsure".
@Suite struct MillisecondInboundSeedTests {
    static let reply = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ03AAAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: ["probe46-ms-inbound.seed.json", "probe46-ms-inbound-sent.seed.json"])
    func theWindowComesFromTheNewestInboundByItsTime(_ seed: String) async throws {
        let ran = try await runDemo(
            ["trace \(Self.reply)", "output json", "trace \(Self.reply)"], number: "100200300400501", seed: .file(TestSeeds.path(seed)),
            width: 400)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let window = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("window") }, "\(ran[0].out)")
        #expect(window.contains("open when sent: last inbound 2026-11-21T11:00:00Z"), "\(window)")
        #expect(!window.contains("did not read") && !window.contains("unsure"), "\(window)")
        #expect(ran[2].out.contains("\"last_inbound_at\": \"2026-11-21T11:00:00Z\""), "\(ran[2].out)")
        #expect(ran[2].out.contains("\"open_at_send\": true"), "\(ran[2].out)")
    }
}
