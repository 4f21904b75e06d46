import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AL19: a health report whose overall `status` is no word Kapso documents (`ok`, `warning`; fake5.py) over
/// checks that all passed. Main's build said "ok by Kapso, but every check it lists passed", then "cause: Kapso calls a
/// number ok when a critical check fails, messaging is BLOCKED or the number is DISCONNECTED …" (the rule of `unhealthy`
/// with the unknown word pasted in) and exited 1 ("health: 100200300400501 is ok"); `HEALTHY` got the same. A status in
/// another case is the documented one; any other word is said to be unknown, not a failure with an invented cause.
@Suite struct AL19UndocumentedHealthStatusTests {
    static func health(_ status: String) throws -> PhoneNumberHealth {
        try PhoneNumberHealth(json: [
            "status": .string(status), "timestamp": "2026-12-06T19:00:00Z",
            "checks": [
                "phone_number_access": ["passed": true, "details": ["status": "CONNECTED", "quality_rating": "GREEN"]],
                "messaging_health": ["passed": true, "overall_status": "AVAILABLE", "details": ["can_send_message": "AVAILABLE", "entities": []]],
                "webhook_subscription": ["passed": true, "details": ["subscribed": true, "subscribed_fields": ["messages"]]],
                "webhook_verified": ["passed": true, "details": ["verified_at": "2026-10-02T08:14:31Z"]],
            ],
        ])
    }

    @Test func anUndocumentedStatusIsUnknownNotAFailure() throws {
        for status in ["ok", "warning"] {
            let health = try Self.health(status)
            let triage = HealthTriage(health)
            #expect(health.status == status)
            #expect(triage.unexplained(status: health.status) == nil)
            #expect(!triage.fails(status: health.status, webhooksBlocking: false))
            #expect(triage.headline(status: health.status) == "not known: Kapso's status '\(status)'")
            let reading = HealthReading(triage, status: health.status, webhooksBlocking: false)
            #expect(reading.status == "not_known")
            #expect(reading.notKnown == ["status"])
            #expect(reading.summary == HealthTriage.undocumentedWords(status))
            #expect(!reading.summary.contains("Kapso calls a number"))
        }
        #expect(
            HealthTriage.undocumentedWords("ok")
                == "Kapso answered status 'ok', which it does not document (only healthy, degraded, unhealthy and error)")
    }

    @Test func aDocumentedStatusInAnotherCaseIsThatStatus() throws {
        let health = try Self.health("HEALTHY")
        #expect(health.status == "healthy")
        let triage = HealthTriage(health)
        #expect(triage.unexplained(status: health.status) == nil)
        #expect(!triage.fails(status: health.status, webhooksBlocking: false))
        #expect(triage.headline(status: health.status) == nil)
    }

    /// Still a failure when a check fails, whatever the summary word.
    @Test func aFailingCheckStillFailsUnderAnUndocumentedStatus() throws {
        var json = try Self.health("ok").json
        json["checks"] = ["phone_number_connection": ["passed": false, "details": ["status": "DISCONNECTED"]]]
        let triage = HealthTriage(try PhoneNumberHealth(json: json))
        #expect(triage.fails(status: "ok", webhooksBlocking: false))
    }
}
