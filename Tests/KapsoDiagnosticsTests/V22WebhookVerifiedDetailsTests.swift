import KapsoClient
import KapsoDiagnostics
import Testing

/// tester54 V22 and V6: `health` read `webhook_verified` by Kapso's `passed` flag against its own details both ways
/// ("healthy" beside `verified_at: null` and "Not verified yet"; "Meta has not verified the webhook yet" beside a
/// `verified_at`), and explained a WABA Meta reports LIMITED for 141006 as "Meta reports the entity BLOCKED".
@Suite struct V22WebhookVerifiedDetailsTests {
    static func health(_ checks: String) throws -> PhoneNumberHealth {
        let text = #"{"status":"healthy","timestamp":"2026-11-21T12:00:00Z","checks":{"# + checks + "}}"
        return try PhoneNumberHealth(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test func aPassBesideANullVerificationTimeIsReadByTheDetails() throws {
        let triage = HealthTriage(
            try Self.health(#""webhook_verified":{"passed":true,"details":{"verified_at":null,"message":"Not verified yet"}}"#),
            inbound: .none)
        let finding = try #require(triage.findings.first { $0.check == "webhook_verified" })
        #expect(finding.severity < .passed)
        #expect(finding.contradiction?.contains("verified_at is null") == true, "\(finding.contradiction ?? "nil")")
        #expect(triage.fails(status: "healthy", webhooksBlocking: false))
    }

    @Test func aFailBesideAVerificationTimeStatesNeitherHalfAsFact() throws {
        let triage = HealthTriage(
            try Self.health(
                #""webhook_verified":{"passed":false,"details":{"verified_at":"2026-10-02T08:14:31Z","message":"Webhook verified by Meta at 2026-10-02"}}"#),
            inbound: .none)
        let cause = try #require(triage.findings.first { $0.check == "webhook_verified" }?.cause)
        #expect(!cause.contains("has not verified"), "\(cause)")
        #expect(cause.contains("Kapso marks the webhook not verified, but its details say Meta verified it at 2026-10-02T08:14:31Z"), "\(cause)")
    }

    /// A missing `verified_at` says nothing either way: the pass stands.
    @Test func aPassWithoutAVerificationTimeStands() throws {
        let triage = HealthTriage(try Self.health(#""webhook_verified":{"passed":true,"details":{"message":"ok"}}"#))
        let finding = triage.findings.first { $0.check == "webhook_verified" }
        #expect(finding?.severity == .passed)
        // tester54b W4: the table said "passed  not verified" beside the pass.
        #expect(finding?.detail == "", "\(finding?.detail ?? "nil")")
    }

    @Test func aLimitedPaymentProblemIsNotCalledBlocked() throws {
        let triage = HealthTriage(
            try Self.health(
                #""messaging_health":{"passed":true,"overall_status":"LIMITED","details":{"can_send_message":"LIMITED","entities":["#
                    + #"{"entity_type":"WABA","id":"2","can_send_message":"LIMITED","errors":[{"error_code":141006,"#
                    + #""error_description":"Payment method issue"}]}]}}"#))
        let cause = try #require(triage.findings.first { $0.check == "messaging_health" }?.cause)
        #expect(cause.contains("Meta reports messaging as LIMITED"), "\(cause)")
        #expect(!cause.contains("BLOCKED") && !cause.contains("can't be sent"), "\(cause)")
    }
}
