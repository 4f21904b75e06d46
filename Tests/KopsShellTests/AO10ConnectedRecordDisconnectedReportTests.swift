import Foundation
import KapsoClient
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester63b AO10, the other direction: Kapso's record of the number says CONNECTED while its health report names
/// DISCONNECTED (the tester's al11b …807). Main's build said the report's failure with no word that the record, which
/// `numbers` shows, says otherwise; the reverse (record DISCONNECTED, report CONNECTED) got the hedged note (AL11). The
/// same note now names this disagreement in `health` and `overview`.
@Suite struct AO10ConnectedRecordDisconnectedReportTests {
    /// `al11-record-states` with 705's report (record CONNECTED) naming DISCONNECTED, as al11b's 807.
    static func seedPath() throws -> String {
        let source = TestSeeds.folder.appendingPathComponent("al11-record-states.seed.json")
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var health = try #require(seed["health"] as? [String: Any])
        var report = try #require(health["100200300400705"] as? [String: Any])
        var checks = try #require(report["checks"] as? [String: Any])
        var access = try #require(checks["phone_number_access"] as? [String: Any])
        var details = try #require(access["details"] as? [String: Any])
        details["status"] = "DISCONNECTED"
        access["details"] = details
        checks["phone_number_access"] = access
        checks["phone_number_connection"] = ["passed": false, "details": ["status": "DISCONNECTED"]]
        report["checks"] = checks
        report["status"] = "unhealthy"
        health["100200300400705"] = report
        seed["health"] = health
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ao10-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func healthAndOverviewNameTheDisagreement() async throws {
        let path = try Self.seedPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(["health 100200300400705", "overview"], number: nil, seed: .file(path), width: 2_000)
        let health = runs[0].out + runs[0].err
        #expect(
            health.contains("note: Kapso's record of the number says CONNECTED, but this health check says DISCONNECTED: the "
                + "record may be stale, or the check cached"), "\(health)")
        let overview = runs[1].out + runs[1].err
        #expect(overview.contains("Kapso's record says CONNECTED, health DISCONNECTED"), "\(overview)")
    }
}
