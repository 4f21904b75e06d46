import KapsoSimulator
import KopsTestSupport
import Testing

/// tester70 F16: Support Line's webhook was deleted and re-created on Sales Line; its inbound messages keep arriving and
/// reach no receiver. With no number selected `webhooks check` said "0 errors, 0 warnings" and `overview` said nothing:
/// the per-number coverage rule ran only after `use`. Now it runs for every number of the project that had inbound
/// messages, and the fix names what the delivery log shows: the URL and webhook that carried the number's messages until
/// the last one, and the webhook with that URL on the other number.
@Suite struct F16NumberWithoutWebhookTests {
    static let seed = TestSeeds.file("f16-wrongnum.seed.json")

    @Test func webhooksCheckWithNoNumberSelectedNamesTheNumberAndTheEvidence() async throws {
        let ran = try await runDemo(["webhooks check", "use 100200300400501", "webhooks check"], number: nil, seed: Self.seed)
        let all = ran[0].out + ran[0].err
        #expect(ran[0].status != 0, "\(all)")
        #expect(all.contains("Support Line (100200300400501): 3 inbound messages in 7d and no active webhook"), "\(all)")
        #expect(!all.contains("Sales Line (100200300400502): "), "\(all)")
        for evidence in [
            "went to https://app.acme.example/hook (webhook 33333333-0000-4000-8000-000000000400, no longer listed: deleted)",
            "until 2026-11-19T05:00:00Z", "webhook 33333333-0000-4000-8000-000000000401 with that URL is on 100200300400502: "
                + "created on the wrong number?",
            "use 100200300400501; webhooks create --url https://app.acme.example/hook --events whatsapp.message.received",
        ] {
            #expect(all.contains(evidence), "\(evidence)\n\(all)")
        }
        // After `use`, the same evidence in the number's own finding.
        let selected = ran[2].out + ran[2].err
        #expect(selected.contains("no active webhook of 100200300400501 receives whatsapp.message.received"), "\(selected)")
        #expect(selected.contains("created on the wrong number?"), "\(selected)")
    }

    @Test func overviewNamesTheNumberUnderNext() async throws {
        let ran = try await runDemo(["overview"], number: nil, seed: Self.seed)[0]
        #expect(
            ran.out.contains("use 100200300400501; webhooks check")
                && ran.out.contains("Support Line: 3 inbound messages in 24h and no active webhook receives whatsapp.message.received"),
            "\(ran.out)")
    }

    @Test func numbersWithReceiversGetNoSuchFinding() async throws {
        for seed in [SimulatorSeed.demo, TestSeeds.file("webhook-story.seed.json")] {
            let ran = try await runDemo(["webhooks check", "overview"], number: nil, seed: seed)
            let all = ran.map { $0.out + $0.err }.joined()
            #expect(!all.contains("no active webhook"), "\(all)")
        }
    }
}
