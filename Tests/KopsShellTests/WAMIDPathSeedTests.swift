import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// S17: 404s for a WAMID and for Meta's app id used where the phone-number id belongs (`Seeds/wamid-path.seed.json`):
/// `overview` names each cause as `errors` does (one grouping, `FailureFetch.groups`, with what the resolver `whois`
/// uses says of the ids), not as "not an id of this project".
@Suite struct WAMIDPathSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("wamid-path.seed.json") }

    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    @Test func overviewNamesAFailedPathsIdAsErrorsDoes() async throws {
        let runs = try await runDemo(
            ["errors --source api --output json", "overview --output json", "overview"], number: nil, seed: Self.seed)
        // The seed's Sales Line is degraded: overview fails for it, as 'health' does (P20-8).
        #expect(runs.map(\.status) == [0, 1, 1], "\(runs.map(\.err))")
        let groups = try JSONValue.parse(Array(runs[0].out.utf8))["groups"]?.array ?? []
        let headlines = groups.compactMap { $0["headline"]?.string }
        let next = try JSONValue.parse(Array(runs[1].out.utf8))["next"]?.array ?? []
        let whys = next.compactMap { $0["why"]?.string }
        #expect(headlines.count == 2, "\(headlines)")
        #expect(headlines.contains { $0.hasPrefix("4 failed calls from key inbox-bot: \(Self.wamid) is an inbound text message") })
        #expect(headlines.contains { $0.hasPrefix("2 failed calls from key alerts: 400500600700801 is the Meta app id") })
        for headline in headlines { #expect(whys.contains(headline), "\(whys)") }
        #expect(next.contains { $0["command"]?.string == "whois \(Self.wamid)" })
        for text in [runs[1].out, runs[2].out] {
            #expect(!text.contains("not an id of this project") && !text.contains("nor an id of this project"), "\(text)")
        }
    }
}
