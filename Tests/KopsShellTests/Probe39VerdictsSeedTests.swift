import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe39 over loopback: verdicts that were missing on real message shapes (session 38).
@Suite struct Probe39VerdictsSeedTests {
    /// P39-8 (`Tests/Seeds/probe39-disconnected.seed.json`): Support Line's health says DISCONNECTED; a reply at 09:01
    /// has only `sent`.
    static let sentOnDisconnected = "wamid.HBgLMTQxNTU1NTE3MDEVAgASGBQ0RjU1NTQwMDAwMDAwMDAwMDAwMAA="

    /// P39-8: `trace` of a message at `sent` on a number whose health says DISCONNECTED names the number's state first.
    @Test func traceNamesADisconnectedNumberBeforeTheContactsPhone() async throws {
        let runs = try await runDemo(
            ["trace \(Self.sentOnDisconnected)"], number: "100200300400501", seed: Probe28RealTests.seed("probe39-disconnected"),
            width: 2_000)
        let verdict = try #require(runs[0].out.split(separator: "\n").first { $0.contains("verdict") }, "\(runs[0].out)")
        #expect(verdict.contains("no delivery report yet; first, the sending number is DISCONNECTED now (health: the number is "
            + "disconnected from the WhatsApp Cloud API)"), "\(verdict)")
    }
}
