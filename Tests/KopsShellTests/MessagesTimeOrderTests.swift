import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester51 N7 over loopback (`Seeds/probe46-ms-inbound.seed.json`: an inbound of 2026-11-19T12:00:00Z stamped in Unix
/// milliseconds, which the API lists first, and two messages of 11:00 and 11:30 on 2026-11-21 in Unix seconds): `messages`
/// lists newest first by the time it reads, and says that its order is not the API's and why.
@Suite struct MessagesTimeOrderTests {
    @Test func aMillisecondStampIsListedAtItsTimeNotFirst() async throws {
        let ran = try await runDemo(
            ["messages"], number: "100200300400501", seed: .file(TestSeeds.path("probe46-ms-inbound.seed.json")), width: 400)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let times = ran[0].out.split(separator: "\n").compactMap { line in line.hasPrefix("2026-") ? String(line.prefix(20)) : nil }
        #expect(times == ["2026-11-21T11:30:00Z", "2026-11-21T11:00:00Z", "2026-11-19T12:00:00Z"], "\(ran[0].out)")
        #expect(
            ran[0].err.contains(
                "rows in time order, not the API's: 1 message's timestamp is in Unix milliseconds, not the Unix seconds Kapso "
                    + "sends"), "\(ran[0].err)")
    }
}
