import KopsTestSupport
import Testing

/// tester70 F7: Kapso passed the app's subscription check while its `subscribed_fields` lacked Meta's `messages` field;
/// kops read the details as a failure and said "so Meta sends Kapso no incoming messages … and no message webhook fires"
/// beside 3 inbound messages Kapso stored (10:01–10:19), and `webhooks check` gave that as a second, certain cause (an
/// error) of the deliveries the webhook missed. Now the inbound messages are read for such a report too, the consequence
/// is said as the rule's with the evidence against it, and the check's finding is a warning dated by the newest one.
/// Seed `f7-subscription-lacks-messages.seed.json` (tester70's t70-nosub): Support Line (…0501), webhook …0007.
@Suite struct F7SubscriptionBesideInboundTests {
    static let seed = TestSeeds.file("f7-subscription-lacks-messages.seed.json")

    @Test func healthWeighsTheInboundMessagesKapsoStored() async throws {
        let ran = try await runDemo(["health"], number: "100200300400501", seed: Self.seed)[0]
        #expect(ran.out.contains("lacks Meta's messages field"), "\(ran.out)")
        #expect(ran.out.contains("yet an inbound message reached Kapso at 2026-11-21T10:19"), "\(ran.out)")
        #expect(!ran.out.contains("so Meta sends Kapso no incoming messages"), "\(ran.out)")
    }

    @Test func webhooksCheckDoesNotStateTheSubscriptionAsASecondCertainCause() async throws {
        let ran = try await runDemo(
            ["webhooks check 33333333-0000-4000-8000-000000000007"], number: "100200300400501", seed: Self.seed)[0]
        let all = ran.out + ran.err
        #expect(!all.contains("error: number: 100200300400501's health"), "\(all)")
        #expect(all.contains("100200300400501's health: the app's subscription lacks"), "\(all)")
        #expect(all.contains("not the subscription's doing"), "\(all)")
        // The webhook's own finding stays: Kapso stored the messages and sent it none.
        #expect(all.contains("stopped firing"), "\(all)")
    }
}
