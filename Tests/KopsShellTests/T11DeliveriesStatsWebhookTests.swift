import KopsShell
import KopsTestSupport
import Testing

/// tester53 T11: `deliveries stats --webhook ID` with an id that is no webhook of the project said "no deliveries in the
/// last 30d" with status 0, while `deliveries --webhook ID` named the id as nobody's (status 1).
@Suite struct T11DeliveriesStatsWebhookTests {
    @Test func statsNamesAWebhookIDNoOneHas() async throws {
        let id = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b93"
        let runs = try await runDemo(["deliveries stats --webhook \(id) --period 30d", "deliveries --webhook \(id) --period 30d"])
        #expect(runs[0].status == runs[1].status && runs[0].status != 0, "\(runs[0].out)\(runs[0].err)")
        #expect(!runs[0].out.contains("no deliveries in the last"), "\(runs[0].out)")
        #expect(runs[0].err.contains("--webhook: \(id) is not"), "\(runs[0].err)")
    }

    @Test func followNamesAWebhookIDNoOneHas() async throws {
        let id = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b93"
        let ran = try await runDemo(["deliveries --webhook \(id) --follow --max-polls 1 --interval 1"])[0]
        #expect(ran.status != 0, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("--webhook: \(id) is not"), "\(ran.err)")
    }
}
