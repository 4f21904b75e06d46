import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C4: `webhooks update ID --active true` re-activated a webhook Kapso had paused for a failing receiver with no
/// word, though `webhooks check` on the same data says to fix the receiver first: the receiver gets the events again, the
/// webhook is paused again, and the pause's events are never redelivered. Now the update says so in one warning line.
@Suite struct C4ResumeFailingWebhookTests {
    static let story = TestSeeds.file("webhook-story.seed.json")
    static let paused = "11111111-0000-4000-8000-0000000000f6"

    @Test func resumingAWebhookPausedAfterFailuresWarns() async throws {
        let ran = try await runDemo(["webhooks update \(Self.paused) --active true"], number: "100200300400501", seed: Self.story, width: 300)[0]
        #expect(ran.out.contains("updated webhook \(Self.paused): active: true"), "\(ran.out)\n\(ran.err)")
        #expect(ran.out.contains("warning: it was paused (active: false; last changed at "), "\(ran.out)")
        #expect(ran.out.contains("after 39 of 44 deliveries in 14 min failed (HTTP 500), which matches Kapso's automatic pause: "
            + "unless its receiver is fixed, Kapso may pause it again"), "\(ran.out)")
        #expect(ran.out.contains("'webhooks probe \(Self.paused)' tries the receiver"), "\(ran.out)")
    }

    /// The probe15 seed: paused after 44 of 48 deliveries failed with 401.
    @Test func theAutoPauseSeedWarnsToo() async throws {
        let hook = WebhookAutoPauseSeedTests.webhook
        let ran = try await runDemo(["webhooks update \(hook) --active true"], number: "100200300400501", seed: WebhookAutoPauseSeedTests.seed, width: 300)[0]
        #expect(ran.out.contains("after 44 of 48 deliveries in 14 min failed (HTTP 401)"), "\(ran.out)\n\(ran.err)")
    }

    /// Pausing, or resuming again a webhook already active, is no resumption of a failing receiver.
    @Test func otherUpdatesSayNothingOfIt() async throws {
        let runs = try await runDemo(
            ["webhooks update 11111111-0000-4000-8000-0000000000e5 --active true", "webhooks update \(Self.paused) --url https://f6.example.com/hook2"],
            number: "100200300400501", seed: Self.story, width: 300)
        for ran in runs {
            #expect(ran.out.contains("updated webhook"), "\(ran.out)\n\(ran.err)")
            #expect(!ran.out.contains("Kapso may pause it again"), "\(ran.out)\n\(ran.err)")
        }
    }
}
