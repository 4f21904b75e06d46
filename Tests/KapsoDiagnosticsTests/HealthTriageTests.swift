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
