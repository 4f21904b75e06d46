import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe15 (`Tests/Seeds/webhook-autopause.seed.json`, clock 2026-11-21T12:00:00Z): Support Line 100200300400501 is
/// healthy by Kapso's checks; its only webhook, for messages, was paused at 11:45 after 44 of its 48 deliveries from
/// 11:30 failed with 401, which matches Kapso's automatic pause.
@Suite struct WebhookAutoPauseSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("webhook-autopause.seed.json") }

    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c41"

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P15-4: `health`, `overview` and `errors` say what `webhooks check` says (one rule): the paused webhook lets no
    /// message reach a receiver; `health` exits 1 and says to fix the 401, then resume the webhook.
    @Test func aNumberWhoseOnlyWebhookIsPausedIsNotHealthy() async throws {
        let runs = try await run(["health", "overview", "errors --source webhook", "webhooks check", "health --output json"])
        let health = runs[0]
        #expect(health.status == 1, "\(health.out)")
        #expect(health.out.hasPrefix("100200300400501: healthy by Kapso's checks (checked 2026-11-21T12:00:00Z), but not its webhooks (below)"), "\(health.out)")
        #expect(health.out.contains(
            "blocking: webhooks\n  cause: inbound messages of 100200300400501 reach no receiver: its only webhook for them, "
                + "hooks.acme.test/kapso, is paused (active: false; last changed at 2026-11-21T11:45:00Z (15 min ago)) after 44 "
                + "of 48 deliveries in 14 min failed (HTTP 401), which matches Kapso's automatic pause\n"), "\(health.out)")
        #expect(health.out.contains("  fix:   fix the receiver first (the receiver refused it (401): "), "\(health.out)")
        #expect(health.out.contains("then webhooks update \(Self.webhook) --active true"), "\(health.out)")
        #expect(!health.out.contains("none fails now"), "\(health.out)")
        let overview = runs[1].out
        #expect(overview.contains("100200300400501  Support Line  healthy   blocking: webhooks"), "\(overview)")
        #expect(overview.contains(
            "use 100200300400501; health    # Support Line is healthy per Kapso, but its inbound messages reach no receiver "
                + "(its only webhook for them is paused)"), "\(overview)")
        #expect(overview.contains("1 webhook is paused, so nothing reaches its receiver"), "\(overview)")
        #expect(!overview.contains("no webhook fails now") && !overview.contains("are history"), "\(overview)")
        #expect(runs[2].out.contains("now: paused (active: false; last changed at 2026-11-21T11:45:00Z"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("now: failing"), "\(runs[2].out)")
        #expect(runs[3].status == 1)
        // Kapso's own status is kept as Kapso gave it; kops's reading is beside it.
        #expect(runs[4].status == 1)
        #expect(runs[4].out.contains("\"status\": \"healthy\"") && runs[4].out.contains("\"messages_reach_no_receiver\": true"), "\(runs[4].out)")
    }

    /// P15-11: `errors --flat` cut at its limit says how to see the rest, and `next` does not page an earlier list.
    @Test func aCutFlatListSaysHowToSeeTheRest() async throws {
        let runs = try await run(["deliveries", "errors --flat --source webhook", "next", "errors --flat --period 7d --limit 5"])
        // Footers are hints, on stderr.
        #expect(runs[0].err.contains("(more: next)"), "\(runs[0].err)")
        #expect(runs[1].err.contains(
            "newest 20 of 44 failures in the last 30d; 'errors --flat --source webhook --limit 44' lists them all"), "\(runs[1].err)")
        #expect(runs[2].status == 1 && runs[2].err.contains("nothing to continue"), "\(runs[2].out)")
        #expect(runs[3].err.contains("newest 5 of 44 failures in the last 7d; 'errors --flat --period 7d --limit 44' lists them all"), "\(runs[3].err)")
    }

    /// P15-11 in the grouped view: causes the limit left out are said with the command that shows them.
    @Test func aCutGroupedViewSaysHowToSeeTheRest() async throws {
        let runs = try await runDemo(["errors --source webhook --period 7d --limit 2"], number: nil)
        #expect(runs[0].err.hasPrefix(
            "top 2 of 4 causes of 66 failures in the last 7d ('errors --period 7d --source webhook --limit 4' shows all 4); "
                + "'errors --flat' lists each failure"), "\(runs[0].err)")
    }
}
