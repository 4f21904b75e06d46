import KapsoClient
import KapsoDiagnostics
import Testing

/// tester58 AD8: a failed `webhook_subscription` (subscribed_fields without messages) said "Meta sends Kapso no incoming
/// messages … and no message webhook fires" as present fact, 1 h 41 min after the number's last inbound message. With
/// an inbound message on record the consequence is the rule's, and the evidence is said beside it.
@Suite struct AD8HealthInboundEvidenceTests {
    static func health(subscribed: Bool = true) throws -> PhoneNumberHealth {
        try PhoneNumberHealth(json: [
            "status": "degraded", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "webhook_subscription": [
                    "passed": false,
                    "details": ["subscribed": .bool(subscribed), "subscribed_fields": ["message_template_status_update"]],
                ],
                "webhook_verified": ["passed": true, "details": ["verified_at": "2026-10-01T00:00:00Z"]],
            ],
        ])
    }

    /// 2026-11-21T10:19:00Z.
    static let inbound: Int64 = 1_795_256_340

    @Test func anInboundMessageOnRecordIsSaidBesideTheRule() throws {
        let triage = HealthTriage(try Self.health(), inbound: .newest(Self.inbound))
        let cause = try #require(triage.messageEventsBlocked?.cause)
        #expect(!cause.contains("so Meta sends Kapso no incoming messages"), "\(cause)")
        #expect(cause.contains("without it Meta sends Kapso no incoming messages"), "\(cause)")
        #expect(cause.contains("yet an inbound message reached Kapso at 2026-11-21T10:19:00Z"), "\(cause)")
        #expect(cause.contains("Kapso's check is stale"), "\(cause)")
    }

    @Test func notSubscribedWithAnInboundMessageToo() throws {
        let triage = HealthTriage(try Self.health(subscribed: false), inbound: .newest(Self.inbound))
        let cause = try #require(triage.messageEventsBlocked?.cause)
        #expect(cause.contains("yet an inbound message reached Kapso at 2026-11-21T10:19:00Z"), "\(cause)")
    }

    /// None on record: the consequence stands as before.
    @Test func noneOnRecordKeepsTheConsequence() throws {
        let triage = HealthTriage(try Self.health(), inbound: .none)
        let cause = try #require(triage.messageEventsBlocked?.cause)
        #expect(cause.contains("so Meta sends Kapso no incoming messages"), "\(cause)")
        #expect(!cause.contains("yet an inbound message"), "\(cause)")
    }
}
