public import KapsoClient

// MARK: - One health read, kept for every command that shows the number

extension SenderState {
    /// What one health report says of the number's own state and of its messaging: the facts `health` shows, kept by the
    /// session (`IDCache.healthReads`) so `numbers`, `whois`, `use` and `reply` state the same ones (probe41 P41-8: right
    /// after `health` read FLAGGED, quality RED and messaging BLOCKED, `numbers` and `whois` printed Kapso's stored
    /// CONNECTED / GREEN with no mark).
    ///
    /// Health is a live check against Meta, cached up to 3 min (kapso-api.md §2.3); the number list's `status` and
    /// `quality_rating` are Kapso's stored copy (§2.1), which can lag it.
    public struct HealthRead: Sendable {
        public var phoneNumberID: String
        /// When the (possibly cached) check ran, as the report gave it (`timestamp`); nil when it gave none.
        public var checkedAt: String?
        /// Kapso's overall `status` of the report (`healthy`, `degraded`, `unhealthy`, `error`).
        public var status: String
        /// The report read as `health` reads it.
        public var triage: HealthTriage
        /// The number's status in the access check's details, else the connection check's (`FLAGGED`), upper-cased; nil
        /// when neither names one.
        public var numberStatus: String?
        /// The access check's `quality_rating` (`RED`), upper-cased; nil when not given.
        public var quality: String?
        /// `messaging_health` read as failed or needing attention: its state (`BLOCKED`, `LIMITED`) is the finding's
        /// detail; nil when messaging is AVAILABLE or not known.
        public var messaging: HealthTriage.Finding?
        /// The entity behind the messaging state, as `health` names it (`WABA: 141006 There is an error with the payment
        /// method.`); nil when Meta listed none.
        public var messagingEntity: String?
        /// True when every entity Meta lists as BLOCKED carries an error that blocks business-initiated conversations
        /// only (`businessInitiatedOnlyCodes`): replies inside an open 24-hour window still go out.
        public var blocksBusinessInitiatedOnly: Bool
        /// True when a BLOCKED entity's own text says messages cannot be sent (`Messages can't be sent.`): kops then claims
        /// no reply goes out, and says Meta's text beside the contract's (tester52 H9).
        public var entitySaysNoSends = false
        /// The failed access check that names no state of the number (Meta's API not reachable for it), with the
        /// API's words (`error`), e.g. `Error validating access token: …`; nil otherwise.
        public var accessFailure: (finding: HealthTriage.Finding, error: String?)?
        /// The words of a refused Meta access token, as `health` reads them ("its Meta access token was refused"): a failed
        /// access check whose error names the access token or Graph code 190 (in the check's `error` or its
        /// `details.error`/`details.code`), else a failed `token_validity` that says why (`HealthTriage.readToken`); nil
        /// otherwise (tester69b D6: such a token was "free-form replies go through" in `trace`, no warning in `reply`).
        public var tokenRefused: String?
        /// Failed checks that stop sends and that none of the fields above says, as `phone_number_connection
        /// DISCONNECTED` or `token_validity failed`: a connection check whose state is not the access check's, an
        /// expired coexistence token (probe44 P44-1: under a `healthy` summary they were said nowhere but `health`).
        public var failedChecks: [String] = []
        /// The number's name as the list read with the report gave it (`overview`), so a line drawn from the read alone
        /// names it as `use` does (tester69b L2); nil when not read with it.
        public var numberName: String?

        /// Messaging-health error codes that block business-initiated conversations only, replies in an open 24-hour
        /// window going out: 141006, the WABA's payment method (kapso-api.md §9.5; kops's catalogue, `explain 141006`).
        public static let businessInitiatedOnlyCodes: Set<String> = ["141006"]

        public init(phoneNumberID: String, health: PhoneNumberHealth, triage: HealthTriage? = nil) {
            self.phoneNumberID = phoneNumberID
            checkedAt = health.timestamp
            status = health.status
            let triage = triage ?? HealthTriage(health)
            self.triage = triage
            let access = health.check("phone_number_access")?["details"]?.object
            let connection = health.check("phone_number_connection")?["details"]?.object
            numberStatus = (access?["status"]?.string ?? connection?["status"]?.string)?.uppercased()
            quality = access?["quality_rating"]?.string?.uppercased()
            let messaging = triage.findings.first {
                $0.check == "messaging_health" && $0.severity < .passed && !$0.detail.isEmpty && $0.detail != "AVAILABLE"
            }
            self.messaging = messaging
            let details = health.check("messaging_health")?["details"]?.object ?? JSONObject()
            let entities = HealthTriage.EntityReading.all(details)
            messagingEntity = messaging.flatMap { HealthTriage.EntityReading.cause(of: $0.detail, in: entities)?.text }
            let blocked = entities.filter { $0.state == "BLOCKED" }
            blocksBusinessInitiatedOnly = !blocked.isEmpty
                && blocked.allSatisfy { entity in entity.code.map(Self.businessInitiatedOnlyCodes.contains) ?? false }
            entitySaysNoSends = blocked.contains { entity in
                entity.descriptions.contains { text in
                    let lowered = String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
                    return lowered.contains("can't be sent") || lowered.contains("cannot be sent")
                }
            }
            // The access check's error beside its details, else in them (`details.error` with Graph's code: tester69b D6).
            let accessCheck = health.check("phone_number_access")
            let accessDetails = accessCheck?["details"]?.object ?? JSONObject()
            accessFailure = triage.findings.first { $0.check == "phone_number_access" && $0.severity == .critical && $0.state == nil }
                .map { ($0, accessCheck?["error"]?.string ?? HealthTriage.detailsText(accessDetails)) }
            tokenRefused = Self.refusedToken(health, triage: triage, access: accessFailure?.error, accessDetails: accessDetails)
            let shownStatus = numberStatus
            failedChecks = triage.findings.filter { finding in
                guard finding.severity == .critical else { return false }
                switch finding.check {
                // Said by `numberStatus`, `quality`, `accessFailure` and `messaging`.
                case "phone_number_access", "messaging_health": return false
                case "phone_number_connection": return finding.state == nil || finding.state?.uppercased() != shownStatus
                default: return true
                }
            }.map { finding in finding.state.map { "\(finding.check) \($0)" } ?? "\(finding.check) failed" }
        }

        /// The refused token's words (`tokenRefused`): the access failure's when it names the token or code 190, else a
        /// failed `token_validity`'s that gives a code or text (one with neither says nothing of a refusal, tester51b F8).
        static func refusedToken(_ health: PhoneNumberHealth, triage: HealthTriage, access: String?, accessDetails: JSONObject) -> String? {
            func code190(_ details: JSONObject) -> Bool { details["code"].flatMap { $0.int ?? $0.string.flatMap { Int($0) } } == 190 }
            if let access, access.lowercased().contains("access token") || code190(accessDetails) { return access }
            guard triage.findings.contains(where: { $0.check == "token_validity" && $0.severity == .critical }),
                let check = health.check("token_validity")
            else { return nil }
            let details = check["details"]?.object ?? JSONObject()
            let words = check["error"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? HealthTriage.detailsText(details)
            guard words != nil || details["code"] != nil || details["error_subcode"] != nil else { return nil }
            return "token_validity failed" + (words.map { ": " + $0 } ?? "")
        }

        /// `FLAGGED, quality RED, messaging BLOCKED`: the read's number status, quality and messaging state, for lines
        /// that set it beside Kapso's record.
        public var summary: String {
            var parts: [String] = []
            if let numberStatus { parts.append(numberStatus) }
            if let quality { parts.append("quality \(quality)") }
            if let messaging { parts.append("messaging \(messaging.detail)") }
            if accessFailure != nil { parts.append("Meta's API not reachable for the number") }
            parts += failedChecks
            return parts.joined(separator: ", ")
        }
    }

    /// What a health read says that Kapso's record of the number does not: its status, quality and messaging state,
    /// each only where it differs (messaging: when not AVAILABLE, which the record does not hold).
    public struct RecordDifference: Sendable, Equatable {
        /// Health's number status where the record's differs (`FLAGGED` against `CONNECTED`).
        public var status: String?
        /// Health's quality rating where the record's differs (`RED` against `GREEN`).
        public var quality: String?
        /// `messaging BLOCKED`, or that Meta's API is not reachable for the number.
        public var other: [String]
        /// `health (checked 2026-11-21T12:00:00Z) read Support Line (100200300400501) as FLAGGED, quality RED, messaging
        /// BLOCKED; STATUS and QUALITY above are Kapso's stored copy of the number, which can lag Meta's state ('health
        /// 100200300400501' reads it again)`.
        public var line: String

        /// The status cell: `CONNECTED (health: FLAGGED)`, or the record's status alone.
        public func statusCell(_ record: String?) -> String { status.map { "\(record ?? "-") (health: \($0))" } ?? record ?? "-" }
        /// The quality cell: `GREEN (health: RED)`, or the record's quality alone.
        public func qualityCell(_ record: String?) -> String { quality.map { "\(record ?? "-") (health: \($0))" } ?? record ?? "-" }
    }

    /// What `read` says of `record`'s number that the record does not (`fields` names how the record is shown: `STATUS
    /// and QUALITY above` in a table, `status above` in `whois`); nil when they agree. A record updated after the read is said to be
    /// newer; which is right now is then for a new `health` to say.
    public static func difference(_ record: PhoneNumber, read: HealthRead, fields: String) -> RecordDifference? {
        let recordStatus = record.status?.uppercased()
        let recordQuality = record.qualityRating?.uppercased()
        let status = read.numberStatus.flatMap { $0 == recordStatus ? nil : $0 }
        let quality = read.quality.flatMap { $0 == recordQuality ? nil : $0 }
        var other: [String] = []
        // A limit (LIMITED) is messaging's own state, no field of the record: only a block is set beside it.
        if let messaging = read.messaging, messaging.detail == "BLOCKED" { other.append("messaging BLOCKED") }
        if read.accessFailure != nil { other.append("Meta's API not reachable for the number") }
        other += read.failedChecks
        guard status != nil || quality != nil || !other.isEmpty else { return nil }
        let when = read.checkedAt.map { " (checked \($0))" } ?? ""
        let name = record.name.map { "\($0) (\(record.id))" } ?? record.id
        let updated = record.json["updated_at"]?.string
        let newer: String
        if let updated, let at = KapsoTime.seconds(iso: updated), let checked = read.checkedAt.flatMap({ KapsoTime.seconds(iso: $0) }),
            at > checked
        {
            newer = "; Kapso's record was updated after that read (\(updated)): 'health \(record.id)' says which holds now"
        } else {
            newer = "; \(fields) \(fields.contains(" and ") ? "are" : "is") Kapso's stored copy of the number, which can lag "
                + "Meta's state ('health \(record.id)' reads it again)"
        }
        return RecordDifference(
            status: status, quality: quality, other: other,
            line: "health\(when) read \(name) as \(read.summary)" + newer)
    }
}

// MARK: - A send, read against messaging health

extension SenderState {
    /// The kind of send `reply` prepares, which decides what a messaging block means for it.
    public enum Send: Sendable, Equatable {
        /// A free-form message (text, media, reaction): it goes out only inside an open 24-hour window.
        case freeForm
        /// A template; `windowClosed` is true when the contact's 24-hour window is known to be closed (no inbound message
        /// within 24 h), so the template is business-initiated; false when it is open or not known.
        case template(windowClosed: Bool)
    }

    /// The sending number's state for a send of kind `send` (`of`), then what messaging health says of that send: a
    /// BLOCKED messaging state prevents every send ("you will be prevented from messaging … entirely", Meta, Messaging
    /// and Calling Health Status, developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status),
    /// except a block whose only cause blocks business-initiated conversations (141006: replies inside the 24-hour
    /// window still go out, kapso-api.md §9.5), which refuses a template to a contact with no open window and is said for
    /// the rest (probe41 P41-5: `health` said BLOCKED and the next template dry run passed silently). A failed access
    /// check that names no state and whose error names the access token refuses too (Graph code 190: the number's token
    /// no longer works, kapso-api.md §9.5); other access failures are said, not refused on. Nil when nothing is to say.
    public static func of(id: String, name: String?, record: PhoneNumber?, health read: HealthRead?, send: Send) -> SenderState? {
        let own = of(id: id, name: name, record: record, health: read?.triage)
        if own?.cannotSend == true { return own }
        let label = name ?? record?.name ?? id
        let checked = read?.checkedAt.map { " (checked \($0))" } ?? ""
        var found: [SenderState] = own.map { [$0] } ?? []
        if let read, let access = read.accessFailure {
            // Kapso's words end in a period; the line goes on after them.
            let words = access.error.map { ": " + ($0.hasSuffix(".") ? String($0.dropLast()) : $0) } ?? ""
            let token = read.tokenRefused != nil
            found.append(SenderState(
                line: "\(label)'s health\(checked) says Meta's API cannot be reached for the number\(words)"
                    + (token ? ": its access token no longer works, so a send from it fails until the number is reconnected"
                        : ": a send from it may fail")
                    + "; \(access.finding.fix ?? "reconnect the number in Kapso")",
                cannotSend: token))
        }
        // A token refused by the token check alone (the access check passed or said nothing of it), in `health`'s words.
        if let read, let token = read.tokenRefused, read.accessFailure == nil {
            found.append(SenderState(
                line: "\(label)'s health\(checked) says its Meta access token was refused (\(token.hasSuffix(".") ? String(token.dropLast()) : token)): "
                    + "a send from it fails until the number is reconnected; reconnect the number in Kapso (setup link) so its "
                    + "access is authorised again",
                cannotSend: true))
        }
        if let read, let messaging = read.messaging {
            let state = messaging.detail
            let cause = read.messagingEntity.map { " (\($0))" } ?? ""
            let fix = messaging.fix.map { "; fix: \($0)" } ?? ""
            let businessInitiated = send == .template(windowClosed: true)
            if state == "BLOCKED", !read.blocksBusinessInitiatedOnly {
                found.append(SenderState(
                    line: "\(label)'s health\(checked) says messaging is BLOCKED\(cause): Meta prevents every send from it until "
                        + "that is resolved\(fix)",
                    cannotSend: true))
            } else if state == "BLOCKED", read.entitySaysNoSends, !businessInitiated {
                // Meta's own text says messages can't be sent; only the contract says replies still work (tester52 H9).
                let what = send == .freeForm ? "a reply inside the 24-hour window" : "a template, if the contact's 24-hour window is open,"
                found.append(SenderState(
                    line: "\(label)'s health\(checked) says messaging is BLOCKED\(cause): Meta's text says messages can't be sent; "
                        + "whether \(what) still goes out is not documented by Meta (a secondary source says replies in the "
                        + "window do): check its status after sending\(fix)",
                    cannotSend: false, hedged: true))
            } else if state == "BLOCKED" {
                // Which sends such a block stops is a secondary source's reading, as `health` says it (tester69b D3): hedged.
                let outcome = businessInitiated
                    ? "a template to a contact with no open 24-hour window is business-initiated, which a secondary source says "
                        + "such a block stops (no Meta page read says so), so it is likely refused"
                    : send == .freeForm ? "a reply inside the 24-hour window is not business-initiated, so it may still go out"
                    : "if the contact's 24-hour window is open, a template is not business-initiated and may still go out"
                found.append(SenderState(
                    line: "\(label)'s health\(checked) says messaging is BLOCKED for business-initiated sends\(cause): \(outcome)\(fix)",
                    cannotSend: businessInitiated, hedged: true))
            }
        }
        guard let first = found.first else { return nil }
        // The refusal first: it is the line a refused reply shows; the rest is said beside it.
        let ordered = found.filter(\.cannotSend) + found.filter { !$0.cannotSend }
        // Hedged when the first (the refusal, else the first said) is; a certain refusal beside a hedged note is certain.
        return SenderState(
            line: ordered.map(\.line).joined(separator: "; also: "), cannotSend: ordered.first?.cannotSend ?? first.cannotSend,
            hedged: ordered.first?.hedged ?? first.hedged)
    }
}
