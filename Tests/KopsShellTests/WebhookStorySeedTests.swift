import Foundation
import KapsoDiagnostics
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// "The webhook stopped firing" (probe11) on `Tests/Seeds/webhook-story.seed.json`: probe11's webhook states with fewer
/// deliveries, on Support Line 100200300400501 whose contacts wrote at 10:0x-10:19 (clock 2026-11-21T12:00:00Z).
/// Webhook ids end in their tag: a1 URL changed 18 h ago (old URL 404'd), e5 events narrowed, f6 paused after a burst
/// of 500s, a8/a9 two meta webhooks (probe11 h8/i9), b4 deliveries pending 20 h (n4), b5 recovered 4 days ago (o5),
/// b6 receives nothing (p6).
@Suite struct WebhookStorySeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("webhook-story.seed.json") }

    static func id(_ tag: String) -> String { "11111111-0000-4000-8000-0000000000" + tag }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P11-1, P11-2: a webhook whose failures went to its previous URL, or to an event it no longer subscribes to, or
    /// that recovered days ago, passes `webhooks check` (exit 0) with the history as info and its times.
    @Test func historyIsNotAFailureNow() async throws {
        let runs = try await run(["a1", "e5", "b5"].map { "webhooks check \(Self.id($0))" })
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.out))")
        #expect(runs[0].out.hasPrefix(
            "info: \(Self.id("a1")) (https://hooks.example.com/v2/kapso): 6 of 6 deliveries to a previous URL, "
                + "https://hooks.example.com/kapso-old, failed (HTTP 404), the last at 2026-11-20T17:50:00Z (18 h 10 min ago): "
                + "they say nothing about the URL it has now; 3 of 3 delivered to https://hooks.example.com/v2/kapso since"))
        #expect(runs[1].out.contains("3 of 3 deliveries of whatsapp.message.read, which it no longer subscribes to, failed (HTTP 500)"))
        #expect(runs[2].out.hasPrefix(
            "info: \(Self.id("b5")) (https://o5.example.com/hook): recovered: 5 of 9 deliveries failed in the last 7d (56 %), "
                + "the last at 2026-11-17T12:00:00Z (4 d ago) (HTTP 502); all 4 since were delivered, the newest at "
                + "2026-11-21T11:00:00Z (1 h ago)"))
    }

    /// P11-5, P11-6, P11-7, P11-16: what the deliveries say beyond a rate, each with the data behind it.
    @Test func stoppedStuckPausedAndTwinMeta() async throws {
        let runs = try await run(["b6", "b4", "f6", "a9"].map { "webhooks check \(Self.id($0))" })
        #expect(runs[0].out.hasPrefix(
            "warning: \(Self.id("b6")) (https://p6.example.com/hook): no whatsapp.message.received delivery in the last 7d, "
                + "although 3 inbound messages arrived on 100200300400501 in that time (the last at 2026-11-21T10:19:00Z "
                + "(1 h 41 min ago)): Kapso did not deliver them to it"), "\(runs[0].out)")
        #expect(runs[1].out.contains(
            "2 deliveries still pending with no new attempt for 19 h 59 min or more (the oldest created at 2026-11-20T15:00:00Z, "
                + "2 attempts)"), "\(runs[1].out)")
        #expect(runs[2].out.contains("this matches Kapso's automatic pause"), "\(runs[2].out)")
        #expect(runs[2].out.contains("3 inbound messages arrived on 100200300400501 since that change"), "\(runs[2].out)")
        #expect(runs[2].status == 1)
        // The number's check sees both meta webhooks.
        let all = try await run(["webhooks check"])[0]
        #expect(all.out.contains("a second meta webhook on 100200300400501, beside \(Self.id("a9"))")
            || all.out.contains("a second meta webhook on 100200300400501, beside \(Self.id("a8"))"), "\(all.out)")
    }

    /// P11-1 in `errors`: the old URL's failures are their own row and say the webhook points elsewhere now, by the
    /// rule `webhooks check` reads; `overview` counts them as history, not as a webhook failing now, and the failures
    /// of the webhook Kapso probably paused (f6) as a paused webhook, never as history (P15-4).
    @Test func errorsAndOverviewReadTheSameRule() async throws {
        let runs = try await run(["output json", "errors --source webhook --period 7d", "overview --period 7d"])
        #expect(runs[1].out.contains(
            "the webhook's URL is now https://hooks.example.com/v2/kapso: these failures say nothing about it "
                + "('webhooks check \(Self.id("a1"))' judges it)"), "\(runs[1].out)")
        #expect(runs[2].out.contains(
            // A digit in the URL keeps its scheme (WebhookURL.mayHoldKey, probe38 P38-1).
            "1 webhook fails now (https://n4.example.com/hook); 1 webhook is paused, so nothing reaches its receiver (https://f6.example.com/hook: "
                + "39 of 44 deliveries failed, which matches Kapso's automatic pause); 14 failed deliveries are history (a previous "
                + "URL or events, or a receiver that recovered since); 2 deliveries are stuck in pending"), "\(runs[2].out)")
    }

    /// P11-4: Meta's verification is not "send a message" when inbound messages are on record.
    @Test func healthDoesNotAskForAMessageWhenMessagesArrived() async throws {
        let ran = try await run(["health"])[0]
        #expect(ran.out.contains(
            "cause: Meta has not marked the webhook verified (Kapso says: Webhook not verified yet), yet inbound messages "
                + "reached Kapso, the newest at 2026-11-21T10:19:00Z"), "\(ran.out)")
        #expect(!ran.out.contains("send a WhatsApp message"))
    }

    /// P11-6 in `deliveries`: the list says which pending deliveries are stuck, by the same rule.
    @Test func deliveriesSaysPendingIsStuck() async throws {
        let ran = try await run(["deliveries --status pending --period 7d"])[0]
        #expect(ran.err.contains(
            "2 of these pending deliveries have had no attempt for 19 h 59 min or more: " + WebhookVerdict.retryOverdue
                + ", so they are stuck; 'webhooks check' names them for Kapso support"), "\(ran.err)")
    }
}
