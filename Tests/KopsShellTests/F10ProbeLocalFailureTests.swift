import KapsoDiagnostics
import KopsTestSupport
import Testing

/// tester70 F10: `webhooks probe` said "Kapso's deliveries to it fail and are retried" when only this machine could not
/// reach the receiver, beside a delivery log whose every delivery was delivered (200). The probe's failure is now weighed
/// against Kapso's log: it is said to be this machine's, with the newest delivered time.
/// Seed `f10-probe-local-failure.seed.json` (tester70's t70-probe2 with the URL on a closed loopback port): webhook
/// …0399, six deliveries delivered 200, the newest at 11:00:09.
@Suite struct F10ProbeLocalFailureTests {
    @Test func aProbeThatCannotConnectDoesNotBlameKapsosDeliveries() async throws {
        let ran = try await runDemo(
            ["webhooks probe 33333333-0000-4000-8000-000000000399"], number: "100200300400501",
            seed: TestSeeds.file("f10-probe-local-failure.seed.json"), width: 300)[0]
        let all = ran.out + ran.err
        #expect(!all.contains("Kapso's deliveries to it fail and are retried"), "\(all)")
        #expect(all.contains("yet Kapso's own deliveries to it succeed (the newest delivered at 2026-11-21T11:00:09Z)"), "\(all)")
        #expect(all.contains("likely local to it"), "\(all)")
    }

    /// Without a working delivery log (a receiver that fails there too, or none read) the reading is unchanged.
    @Test func withoutKapsosDeliveriesTheErrorStands() {
        let reading = WebhookProbeReading(
            https: true, signedASCII: .noConnection, signedNonASCII: .noConnection, wrongSignature: .noConnection, signedBodies: [])
        #expect(reading.weighed(kapsoDeliveredAt: nil, webhookID: "w") == reading.verdicts)
        #expect(reading.verdicts.contains { $0.text.hasSuffix("Kapso's deliveries to it fail and are retried") })
    }
}

/// tester70 F6: `deliveries --follow --webhook ID` on a paused webhook polled forever without a word that nothing can
/// arrive. It now says so once, before polling.
@Suite struct F6FollowPausedWebhookTests {
    @Test func followingAPausedWebhookSaysSo() async throws {
        let hook = C4ResumeFailingWebhookTests.paused
        let ran = try await runDemo(
            ["deliveries --follow --webhook \(hook) --max-polls 1 --interval 1"], number: "100200300400501",
            seed: C4ResumeFailingWebhookTests.story, width: 300)[0]
        #expect(ran.out.contains("warning: webhook \(hook) is paused (active: false): Kapso sends it nothing until"), "\(ran.out)\(ran.err)")
    }

    @Test func followingAnActiveWebhookSaysNothingOfIt() async throws {
        let ran = try await runDemo(
            ["deliveries --follow --webhook 11111111-0000-4000-8000-0000000000e5 --max-polls 1 --interval 1"],
            number: "100200300400501", seed: C4ResumeFailingWebhookTests.story, width: 300)[0]
        #expect(!ran.out.contains("is paused"), "\(ran.out)\(ran.err)")
    }
}
