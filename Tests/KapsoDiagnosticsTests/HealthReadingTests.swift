import KapsoClient
import KapsoDiagnostics
import Testing

/// probe46 P46-9: the JSON result of `health` carries kops's reading beside Kapso's summary (`HealthReading`), with the
/// paths of the result kops contradicts, so a script or monitor that reads `.status` is not told `healthy` of a number
/// `health` exits 1 on.
@Suite struct HealthReadingTests {
    /// Kapso's `healthy` with every `passed: true`, but the WABA BLOCKED (141006) under messaging_health.
    static func blockedUnderHealthy() throws -> PhoneNumberHealth {
        try PhoneNumberHealth(json: [
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
                                "errors": [["error_code": "141006", "error_description": "payment method", "possible_solution": "fix it"]],
                            ],
                        ],
                    ],
                ],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
            ],
        ])
    }

    @Test func aFailureUnderHealthyIsReadAsFailingWithTheContradictedPaths() throws {
        let health = try Self.blockedUnderHealthy()
        let reading = HealthReading(HealthTriage(health), status: health.status, webhooksBlocking: false)
        #expect(reading.status == "unhealthy")
        #expect(reading.blocking == "messaging_health" && reading.severity == "critical")
        #expect(reading.failing == ["messaging_health"])
        #expect(reading.contradicts == [".status", ".checks.messaging_health.passed"])
        #expect(reading.summary.hasPrefix("healthy by Kapso's summary, but"), "\(reading.summary)")
        #expect(reading.json["status"]?.string == "unhealthy")
    }

    @Test(arguments: [
        ("healthy", false, "healthy", [String]()),
        ("healthy", true, "unhealthy", [".status"]),
        ("degraded", false, "degraded", []),
        ("unhealthy", false, "unhealthy", []),
        ("error", false, "not_run", []),
    ])
    func kapsosStatusAndTheWebhooksGiveKopssStatus(_ status: String, _ webhooks: Bool, _ expected: String, _ contradicts: [String]) throws {
        let health = try PhoneNumberHealth(json: [
            "status": .string(status), "checks": [
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
                // The checks Kapso lists on every report: one missing is not known (tester61 AJ2).
                "phone_number_access": ["passed": true, "details": ["status": "CONNECTED"]],
                "messaging_health": ["passed": true, "overall_status": "AVAILABLE", "details": ["can_send_message": "AVAILABLE"]],
                "webhook_subscription": ["passed": true, "details": ["subscribed": true, "subscribed_fields": ["messages"]]],
                "webhook_verified": ["passed": true, "details": ["verified_at": "2026-11-01T00:00:00Z"]],
            ],
        ])
        let reading = HealthReading(HealthTriage(health), status: status, webhooksBlocking: webhooks)
        #expect(reading.status == expected)
        #expect(reading.contradicts == contradicts)
        #expect(reading.failing == (webhooks ? ["webhooks"] : []))
    }

    /// What `assert` says of a path the reading contradicts, and nothing for one it does not.
    @Test func anAssertedPathKopsContradictsIsNamed() throws {
        let health = try Self.blockedUnderHealthy()
        let result = JSONValue.object(["status": "healthy", "kops": HealthReading(HealthTriage(health), status: "healthy", webhooksBlocking: false).json])
        let line = try #require(HealthReading.contradiction(at: ".status", value: "healthy", in: result))
        #expect(line.hasPrefix(".status is Kapso's summary \"healthy\", but kops reads messaging_health as failing"), "\(line)")
        #expect(line.contains("assert .kops.status == healthy"), "\(line)")
        #expect(HealthReading.contradiction(at: ".kops.status", value: "unhealthy", in: result) == nil)
        #expect(HealthReading.contradiction(at: ".status", value: "healthy", in: .object(["status": "healthy"])) == nil)
    }

    /// tester46 F5: `.kops.status` said `failing` where the text, the exit line and `.kops.summary` said `degraded`. It
    /// takes the text's words: Kapso's word when Kapso's summary is not healthy, else kops's reading by severity
    /// (attention → degraded, critical → unhealthy); whenever the summary is a bare status word, the two agree.
    @Test(arguments: [
        ("degraded", "LIMITED", "degraded"), ("unhealthy", "BLOCKED", "unhealthy"), ("degraded", "BLOCKED", "degraded"),
        ("healthy", "LIMITED", "degraded"), ("healthy", "BLOCKED", "unhealthy"),
    ])
    func kopsStatusUsesTheTextsWords(_ status: String, _ overall: String, _ expected: String) throws {
        let health = try PhoneNumberHealth(json: [
            "status": .string(status),
            "checks": [
                "messaging_health": ["passed": .bool(overall == "AVAILABLE"), "overall_status": .string(overall), "details": [:]],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
            ],
        ])
        let reading = HealthReading(HealthTriage(health), status: status, webhooksBlocking: false)
        #expect(reading.status == expected, "\(reading)")
        #expect(["healthy", "degraded", "unhealthy", "not_known", "not_run"].contains(reading.status))
        if ["healthy", "degraded", "unhealthy"].contains(reading.summary) { #expect(reading.status == reading.summary, "\(reading)") }
    }
}
