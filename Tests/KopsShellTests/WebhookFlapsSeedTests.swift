import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Receivers whose deliveries tell more than "failed" (`Tests/Seeds/webhook-flaps.seed.json`, on Support Line
/// 100200300400501, clock 2026-11-21T12:00:00Z): c1 fails every other delivery, its newest delivered (probe12 P12-5);
/// c5 delivered once after 40 failures; b8 answered by Cloudflare 520-525 (probe11 P11-11); b2 an ngrok tunnel answering
/// 404 and c3 redirects (P11-15); b5 recovered 4 days ago.
@Suite struct WebhookFlapsSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("webhook-flaps.seed.json") }

    static func id(_ tag: String) -> String { "11111111-0000-4000-8000-0000000000" + tag }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P12-5: a receiver failing every other delivery, and one that delivered once after an outage, are errors (exit 1)
    /// with the rate and the window; `overview` names them as failing now.
    @Test func intermittentFailuresAreErrors() async throws {
        let runs = try await run(["webhooks check \(Self.id("c1"))", "webhooks check \(Self.id("c5"))", "overview --period 24h"])
        #expect(runs[0].status == 1 && runs[1].status == 1, "\(runs.map(\.out))")
        #expect(runs[0].out.hasPrefix(
            "error: \(Self.id("c1")) (https://flap.example.com/hook): fails intermittently: 10 of its 20 deliveries (from "
                + "2026-11-21T02:25:00Z) failed (50 %), in 10 separate runs between deliveries (HTTP 500), the newest failure at "
                + "2026-11-21T11:25:00Z (35 min ago)"), "\(runs[0].out)")
        #expect(runs[1].out.contains("only 1 delivered since (the newest at 2026-11-21T11:50:00Z (10 min ago)): too few to call it recovered"), "\(runs[1].out)")
        // c1 and c5 with b8, b2 and c3, whose newest deliveries failed.
        #expect(runs[2].out.contains("# 5 webhooks fail now ("), "\(runs[2].out)")
    }

    /// P11-11, P11-15: `errors` and `webhooks check` say who answered: Cloudflare for an origin it could not use, an
    /// ngrok tunnel offline or the app's 404 behind it, a redirect Kapso does not follow.
    @Test func whoAnsweredTheFailedDeliveries() async throws {
        let runs = try await run([
            "output json", "errors --source webhook --period 7d", "output table", "webhooks check \(Self.id("b8"))",
            "webhooks check \(Self.id("b2"))", "webhooks check \(Self.id("c3"))",
        ])
        let errors = runs[1].out
        #expect(errors.contains("Cloudflare, in front of the receiver, answered for it: Cloudflare's connection to the origin timed out (522"), "\(errors)")
        // b2 never delivered: the tunnel offline or the app's own 404 for the path (tester51 G12).
        #expect(errors.contains("404 through the ngrok URL: either the tunnel is offline"), "\(errors)")
        #expect(errors.contains("the receiver answered a redirect (308): Kapso counts only a 200 at the URL itself"), "\(errors)")
        #expect(!errors.contains("the receiver's handler failed (52"), "\(errors)")
        #expect(runs[3].out.contains("fix: 1 of 4 failures: Cloudflare, in front of the receiver, answered for it: the origin answered with something empty"), "\(runs[3].out)")
        #expect(runs[4].out.contains("fix: 404 through the ngrok URL: either the tunnel is offline"), "\(runs[4].out)")
        #expect(runs[5].out.contains("fix: the receiver answered a redirect (301, 308): "), "\(runs[5].out)")
    }

    /// `errors` says, beside a webhook's failed deliveries, how its receiver does now (it read only failures before), and
    /// `health` names the number's failing webhooks by the same rule (`WebhookVerdict`).
    @Test func errorsAndHealthSayHowTheReceiverDoesNow() async throws {
        let runs = try await run(["output json", "errors --source webhook --period 7d", "output table", "health"])
        #expect(runs[1].out.contains(
            "; now: recovered since its last failure at 2026-11-17T12:00:00Z: all 4 deliveries after it were "
                + "delivered ('webhooks check \(Self.id("b5"))')"), "\(runs[1].out)")
        #expect(runs[1].out.contains(
            "; now: fails intermittently: 10 of its 20 deliveries (from 2026-11-21T02:25:00Z) failed (50 %) "
                + "('webhooks check \(Self.id("c1"))')"), "\(runs[1].out)")
        #expect(runs[3].out.contains("webhooks: 6 active; 5 fail now: ") && runs[3].out.contains(": fails intermittently: "), "\(runs[3].out)")
        #expect(runs[3].out.contains("(and 4 more); 'webhooks check' says why"), "\(runs[3].out)")
    }
}
