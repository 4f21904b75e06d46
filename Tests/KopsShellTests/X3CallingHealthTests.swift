import KopsTestSupport
import Testing

/// tester55 X3: Meta's health status reports calling beside messaging (the PHONE_NUMBER entity's `can_receive_call_sip`;
/// Meta, "Messaging and Calling Health Status"). A SIP error listed on a number whose every `can_send_message` is
/// AVAILABLE failed messaging_health against Kapso's pass ("cause: Meta reports messaging as AVAILABLE (…)", exit 1) and
/// `overview` counted the number not healthy. Kapso's pass stands; the check's state names the calling problem.
/// Seed `x3-sip-error.seed.json` (the tester's `sip.seed.json`, one number; the error code and text are the tester's
/// example: Meta publishes no list of calling health errors).
@Suite struct X3CallingHealthTests {
    @Test func aCallingErrorBesideAvailableMessagingIsNoMessagingFailure() async throws {
        let ran = try await runDemo(
            ["health", "overview"], number: "100200300400501", seed: TestSeeds.file("x3-sip-error.seed.json"), width: 200)
        let (health, overview) = (ran[0], ran[1])
        #expect(health.status == 0, "\(health.out)\(health.err)")
        #expect(!health.out.contains("Meta reports messaging as AVAILABLE"), "\(health.out)")
        #expect(!health.out.contains("failed (Kapso: passed)"), "\(health.out)")
        #expect(health.out.contains("calling over SIP: BLOCKED"), "\(health.out)")
        #expect(health.out.contains("PHONE_NUMBER lists 138018 SIP is not configured for this business phone number, though its messaging is AVAILABLE"), "\(health.out)")
        #expect(!overview.out.contains("not healthy"), "\(overview.out)")
    }
}
