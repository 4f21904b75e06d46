/// What WhatsApp Cloud API and Kapso error codes mean and what to do about them.
///
/// Looks up Graph codes (`131047`, `#131047`), Meta's permission range 200–299, and Kapso's string
/// codes (`insufficient_credits`); `409` is Kapso's per-conversation send lock. Meta's entries follow
/// Meta's published error-codes page (`metaReference`; read through Kapso's mirror of it, see
/// docs/error-catalogue.md), Kapso's follow kapso-api.md §9.5; each entry says which (`source`).
public enum ErrorCatalog {
    /// One code explained in our words.
    public struct Entry: Sendable, Equatable {
        /// The code as looked up, e.g. `131047`, `250` or `insufficient_credits`.
        public var code: String
        /// A short name, e.g. `re-engagement (24 h window closed)`.
        public var name: String
        /// Meta's title for the code as its `message` writes it after `(#code)`, e.g. `Re-engagement message`.
        public var title: String?
        /// The HTTP status Meta documents for the code, when it documents one.
        public var httpStatus: Int?
        public var meaning: String
        public var fix: String
        public var retry: Retry
        /// The `@kapso/whatsapp-cloud-api` (SDK-JS) category, when its code map (`categorize.ts`) lists the code.
        public var category: Category?
        public var source: Source
        /// Where the entry's facts can be read: `source.reference`, or the page that documents a code Meta's
        /// error-codes page does not list (e.g. Meta's Calling troubleshooting page for 138000).
        public var reference: String
        /// The fix when the code answered the request itself (an API log's error, a live call's answer), where it differs
        /// from `fix`: such a request got no WAMID, so a fix that quotes one names what identifies the request instead
        /// (131000's support ticket; tester49 L5). Nil when `fix` fits both.
        public var refusedFix: String? = nil
    }

    /// Whether sending the same request again can succeed.
    public enum Retry: String, Sendable, Equatable, CaseIterable {
        case no, yes, later, maybe
        case fixFirst = "fix_first"
        case afterTopUp = "after_top_up"
        case unknown

        /// The advice in words, e.g. `no: the same request fails again`.
        public var advice: String {
            switch self {
            case .no: "no: the same request fails again"
            case .yes: "yes, after a short pause"
            case .later: "later: back off and retry with growing delays"
            case .maybe: "maybe: if Meta's status page shows an outage, later; otherwise fix the request first"
            case .fixFirst: "only after fixing the cause; the same request fails again"
            case .afterTopUp: "after topping up the Kapso balance"
            case .unknown: "no advice: the sources give none"
            }
        }
    }

    /// The error categories of Kapso's JavaScript SDK.
    public enum Category: String, Sendable, Equatable {
        case authorization, permission, throttling, parameter, media, server, integrity
        case reengagementWindow, template, phoneRegistration, flow, wabaConfig, businessEligibility, synchronization
    }

    /// Who defines the code.
    public enum Source: String, Sendable, Equatable {
        case meta, kapso

        /// Where the entry's facts come from, as a reader can look them up.
        public var reference: String {
            switch self {
            case .meta: "Meta, WhatsApp Cloud API error codes: \(ErrorCatalog.metaReference)"
            case .kapso: "Kapso, API overview and Meta proxy: https://docs.kapso.ai/api/platform/v1/platform-api-overview, https://docs.kapso.ai/api-reference/meta-proxy"
            }
        }
    }

    /// The entry for a code, or nil when the catalog does not know it.
    public static func entry(for code: String) -> Entry? {
        // Graph messages write codes as `(#131047)`; keep only what is inside.
        var key = code.lowercased().filter { !" \t()#".contains($0) }
        var number: Int?
        if let value = Int(key) {
            number = value
            key = (200...299).contains(value) ? "200-299" : String(value)
        }
        if let alias = legacy[key] { return alias }
        guard var entry = entries[key] else { return nil }
        entry.code = number.map(String.init) ?? key
        return entry
    }

    /// True for the codes that say the 24-hour customer-service window was closed: 131047 and its legacy form 470.
    public static func isReengagement(_ code: String?) -> Bool {
        code.map { ["131047", "470"].contains($0.filter { !" \t()#".contains($0) }) } ?? false
    }

    /// What a re-engagement refusal (131047, 470) means when the refused message was itself a template. Meta's
    /// error-codes page gives 131047 one reason, "more than 24 hours have passed since the recipient last replied to
    /// the sender number", and one fix, "send the recipient a template message instead" (`metaReference`, 131047):
    /// a template is what Meta lets through a closed window, so the fix cannot apply, and Meta names no cause for a
    /// template refused this way. What is left to check is that the request really was a template.
    public static let reengagementOnTemplate =
        "the message was already a template, which Meta's fix for this code (send a template instead) asks for, and "
        + "Meta documents no reason a template is refused with it: check in the send's API call ('trace' lists it) that "
        + "it went out as type template (a free-form text with the template's wording is not one); if it did, open a "
        + "Meta Direct Support ticket with the WAMID"

    /// Meta's published list of WhatsApp Cloud API error codes, where codes the catalogue lacks are looked up.
    public static let metaReference =
        "https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes"

    /// Every code the catalog explains (the range 200–299 appears once as `200-299`; legacy aliases such as 470 too).
    public static var codes: [String] { (Array(entries.keys) + Array(legacy.keys)).sorted() }

    private static let entries: [String: Entry] = Dictionary(
        uniqueKeysWithValues: (meta + kapso).map { ($0.code, $0) })

    /// Older codes of the WhatsApp Business (On-Premises) API that stand for a Cloud API entry, as their entry
    /// with the old code and its own title and source: 470 is the window closed, today's 131047. Meta's
    /// On-Premises error page is not in the sources read; the code and its texts come from BSP documentation that
    /// passes On-Premises statuses through: Gupshup's partner API reference (v2 "message-event" of type `failed`,
    /// `{"code": 470, "reason": "Message failed to send because more than 24 hours have passed since the customer
    /// last replied"}`) and a BSP's status schema on apidog (share.apidog.com/apidoc/docs-site/347068/schema-699995:
    /// `errors: [{code: 470, title: "Failed to send message because you are outside the support window for freeform
    /// messages to this user. Please use a valid HSM notification or reconsider."}]`).
    private static let legacy: [String: Entry] = {
        guard var window = entries["131047"] else { return [:] }
        window.code = "470"
        window.name = "re-engagement (24 h window closed; legacy code 470)"
        window.meaning = "the older WhatsApp Business API code for 131047: " + window.meaning
        window.title = "Message failed to send because more than 24 hours have passed since the customer last replied to this number"
        window.httpStatus = nil
        window.reference =
            "legacy WhatsApp Business (On-Premises) API code, the same cause as 131047 (\(metaReference)); seen in BSP "
            + "docs: Gupshup partner API, v2 failed message-event (code 470); a BSP status schema on apidog "
            + "(share.apidog.com/apidoc/docs-site/347068/schema-699995)"
        return ["470": window]
    }()

    static func entry(
        _ code: String, _ name: String, _ meaning: String, _ fix: String, _ retry: Retry, _ category: Category?,
        title: String? = nil, http: Int? = nil, source: Source = .meta, reference: String? = nil, refusedFix: String? = nil
    ) -> Entry {
        Entry(
            code: code, name: name, title: title, httpStatus: http, meaning: meaning, fix: fix, retry: retry,
            category: category, source: source, reference: reference ?? source.reference, refusedFix: refusedFix)
    }
}

// MARK: - Kapso entries

extension ErrorCatalog {
    static let kapso: [Entry] = [
        entry(
            "409", "send in flight", "another send to the same conversation is in progress (Kapso's send lock)",
            "retry in a moment", .yes, nil, source: .kapso,
            reference: "Kapso, gokapso/agent-skills: skills/integrate-whatsapp/references/whatsapp-api-reference.md (Errors)"),
        // A Platform API 409 (kapso-api.md §1.5: "409 | duplicate / conflict | {"error": "..."}"): not the send lock,
        // which answers sends only (§9.3); a retry as sent meets the same state (tester49 F6).
        entry(
            "conflict", "conflict",
            "Kapso refused the call as a duplicate of something that exists or a conflict with the resource's current "
                + "state (a Platform API 409; its error text says which), not the send lock, which answers sends only",
            "read the error text: look the resource up and change it instead of creating it again (a webhook URL that "
                + "exists: 'webhooks list', then 'webhooks update ID'), or read it again before changing it",
            .fixFirst, nil, source: .kapso, reference: "Kapso Platform API reference (409 duplicate / conflict): https://docs.kapso.ai/api/platform/v1/platform-api-overview"),
        entry(
            "insufficient_credits", "Kapso billing", "the Kapso balance cannot cover Meta's fee for this message",
            "top up the balance (the error's billing_url)", .afterTopUp, nil, source: .kapso),
        // A Platform API 402 (kapso-api.md §1.5 "feature needs a paid plan (e.g. subscribing to project.event)"; §3.3:
        // POST /whatsapp/webhooks 402 "project.event not on plan", PATCH may return 402 for project.event): the plan, not
        // the credits for Meta's fees, which only sends spend (tester62 AL15).
        entry(
            "plan_required", "Kapso plan",
            "the project's Kapso plan does not include what the call asked for (Kapso's documented case: a webhook "
                + "subscribed to project.event); no message was sent and nothing was charged, so there is nothing to top up",
            "drop what the plan lacks (a webhook's project.event: 'webhooks update ID --remove-events project.event'), or "
                + "move the project to a paid plan", .fixFirst, nil, source: .kapso,
            reference: "Kapso Platform API reference (402: feature needs a paid plan): https://docs.kapso.ai/api/platform/v1/platform-api-overview"),
        entry(
            "marketing_preference_stopped", "Kapso marketing pre-check",
            "the contact stopped marketing messages from this number; Kapso refused the send and did not charge",
            "do not retry; use a utility or authentication template", .no, nil, source: .kapso,
            reference: "Kapso docs, Marketing opt-outs: https://docs.kapso.ai/docs/whatsapp/templates/marketing-opt-outs"),
        entry(
            "sandbox_session_required", "Kapso sandbox",
            "Kapso refused the send (HTTP 403): the recipient has no active session with Kapso's shared sandbox number "
                + "(a third-party observation, unverified in Kapso's docs)",
            "send from the project's own connected number, or have the recipient open a sandbox session first",
            .fixFirst, nil, source: .kapso,
            reference: "a third-party observation; unverified in Kapso's docs"),
        entry(
            "messaging_account_mismatch", "WABA mismatch",
            "the messaging_account_id sent does not own this phone number",
            "send the WhatsApp Business Account id that owns the number, or omit the field", .fixFirst, nil,
            source: .kapso),
    ]
}
