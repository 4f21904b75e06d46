import KopsTestSupport
import Testing

/// tester67 Y5 (seed `y5-registration-name.seed.json`): Support Line is PENDING with its display name PENDING_REVIEW, and
/// Meta answers 133010 ("Account not registered"); `health` read it as "wait for Meta's review to finish", while 133010
/// means the number is not registered with the Cloud API (the /register call with its PIN), whatever the name's review
/// says. Sales Line's display name was DECLINED and its messaging LIMITED for the display name; `health` said "the limit
/// lifts once it is approved", which a declined name never is. The number's `name_status` now reaches the reading.
@Suite struct Y5RegistrationAndDisplayNameTests {
    static let seed = TestSeeds.file("y5-registration-name.seed.json")

    @Test func aNumberMetaAnswers133010ForIsNotRegisteredNotInReview() async throws {
        let ran = try await runDemo(["health 100200300400501", "overview"], number: "100200300400501", seed: Self.seed, width: 400)
        let health = ran[0].out
        #expect(ran[0].status == 1, "\(health)\(ran[0].err)")
        #expect(!health.contains("wait for Meta's review"), "\(health)")
        #expect(health.contains("the number is not registered with the Cloud API"), "\(health)")
        #expect(health.contains("that is no review to wait for; its display name's review (name_status PENDING_REVIEW) is a separate matter"), "\(health)")
        #expect(health.contains("fix:   register the number with the Cloud API: POST /PHONE_NUMBER_ID/register"), "\(health)")
        #expect(health.contains("API says: (#133010) Account not registered"), "\(health)")
    }

    @Test func aDeclinedDisplayNameIsNeverSaidToLiftOnceApproved() async throws {
        let ran = try await runDemo(["health 100200300400502"], number: "100200300400502", seed: Self.seed, width: 400)
        let health = ran[0].out
        #expect(!health.contains("lifts once it is approved"), "\(health)")
        #expect(health.contains("Meta DECLINED the display name (name_status DECLINED), so it will not be approved by waiting"), "\(health)")
        #expect(health.contains("submit a new display name"), "\(health)")
    }

    /// tester68b N1: the 133010 number's webhook_verified fix said "send a WhatsApp message to this number", which an
    /// unregistered number cannot receive.
    @Test func n1AnUnregisteredNumbersWebhookFixRegistersFirst() async throws {
        let ran = try await runDemo(["health 100200300400501"], number: "100200300400501", seed: Self.seed, width: 400)
        let health = ran[0].out
        #expect(health.contains("register the number first (the access check's fix): it receives no message until then"), "\(health)")
        #expect(!health.contains("fix:   send a WhatsApp message to this number"), "\(health)")
    }

    /// tester68b N2: `overview` headed the 133010 number "blocking: number PENDING" (the status word Y5 replaced in
    /// `health`); `numbers` said nothing of Sales Line's DECLINED display name, and read PENDING as a review to wait for.
    @Test func n2OverviewAndNumbersSayNotRegisteredAndTheDeclinedName() async throws {
        let ran = try await runDemo(["overview", "numbers"], number: "100200300400501", seed: Self.seed, width: 400)
        let overview = ran[0].out
        #expect(overview.contains("blocking: number not registered (133010)"), "\(overview)")
        #expect(!overview.contains("blocking: number PENDING"), "\(overview)")
        let numbers = ran[1].out + ran[1].err
        #expect(numbers.contains("display name DECLINED: Sales Line (100200300400502): Meta rejected it, and waiting will not approve it"), "\(numbers)")
        #expect(numbers.contains("it is not registered with the Cloud API yet, or Meta has not finished reviewing it"), "\(numbers)")
        #expect(!numbers.contains("Meta has not finished reviewing or registering it"), "\(numbers)")
        #expect(!numbers.contains("display name PENDING_REVIEW"), "\(numbers)")
        // Without a health read, `use` reads the record's PENDING, and says how 'health' tells the two readings apart.
        let used = try await runDemo(["use 100200300400501"], number: "100200300400502", seed: Self.seed, width: 400)
        let use = used[0].out + used[0].err
        #expect(use.contains("run 'health' on it: a 133010 there means it is not registered"), "\(use)")
        #expect(!use.contains("wait for Meta's review to finish"), "\(use)")
    }
}
