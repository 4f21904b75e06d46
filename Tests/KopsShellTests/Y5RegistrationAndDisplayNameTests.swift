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
}
