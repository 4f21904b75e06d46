import Foundation
import KopsTestSupport
import Testing

/// tester70 F2: a webhook whose deliveries began failing with HTTP 400 right after a change, with buffering on now: the
/// error listed what may have changed as "URL, secret_key, headers or events" (buffering left out) and the cause, every
/// received delivery batch-shaped, sat three findings lower as an info, unlinked. The error now names it.
/// Seed `f3-stopped-firing.seed.json` (tester70's t70-hooks): webhook …0010, buffering on, changed at 09:20, 400s since.
@Suite struct F2BufferingAfterChangeTests {
    @Test func theFailureAfterAChangeNamesBuffering() async throws {
        let ran = try await runDemo(
            ["webhooks check 33333333-0000-4000-8000-000000000010"], number: "100200300400501",
            seed: TestSeeds.file("f3-stopped-firing.seed.json"), width: 300)[0]
        // A finding's text wraps under its indent.
        let flat = ran.out.replacingOccurrences(of: "\n       ", with: " ")
        #expect(flat.contains("(what changed is not in the API: URL, secret_key, headers, events, buffering or payload_version)"), "\(ran.out)")
        #expect(flat.contains("buffering is on now: if that change turned it on, every whatsapp.message.received delivery since is batch-shaped"), "\(ran.out)")
    }

    /// A receiver failing with 500 after a change is no body-shape refusal: buffering is not offered as its cause.
    @Test func aServerErrorIsNotBlamedOnBuffering() async throws {
        let ran = try await runDemo(
            ["webhooks check"], number: "100200300400501", seed: C4ResumeFailingWebhookTests.story, width: 300)[0]
        #expect(!ran.out.contains("buffering is on now"), "\(ran.out)")
    }
}

/// tester70 F4: `webhooks update ID --buffer-enabled` switched every received delivery to the batch body without a word.
@Suite struct F4BufferingTurnedOnWarningTests {
    static let seed = TestSeeds.file("f3-stopped-firing.seed.json")

    @Test func turningBufferingOnSaysTheBodyChanges() async throws {
        let ran = try await runDemo(
            ["webhooks update 33333333-0000-4000-8000-000000000005 --buffer-enabled"], number: "100200300400501", seed: Self.seed,
            width: 300)[0]
        #expect(ran.out.contains("updated webhook 33333333-0000-4000-8000-000000000005"), "\(ran.out)\(ran.err)")
        #expect(ran.out.contains("warning: from now on every whatsapp.message.received delivery to https://ok.acme.example/hook is a batch body"), "\(ran.out)")
    }

    /// Already on: nothing changes in the body, nothing is said.
    @Test func bufferingAlreadyOnSaysNothing() async throws {
        let ran = try await runDemo(
            ["webhooks update 33333333-0000-4000-8000-000000000010 --buffer-enabled"], number: "100200300400501", seed: Self.seed,
            width: 300)[0]
        #expect(ran.out.contains("updated webhook"), "\(ran.out)\(ran.err)")
        #expect(!ran.out.contains("from now on every"), "\(ran.out)")
    }
}
