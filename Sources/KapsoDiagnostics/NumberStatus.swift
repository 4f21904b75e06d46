public import KapsoClient

/// A number's own state as Meta reports it, read as one finding: `BANNED` is critical, `FLAGGED` needs attention,
/// `CONNECTED` with quality `GREEN` is nothing to report. The one rule `health`'s cause and `overview`'s headline
/// go by (probe17 P17-4: a BANNED number was "unhealthy" with no cause and "ok" in overview).
///
/// Read from `phone_number_access.details.status` / `quality_rating` or `phone_number_connection.details.status` of
/// the health report (kapso-api.md §2.3), or `PhoneNumber.status` / `quality_rating` (§2.1). Sources for the words:
/// kapso-api.md §2.3 (`PENDING` = account under review; `DISCONNECTED` forces `unhealthy`; `UNKNOWN` = not known);
/// Meta, "Business phone numbers" (a banned number must be unbanned through WhatsApp's appeal process,
/// developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/phone-numbers.md);
/// Sinch, "What do the various connection statuses for phone numbers mean" (community.sinch.com/t5/WhatsApp/
/// What-do-the-various-connection-statuses-for-phone-numbers/ta-p/6878, from the per-number limits before 7 Oct 2025:
/// FLAGGED = quality rating low, the number's limit lowered if it did not improve within 7 days, a rule kops no longer
/// states, `portfolioLimits`; RESTRICTED = the messaging limit is reached, no
/// business-initiated messages until the 24-hour period resets, replies still go out; PENDING = not yet registered;
/// OFFLINE = not reachable by WhatsApp's servers); Meta, "Messaging limits"
/// (developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits.md).
///
/// Meta's own list of the values (Graph API, WhatsApp Business Account → phone_numbers, `status`: "The operating status
/// of the phone number", enum `PENDING, DELETED, MIGRATED, BANNED, RESTRICTED, RATE_LIMITED, FLAGGED, CONNECTED,
/// DISCONNECTED, UNKNOWN, UNVERIFIED`, https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/,
/// as Meta-derived SDKs quote it) describes none of them one by one; each value's meaning below names where it comes
/// from (probe35 P35-2: DELETED, MIGRATED, RATE_LIMITED and UNVERIFIED were "which kops does not know", and a number
/// that cannot send was filed as needs-attention under a "healthy" headline):
/// - DELETED: Meta's error-codes page, code 33 "The business phone number has been deleted" (kops's `explain 33`); the
///   number is no longer in the account, so nothing is sent from it.
/// - MIGRATED: Meta, "Migrating a business phone number … programmatically" (a registered number moves "from one WABA
///   to another"); Twilio error 63059 "Phone number migrated to a different WhatsApp Business Account … The phone
///   number is linked to a different WABA". This WABA's record of it is the one it left.
/// - RATE_LIMITED: no Cloud API or Kapso page describes it. Meta's Cloud API error codes page (`ErrorCatalog.metaReference`)
///   gives a number restricted for its earlier messages 131048, "Spam rate limit hit": "Message failed to send because
///   there are restrictions on how many messages can be sent from this phone number. This may be because too many previous
///   messages were blocked or flagged as spam", with the fix "Check your quality status in the WhatsApp Manager". The
///   figures kops gave before (7 days at 1000 messages a day, error 471 beyond) are Meta's retired On-Premises API's
///   "Quality Rate Limiting" page (developers.facebook.com/docs/whatsapp/api/rate-limits/quality-limits/): not stated.
/// - UNVERIFIED and PENDING: Meta describes neither value; a number must be verified by code
///   (`code_verification_status` VERIFIED: "Only phone numbers with a VERIFIED status can be registered", Graph API
///   phone-number reference) and registered before it sends ("A valid business phone number must be registered before
///   it can be used to send and receive messages via Cloud API", Meta, Business phone numbers), so neither sends.
/// A value outside these is said to be unknown to kops.
public struct NumberStatus: Sendable, Equatable {
    /// The status word as Meta wrote it, upper-cased (`BANNED`), or `quality RED` for a rating alone.
    public var word: String
    public var severity: HealthTriage.Finding.Severity
    public var cause: String
    public var fix: String

    /// The finding for `status` and `quality`, or nil when they show nothing wrong (`CONNECTED`, no status, quality
    /// other than `RED`). A status kops does not know is said to be unknown to kops, never read as fine.
    public init?(status: String?, quality: String? = nil) {
        // A status of visible ASCII bytes only (Meta's words are) has no blank to drop: it is not read character by
        // character (about 7,000 instructions a number listed).
        let word = status.map { $0.utf8.allSatisfy { (0x21...0x7E).contains($0) } ? $0 : $0.filter { !$0.isWhitespace } }?.uppercased() ?? ""
        let red = quality?.uppercased() == "RED"
        switch word {
        case "", "CONNECTED":
            guard red else { return nil }
            self.init(
                "quality RED", .attention,
                cause: "the number's quality rating is RED (low: contacts blocked or reported its messages in the last 7 days); "
                    + "sends still go out; \(Self.portfolioLimits)",
                fix: "send templates only to contacts who opted in, fewer and more relevant; WhatsApp Manager shows the block "
                    + "reasons behind the rating")
        case "BANNED":
            self.init(
                word, .critical,
                cause: "the number is BANNED from WhatsApp: nothing can be sent from it",
                fix: "only an appeal to WhatsApp can lift a ban (WhatsApp Manager, or WhatsApp's appeal process); Kapso cannot; "
                    + "send from another number meanwhile")
        case "DISCONNECTED":
            self.init(
                word, .critical,
                cause: "the number is disconnected from the WhatsApp Cloud API",
                fix: "reconnect or re-register the number in Kapso; messages cannot be sent until then")
        case "OFFLINE":
            self.init(
                word, .critical,
                cause: "the number is OFFLINE: WhatsApp's servers cannot reach it, so nothing is sent or received",
                fix: "reconnect or re-register the number in Kapso; if it stays OFFLINE, contact Kapso support")
        case "DELETED":
            self.init(
                word, .critical,
                cause: "the number is DELETED: it was removed from its WhatsApp Business Account, so nothing can be sent from "
                    + "it; sends and Meta calls on its id fail with Graph code 33 (the business phone number has been deleted)",
                fix: "add the number back and register it (reconnect it in Kapso, or Kapso's setup link), then use the id it gets "
                    + "('numbers' lists them); send from another number meanwhile")
        case "MIGRATED":
            self.init(
                word, .critical,
                cause: "the number was MIGRATED to another WhatsApp Business Account: this record is the account it left, so "
                    + "sends through it are not expected to go out",
                fix: "send through the number's record in the WABA it moved to ('numbers' lists what Kapso has; connect it in "
                    + "Kapso if it is missing)")
        case "RATE_LIMITED":
            self.init(
                word, .attention,
                cause: "the number is RATE_LIMITED: Meta restricts how many messages it may send; on the Cloud API a send "
                    + "over such a restriction fails with 131048 (spam rate limit hit: too many earlier messages were blocked "
                    + "or flagged as spam); how many still go out, and for how long, Meta does not document for the Cloud API",
                fix: "check the number's quality and status in WhatsApp Manager (Meta's fix for 131048); 'errors' shows whether "
                    + "sends fail with 131048; send templates only to contacts who opted in, fewer and more relevant")
        case "UNVERIFIED":
            self.init(
                word, .critical,
                cause: "the number is UNVERIFIED: its ownership is not verified by code, and Meta registers only a verified "
                    + "number, so it sends nothing until it is verified, registered and CONNECTED (Meta does not describe "
                    + "this value itself)",
                fix: "finish the number's verification and registration through Kapso's setup link (or reconnect it in Kapso)")
        case "PENDING":
            self.init(
                word, .critical,
                cause: "the number is PENDING: it is not registered with the Cloud API yet, or Meta has not finished "
                    + "reviewing it, and it sends nothing until its status turns CONNECTED",
                fix: "run 'health' on it: a 133010 there means it is not registered (the register call, no review to wait "
                    + "for); otherwise finish the number's registration through Kapso's setup link, and wait only for a review "
                    + "Meta has under way")
        case "FLAGGED":
            self.init(
                word, .attention,
                cause: "Meta FLAGGED the number" + (quality.map { " (quality \($0.uppercased()))" } ?? "")
                    + ": its quality rating is low; sends still go out; \(Self.portfolioLimits); what FLAGGED means for the "
                    + "limit since then is not documented (it belonged to the per-number limits): WhatsApp Manager shows the "
                    + "portfolio's limit",
                fix: "send templates only to contacts who opted in, fewer and more relevant; WhatsApp Manager shows the block "
                    + "reasons behind the rating")
        case "RESTRICTED":
            self.init(
                word, .attention,
                cause: "the number is RESTRICTED: it reached its messaging limit, so business-initiated messages (templates "
                    + "outside a 24-hour window) are refused until the limit's 24-hour period resets; replies inside an open "
                    + "window still go out",
                fix: "wait for the 24-hour period to reset; if the limit is reached often, raise it (Meta's messaging limits: "
                    + "a scaling path such as business verification, then good quality)")
        case "UNKNOWN":
            self.init(
                word, .unknown,
                cause: "Meta reports the number's state as UNKNOWN",
                fix: "run 'health' again in a few minutes (Kapso caches the check up to 3 min)")
        default:
            self.init(
                word, .attention,
                cause: "the number's status is \(word), which kops does not know; it is not CONNECTED, so sends may fail",
                fix: "check the number's status in WhatsApp Manager; ask Kapso support what \(word) means if it stays")
        }
    }

    /// Where messaging limits are set now, for a low quality rating (tester49 F7: kops said Meta lowers a number's limit
    /// when its quality stays low for 7 days, a rule of the per-number limits): since 7 Oct 2025 Meta sets them per
    /// business portfolio, shared by its numbers, and raises them by automatic scaling, which reads message quality (Meta,
    /// "Messaging limits", developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits.md: "Messaging
    /// limits are calculated and set at the business portfolio level"; "Upcoming changes to messaging limits": "now live").
    static let portfolioLimits = "since 7 Oct 2025 Meta sets messaging limits per business portfolio, shared by its "
        + "numbers, and raises them automatically only after reading message quality (Meta, Messaging limits)"

    private init(_ word: String, _ severity: HealthTriage.Finding.Severity, cause: String, fix: String) {
        self.word = word
        self.severity = severity
        self.cause = cause
        self.fix = fix
    }

    /// One line for `use` and `reply` when the sending number's own state is reported (`status` not CONNECTED, or
    /// quality RED): `Kapso's record says Support Line is DISCONNECTED: …; …; 'health' checks the live state`; nil when
    /// nothing is. kops checks the window, the template and the contact before a send; the sender's own state comes
    /// first (probe28 P28-19: `use` and a dry run on a DISCONNECTED number said nothing). Said as the record's, which
    /// a live health check may contradict (tester63b AO10: "N802 is BANNED …: nothing can be sent from it" above a
    /// `health` that found it CONNECTED).
    public static func sendingLine(_ number: PhoneNumber) -> String? {
        guard let state = NumberStatus(status: number.status, quality: number.qualityRating) else { return nil }
        let name = number.name ?? number.id
        let what = state.word.hasPrefix("quality") ? "\(name)'s quality rating is RED" : "\(name) is \(state.word)"
        return "Kapso's record says \(what): if so, \(state.ifSo); \(state.fix); 'health' checks the live state"
    }

    /// `cause` after "Kapso's record says X is PENDING: if so, ": without its own leading `the number is PENDING: `, which
    /// would say the state twice (tester69b L3: "PENDING: if so, the number is PENDING: it is not registered …").
    public var ifSo: String {
        let lead = "the number is \(word): "
        return cause.hasPrefix(lead) ? String(cause.dropFirst(lead.count)) : cause
    }

    /// True for a state in which the number sends as usual (quality RED, FLAGGED): it never turns a check Kapso passed
    /// into a failed one (tester49 F7: `health` exited 1 and `overview` said "not healthy" of a number sending normally);
    /// `health` names it under the checks instead.
    public var sendsAsUsual: Bool { word == "quality RED" || word == "FLAGGED" }

    /// What the details show, for a check Kapso marked passed: `the number is BANNED`, `quality is RED`.
    public var evidence: String { word.hasPrefix("quality") ? "its quality rating is RED" : "the number is \(word)" }
}
