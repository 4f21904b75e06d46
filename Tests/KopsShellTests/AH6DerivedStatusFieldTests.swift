import KopsTestSupport
import Testing

/// tester60 AH6: message 08 has `kapso.status: "sent"` and a history sent, delivered, read: `message` shows `read
/// (Kapso's status field still says sent)`, but `assert`/`capture` saw only the raw field. The JSON now carries kops's
/// reading as `.kops.status` (documented in `help assert`).
@Suite struct AH6DerivedStatusFieldTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")
    static let lagging = "wamid.HBgLNDQ3NzAwOTAw08AAAAAAAAAAAAAAAAAAAAAA="

    @Test func assertSeesTheStatusTheScreenShows() async throws {
        let runs = try await runDemo(
            ["message \(Self.lagging)", "assert .kops.status == read", "assert .kapso.status == sent", "help assert"],
            number: "100200300400501", seed: Self.seed)
        #expect(runs[0].out.contains("read (Kapso's status field still says sent)"), "\(runs[0].out)")
        #expect(runs[1].status == 0, "\(runs[1].err)")
        #expect(runs[2].status == 0, "\(runs[2].err)")
        #expect(runs[3].out.contains(".kops.status"), "\(runs[3].out)")
    }
}
