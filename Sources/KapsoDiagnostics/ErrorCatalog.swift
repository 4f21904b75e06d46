/// What WhatsApp Cloud API and Kapso error codes mean and what to do about them (kapso-api.md §9.5).
///
/// Looks up Graph codes (`131047`, `#131047`), Meta's permission range 200–299, and Kapso's string
/// codes (`insufficient_credits`); `409` is Kapso's per-conversation send lock.
public enum ErrorCatalog {
    /// One code explained in our words.
    public struct Entry: Sendable, Equatable {
        /// The code as looked up, e.g. `131047`, `250` or `insufficient_credits`.
        public var code: String
        /// A short name, e.g. `re-engagement (24 h window closed)`.
        public var name: String
        public var meaning: String
        public var fix: String
        public var retry: Retry
        /// The `@kapso/whatsapp-cloud-api` (SDK-JS) category, when it classifies the code.
        public var category: Category?
        public var source: Source
    }

    /// Whether sending the same request again can succeed.
    public enum Retry: String, Sendable, Equatable, CaseIterable {
        case no, yes, later
        case fixFirst = "fix_first"
        case afterTopUp = "after_top_up"
        case unknown

        /// The advice in words, e.g. `no: the same request fails again`.
        public var advice: String {
            switch self {
            case .no: "no: the same request fails again"
            case .yes: "yes, after a short pause"
            case .later: "later: back off and retry with growing delays"
            case .fixFirst: "only after fixing the cause; the same request fails again"
            case .afterTopUp: "after topping up the Kapso balance"
            case .unknown: "no advice: not tied to one request"
            }
        }
    }

    /// The error categories of Kapso's JavaScript SDK.
    public enum Category: String, Sendable, Equatable {
        case authorization, permission, throttling, parameter, media, server, integrity
        case reengagementWindow, template, phoneRegistration, flow
    }

    /// Who defines the code.
    public enum Source: String, Sendable, Equatable {
        case meta, kapso
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
        guard var entry = entries[key] else { return nil }
        entry.code = number.map(String.init) ?? key
        return entry
    }

    /// Meta's published list of WhatsApp Cloud API error codes, where codes the catalogue lacks are looked up.
    public static let metaReference =
        "https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes"

    /// Every code the catalog explains (the range 200–299 appears once as `200-299`).
    public static var codes: [String] { entries.keys.sorted() }

    private static let entries: [String: Entry] = Dictionary(
        uniqueKeysWithValues: (meta + kapso).map { ($0.code, $0) })

    private static func entry(
        _ code: String, _ name: String, _ meaning: String, _ fix: String, _ retry: Retry, _ category: Category?,
        source: Source = .meta
    ) -> Entry {
        Entry(code: code, name: name, meaning: meaning, fix: fix, retry: retry, category: category, source: source)
    }
}

// MARK: - Entries

extension ErrorCatalog {
    private static let meta: [Entry] = [
        entry(
            "0", "auth exception", "the access token could not be authenticated",
            "reconnect the number or issue a new token", .no, .authorization),
        entry(
            "3", "capability or permission", "the app lacks the capability or permission for this call",
            "check the app's permissions and the number's allow-listing", .fixFirst, .permission),
        entry(
            "10", "permission denied", "the app lacks permission for this call or number",
            "check the app's permissions and the number's allow-listing", .fixFirst, .permission),
        entry(
            "200-299", "permission", "the app lacks a permission this call needs",
            "check the app's permissions and the number's allow-listing", .fixFirst, .permission),
        entry(
            "4", "app rate limit", "the app made too many API calls",
            "back off and spread calls out", .later, .throttling),
        entry(
            "80007", "WABA rate limit", "the WhatsApp Business Account made too many API calls",
            "back off and spread calls out", .later, .throttling),
        entry(
            "33", "object not accessible", "the id in the path does not exist or this token cannot reach it",
            "check the phone number id and that the token belongs to its account", .fixFirst, .parameter),
        entry(
            "100", "invalid parameter", "the request is malformed: unknown field, bad value or wrong id",
            "fix the payload; error_data.details names the field", .fixFirst, .parameter),
        entry(
            "190", "access token expired or invalid", "the number's Meta access token no longer works",
            "reconnect the number (Kapso setup link or support); the API cannot fix it", .no, .authorization),
        entry(
            "368", "temporarily blocked", "the account or number is blocked for a policy violation",
            "check the policy status in WhatsApp Manager; wait or appeal", .no, .integrity),
        entry(
            "130429", "throughput limit", "sending faster than the number's messages-per-second tier allows",
            "slow down and queue sends", .later, .throttling),
        entry(
            "130472", "in experiment", "the recipient is held out of marketing messages by a Meta experiment",
            "nothing to do for this recipient", .no, .parameter),
        entry(
            "130497", "country restricted", "the business may not message users in the recipient's country",
            "check the account's restrictions in WhatsApp Manager", .no, .integrity),
        entry(
            "131000", "something went wrong", "a generic failure on Meta's side, usually transient",
            "retry after a pause; if it repeats, escalate with the wamid and the time", .yes, .server),
        entry(
            "131008", "required parameter missing", "a required field is absent from the request",
            "add the field the error names", .fixFirst, .parameter),
        entry(
            "131009", "parameter value invalid", "a field has a value that is not allowed",
            "fix the value the error names", .fixFirst, .parameter),
        entry(
            "131016", "service unavailable", "Meta's service is down or overloaded",
            "retry later; check Meta's status page", .yes, .server),
        entry(
            "131021", "recipient is sender", "the message was addressed to the business's own number",
            "send to a different recipient", .no, .parameter),
        entry(
            "131026", "message undeliverable",
            "the recipient is not on WhatsApp, cannot be reached, runs an old app, has not accepted the terms, or blocks this business",
            "check the number is on WhatsApp and correct in E.164; do not retry in a loop", .no, .parameter),
        entry(
            "131031", "account locked", "the WhatsApp Business Account is locked for a policy or integrity issue",
            "resolve it in WhatsApp Manager or with Meta support", .no, .integrity),
        entry(
            "131037", "display name not approved", "the number's display name needs approval before it can send",
            "get the display name approved in WhatsApp Manager", .fixFirst, nil),
        entry(
            "131042", "payment problem", "the account's payment method or eligibility has a problem",
            "fix payment in Meta Business Manager", .fixFirst, nil),
        entry(
            "131045", "not registered (certificate)", "the sender's phone number registration is incomplete",
            "register the number on the Cloud API", .fixFirst, .phoneRegistration),
        entry(
            "131047", "re-engagement (24 h window closed)",
            "the contact last wrote more than 24 hours ago, so free-form messages are refused",
            "send an approved template; free-form works again after the contact replies", .no, .reengagementWindow),
        entry(
            "131048", "spam rate limit", "sending is restricted because of the number's quality",
            "send less, improve opt-in, and check 'health'", .later, .throttling),
        entry(
            "131049", "ecosystem limit", "Meta held back a marketing message to keep the user's marketing volume low",
            "send less marketing to this user; prefer utility templates", .no, nil),
        entry(
            "131050", "user stopped marketing", "the contact opted out of marketing messages from this number",
            "do not send marketing; utility and authentication still work", .no, nil),
        entry(
            "131051", "unsupported message type", "WhatsApp does not support this message type",
            "use a supported type", .no, .media),
        entry(
            "131052", "media download error",
            "Meta could not fetch the media (private or localhost URL, too big, wrong type)",
            "host media on a public HTTPS URL or upload it first; check size and format", .fixFirst, .media),
        entry(
            "131053", "media upload error", "Meta could not process the uploaded media (too big or wrong type)",
            "check the media's size and format, then upload again", .fixFirst, .media),
        entry(
            "131056", "pair rate limit", "too many messages to the same recipient in a short time",
            "space out messages to this recipient", .later, .throttling),
        entry(
            "131057", "account in maintenance", "the business account is in maintenance mode",
            "wait and retry later", .later, .server),
        entry(
            "132000", "template parameter count", "the number of parameters differs from the template's variables",
            "send exactly the variables the approved template has", .fixFirst, .template),
        entry(
            "132001", "template missing", "no approved template with this name and language exists for the account",
            "check the template name, the language code and its approval", .fixFirst, .template),
        entry(
            "132005", "template text too long", "the rendered template is longer than allowed",
            "shorten the parameters", .fixFirst, .template),
        entry(
            "132007", "template policy characters", "the template's content breaks WhatsApp's character policy",
            "remove the characters the policy forbids from the parameters", .fixFirst, .template),
        entry(
            "132012", "template parameter format", "a parameter does not have the format the template expects",
            "send each parameter in the expected format", .fixFirst, .template),
        entry(
            "132015", "template paused", "Meta paused the template for low quality",
            "use another template; fix this one and resubmit", .no, .template),
        entry(
            "132016", "template disabled", "Meta disabled the template for low quality",
            "use another template; create a new one", .no, .template),
        entry(
            "132068", "flow blocked", "the flow in the message is blocked",
            "fix the flow in WhatsApp Manager", .fixFirst, .flow),
        entry(
            "132069", "flow throttled", "the flow in the message is throttled",
            "send fewer messages with this flow, then retry", .later, .flow),
        entry(
            "133000", "incomplete deregistration", "a previous deregistration of the number did not finish",
            "deregister the number again, then register it", .fixFirst, .phoneRegistration),
        entry(
            "133004", "server temporarily unavailable", "Meta's registration service is unavailable",
            "retry later", .yes, .server),
        entry(
            "133005", "two-step PIN mismatch", "the two-step verification PIN is wrong",
            "use the right PIN or reset it in WhatsApp Manager", .fixFirst, .server),
        entry(
            "133006", "phone number re-verification needed", "the number must be verified again before registering",
            "verify the number, then register it", .fixFirst, .phoneRegistration),
        entry(
            "133008", "too many PIN guesses", "too many wrong two-step verification PINs",
            "wait for the lockout to end, then retry", .later, .phoneRegistration),
        entry(
            "133009", "PIN guessed too fast", "two-step verification PINs were tried too quickly",
            "wait before trying again", .later, .phoneRegistration),
        entry(
            "133010", "number not registered", "the sending number is not registered on the Cloud API",
            "complete the number's registration", .fixFirst, .phoneRegistration),
        entry(
            "133015", "wait before registering", "the number was deleted recently and cannot be registered yet",
            "wait a few minutes, then register again", .later, .phoneRegistration),
        entry(
            "133016", "registration rate limit", "too many register or deregister attempts for this number",
            "wait before trying again", .later, .phoneRegistration),
        entry(
            "135000", "generic user error", "Meta rejected the request for an unspecified reason in the request",
            "check the payload against Meta's reference", .fixFirst, .parameter),
        entry(
            "1026", "receiver incapable", "the recipient's app cannot show this message type (e.g. address message)",
            "fall back to a simpler message type", .no, nil),
        entry(
            "141000", "health check error",
            "reported in messaging-health entity errors; Meta's exact meaning is not published",
            "contact Kapso support", .unknown, nil),
        entry(
            "141006", "payment method problem",
            "the account's payment method is failing; business-initiated messages are blocked, replies inside 24 h still work",
            "fix the payment method in Meta Business Manager", .unknown, nil),
    ]

    private static let kapso: [Entry] = [
        entry(
            "409", "send in flight", "another send to the same conversation is in progress (Kapso's send lock)",
            "retry in a moment", .yes, nil, source: .kapso),
        entry(
            "insufficient_credits", "Kapso billing", "the Kapso balance cannot cover Meta's fee for this message",
            "top up the balance (the error's billing_url)", .afterTopUp, nil, source: .kapso),
        entry(
            "marketing_preference_stopped", "Kapso marketing pre-check",
            "the contact stopped marketing messages from this number; Kapso refused the send and did not charge",
            "do not retry; use a utility or authentication template", .no, nil, source: .kapso),
        entry(
            "messaging_account_mismatch", "WABA mismatch",
            "the messaging_account_id sent does not own this phone number",
            "send the WhatsApp Business Account id that owns the number, or omit the field", .fixFirst, nil,
            source: .kapso),
    ]
}
