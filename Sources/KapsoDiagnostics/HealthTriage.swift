public import KapsoClient

/// Reads a health report the way support does: the blocking check first, in plain language.
///
/// Order (kapso-api.md §2.3): access, connection, token, messaging, webhook subscription,
/// webhook verification, test message; critical failures before things that only need attention.
public struct HealthTriage: Sendable {
    /// One check as read by kops.
    public struct Finding: Sendable, Equatable {
        public enum Severity: Int, Sendable, Comparable {
            case critical, attention, passed, unknown
            public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var check: String
        public var severity: Severity
        /// A short summary of the check's details, e.g. `CONNECTED · quality YELLOW · TIER_250`.
        public var detail: String
        /// What is wrong, in plain language (failures only).
        public var cause: String?
        /// What to do about it (failures only).
        public var fix: String?
        /// When Kapso's `passed` is true but the check's own details show a failure (a subscription with
        /// `subscribed: false`, an entity BLOCKED or with errors), what the details say. kops goes by the
        /// details: Kapso's summary flags are cached up to 3 min and can disagree with them (kapso-api.md §2.3).
        public var contradiction: String?
        /// The state a headline names beside the check, e.g. `BANNED` (a number's own status: `NumberStatus`).
        public var state: String?
        /// True when the check fails because Meta answers 133010: the number is not registered with the Cloud API
        /// (`NumberRegistration`), whatever `state` says; a headline names that rather than the state (tester68b N2).
        public var notRegistered = false
        /// messaging_health: every entity with errors or a limit other than the one named in `cause`, each with its
        /// state, errors and fix, e.g. `BUSINESS LIMITED: 141010 The Business has not passed business verification.;
        /// complete Meta's business verification …` (probe26 P26-5).
        public var also: [String] = []
    }

    /// What kops read of the number's inbound messages, for the `webhook_verified` advice (probe11 P11-4): "send a
    /// message" cannot help a number that already received some; and for `webhook_subscription`'s (tester58 AD8).
    public enum Inbound: Sendable, Equatable {
        /// Not read: the advice says what it assumes.
        case notRead
        /// Read, and none is on record.
        case none
        /// The newest inbound message's time, Unix seconds.
        case newest(Int64)
        /// Asked, and the API did not answer: why (`the API failed (503): …`).
        case failed(String)
    }

    public var findings: [Finding]

    /// Reads `health`; `inbound` is what kops read of the number's inbound messages (`webhook_verified` and
    /// `webhook_subscription` use it);
    /// `coexistence` the number's `is_coexistence` as listed, nil when not read (only `token_validity` uses it);
    /// `now` (Unix seconds, the API's clock where read) dates the report (`age`), nil when not judged; `nameStatus` the
    /// number's `name_status` as listed, nil when not read (a limit whose reason is the display name reads it, tester67 Y5).
    public init(
        _ health: PhoneNumberHealth, inbound: Inbound = .notRead, coexistence: Bool? = nil, now: Int64? = nil, nameStatus: String? = nil
    ) {
        age = now.flatMap { HealthAge(health, now: $0) }
        let order = [
            "phone_number_access", "phone_number_connection", "token_validity", "messaging_health",
            "webhook_subscription", "webhook_verified", "test_message",
        ]
        let checks = health.checks.sorted { lhs, rhs in
            (order.firstIndex(of: lhs.name) ?? order.count) < (order.firstIndex(of: rhs.name) ?? order.count)
        }
        let name = DisplayNameStatus(nameStatus)
        findings = checks.map { HealthTriage.read($0.name, $0.check, inbound: inbound, coexistence: coexistence, nameStatus: name) }
        // Meta's 133010 anywhere in the report: the number is not registered, whatever its status word (tester67 Y5).
        if NumberRegistration.notRegistered(in: checks) {
            findings = zip(findings, checks).map { Self.unregistered($0, error: $1.check["error"]?.string, nameStatus: nameStatus) }
        }
        // A state in which the number sends as usual (quality RED, FLAGGED) under a passed access check: said, not failed.
        sendingNote = checks.first { $0.name == "phone_number_access" }.flatMap { access in
            let details = access.check["details"]?.object ?? JSONObject()
            guard findings.first(where: { $0.check == access.name })?.severity == .passed else { return nil }
            return NumberStatus(status: details["status"]?.string, quality: details["quality_rating"]?.string).flatMap { $0.sendsAsUsual ? $0 : nil }
        }
    }

    /// The report's age when it is older than Kapso's caching allows, or dated ahead (tester61 AJ9); nil when within it
    /// or not judged.
    public var age: HealthAge?

    /// The number's own state when it sends as usual but is worth knowing (`NumberStatus.sendsAsUsual`: quality RED,
    /// FLAGGED) and Kapso's access check passed; nil otherwise (tester49 F7).
    public var sendingNote: NumberStatus?

    /// The first failing check, most severe first: what blocks the number.
    public var blocking: Finding? {
        findings.filter { $0.severity < .passed }.min { $0.severity < $1.severity }
    }

    /// Whether the number has a problem to act on, the rule `health` exits 1 on and `overview` fails by for any number
    /// (probe20 P20-8): Kapso's `status` is not `healthy` (`degraded`, `unhealthy`, or `error`: the check did not run),
    /// a check fails (`blocking`, also one whose details contradict its `passed: true`), or the number's webhooks lose
    /// its events (`webhooksBlocking`: `NumberWebhooks.blocking`). A check that is only not known is no failure, nor is
    /// a status Kapso does not document (`isDocumented(status:)`, tester62 AL19).
    public func fails(status: String, webhooksBlocking: Bool) -> Bool {
        (status != "healthy" && Self.isDocumented(status: status)) || blocking != nil || webhooksBlocking
    }

    /// The failed `webhook_subscription` check: Meta sends Kapso none of the number's message events (the app is not
    /// subscribed, or its `subscribed_fields` lack `messages`, which carries both incoming messages and the statuses of
    /// sent ones), so no status of a sent message can reach Kapso and no `whatsapp.message.*` webhook of the number
    /// fires (probe19 P19-3). Nil when the check passed, is not known, or is not in the report.
    public var messageEventsBlocked: Finding? {
        findings.first { $0.check == "webhook_subscription" && $0.severity < .passed && $0.cause != nil }
    }

    /// The failed access or connection check that names a state of the number in which it sends nothing (`NumberStatus`
    /// critical: DISCONNECTED, BANNED, OFFLINE, DELETED, MIGRATED, UNVERIFIED, PENDING): the business's side explains a
    /// send's missing statuses before the contact's phone does (probe39 P39-8). Nil otherwise.
    public var numberDown: Finding? {
        findings.first { ["phone_number_access", "phone_number_connection"].contains($0.check) && $0.severity == .critical && $0.state != nil }
    }

    /// The line for numbers whose record has no `webhook_verified_at` (kapso-api.md §2.1), `numbers` given as (name, id):
    /// `webhook not verified by Meta yet: Sales Line (Meta marks it verified with the first inbound message; 'health
    /// 100200300400502' reads whether inbound has come and what to do)`. The list reads no inbound messages, so it names
    /// no cause: `health` does (`Inbound`; probe39 P39-9: "after the first inbound message" told the on-call to wait for
    /// one while `health` said inbound had come and another message would not help).
    public static func unverifiedWebhooksLine(_ numbers: [(name: String, id: String)]) -> String {
        let health = numbers.count == 1 ? "'health \(numbers[0].id)' reads" : "'health ID' reads, for each,"
        // The names appended one by one: the standard library's `joined`, reached through its generic entry from here,
        // looks up a witness at every call (docs/performance.md, "Session 60"), and `numbers` shows this line each time.
        var line = "webhook not verified by Meta yet: "
        for (index, number) in numbers.enumerated() { line += index == 0 ? number.name : ", " + number.name }
        return line + " (Meta marks it verified with the first inbound message; \(health) whether inbound has come and what to do)"
    }

    /// Checks Kapso could not decide (`passed: null` and details that show no failure), then the always-listed checks the
    /// report lacks (`missing`, tester61 AJ2): not known, never failed.
    public var unknown: [Finding] { findings.filter { $0.severity == .unknown } + missingFindings }

    /// The number's state in a few words, for `overview`'s HEADLINE (probe17 P17-4: never "ok" for a number Kapso
    /// calls unhealthy or degraded): `blocking: number BANNED`, `needs attention: messaging_health`,
    /// `not known: messaging_health`, or for a report whose `status` no check explains, that every check passed
    /// (`unexplained`, as `health` says it), then the always-listed checks it lacks (`missingHeadline`) and its age
    /// beyond Kapso's caching (`not known: report 35 d old`).
    /// Nil when Kapso calls the number healthy and no check fails or is unknown, and the report is current. `status` is the report's `status`.
    public func headline(status: String) -> String? {
        if status == "error" { return "the health check did not run" }
        if let blocking {
            // The number's own state rather than the check's name: `blocking: number BANNED` fits a narrow HEADLINE column.
            return "\(blocking.severity == .critical ? "blocking" : "needs attention"): "
                + (blocking.notRegistered ? "number not registered (\(NumberRegistration.notRegisteredCode))"
                    : blocking.state.map { "number \($0)" } ?? blocking.check)
        }
        if let first = findings.first(where: { $0.severity == .unknown }) { return "not known: \(first.check)" }
        if !Self.isDocumented(status: status) { return "not known: Kapso's status '\(status.prefix(40))'" }
        if let unexplained = unexplained(status: status) { return unexplained.headline }
        if let lacking = missingHeadline { return lacking }
        if let age { return "not known: \(age.short)" }
        return nil
    }

    /// Checks Kapso marks passed whose details show a failure: the report's `status` cannot be trusted then.
    public var contradicted: [Finding] { findings.filter { $0.contradiction != nil } }

    /// The check as its details show it: a `passed: true` whose details show a failure is read as failed.
    private static func read(_ name: String, _ check: JSONObject, inbound: Inbound, coexistence: Bool?, nameStatus: DisplayNameStatus?) -> Finding {
        let details = check["details"]?.object ?? JSONObject()
        let passed = check["passed"]?.bool
        if passed == nil {
            // `passed: null` is "not known" (kapso-api.md §2.3: messaging_health's `error` when Meta's status could not
            // be fetched; UNKNOWN connection), never "failed", unless the details themselves show a failure (P17-2).
            let shown = failureEvidence(name, check: check, details: details) != nil
            return shown
                ? read(name, check, details: details, passed: false, inbound: inbound, coexistence: coexistence, nameStatus: nameStatus)
                : unknown(name, check, details: details)
        }
        guard passed == true, let evidence = failureEvidence(name, check: check, details: details) else {
            return read(name, check, details: details, passed: passed, inbound: inbound, coexistence: coexistence, nameStatus: nameStatus)
        }
        var finding = read(name, check, details: details, passed: false, inbound: inbound, coexistence: coexistence, nameStatus: nameStatus)
        finding.contradiction = "Kapso marks this check passed, but its details say \(evidence)"
        return finding
    }

    private static func read(
        _ name: String, _ check: JSONObject, details: JSONObject, passed: Bool?, inbound: Inbound, coexistence: Bool?,
        nameStatus: DisplayNameStatus?
    ) -> Finding {
        var finding = Finding(
            check: name, severity: passed == true ? .passed : passed == false ? .attention : .unknown,
            detail: summary(name, check: check, details: details))
        guard passed != true else { return finding }
        switch name {
        case "phone_number_access", "phone_number_connection":
            // The number's own status is the cause when it says one (NumberStatus, the one rule overview's headline
            // shares); a failed access check without one is Meta's API unreachable for the number.
            let quality = name == "phone_number_access" ? details["quality_rating"]?.string : nil
            let read = NumberStatus(status: details["status"]?.string, quality: quality)
            // A rating alone does not explain an access check Kapso itself failed.
            if let status = read, !(status.word.hasPrefix("quality") && check["passed"]?.bool == false) {
                finding.state = status.word
                finding.severity = status.severity
                finding.cause = status.cause
                finding.fix = status.fix
            } else if name == "phone_number_access" {
                finding.severity = .critical
                finding.cause = "Meta's API cannot be reached for this number (token or access problem)"
                finding.fix = "reconnect the number in Kapso (setup link); if it persists, contact Kapso support"
            } else {
                finding.cause = "Kapso marks the connection check failed, but its details name no failing state"
                finding.fix = "run 'health' again in a few minutes (Kapso caches the check up to 3 min)"
            }
        case "token_validity":
            readToken(&finding, details: details, coexistence: coexistence, checkError: check["error"]?.string)
        case "messaging_health":
            guard let overall = worstState(check: check, details: details) else {
                finding.cause = "Kapso marks messaging health failed, but neither Meta's state nor an entity is listed"
                finding.fix = "run 'health' again in a few minutes (Kapso caches the check up to 3 min)"
                break
            }
            finding.severity = overall == "BLOCKED" ? .critical : .attention
            // The cause is the entity whose state is the overall one (the WABA when the WABA is BLOCKED), not the first
            // entity with errors; every other entity with errors or a limit is listed beside it (probe26 P26-5).
            let entities = EntityReading.all(details, nameStatus: nameStatus)
            let entity = EntityReading.cause(of: overall, in: entities)
            finding.cause = "Meta reports messaging as \(overall)" + (entity.map { " (\($0.text))" } ?? "")
            if let known = entity?.entry {
                finding.cause = (finding.cause ?? "") + ": \(known.meaning)"
                let own = entity?.code == NumberRegistration.notRegisteredCode ? NumberRegistration.fix : known.fix
                finding.fix = own + (entity?.solution.map { "; Meta suggests: \($0)" } ?? "")
            } else if overall != "BLOCKED" {
                finding.fix = entity?.fix ?? LimitedMessaging.fix(entityType: nil, info: [])
            } else {
                finding.fix =
                    entity == nil ? "Meta lists no entity or error behind the block, and kops knows no fix; WhatsApp Manager "
                        + "shows the account's state; sending is refused until then"
                    : "resolve the \(entity?.type ?? "blocking entity")'s errors in WhatsApp Manager; sending is refused until then"
                if let solution = entity?.solution { finding.fix = (finding.fix ?? "") + "; Meta suggests: \(solution)" }
            }
            finding.also = entities.filter { $0 != entity }.map { "\($0.type) \($0.state ?? "with errors"): \($0.words ?? "no error listed"); \($0.fix)" }
        case "webhook_subscription":
            readSubscription(&finding, details: details, inbound: inbound)
        case "webhook_verified":
            let says = details["message"]?.string.map { " (Kapso says: \($0))" } ?? ""
            // A failed flag beside a verification time: neither half is stated as fact (tester54 V22: "has not verified
            // yet" beside Kapso's own "verified by Meta at …").
            if let at = details["verified_at"]?.string {
                finding.cause = "Kapso marks the webhook not verified, but its details say Meta verified it at \(at)\(says)"
                finding.fix = "run 'health' again in 3 min (Kapso caches the check); if it stays so, ask Kapso support, quoting this check"
                break
            }
            switch inbound {
            case .newest(let time):
                finding.cause = "Meta has not marked the webhook verified\(says), yet inbound messages reached Kapso, the newest at "
                    + "\(KapsoTime.iso(time)): verification should have come with the first of them"
                finding.fix = "another message will not change it: run 'health' again in 3 min (Kapso caches it); if it stays, "
                    + "ask Kapso support, quoting this check"
            case .none:
                finding.cause = "Meta has not verified the webhook yet\(says); it does so after the first inbound message, and "
                    + "this number has none on record"
                finding.fix = "send a WhatsApp message to this number, then run 'health' again"
            case .notRead:
                finding.cause = "Meta has not verified the webhook yet\(says); it does so after the first inbound message"
                finding.fix = "send a WhatsApp message to this number, then run 'health' again"
            case .failed(let why):
                // Neither reading is known: both are said (tester53 T14: a failed look-up gave "send a message", the
                // advice an inbound message on record rules out).
                finding.cause = "Meta has not verified the webhook yet\(says); it does so after the first inbound message, and "
                    + "whether this number has received one could not be read (\(why))"
                finding.fix = "run 'health' again in a minute; if it says none is on record, send a WhatsApp message to this "
                    + "number; if one is, ask Kapso support, quoting this check"
            }
        case "test_message":
            finding.cause = "the test message could not be sent"
            finding.fix = "check the recipient number and the messaging_health check"
        default:
            finding.cause = check["error"]?.string ?? "the check '\(name)' did not pass"
            finding.fix = "see the check's details with 'output json'"
        }
        if let error = check["error"]?.string { finding.cause = (finding.cause ?? "") + "; API says: \(error)" }
        return finding
    }

    /// A check Kapso could not decide (`passed: null`): what is not known and why, and to ask again; no cause or limit
    /// the data does not contain.
    private static func unknown(_ name: String, _ check: JSONObject, details: JSONObject) -> Finding {
        var finding = Finding(check: name, severity: .unknown, detail: summary(name, check: check, details: details))
        let error = check["error"]?.string
        if finding.detail.isEmpty { finding.detail = error.map { "not known: \($0)" } ?? "not known" }
        if let status = details["status"]?.string, let read = NumberStatus(status: status), read.severity == .unknown {
            finding.cause = read.cause
        } else {
            finding.cause =
                (name == "messaging_health" ? "messaging health is not known: Kapso could not get it from Meta" : "Kapso could not decide this check")
                + (error.map { " (API says: \($0))" } ?? "")
        }
        finding.fix = "run 'health' again in a few minutes (Kapso caches each check up to 3 min)"
        return finding
    }

    private static func summary(_ name: String, check: JSONObject, details: JSONObject) -> String {
        switch name {
        case "phone_number_access":
            return [
                details["status"]?.string, details["quality_rating"]?.string.map { "quality \($0)" },
                details["throughput_tier"]?.string,
            ].compactMap { $0 }.joined(separator: " · ")
        case "phone_number_connection":
            return details["status"]?.string ?? ""
        case "messaging_health":
            let state = worstState(check: check, details: details) ?? ""
            return state == "AVAILABLE" ? state + (EntityReading.availableNote(details).map { " (\($0))" } ?? "") : state
        // A summary says only what the details or Kapso's verdict say: a check Kapso could not decide (`passed: null`,
        // kapso-api.md §2.3) with no `subscribed` or `verified_at` is not known, never "not subscribed" (probe40 P40-9:
        // the table said "unknown  not subscribed", the verdict that sends people to reconnect the number).
        case "webhook_subscription":
            let failed = check["passed"]?.bool == false
            let flag: Bool? = details["subscribed"]?.bool
            let subscribed: String? = flag.map { $0 ? "subscribed" : "not subscribed" } ?? (failed ? "not subscribed" : nil)
            let fields = details["subscribed_fields"]?.array?.compactMap(\.string) ?? []
            guard let subscribed else { return fields.isEmpty ? "" : "fields: \(fields.joined(separator: ", "))" }
            return fields.isEmpty ? subscribed : "\(subscribed): \(fields.joined(separator: ", "))"
        case "webhook_verified":
            // "not verified" where the details or Kapso's flag say so: a pass with no `verified_at` at all said "passed  not
            // verified" (tester54b W4).
            if let at = details["verified_at"]?.string { return "verified \(at)" }
            if case .null? = details["verified_at"] { return "not verified" }
            return check["passed"]?.bool == false ? "not verified" : ""
        default:
            // The check's own words (token_validity's Graph error, an undocumented check's message): tester51 G10.
            return check["error"]?.string ?? detailsText(details) ?? ""
        }
    }

    /// The entity that explains `overall` (the first whose state is it, else the first not AVAILABLE, else the first with
    /// errors), as `WABA: 141006 There is an error ...` with the catalogue's entry and Meta's `possible_solution`.
    private static func limitedEntity(check: JSONObject, details: JSONObject) -> EntityReading? {
        EntityReading.cause(of: worstState(check: check, details: details) ?? "", in: EntityReading.all(details))
    }

    /// The worst of the check's own state and its entities' states: `BLOCKED` over `LIMITED` over `AVAILABLE`.
    private static func worstState(check: JSONObject, details: JSONObject) -> String? {
        let states =
            [check["overall_status"]?.string, details["can_send_message"]?.string]
            + (details["entities"]?.array ?? []).map { $0["can_send_message"]?.string }
        let known = states.compactMap { $0 }
        return known.first { $0 == "BLOCKED" } ?? known.first { $0 != "AVAILABLE" } ?? known.first
    }

    /// The subscribed fields when they are listed and lack `messages`: Meta's `messages` webhook field carries both
    /// incoming messages and the statuses of sent ones (Meta, "messages webhook reference",
    /// developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages), so without it
    /// Kapso hears nothing of the number's messages (kapso-api.md §2.3 `subscribed_fields`). Nil when the list is
    /// absent or null (not known) or holds `messages`.
    static func missingMessages(_ details: JSONObject) -> [String]? {
        guard let fields = details["subscribed_fields"]?.array?.compactMap(\.string), !fields.contains("messages") else { return nil }
        return fields
    }

    /// What a check's details show that contradicts a pass, or nil when they agree with one.
    private static func failureEvidence(_ name: String, check: JSONObject, details: JSONObject) -> String? {
        switch name {
        case "messaging_health":
            if let state = worstState(check: check, details: details), state != "AVAILABLE" {
                return "messaging is \(state)" + (limitedEntity(check: check, details: details).map { " (\($0.text))" } ?? "")
            }
            // Errors on an entity that says its messaging is AVAILABLE are no messaging failure: Meta's PHONE_NUMBER entity
            // reports calling too (`can_receive_call_sip`, Meta, "Messaging and Calling Health Status",
            // developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status), and its errors
            // may be calling's (tester55 X3: a SIP error failed the check with "Meta reports messaging as AVAILABLE").
            // Kapso's pass stands; the summary names them (`availableNote`).
            return limitedEntity(check: check, details: details).flatMap { entity in
                entity.state == "AVAILABLE" ? nil : "an entity reports an error (\(entity.text))"
            }
        case "webhook_subscription":
            if details["subscribed"]?.bool == false { return "the app is not subscribed (subscribed: false)" }
            return missingMessages(details).map { fields in
                "the app is subscribed to \(fields.isEmpty ? "no field" : fields.joined(separator: ", ") + " only"); messages is missing"
            }
        case "webhook_verified":
            // `verified_at` is null until Meta verifies the webhook (kapso-api.md §2.3): a pass beside a null is not
            // taken at its word (tester54 V22: "healthy", exit 0, with the details saying "Not verified yet"). A missing
            // `verified_at` says nothing.
            guard case .null? = details["verified_at"] else { return nil }
            return "verified_at is null" + (details["message"]?.string.map { " (\"\($0)\")" } ?? "")
        case "phone_number_connection", "phone_number_access":
            let quality = name == "phone_number_access" ? details["quality_rating"]?.string : nil
            return NumberStatus(status: details["status"]?.string, quality: quality).flatMap {
                $0.severity < .passed && !$0.sendsAsUsual ? $0.evidence : nil
            }
        default:
            return nil
        }
    }
}
