import KopsTestSupport
import Testing

/// tester66b X8: `webhooks update ID --secret-key 'changeme\n'` said "--secret-key is ends with the two characters '\n'"
/// (the placeholder's problem is read after "is"); it now says "--secret-key is a value ending with the two characters".
@Suite struct X8SecretKeyLineEndWordingTests {
    @Test func aWrittenLineEndReadsAfterIs() async throws {
        let id = U5SecretPlaceholderTests.id
        let path = try WebhookAudienceTraceTests.seed(webhooks: [WebhookAudienceTraceTests.webhook(id)])
        let runs = try await WebhookAudienceTraceTests.run(["webhooks update \(id) --secret-key 'changeme\\n'"], path)
        #expect(runs[0].err.contains("--secret-key is a value ending with the two characters '\\n'"), "\(runs[0].err)")
        #expect(!runs[0].err.contains("is ends with"), "\(runs[0].err)")
        #expect(runs[0].status == 64, "\(runs[0].err)")
    }
}
