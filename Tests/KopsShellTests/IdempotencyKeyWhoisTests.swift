import KapsoDiagnostics
import KopsTestSupport
import Testing

/// tester49 L2: `whois` of a UUID found nowhere (the X-Idempotency-Key a receiver logs, or the one `payload sample`
/// prints) ended "wrong project or key?". Kapso's delivery list does not carry that key (kapso-api.md §4, §10.1), so the
/// answer names the key reading and how to find the delivery; a UUID given where a Kapso id is asked for keeps "wrong
/// project or key?".
@Suite struct IdempotencyKeyWhoisTests {
    @Test func anUnplacedUUIDNamesTheIdempotencyKeyReading() async throws {
        let ran = try await runDemo(["whois 3f1c2b7a-8d4e-4c55-9a61-0b2c3d4e5f60"], width: 2_000)[0]
        #expect(ran.status == 1)
        #expect(ran.err.contains("is not a number, WABA, customer, webhook, conversation, message, API log or delivery of this project"), "\(ran.err)")
        #expect(ran.err.contains("if a receiver logged it as X-Idempotency-Key"), "\(ran.err)")
        #expect(ran.err.contains("'deliveries --event EVENT'"), "\(ran.err)")
        #expect(!ran.err.contains("wrong project or key?"), "\(ran.err)")
    }

    @Test func theSamplesKeyIsNamedAsTheSample() async throws {
        let sample = try #require(PayloadSamples.sample("whatsapp.message.failed", version: "v2"))
        let key = try #require(sample.headers.first { $0.name == "X-Idempotency-Key" }?.value)
        // The UUID tester49 asked whois about was this sample's key.
        #expect(key == "0962357d-c630-48f0-8c3f-1c638e415059")
        let ran = try await runDemo(["whois \(key)"], width: 2_000)[0]
        #expect(ran.err.contains("\(key) is the X-Idempotency-Key of kops's 'payload sample whatsapp.message.failed' (v2)"), "\(ran.err)")
        #expect(ran.err.contains("'deliveries --event whatsapp.message.failed'"), "\(ran.err)")
        #expect(!ran.err.contains("wrong project"), "\(ran.err)")
    }

    @Test func aUUIDGivenAsAWebhookIDStaysAnotherProjects() async throws {
        let ran = try await runDemo(["deliveries --webhook 3f1c2b7a-8d4e-4c55-9a61-0b2c3d4e5f60"], width: 2_000)[0]
        #expect(ran.status == 1)
        #expect(ran.err.hasSuffix("; wrong project or key? ids from another project are not visible with this key\n"), "\(ran.err)")
        #expect(!ran.err.contains("X-Idempotency-Key"), "\(ran.err)")
    }
}
