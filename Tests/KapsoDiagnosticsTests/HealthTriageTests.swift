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
        #expect(blocking.cause?.contains("which no Meta page read says: send one test reply to know") == true)
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

    /// probe11 P11-3: a subscription without Meta's `messages` field passes at Kapso, yet Meta sends Kapso no message
    /// and no status: read as failed, naming the fields it has.
    @Test func aSubscriptionWithoutTheMessagesFieldIsAFailure() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "degraded", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "webhook_subscription": [
                    "passed": true,
                    "details": ["app_id": "400500600700801", "subscribed": true, "subscribed_fields": ["message_template_status_update"]],
                ],
                "webhook_verified": ["passed": true, "details": ["verified_at": "2026-11-01T00:00:00Z"]],
            ],
        ])
        let finding = try #require(HealthTriage(health).blocking)
        #expect(finding.check == "webhook_subscription")
        #expect(finding.contradiction
            == "Kapso marks this check passed, but its details say the app is subscribed to message_template_status_update only; messages is missing")
        #expect(finding.cause
            == "the app's subscription lacks Meta's messages field (it has: message_template_status_update), so Meta sends Kapso "
                + "no incoming messages and no statuses for this number and no message webhook fires")
        // A list with messages, or none at all (not known), is no contradiction.
        for fields: JSONValue in [["messages", "message_template_status_update"], .null] {
            let passing = try PhoneNumberHealth(json: [
                "status": "healthy", "timestamp": "2026-11-21T12:00:00Z",
                "checks": ["webhook_subscription": ["passed": true, "details": ["subscribed": true, "subscribed_fields": fields]]],
            ])
            #expect(HealthTriage(passing).blocking == nil)
        }
    }

    /// probe11 P11-4: "send a message to verify it" only when no inbound message is on record; with inbound messages
    /// the cause says when the newest came and the fix stops promising that a message helps.
    @Test func webhookVerificationAdviceDependsOnInboundMessages() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "degraded", "timestamp": "2026-11-21T12:00:00Z",
            "checks": ["webhook_verified": ["passed": false, "details": ["verified_at": nil, "message": "Webhook not verified yet"]]],
        ])
        let seen = try #require(HealthTriage(health, inbound: .newest(1_795_255_980)).blocking)
        #expect(seen.cause
            == "Meta has not marked the webhook verified (Kapso says: Webhook not verified yet), yet inbound messages reached "
                + "Kapso, the newest at 2026-11-21T10:13:00Z: verification should have come with the first of them")
        #expect(seen.fix?.hasPrefix("another message will not change it") == true)
        let none = try #require(HealthTriage(health, inbound: .none).blocking)
        #expect(none.fix == "send a WhatsApp message to this number, then run 'health' again")
        #expect(none.cause?.hasSuffix("this number has none on record") == true)
    }
    /// A report whose checks all pass except what the access check's details say about the number (probe17 seed9).
    private func report(status: String, access: JSONValue, messaging: JSONValue? = nil) throws -> HealthTriage {
        var checks: JSONObject = [
            "phone_number_access": ["passed": true, "details": access],
            "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
            "webhook_verified": ["passed": true, "details": ["verified_at": "2026-11-01T00:00:00Z"]],
            "webhook_subscription": ["passed": true, "details": ["subscribed": true, "subscribed_fields": ["messages"]]],
        ]
        // Every check Kapso lists on every report is in it: one missing is not known (tester61 AJ2).
        checks["messaging_health"] = messaging ?? ["passed": true, "overall_status": "AVAILABLE", "details": ["can_send_message": "AVAILABLE"]]
        return HealthTriage(try PhoneNumberHealth(json: ["status": .string(status), "timestamp": "2026-11-21T12:00:00Z", "checks": .object(checks)]))
    }

    /// tester49 F7: quality RED and FLAGGED (the number sends as usual) no longer turn Kapso's passed access check into a
    /// failed one (these rows were "needs attention: number FLAGGED" / "quality RED" and made `health` exit 1); the state is
    /// the triage's `sendingNote`, with the rule of Meta's portfolio-level messaging limits (live since 7 Oct 2025).
    @Test(arguments: [("FLAGGED", "FLAGGED", "Meta FLAGGED the number (quality RED)"), ("CONNECTED", "quality RED", "the number's quality rating is RED")])
    func aStateTheNumberSendsAsUsualInIsNotedNotFailed(word: String, noted: String, cause: String) throws {
        let result = try report(status: "healthy", access: ["status": .string(word), "quality_rating": "RED", "throughput_tier": "TIER_250"])
        #expect(result.blocking == nil && result.contradicted.isEmpty)
        #expect(result.headline(status: "healthy") == nil)
        let note = try #require(result.sendingNote)
        #expect(note.word == noted && note.cause.hasPrefix(cause), "\(note.cause)")
        #expect(note.cause.contains("Meta sets messaging limits per business portfolio") && !note.cause.contains("is lowered if"), "\(note.cause)")
        // Kapso's own failed access check with a RED rating keeps its failure (the rating does not explain it).
        let failed = HealthTriage(try PhoneNumberHealth(json: [
            "status": "unhealthy", "timestamp": "2026-11-21T12:00:00Z",
            "checks": ["phone_number_access": ["passed": false, "details": ["status": .string(word), "quality_rating": "RED"]]],
        ]))
        #expect(failed.sendingNote == nil && failed.blocking != nil)
    }

    /// probe17 P17-4: the number's own status is the cause (health) and the headline (overview), by one rule.
    @Test(arguments: [
        ("unhealthy", "BANNED", "GREEN", HealthTriage.Finding.Severity.critical, "blocking: number BANNED",
         "the number is BANNED from WhatsApp"),
        ("degraded", "PENDING", "GREEN", .critical, "blocking: number PENDING", "the number is PENDING"),
        ("degraded", "RESTRICTED", "GREEN", .attention, "needs attention: number RESTRICTED",
         "the number is RESTRICTED: it reached its messaging limit"),
        ("degraded", "MIGRATING", "GREEN", .attention, "needs attention: number MIGRATING",
         "the number's status is MIGRATING, which kops does not know"),
    ])
    func theNumbersOwnStatusIsTheCause(
        status: String, word: String, quality: String, severity: HealthTriage.Finding.Severity, headline: String, cause: String
    ) throws {
        let result = try report(status: status, access: ["status": .string(word), "quality_rating": .string(quality), "throughput_tier": "TIER_250"])
        let blocking = try #require(result.blocking)
        #expect(blocking.check == "phone_number_access")
        #expect(blocking.severity == severity)
        #expect(blocking.cause?.hasPrefix(cause) == true)
        #expect(blocking.contradiction?.hasPrefix("Kapso marks this check passed, but its details say") == true)
        #expect(result.headline(status: status) == headline)
    }

    @Test func aConnectedNumberWithGoodQualityHasNoHeadline() throws {
        let result = try report(status: "healthy", access: ["status": "CONNECTED", "quality_rating": "YELLOW"])
        #expect(result.blocking == nil)
        #expect(result.headline(status: "healthy") == nil)
        // A status Kapso calls degraded that no check explains is said so, never "ok".
        #expect(result.headline(status: "degraded") == "degraded by Kapso, but every check it lists passed")
    }

    /// probe20 P20-8: the rule `health` exits 1 on and `overview` fails by: Kapso's status, a failing check (one whose
    /// details contradict `passed: true` too), or webhooks that lose the number's events; a check only not known is none.
    @Test(arguments: [
        ("healthy", "CONNECTED", false, false), ("healthy", "CONNECTED", true, true),
        ("degraded", "CONNECTED", false, true), ("unhealthy", "CONNECTED", false, true), ("error", "CONNECTED", false, true),
        ("healthy", "BANNED", false, true), ("healthy", "unknown", false, false),
    ])
    func failsByStatusChecksAndWebhooks(status: String, access: String, webhooksBlocking: Bool, fails: Bool) throws {
        let result =
            access == "unknown"
            ? try report(
                status: status, access: ["status": "CONNECTED", "quality_rating": "GREEN"],
                messaging: ["passed": nil, "error": "Failed to fetch messaging health status from Meta"])
            : try report(status: status, access: ["status": .string(access), "quality_rating": "GREEN"])
        #expect(result.fails(status: status, webhooksBlocking: webhooksBlocking) == fails)
    }

    /// probe17 P17-2: a messaging_health check that could not run (`passed: null` with `error`) is not known: no failure,
    /// no limit, no entity in the fix.
    @Test func aCheckThatCouldNotRunIsUnknownNotFailed() throws {
        let result = try report(
            status: "degraded", access: ["status": "CONNECTED", "quality_rating": "GREEN"],
            messaging: ["passed": nil, "error": "Failed to fetch messaging health status from Meta"])
        #expect(result.blocking == nil)
        let unknown = try #require(result.unknown.first)
        #expect(unknown.check == "messaging_health")
        #expect(unknown.severity == .unknown)
        #expect(unknown.detail == "not known: Failed to fetch messaging health status from Meta")
        #expect(unknown.cause
            == "messaging health is not known: Kapso could not get it from Meta (API says: Failed to fetch messaging health status from Meta)")
        #expect(unknown.fix == "run 'health' again in a few minutes (Kapso caches each check up to 3 min)")
        #expect(result.headline(status: "degraded") == "not known: messaging_health")
        // Details that show a state are read even without `passed`.
        let shown = try report(
            status: "unhealthy", access: ["status": "CONNECTED"],
            messaging: ["passed": nil, "overall_status": "BLOCKED", "details": ["can_send_message": "BLOCKED"]])
        #expect(shown.blocking?.check == "messaging_health")
        #expect(shown.blocking?.severity == .critical)
        #expect(shown.blocking?.fix?.hasPrefix("Meta lists no entity or error behind the block") == true)
    }

    /// probe17 P17-14: a LIMITED entity's fix follows what Meta listed; generic only when nothing is listed.
    @Test(arguments: [
        ("WABA", ["Your WhatsApp Business Account has a messaging limit of 250 business-initiated conversations in a rolling 24-hour period."],
         "nothing is broken: this is Meta's messaging limit"),
        ("APP", ["Your app is in development mode"], "switch the Meta app to Live mode"),
        ("PHONE_NUMBER", ["The display name is still waiting for Meta review"], "the display name must pass Meta's review"),
        ("BUSINESS", ["Something Meta added later"], "kops has no fix for Meta's text above"),
        ("WABA", [], "Meta listed no reason for the WABA's limit"),
    ])
    func aLimitedEntitysFixFollowsWhatMetaListed(type: String, info: [String], fix: String) throws {
        var entity: JSONObject = ["entity_type": .string(type), "id": "200300400500601", "can_send_message": "LIMITED"]
        if !info.isEmpty { entity["additional_info"] = .array(info.map(JSONValue.string)) }
        let result = try report(
            status: "degraded", access: ["status": "CONNECTED"],
            messaging: ["passed": false, "overall_status": "LIMITED", "details": ["can_send_message": "LIMITED", "entities": [.object(entity)]]])
        let blocking = try #require(result.blocking)
        #expect(blocking.fix?.hasPrefix(fix) == true, "\(blocking.fix ?? "nil")")
        #expect(blocking.fix?.contains("fix the listed entity") == false)
    }

    /// probe26 P26-5: the entities of a real Meta answer (a number without a card): PHONE_NUMBER LIMITED 138024, WABA
    /// BLOCKED 141006, BUSINESS LIMITED 141010, APP AVAILABLE. The cause of BLOCKED is the BLOCKED WABA; the two
    /// LIMITED entities are listed beside it with their own fixes.
    private static let studioEntities: [JSONValue] = [
        ["entity_type": "PHONE_NUMBER", "id": "100200300400501", "can_send_message": "LIMITED",
         "errors": [["error_code": "138024", "error_description": "SIP is not enabled", "possible_solution": "Enable SIP in the call settings"]]],
        ["entity_type": "WABA", "id": "200300400500601", "can_send_message": "BLOCKED",
         "errors": [["error_code": "141006", "error_description": "There is an error with the payment method."]]],
        ["entity_type": "BUSINESS", "id": "300400500600701", "can_send_message": "LIMITED",
         "errors": [["error_code": "141010", "error_description": "The Business has not passed business verification."]]],
        ["entity_type": "APP", "id": "400500600700801", "can_send_message": "AVAILABLE"],
    ]

    /// tester64 T10: an empty `possible_solution` printed "…; Meta suggests: " with nothing after it.
    @Test(arguments: ["", "   "])
    func anEmptySolutionIsNotSaid(_ solution: String) throws {
        let entities: [JSONValue] = [
            ["entity_type": "WABA", "id": "200300400500601", "can_send_message": "BLOCKED",
             "errors": [["error_code": "141006", "error_description": "There is an error with the payment method.", "possible_solution": .string(solution)]]],
        ]
        let result = try report(
            status: "unhealthy", access: ["status": "CONNECTED"],
            messaging: ["passed": false, "overall_status": "BLOCKED", "details": ["can_send_message": "BLOCKED", "entities": .array(entities)]])
        let blocking = try #require(result.blocking)
        #expect(blocking.fix == "add a new payment method to the account in Meta Business Manager", "\(blocking.fix ?? "nil")")
    }

    @Test func theCauseOfABlockIsTheBlockedEntityAndEveryOtherEntityIsListed() throws {
        let result = try report(
            status: "unhealthy", access: ["status": "CONNECTED"],
            messaging: ["passed": false, "overall_status": "BLOCKED",
                        "details": ["can_send_message": "BLOCKED", "entities": .array(Self.studioEntities)]])
        let blocking = try #require(result.blocking)
        #expect(blocking.severity == .critical)
        #expect(blocking.cause?.hasPrefix("Meta reports messaging as BLOCKED (WABA: 141006 There is an error with the payment method.)") == true,
                "\(blocking.cause ?? "nil")")
        #expect(blocking.fix == "add a new payment method to the account in Meta Business Manager")
        #expect(blocking.also.count == 2)
        #expect(blocking.also.first?.hasPrefix("PHONE_NUMBER LIMITED: 138024 SIP is not enabled; ") == true)
        #expect(blocking.also.first?.hasSuffix("Meta suggests: Enable SIP in the call settings") == true)
        #expect(blocking.also.last == "BUSINESS LIMITED: 141010 The Business has not passed business verification.; "
            + "complete Meta's business verification for the portfolio (Meta Business Manager, Security Center)")
    }

    /// probe26 P26-5 (s10): two LIMITED entities, both named; an `error_description` is a reason Meta gave, never "Meta
    /// listed no reason".
    @Test func everyLimitedEntityIsNamedAndAnErrorDescriptionIsAReason() throws {
        let entities = [Self.studioEntities[0], Self.studioEntities[2]]
        let result = try report(
            status: "degraded", access: ["status": "CONNECTED"],
            messaging: ["passed": false, "overall_status": "LIMITED", "details": ["can_send_message": "LIMITED", "entities": .array(entities)]])
        let blocking = try #require(result.blocking)
        #expect(blocking.cause == "Meta reports messaging as LIMITED (PHONE_NUMBER: 138024 SIP is not enabled)")
        #expect(blocking.fix?.contains("Meta listed no reason") == false, "\(blocking.fix ?? "nil")")
        #expect(blocking.fix?.hasSuffix("Meta suggests: Enable SIP in the call settings") == true)
        #expect(blocking.also == [
            "BUSINESS LIMITED: 141010 The Business has not passed business verification.; "
                + "complete Meta's business verification for the portfolio (Meta Business Manager, Security Center)"
        ])
    }

    /// tester49 F7: a RED rating and FLAGGED were explained with the per-number limits' rule ("Meta lowers the messaging
    /// limit …", "is lowered if quality does not improve within 7 days"), which Meta replaced on 7 Oct 2025 by limits per
    /// business portfolio: the cause says where limits are set now, and no downgrade kops cannot source.
    @Test(arguments: [("CONNECTED", "RED"), ("FLAGGED", "RED"), ("FLAGGED", "YELLOW")])
    func aLowRatingIsReadWithTodaysLimits(status: String, quality: String) throws {
        let read = try #require(NumberStatus(status: status, quality: quality))
        #expect(read.cause.contains("since 7 Oct 2025 Meta sets messaging limits per business portfolio"), "\(read.cause)")
        #expect(read.cause.contains("sends still go out"), "\(read.cause)")
        for stale in ["lowers the messaging limit", "is lowered", "within 7 days", "cannot rise"] {
            #expect(!read.cause.contains(stale), "\(read.cause)")
        }
    }

    /// fix50c: RATE_LIMITED was explained with the retired On-Premises API's quality rate limiting ("1000 messages a day
    /// for 7 days, error 471 beyond"). The Cloud API documents no such figures: the cause names the Cloud API's own code
    /// for a number restricted for blocked or spam-flagged messages (131048) and says the amount and length are unknown.
    @Test func rateLimitedIsReadWithTheCloudAPIsCode() throws {
        let read = try #require(NumberStatus(status: "RATE_LIMITED"))
        #expect(read.cause.contains("131048") && read.cause.contains("not document"), "\(read.cause)")
        for stale in ["1000 messages a day", "471", "7 days"] { #expect(!read.cause.contains(stale), "\(read.cause)") }
    }
}
