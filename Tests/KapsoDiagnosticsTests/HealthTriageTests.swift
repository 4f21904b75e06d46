import KapsoClient
import KapsoDiagnostics
import KopsTestSupport
import Testing

@Suite struct HealthTriageTests {
    private func triage(_ fixture: String) throws -> HealthTriage {
        HealthTriage(try PhoneNumberHealth(json: try #require(try Fixtures.json(fixture).object)))
    }

    @Test func healthyNumberHasNothingBlocking() throws {
        let result = try triage("health.healthy.json")
        #expect(result.blocking == nil)
        #expect(result.findings.map(\.check) == [
            "phone_number_access", "phone_number_connection", "messaging_health", "webhook_subscription",
            "webhook_verified",
        ])
        #expect(result.findings.first?.detail == "CONNECTED · quality GREEN · TIER_250")
    }

    @Test func degradedNumberPutsLimitedMessagingFirstThenWebhookVerification() throws {
        let result = try triage("health.degraded.json")
        let blocking = try #require(result.blocking)
        #expect(blocking.check == "messaging_health")
        #expect(blocking.severity == .attention)
        #expect(blocking.cause?.hasPrefix("Meta reports messaging as LIMITED (PHONE_NUMBER: The display name") == true)
        #expect(result.findings.filter { $0.severity < .passed }.map(\.check) == ["messaging_health", "webhook_verified"])
        let verified = try #require(result.findings.first { $0.check == "webhook_verified" })
        #expect(verified.detail == "not verified")
        #expect(verified.fix == "send a WhatsApp message to this number, then run 'health' again")
    }

    @Test func disconnectedNumberIsCriticalAndBlocksBeforeEverythingElse() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "unhealthy", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "webhook_verified": ["passed": false, "details": ["verified_at": nil]],
                "phone_number_connection": ["passed": false, "details": ["status": "DISCONNECTED"]],
            ],
        ])
        let result = HealthTriage(health)
        #expect(result.blocking?.check == "phone_number_connection")
        #expect(result.blocking?.severity == .critical)
        #expect(result.findings.map(\.check) == ["phone_number_connection", "webhook_verified"])
    }

    /// probe3 F8: Kapso's `passed: true` next to details that show a failure is read as a failure.
    @Test func detailsThatContradictPassedAreAFailure() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "healthy", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "messaging_health": [
                    "passed": true, "overall_status": "AVAILABLE",
                    "details": [
                        "can_send_message": "AVAILABLE",
                        "entities": [
                            ["entity_type": "PHONE_NUMBER", "id": "100200300400501", "can_send_message": "AVAILABLE"],
                            [
                                "entity_type": "WABA", "id": "200300400500601", "can_send_message": "BLOCKED",
                                "errors": [[
                                    "error_code": "141006", "error_description": "There is an error with the payment method.",
                                    "possible_solution": "Update payment method in Business Manager",
                                ]],
                            ],
                        ],
                    ],
                ],
                "webhook_subscription": ["passed": true, "details": ["app_id": "400500600700801", "subscribed": false, "subscribed_fields": nil]],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
            ],
        ])
        let result = HealthTriage(health)
        #expect(result.contradicted.map(\.check) == ["messaging_health", "webhook_subscription"])
        let blocking = try #require(result.blocking)
        #expect(blocking.check == "messaging_health")
        #expect(blocking.severity == .critical)
        #expect(blocking.cause?.hasPrefix("Meta reports messaging as BLOCKED (WABA: 141006 There is an error with the payment method.)") == true)
        #expect(blocking.cause?.contains("replies inside the 24-hour window still go out") == true)
        #expect(blocking.fix == "add a new payment method to the account in Meta Business Manager; Meta suggests: Update payment method in Business Manager")
        #expect(blocking.contradiction?.hasPrefix("Kapso marks this check passed, but its details say messaging is BLOCKED") == true)
        let subscription = try #require(result.findings.first { $0.check == "webhook_subscription" })
        #expect(subscription.severity == .attention)
        #expect(result.findings.first { $0.check == "phone_number_connection" }?.severity == .passed)
    }

    @Test func errorStatusWithoutChecksHasNoFindings() throws {
        let health = try PhoneNumberHealth(json: ["status": "error", "error": "another check is running", "checks": nil])
        #expect(health.timestamp == nil)
        #expect(HealthTriage(health).findings.isEmpty)
    }

    @Test func fallsBackToCheckedAt() throws {
        let health = try PhoneNumberHealth(json: ["status": "healthy", "checked_at": "2026-11-21T12:00:00Z"])
        #expect(health.timestamp == "2026-11-21T12:00:00Z")
    }
}
