import KapsoSimulator
import KopsTestSupport
import Testing

/// tester49 F4 (`Tests/Seeds/tester49-deleted-webhook.seed.json`: webhook …d1 is gone from the list, 10 failed deliveries
/// of the last 2 days carry its id, …d2 exists): `errors` called …d1 deleted while `whois` of it said "not a … webhook …
/// or delivery of this project … wrong project or key?", although it had read the deliveries that carry the id.
@Suite struct DeletedWebhookWhoisTests {
    @Test func whoisNamesADeletedWebhookItsDeliveriesCarry() async throws {
        let id = "11111111-0000-4000-8000-0000000000d1"
        let runs = try await runDemo(
            ["errors --period 7d --source webhook", "whois \(id)"], number: "100200300400501",
            seed: TestSeeds.file("tester49-deleted-webhook.seed.json"), width: 2_000)
        #expect(runs[0].out.contains("(deleted)"), "\(runs[0].out)")
        let whois = runs[1]
        #expect(whois.status == 0, "\(whois.out)\(whois.err)")
        #expect(whois.out.contains("\(id) is a webhook of this project that no longer exists (no webhook listed now has it: deleted): "
            + "10 deliveries of the last 30 days went to it"), "\(whois.out)\(whois.err)")
        #expect(!(whois.out + whois.err).contains("wrong project"), "\(whois.out)\(whois.err)")
    }
}
