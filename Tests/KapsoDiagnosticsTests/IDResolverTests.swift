import KapsoClient
import KapsoDiagnostics
import Testing

/// `IDResolver` on a small project shaped like the demo: two numbers under one WABA and one customer.
@Suite struct IDResolverTests {
    static let sales = number(
        id: "100200300400502", name: "Sales Line", display: "+1 415-555-0101", kapsoID: "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234",
        coexistence: true)
    static let support = number(
        id: "100200300400501", name: "Support Line", display: "+1 415-555-0100", kapsoID: "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012")
    static let numbers = [sales, support]

    static func number(id: String, name: String, display: String, kapsoID: String, coexistence: Bool = false) -> PhoneNumber {
        let digits = display.filter(\.isNumber)
        return try! PhoneNumber(json: [
            "id": .string(id), "phone_number_id": .string(id), "name": .string(name), "internal_id": .string(kapsoID),
            "business_account_id": "200300400500601", "customer_id": "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456",
            "display_phone_number": .string(display), "display_phone_number_normalized": .string(digits),
            "is_coexistence": .bool(coexistence), "status": "CONNECTED",
        ])
    }

    static var facts: IDResolver.Facts {
        var facts = IDResolver.Facts()
        facts.numbers = numbers
        facts.webhooks = [
            try! Webhook(json: [
                "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "url": "https://hooks.acme-demo.test/kapso/whatsapp",
                "kind": "kapso", "events": ["whatsapp.message.received"], "active": true,
                "phone_number_id": "100200300400501", "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21",
                "payload_version": "v2",
            ])
        ]
        facts.conversations = [
            try! Conversation(json: [
                "id": "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", "phone_number": "14155550142",
                "phone_number_id": "100200300400501", "status": "active", "kapso": ["contact_name": "Dana Ortiz"],
            ])
        ]
        facts.apiLogs = [
            try! APILog(json: [
                "id": "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02", "http_method": "POST",
                "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages", "response_status": 422,
                "api_key_id": "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", "api_key_name": "inbox-backend",
                "error_message": "(#131047) Re-engagement message", "created_at": "2026-11-20T09:15:00Z",
            ]),
            try! APILog(json: [
                "id": "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d99", "http_method": "GET",
                "endpoint": "/meta/whatsapp/v24.0/200300400500601/messages", "response_status": 404,
                "api_key_name": "history-sync", "created_at": "2026-11-21T11:05:00Z",
            ]),
        ]
        facts.deliveries = [
            try! WebhookDelivery(json: [
                "id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02", "event": "whatsapp.message.failed", "status": "failed",
                "response_status": 500, "attempt_count": 4, "created_at": "2026-11-20T09:15:03Z",
                "webhook_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "webhook_url": "https://hooks.acme-demo.test/kapso/whatsapp",
            ])
        ]
        return facts
    }

    static func resolve(_ text: String, facts: IDResolver.Facts = facts) throws -> Identity {
        IDResolver.resolve(try IDInput.read(text).get(), typed: text, facts: facts)
    }

    typealias Row = (id: String, kind: Identity.Kind, statement: String, numbers: [String])

    static let rows: [Row] = [
        (
            "100200300400501", .phoneNumberID, "100200300400501 is the phone-number id of Support Line (+1 415-555-0100)",
            ["100200300400501"]
        ),
        (
            "200300400500601", .wabaID,
            "200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501",
            ["100200300400502", "100200300400501"]
        ),
        (
            "A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012", .kapsoPhoneNumberID,
            "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id of Support Line 100200300400501 "
                + "(internal_id; whatsapp_config_id in deliveries and v1 payloads)",
            ["100200300400501"]
        ),
        (
            "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456", .customerID,
            "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456 is the customer id of Sales Line 100200300400502 and Support Line 100200300400501",
            ["100200300400502", "100200300400501"]
        ),
        (
            "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", .webhookID,
            "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d is the active kapso webhook to https://hooks.acme-demo.test/kapso/whatsapp "
                + "for Support Line (+1 415-555-0100)",
            ["100200300400501"]
        ),
        (
            "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", .projectID,
            "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21 is the id of this project (the API key's project)", []
        ),
        (
            "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", .conversationID,
            "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678 is the conversation with Dana Ortiz on Support Line (+1 415-555-0100) (active)",
            ["100200300400501"]
        ),
        (
            "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02", .apiLogID,
            "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02 is the API call POST /meta/whatsapp/v24.0/100200300400501/messages at "
                + "2026-11-20T09:15:00Z, answered 422, made with key inbox-backend", []
        ),
        (
            "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", .apiKeyID,
            "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01 is the id of API key inbox-backend, which made 1 call in the last 30 days, "
                + "1 failed", []
        ),
        (
            "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02", .deliveryID,
            "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02 is the delivery of whatsapp.message.failed to "
                + "hooks.acme-demo.test/kapso/whatsapp at 2026-11-20T09:15:03Z: failed, HTTP 500 after 4 attempts", []
        ),
        (
            "+1 415-555-0101", .displayNumber,
            "+1 415-555-0101 is the display number of Sales Line; its phone-number id is 100200300400502", ["100200300400502"]
        ),
        (
            "0014155550101", .displayNumber,
            "0014155550101 is the display number of Sales Line; its phone-number id is 100200300400502", ["100200300400502"]
        ),
        (
            "14155550100", .displayNumber,
            "14155550100 is the display number of Support Line; its phone-number id is 100200300400501", ["100200300400501"]
        ),
        (
            "(415) 555-0101", .nationalNumber, "(415) 555-0101 has no country code; it matches Sales Line (+1 415-555-0101)",
            ["100200300400502"]
        ),
        (
            "+1 (415) 555-0142", .contactNumber, "+14155550142 is the contact Dana Ortiz in 1 conversation on Support Line",
            ["100200300400501"]
        ),
        (
            "415-555-0142", .nationalNumber,
            "415-555-0142 has no country code; it matches the contact Dana Ortiz (+14155550142) in 1 conversation",
            ["100200300400501"]
        ),
        (
            "200300400500699", .unknown,
            "200300400500699 is not a phone-number id, WABA id, display number or contact of this project", []
        ),
        (
            "ffffffff-0000-4000-8000-000000000000", .unknown,
            "ffffffff-0000-4000-8000-000000000000 is not a number, WABA, customer, webhook, conversation, API log or "
                + "delivery of this project", []
        ),
    ]

    @Test(arguments: rows)
    func namesTheKindAndTheOwner(_ row: Row) throws {
        let identity = try Self.resolve(row.id)
        #expect(identity.kind == row.kind)
        #expect(identity.statement == row.statement)
        #expect(identity.phoneNumberIDs == row.numbers)
    }

    @Test func wabaFixNamesEveryNumberToPickFrom() throws {
        let identity = try Self.resolve("200300400500601")
        #expect(
            identity.fix
                == "WABA paths take 200300400500601 (/200300400500601/message_templates); "
                + "calls about messages and numbers take a phone-number id; pick one: use 100200300400502 (Sales Line) "
                + "or use 100200300400501 (Support Line)")
    }

    @Test func nationalNumberWarnsWithTheProjectsCountryCodes() throws {
        let matched = try Self.resolve("4155550101")
        #expect(matched.kind == .nationalNumber)
        #expect(matched.warnings == [
            "4155550101 has no '+' or '00': if it is a national number, add the country code (this project's numbers use +1)"
        ])
        let unmatched = try Self.resolve("4155559999")
        #expect(unmatched.kind == .unknown)
        #expect(unmatched.warnings.first?.hasSuffix("(this project's numbers use +1)") == true)
        // With its country code the same digits are a plain unknown number: no warning.
        #expect(try Self.resolve("+1 415 555 9999").warnings.isEmpty)
    }

    @Test func apiCallsWithTheIdInTheirPathAreCounted() throws {
        let identity = try Self.resolve("200300400500601")
        #expect(identity.details.contains(Identity.Detail(
            "API calls", "1 in the last 30 days with 200300400500601 in the path, 1 failed (404) from key history-sync")))
    }

    /// Lists read only in part (probe F5, probe2 F2): no "wrong project" conclusion, counts as lower bounds.
    @Test func anIdNotInTheListsReadIsNotCalledAnotherProjects() throws {
        var facts = Self.facts
        facts.capped = [.recentAPILogs]
        let identity = try Self.resolve("ffffffff-0000-4000-8000-000000000000", facts: facts)
        #expect(identity.kind == .unknown)
        #expect(!identity.statement.contains("API log or delivery of this project"))
        #expect(identity.statement.hasSuffix("nor among the API logs and deliveries read (older ones were not searched)"))
        #expect(identity.fix == "'logs --all' lists the older ones")
        #expect(identity.details.first?.value.contains("the newest ") == true)
        let key = try Self.resolve("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", facts: facts)
        #expect(key.statement.hasSuffix("which made at least 1 call in the last 30 days (the newest \(facts.apiLogs.count) API logs read), 1 failed"))
    }

    @Test func cappedMentionsSayAtLeastAndKopsOwnLookupsAreLeftOut() throws {
        var facts = Self.facts
        facts.capped = [.apiLogsMentioning("200300400500601")]
        let capped = try Self.resolve("200300400500601", facts: facts)
        #expect(capped.details.contains { $0.label == "API calls" && $0.value.hasPrefix("at least 1 in the last 30 days with 200300400500601 in the path (the newest ") })
        facts.capped = []
        facts.ownLogIDs = Set(facts.apiLogs.map(\.id))
        let own = try Self.resolve("200300400500601", facts: facts)
        #expect(!own.details.contains { $0.label == "API calls" }, "only kops's own calls: nothing to count")
    }

    @Test func failedLookupsAreNamedAndTheRestStillAnswers() throws {
        var facts = Self.facts
        facts.webhooks = []
        facts.unchecked = ["webhooks: rate limited (429); retry in 1 s"]
        let identity = try Self.resolve("c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456", facts: facts)
        #expect(identity.kind == .customerID)
        #expect(identity.unchecked == ["webhooks: rate limited (429); retry in 1 s"])
        #expect(identity.json["unchecked"]?[0]?.string == "webhooks: rate limited (429); retry in 1 s")
    }

    /// Probe2 F1 addendum: with the numbers not checked, calls found with the id in their path are not also
    /// "not found in API logs".
    @Test func callsFoundAreNotCalledNotFoundWhenAPartFailed() throws {
        var facts = Self.facts
        facts.numbers = []
        facts.failed = [.phoneNumbers]
        facts.unchecked = ["numbers (rate limited)"]
        let identity = try Self.resolve("200300400500601", facts: facts)
        #expect(identity.incomplete)
        #expect(identity.apiCalls?.failed == 1)
        let notFound = identity.details.first { $0.label == "not found in" }?.value ?? ""
        #expect(!notFound.contains("API logs"))
        #expect(identity.details.contains { $0.label == "API calls" })
    }

    @Test func wamidWithoutAMessageStillNamesItsContact() throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
        let identity = try Self.resolve(wamid)
        #expect(identity.kind == .wamid)
        #expect(identity.statement == "\(wamid) is a WAMID carrying the contact +14155550142, but none of that contact's messages has this id (listed by the number it carries)")
    }

    @Test func lookupsGoByForm() throws {
        #expect(IDResolver.lookups(for: try IDInput.read("0014155550101").get()) == [
            .phoneNumbers, .apiLogsMentioning("14155550101"), .contactConversations("14155550101"), .numberChanges,
        ])
        #expect(IDResolver.lookups(for: try IDInput.read("d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678").get()) == [
            .phoneNumbers, .webhooks, .conversation("d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"), .recentConversations, .recentAPILogs,
            .recentDeliveries, .kapsoMessage("d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"),
        ])
        // A WhatsApp username (`@handle`, as `reply --to` takes it) is read and looked up among the conversations and the
        // inbound messages (tester47 F6).
        #expect(IDInput.read("'@marisol.v'.") == .success(.username("@marisol.v")))
        #expect(IDResolver.lookups(for: try IDInput.read("@marisol.v").get()) == [.phoneNumbers, .recentConversations, .recentInbound])
        #expect(IDInput.read("@") == .failure(.unknownForm))
        #expect(IDInput.read("@a@b") == .failure(.unknownForm))
    }

    typealias Misplaced = (id: String, line: String?)

    static let misplaced: [Misplaced] = [
        ("100200300400501", nil),
        (
            "200300400500601",
            "200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: use 100200300400502 (Sales Line) "
                + "or use 100200300400501 (Support Line)"
        ),
        (
            "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012",
            "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id (internal_id, whatsapp_config_id) of Support Line "
                + "(+1 415-555-0100), not a phone-number id; use 100200300400501"
        ),
        (
            "14155550101",
            "14155550101 is the display number of Sales Line; its phone-number id is 100200300400502; use 100200300400502"
        ),
        (
            "999",
            "999 is not a phone-number id, WABA id, Kapso id or display number of this project; wrong project or key? "
                + "'numbers' lists this project's phone-number ids"
        ),
    ]

    @Test(arguments: misplaced)
    func misplacedPhoneNumberIDsGetAStatementWithTheFix(_ row: Misplaced) {
        #expect(IDResolver.misplacedPhoneNumberID(row.id, numbers: Self.numbers)?.line(command: "use") == row.line)
    }

    @Test(arguments: [
        ("/meta/whatsapp/v24.0/200300400500601/messages", "200300400500601"),
        ("/platform/v1/whatsapp/phone_numbers/200300400500601", "200300400500601"),
        ("/platform/v1/whatsapp/phone_numbers/100200300400501/health?x=1", "100200300400501"),
        ("/v24.0/100200300400501/messages", "100200300400501"),
        ("/meta/whatsapp/v24.0/200300400500601/message_templates", nil),
        ("/platform/v1/whatsapp/messages", nil),
        ("/platform/v1/api_logs", nil),
    ] as [(String, String?)])
    func readsThePhoneNumberIDOutOfAPaths(_ path: String, _ id: String?) {
        #expect(APIPath.phoneNumberID(in: path) == id)
    }

    // MARK: - Meta business and app ids (probe5 P5-11)

    static func health(business: String, app: String) -> PhoneNumberHealth {
        try! PhoneNumberHealth(json: [
            "status": "healthy",
            "checks": [
                "messaging_health": [
                    "passed": true, "overall_status": "AVAILABLE",
                    "details": ["entities": [
                        ["entity_type": "WABA", "id": "200300400500601", "can_send_message": "AVAILABLE"],
                        ["entity_type": "BUSINESS", "id": .string(business), "can_send_message": "AVAILABLE"],
                        ["entity_type": "APP", "id": .string(app), "can_send_message": "AVAILABLE"],
                    ]],
                ],
                "webhook_subscription": ["passed": true, "details": ["app_id": .string(app), "subscribed": true]],
            ],
        ])
    }

    /// whois of the business or app id `health` shows said "wrong project or key?"; with the health read it names them.
    @Test(arguments: [
        (
            "300400500600701", Identity.Kind.metaBusinessID,
            "is the Meta business (portfolio) id of this project's numbers Sales Line 100200300400502 and Support Line 100200300400501"
        ),
        (
            "400500600700801", .metaAppID,
            "is the Meta app id subscribed to the webhooks of this project's numbers Sales Line 100200300400502 and Support Line"
        ),
    ])
    func healthNamesTheMetaBusinessAndAppIDs(id: String, kind: Identity.Kind, statement: String) throws {
        let input = try IDInput.read(id).get()
        var facts = Self.facts
        let unknown = IDResolver.resolve(input, typed: id, facts: facts)
        #expect(unknown.kind == .unknown)
        #expect(IDResolver.healthLookups(for: input, after: unknown, facts: facts) == [.health("100200300400502")], "one number per WABA")
        facts.healths = [("100200300400501", Self.health(business: "300400500600701", app: "400500600700801"))]
        let identity = IDResolver.resolve(input, typed: id, facts: facts)
        #expect(identity.kind == kind)
        #expect(identity.statement.contains(statement), "\(identity.statement)")
        #expect(identity.phoneNumberIDs == ["100200300400502", "100200300400501"], "both numbers are under the WABA read")
    }

    /// A report whose messaging_health Kapso could not fetch from Meta: no entities, only the app id of the subscription.
    static var unfetchedHealth: PhoneNumberHealth {
        try! PhoneNumberHealth(json: [
            "status": "degraded",
            "checks": [
                "messaging_health": ["passed": .null, "error": "Failed to fetch messaging health status from Meta"],
                "webhook_subscription": ["passed": true, "details": ["app_id": "400500600700801", "subscribed": true]],
            ],
        ])
    }

    /// probe17 P17-3: a report that names no business (its messaging_health could not be fetched) is not "the id is not
    /// this project's business": the WABA's next number is read, and while none names it the answer is incomplete.
    @Test func aWABAWhoseHealthNamedNoBusinessIsReadFurther() throws {
        let id = "300400500600701"
        let input = try IDInput.read(id).get()
        var facts = Self.facts
        facts.healths = [("100200300400502", Self.unfetchedHealth)]
        let partial = IDResolver.resolve(input, typed: id, facts: facts)
        #expect(partial.kind == .unknown)
        #expect(partial.incomplete, "one report named no business: no conclusion")
        #expect(partial.unchecked.contains { $0.hasPrefix("the Meta business id of WABA 200300400500601 (the health of Sales Line named none;") },
            "\(partial.unchecked)")
        #expect(!partial.statement.contains("is not"), "\(partial.statement)")
        #expect(IDResolver.healthLookups(for: input, after: partial, facts: facts) == [.health("100200300400501")], "the WABA's next number")
        facts.healths.append(("100200300400501", Self.health(business: id, app: "400500600700801")))
        let found = IDResolver.resolve(input, typed: id, facts: facts)
        #expect(found.kind == .metaBusinessID)
        #expect(IDResolver.healthLookups(for: input, after: found, facts: facts).isEmpty)
        // Every number read, none names the business: still incomplete, and nothing more to read.
        facts.healths = [("100200300400502", Self.unfetchedHealth), ("100200300400501", Self.unfetchedHealth)]
        let unnamed = IDResolver.resolve(input, typed: id, facts: facts)
        #expect(unnamed.incomplete)
        #expect(unnamed.unchecked.contains { $0.contains("the health of Sales Line and Support Line named none") }, "\(unnamed.unchecked)")
        #expect(IDResolver.healthLookups(for: input, after: unnamed, facts: facts).isEmpty)
        // Once the WABA's business and app ids are known, an id that is neither is not this project's: complete.
        facts.healths = [("100200300400502", Self.unfetchedHealth), ("100200300400501", Self.health(business: id, app: "400500600700801"))]
        let other = IDResolver.resolve(try IDInput.read("999999999999999").get(), typed: "999999999999999", facts: facts)
        #expect(other.kind == .unknown)
        #expect(!other.incomplete)
        #expect(other.unchecked.isEmpty)
    }

    /// At most `maxHealthReads` health checks for one id, over all rounds (Kapso's health limit: 5 a second).
    @Test func healthReadsStopAtTheirLimit() throws {
        var facts = IDResolver.Facts()
        facts.numbers = (1...8).map { index in
            try! PhoneNumber(json: ["id": .string("10020030040060\(index)"), "business_account_id": .string("20030040050070\(index)")])
        }
        let first = IDResolver.nextHealthReads(facts)
        #expect(first.count == IDResolver.maxHealthReads)
        facts.healths = first.compactMap { if case .health(let id) = $0 { (id, Self.unfetchedHealth) } else { nil } }
        #expect(IDResolver.nextHealthReads(facts).isEmpty)
        let identity = IDResolver.resolve(try IDInput.read("300400500600701").get(), typed: "300400500600701", facts: facts)
        #expect(identity.incomplete)
        #expect(identity.unchecked.contains { $0.contains("1 number not read (at most 5 health checks a look-up)") }, "\(identity.unchecked)")
    }

    /// probe17 P17-5: the business and app ids health names, for ids in failed calls' paths (`errors`).
    @Test func failedPathsNameTheProjectsMetaIDs() throws {
        var facts = Self.facts
        facts.healths = [("100200300400501", Self.health(business: "300400500600701", app: "400500600700801"))]
        let found = IDResolver.metaEntityIdentities(["300400500600701", "400500600700801", "999999999999999", "abc"], facts: facts)
        #expect(Set(found.keys) == ["300400500600701", "400500600700801"])
        #expect(found["300400500600701"]?.kind == .metaBusinessID)
        #expect(found["400500600700801"]?.kind == .metaAppID)
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/400500600700801/messages", 404, key: "k", at: "2026-11-21T10:00:00Z"),
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/300400500600701/messages", 404, key: "k", at: "2026-11-21T10:01:00Z"),
        ])
        let groups = FailureGroups(triage.entries, numbers: Self.numbers, identities: found)
        #expect(groups.groups.count == 2)
        for group in groups.groups {
            #expect(!group.meaning.contains("wrong project or key"), "\(group.meaning)")
            #expect(group.meaning.contains("the path takes the phone-number id: use 100200300400502 (Sales Line) or 100200300400501 (Support Line)"),
                "\(group.meaning)")
        }
        #expect(groups.groups.contains { $0.meaning.hasPrefix("400500600700801 is the Meta app id subscribed to the webhooks of this project's") })
        #expect(groups.groups.contains { $0.meaning.hasPrefix("300400500600701 is the Meta business (portfolio) id of this project's") })
    }

    /// An id that may be one of those kinds, when health was not read, is not called another project's.
    @Test func aMetaObjectIDNotLookedForInHealthIsNoWrongProject() throws {
        let unread = IDResolver.resolve(try IDInput.read("300400500600701").get(), typed: "300400500600701", facts: Self.facts)
        #expect(unread.kind == .unknown)
        #expect(!(unread.fix ?? "").contains("wrong project"), "\(unread.fix ?? "")")
        #expect(unread.details.contains { $0.label == "not searched" && $0.value.contains("Meta business and app ids") })
        var facts = Self.facts
        facts.healths = [("100200300400501", Self.health(business: "300400500600701", app: "400500600700801"))]
        let searched = IDResolver.resolve(try IDInput.read("999999999999999").get(), typed: "999999999999999", facts: facts)
        #expect(searched.fix?.contains("wrong project or key?") == true, "searched everywhere: the usual line")
        #expect(searched.details.first { $0.label == "searched" }?.value.contains("health of 1 number") == true)
        let short = IDResolver.resolve(try IDInput.read("+14155550199").get(), typed: "+14155550199", facts: Self.facts)
        #expect(!short.details.contains { $0.label == "not searched" }, "a number with '+' is no Meta object id")
    }

}

/// `IDInput.isUUID` reads bytes where that gives the `Character` reading's answer (docs/performance.md, session 7).
@Suite struct UUIDReadingTests {
    static func reference(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    @Test func answersAsTheCharacterReading() {
        let pieces = ["0", "a", "F", "g", "-", "\u{FF10}", "\u{FF21}", "é", "e\u{301}", "\r\n", " ", "3d4e5f6a", "7b8c", "2b3c4d5e6f70"]
        var state: UInt64 = 17
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<30_000 {
            // Texts near a UUID: a real one with one character replaced, or random pieces.
            var text: String
            if next() % 2 == 0 {
                var characters = Array("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70")
                characters[next() % characters.count] = Character(pieces[next() % 9])
                text = String(characters)
            } else {
                text = (0..<(next() % 10)).map { _ in pieces[next() % pieces.count] }.joined()
            }
            #expect(IDInput.isUUID(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(IDInput.isUUID("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"))
        #expect(IDInput.isUUID("\u{FF13}d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"), "fullwidth digits are hex digits to Character")
        #expect(!IDInput.isUUID("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7"))
    }
}
