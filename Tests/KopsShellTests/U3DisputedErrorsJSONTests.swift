import KapsoSimulator
import KopsTestSupport
import Testing

/// tester64b U3 over loopback (`Seeds/u3-disputed-sends.seed.json`, tester64b's seed4): the table said "3 of them with
/// Kapso's status and Meta's history disagreeing, so not certain" and `overview --output json` `"disputed": 3`, while
/// `errors --output json` had only `"failures": 6`. Its JSON carries the count now, grouped and flat.
@Suite struct U3DisputedErrorsJSONTests {
    @Test func errorsJSONCarriesTheDisputedCount() async throws {
        let ran = try await runDemo(
            ["errors --output json", "errors --flat --output json"], number: "100200300400501",
            seed: TestSeeds.file("u3-disputed-sends.seed.json"))
        #expect(ran[0].out.contains(#""disputed": 3"#), "\(ran[0].out)")
        #expect(!ran[0].out.contains("failed with failed"), "\(ran[0].out)")
        #expect(ran[1].out.contains(#""disputed": 3"#), "\(ran[1].out)")
    }
}
