import KapsoClient
import KopsTestSupport
import Testing

/// tester62 AL11: `numbers` said "cannot send: S0 … (100200300400700) is DISCONNECTED (Kapso's record) …; 'health
/// 100200300400700' says what to do", and `health 100200300400700` then said "100200300400700: healthy" with no word of
/// it (exit 0); the RED-quality record's health read "quality GREEN" alone (`al11-record-states`: the tester's crafted13
/// seed, records DISCONNECTED … PENDING and one RED, each with the normal healthy report). `health` now reads the record
/// as `numbers` and `overview` do (`NumberStatus.RecordReading`): a disagreement is named and hedged (exit 0, as
/// `overview` exits), a record state that sends nothing where the report names none blocks (exit 1, as `overview`).
@Suite struct AL11HealthRecordStateTests {
    static let seed = TestSeeds.file("al11-record-states.seed.json")

    @Test func healthNamesTheRecordThatNumbersNamed() async throws {
        let runs = try await runDemo(
            ["health 100200300400700", "health 100200300400704", "health 100200300400705", "health 100200300400700 --output json"],
            number: nil, seed: Self.seed, width: 2_000)
        let (disconnected, red, agreeing) = (runs[0], runs[1], runs[2])
        #expect(disconnected.status == 0, "\(disconnected.err)")
        #expect(
            disconnected.out.contains("100200300400700: healthy by Kapso's checks (checked ")
                && disconnected.out.contains("), but Kapso's record says DISCONNECTED (below)"), "\(disconnected.out)")
        #expect(
            disconnected.out.contains(
                "note: Kapso's record of the number says DISCONNECTED, but this health check says CONNECTED: the record may be "
                    + "stale, or the check cached (Kapso keeps a report up to 3 min); which one holds is not known"),
            "\(disconnected.out)")
        #expect(disconnected.out.contains("  next:  run 'health' again in 3 min; if the two still differ, send one test message"))
        #expect(
            red.out.contains("Kapso's record of the number says quality RED, but this health check says quality GREEN"), "\(red.out)")
        #expect(!agreeing.out.contains("Kapso's record"), "\(agreeing.out)")
        #expect(agreeing.out.hasPrefix("100200300400705: healthy ("), "\(agreeing.out)")
        let record = try JSONValue.parse(runs[3].out)["kops_record"]
        #expect(record?["status"]?.string == "DISCONNECTED", "\(runs[3].out)")
        #expect(record?["blocks"] == .bool(false), "\(runs[3].out)")
    }

    /// The report names no state and the record says BANNED: `health` blocks and exits 1, as `overview` does (AK14).
    @Test func aRecordThatSendsNothingBlocksWhereTheReportNamesNoState() async throws {
        let runs = try await runDemo(
            ["health 100200300400501", "overview", "health 100200300400501 --output json"], number: nil,
            seed: TestSeeds.file("ak14-banned-record.seed.json"), width: 2_000)
        let health = runs[0]
        #expect(health.status == 1, "\(health.out)\(health.err)")
        #expect(health.out.contains("blocking: number BANNED (Kapso's record; the health report names no state)"), "\(health.out)")
        #expect(health.out.contains("but Kapso's record says BANNED (below)"), "\(health.out)")
        #expect(runs[1].status == health.status)
        // The JSON says what the exit says: not "healthy".
        let object = runs[2].out.drop { $0 != "{" }
        let json = try JSONValue.parse(Array(object[...(object.lastIndex(of: "}") ?? object.startIndex)].utf8))
        #expect(json["kops"]?["status"]?.string == "unhealthy", "\(runs[2].out)")
        #expect(json["kops"]?["blocking"]?.string == "kops_record", "\(runs[2].out)")
        #expect(json["kops_record"]?["blocks"] == .bool(true), "\(runs[2].out)")
    }
}
