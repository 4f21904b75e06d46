import KapsoSimulator
import KopsTestSupport
import Testing

/// tester53 T2: `deliveries --status delivered --errors` answered "no deliveries match in the last 7d (--period 30d looks
/// further back)": `--errors` is Kapso's `errors_only` (only failed, kapso-api.md §4), so no period could match. The
/// combination is refused with one usage line (status 64); `--status failed --errors` is the same filter twice, kept.
@Suite struct T2StatusWithErrorsTests {
    @Test(arguments: ["deliveries --status delivered --errors --period 7d", "deliveries --errors --status pending", "deliveries stats --status delivered --errors"])
    func anotherStatusWithErrorsIsRefused(_ line: String) async throws {
        let ran = try await runDemo([line], number: nil)
        #expect(ran[0].status == 64, "\(ran[0].out)\(ran[0].err)")
        #expect(ran[0].err.contains("with --errors"), "\(ran[0].err)")
        #expect(ran[0].err.contains("--errors lists failed deliveries only (it means --status failed)"), "\(ran[0].err)")
        #expect(!ran[0].err.contains("looks further back"), "\(ran[0].err)")
        #expect(ran[0].err.split(separator: "\n").count == 1, "\(ran[0].err)")
    }

    @Test func failedWithErrorsStillLists() async throws {
        let ran = try await runDemo(["deliveries --status failed --errors --period 30d"], number: nil)
        #expect(ran[0].status == 0, "\(ran[0].err)")
    }

    /// The `logs` half: `--status-code 200 --errors` is refused the same way, and a filter that matched no failed call
    /// no longer reads "no API call failed" (a statement about the whole project).
    @Test func logsSayWhatTheFilterMatched() async throws {
        let ran = try await runDemo(
            ["logs --status-code 200 --errors --period 7d", "logs --endpoint /nothing --errors --period 7d", "logs --errors --period 7d"],
            number: nil, width: 2_000)
        #expect(ran.map(\.status) == [64, 0, 0], "\(ran.map(\.err))")
        #expect(ran[0].err.contains("--errors lists failed calls only (status 400 and up)"), "\(ran[0].err)")
        #expect(ran[1].out.contains("no API call matching --endpoint /nothing failed in the last 7d"), "\(ran[1].out)")
        #expect(!ran[1].out.contains("no API call failed"), "\(ran[1].out)")
        #expect(!ran[2].out.contains("no API call"), "\(ran[2].out)")
    }
}
