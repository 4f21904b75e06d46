import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe17 P17-3, P17-5, P17-6 (`Seeds/meta-ids-path.seed.json`): the project's own Meta business and app ids used where
/// the phone-number id belongs, behind four newer calls with unknown ids, and a phone-number id with two digits swapped.
/// Sales Line's health could not fetch messaging health from Meta (no entities); Support Line's names the business.
@Suite struct MetaIDsPathSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("meta-ids-path.seed.json") }

    /// P17-5: `errors` names the business and app ids as `whois` does, however many newer ids failed before them; P17-6:
    /// the swapped id is named with the id it misses.
    @Test func errorsNamesTheProjectsMetaIDsAndATypo() async throws {
        let runs = try await runDemo(["errors --source api --output json"], number: nil, seed: Self.seed)
        #expect(runs.map(\.status) == [0], "\(runs.map(\.err))")
        let groups = try JSONValue.parse(Array(runs[0].out.utf8))["groups"]?.array ?? []
        let meanings = groups.compactMap { $0["meaning"]?.string }
        let business = try #require(meanings.first { $0.hasPrefix("300400500600701") })
        #expect(business.hasPrefix("300400500600701 is the Meta business (portfolio) id of this project's numbers"), "\(business)")
        #expect(business.contains("the path takes the phone-number id: use 100200300400502 (Sales Line) or 100200300400501 (Support Line)"))
        let app = try #require(meanings.first { $0.hasPrefix("400500600700801") })
        #expect(app.hasPrefix("400500600700801 is the Meta app id subscribed to the webhooks of this project's numbers"), "\(app)")
        let typo = try #require(meanings.first { $0.hasPrefix("100200300400510") })
        #expect(typo.hasPrefix("100200300400510 is 100200300400501 with two digits swapped (10 for 01 at digits 14-15)"), "\(typo)")
        for meaning in [business, app, typo] { #expect(!meaning.contains("wrong project or key"), "\(meaning)") }
    }

    /// P17-3: Sales Line's report names no business, so Support Line's is read too; an id neither names is then not
    /// this project's, with nothing left unchecked.
    @Test func whoisReadsTheWABAsNextNumberWhenTheFirstNamesNoBusiness() async throws {
        let runs = try await runDemo(
            ["whois 300400500600701", "whois 999888777666555 --output json"], number: nil, seed: Self.seed)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.contains("300400500600701 is the Meta business (portfolio) id of this project's numbers"), "\(runs[0].out)")
        let other = try JSONValue.parse(Array(runs[1].out.utf8))
        #expect(other["kind"]?.string == "unknown")
        #expect(other["incomplete"] == .bool(false))
        #expect(other["unchecked"] == .array([]))
    }
}
