import KopsTestSupport
import Testing

/// tester70b G5: `webhooks get` printed `created:   2026-10-22T07:00:00.000-05:00`, the raw offset form the tables stopped
/// showing in session 69 (C6: `…Z`), and no `updated:` line, although the pause time (`updated_at`) is what `webhooks
/// check` quotes. Both are shown in UTC to the second, as the tables show times.
@Suite struct G5WebhookGetTimesTests: PrintedLines {
    @Test func g5CreatedAndUpdatedAreShownInUTC() async throws {
        let runs = try await runDemo(
            ["webhooks get 11111111-0000-4000-8000-0000000000f6"], number: "100200300400501",
            seed: TestSeeds.file("g5-offsets.seed.json"), width: 3000)
        let out = runs[0].out
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(Self.line("created:", in: out).hasSuffix(" 2026-10-22T12:00:00Z"), "\(out)")
        #expect(Self.line("updated:", in: out).hasSuffix(" 2026-11-21T08:15:00Z"), "\(out)")
        #expect(!out.contains("-05:00"), "\(out)")
    }
}
