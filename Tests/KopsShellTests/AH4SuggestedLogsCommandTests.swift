import KopsTestSupport
import Testing

/// tester60 AH4: `whois <api log id>` suggested `logs --endpoint …/messages?access_token=<redacted>`, which matches no
/// call: the suggestion now leaves the query (and the secret in it) out and names the status, and it finds the call.
@Suite struct AH4SuggestedLogsCommandTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")

    @Test func theSuggestedCommandWorksAsPrinted() async throws {
        let runs = try await runDemo(
            ["whois cccccccc-0000-4000-8000-000000000004",
             "logs --endpoint /meta/whatsapp/v24.0/100200300400501/messages --status-code 401 --output json"],
            number: "100200300400501", seed: Self.seed)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        let said = runs[0].out + runs[0].err
        #expect(said.contains("next: logs --endpoint /meta/whatsapp/v24.0/100200300400501/messages --status-code 401"), "\(said)")
        #expect(!said.contains("next: logs --endpoint /meta/whatsapp/v24.0/100200300400501/messages?"), "\(said)")
        #expect(runs[1].out.contains("cccccccc-0000-4000-8000-000000000004"), "\(runs[1].out + runs[1].err)")
    }
}
