import KopsTestSupport
import Testing

/// tester61 AJ8 (the paging half): `webhooks check` read one page (100) of a number's inbound messages, so a webhook that
/// missed 250 since its last delivery was said to have missed "100+ … (the oldest read at 17:10, older ones not read)",
/// the outage's start unknown. It now pages back until it reaches the webhook's last delivery (at most
/// `WebhooksCommand.inboundPages` pages), so the first missed message is named (`aj8-missed-paging`: one received delivery
/// at 2026-11-20T12:00:00Z, then 250 inbound messages every 2 min from 12:10).
@Suite struct AJ8MissedPagingTests {
    @Test func theFirstMissedMessageIsFoundByPagingBack() async throws {
        let run = try await runDemo(
            ["webhooks check"], number: "100200300400501", seed: TestSeeds.file("aj8-missed-paging.seed.json"), width: 2_000)[0]
        #expect(run.out.contains(
            "although 250 received messages arrived on 100200300400501 since then (the first at 2026-11-20T12:10:00Z, the last at "
        ), "\(run.out)")
        #expect(!run.out.contains("older ones not read"), "\(run.out)")
    }
}
