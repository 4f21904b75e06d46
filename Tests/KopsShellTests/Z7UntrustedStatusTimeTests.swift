import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56 Z7: the evidence that someone holds the number a contact left (a send to it delivered after the notice) is
/// picked among statuses whose times kops accepts; `…BR05…`'s delivered status is stamped 3 days ahead of the API's
/// clock, which `trace` calls a tool's or device's clock, so no verdict quotes it as when the message was delivered.
@Suite struct Z7UntrustedStatusTimeTests: PrintedLines {
    static let seed = TestSeeds.file("tester56-h.seed.json")
    static func id(_ n: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBR\(n)AAAAAAAAAAAAAAAAAAAA=" }

    @Test(arguments: ["01", "02", "06", "09"])
    func laterVerdictsCiteATrustedTime(_ n: String) async throws {
        let runs = try await runDemo(["trace \(Self.id(n))"], number: "100200300400501", seed: Self.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("after the notice was"), "\(runs[0].out)")
        #expect(!verdict.contains("2026-11-24T11:05:00Z"), "\(verdict)")
    }
}
