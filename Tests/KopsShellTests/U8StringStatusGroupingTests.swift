import KapsoSimulator
import KopsTestSupport
import Testing

/// tester64b U8 (`Seeds/u8-string-statuses.seed.json`, tester63b's al22b: failed calls logged with `response_status`
/// `"500"`, `"429"`, `"HTTP 400"`, `" 400"`…): `logs` read them as 500/429/400 (AO7), but `errors` and `overview`'s
/// next line grouped all nine as status 0 ("9 failed calls from key backend: 0 parameter value invalid"). `errors` now
/// reads `response_status` as `logs` does (`APILog.responseStatus(in:)`): a 500 and a 429 are their own causes, and no
/// group has status 0.
@Suite struct U8StringStatusGroupingTests {
    static let seed = TestSeeds.file("u8-string-statuses.seed.json")

    @Test func errorsGroupsStringStatusesByTheirStatus() async throws {
        let ran = try await runDemo(["errors", "errors --output json", "overview"], number: nil, seed: Self.seed, width: 400)
        let table = ran[0].out
        #expect(!table.contains(" 0 #131009"), "\(table)")
        let rows = table.split(separator: "\n").filter { $0.contains("POST /meta/whatsapp") }
        #expect(rows.contains { $0.contains(" 500") }, "\(table)")
        #expect(rows.contains { $0.contains(" 429") }, "\(table)")
        #expect(!ran[1].out.contains(#""error": "0 "#), "\(ran[1].out)")
        #expect(!ran[1].out.contains(": 0 parameter value invalid"), "\(ran[1].out)")
        #expect(!ran[2].out.contains(": 0 parameter value invalid"), "\(ran[2].out)")
    }
}
