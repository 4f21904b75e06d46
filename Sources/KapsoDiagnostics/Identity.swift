public import KapsoClient

/// What an id is in this project: its kind, one statement naming its owner, and what to use instead.
public struct Identity: Sendable {
    /// The kinds of id `whois` tells apart; the raw value is the JSON `kind`.
    public enum Kind: String, Sendable, CaseIterable {
        case phoneNumberID = "phone_number_id"
        case wabaID = "waba_id"
        case kapsoPhoneNumberID = "kapso_phone_number_id"
        case customerID = "customer_id"
        case projectID = "project_id"
        case webhookID = "webhook_id"
        case conversationID = "conversation_id"
        case wamid
        case apiLogID = "api_log_id"
        case deliveryID = "delivery_id"
        case apiKeyID = "api_key_id"
        case displayNumber = "display_number"
        case contactNumber = "contact_number"
        case businessScopedUserID = "business_scoped_user_id"
        case username
        case nationalNumber = "national_number"
        case templateID = "template_id"
        /// Meta's media id of a message's image, audio, video, document or sticker (`audio.id`).
        case mediaID = "media_id"
        /// Meta's business (portfolio) id that owns the WABA, as health's `messaging_health` entities name it.
        case metaBusinessID = "meta_business_id"
        /// Meta's app id subscribed to the WABA's webhooks (health's `webhook_subscription.app_id`).
        case metaAppID = "meta_app_id"
        /// A phone-number id of the project with a copying mistake (`0100200300400501`: `IDResolver.nearMiss`).
        case nearMissPhoneNumberID = "near_miss_phone_number_id"
        /// A WABA id of the project with a copying mistake (`200300400500610`: `IDResolver.nearMissWABA`).
        case nearMissWABAID = "near_miss_waba_id"
        case unknown

        /// The kind in words, e.g. `WABA id (business_account_id)`.
        public var title: String {
            switch self {
            case .phoneNumberID: "phone-number id"
            case .wabaID: "WABA id (business_account_id)"
            case .kapsoPhoneNumberID: "Kapso's id of a number (internal_id, whatsapp_config_id)"
            case .customerID: "customer id"
            case .projectID: "project id"
            case .webhookID: "webhook id"
            case .conversationID: "conversation id"
            case .wamid: "message id (WAMID)"
            case .apiLogID: "API log id"
            case .deliveryID: "webhook delivery id"
            case .apiKeyID: "API key id"
            case .displayNumber: "display phone number"
            case .contactNumber: "contact's phone number"
            case .businessScopedUserID: "contact's business-scoped user id (BSUID; a username contact without a number)"
            case .username: "contact's WhatsApp username"
            case .nationalNumber: "national number without its country code"
            case .templateID: "message template id"
            case .mediaID: "media id (of a message's image, audio, video, document or sticker)"
            case .metaBusinessID: "Meta business (portfolio) id"
            case .metaAppID: "Meta app id"
            case .nearMissPhoneNumberID: "phone-number id with a copying mistake"
            case .nearMissWABAID: "WABA id with a copying mistake"
            case .unknown: "not found"
            }
        }
    }

    /// A labelled fact shown under the statement.
    public struct Detail: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// API calls of the last 30 days with the id as a whole segment of their path, kops's own look-ups left out.
    public struct APICalls: Sendable, Equatable {
        public var count: Int
        public var failed: Int
        /// The HTTP statuses of the failed calls, ascending.
        public var failedStatuses: [Int]
        /// The key names of the failed calls, in the order met (newest first).
        public var failedKeys: [String]
        /// True when the API logs had more pages than were read: the counts are lower bounds.
        public var atLeast: Bool
        /// Matching calls that were this session's own look-ups of kops, left out of the counts (earlier runs' are
        /// left out too, not counted: the count would grow with each run).
        public var ownLeftOut: Int
        /// True when Kapso's normal answer `Marketing preference not found` (`ErrorTriage.isNormalAnswer`) was among the
        /// calls, left out of the counts; not counted, as its count grows with each `trace` of the contact.
        public var normalLeftOut = false
    }

    /// The id as typed (trimmed).
    public var input: String
    public var kind: Kind
    /// One sentence: what the id is and what it belongs to, e.g.
    /// `200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501`.
    public var statement: String
    /// What to use instead or run next, e.g. `pick one: use 100200300400502 (Sales Line) or use …`; `advice` says which.
    public var fix: String?
    /// Whether `fix` corrects something (the default) or is the command to run next about an id found as what it is.
    public var advice: Advice = .fix
    public var details: [Detail] = []

    /// The kind in words for this id (`kind.title`), except that a BSUID whose contact's number is known (a `number`
    /// detail) is not called "a username contact without a number" (tester48's notes: the next lines showed the number).
    /// So is a message found by the UUID Kapso lists it under (tester57b AC3): no WAMID.
    public var kindTitle: String {
        if kind == .wamid, IDInput.isUUID(input) { return "message id (Kapso's; the message has no WAMID)" }
        guard kind == .businessScopedUserID, details.contains(where: { $0.label == "number" }) else { return kind.title }
        return "contact's business-scoped user id (BSUID)"
    }
    /// Doubts the answer carries, e.g. a national number's missing country code.
    public var warnings: [String] = []
    /// Parts that could not be checked and why, e.g. `API logs: rate limited (429)`; the rest still answered.
    public var unchecked: [String] = []
    /// True when the id was read as a kind by its form (a WAMID) but no such thing was found in the project: the
    /// statement says so, and nothing may call it existing (tester46 F2: "no message with this id … (it exists)").
    public var notFound = false
    /// True when the id was not found but some parts could not be checked: not an answer.
    public var incomplete = false
    /// Set (to the number of ids looked up per view) when kops did not look the id up at all, having spent its
    /// look-ups on other ids: neither found nor not found (probe25 P25-8). `Identity.notLookedUp`.
    public var lookUpBudget: Int?
    /// The project's phone-number ids the id leads to.
    public var phoneNumberIDs: [String] = []
    /// When the thing the id names happened (Unix seconds), for ids that name an event: a message's time, an
    /// API call's or delivery's `created_at`, a conversation's last activity; nil for numbers, webhooks, keys.
    public var moment: Int64?
    /// For a media id: true when the number sent (uploaded) the media, false when it was received; nil otherwise.
    public var mediaSent: Bool? = nil
    /// The calls with the id in their path, for digits ids (nil when none or not searched).
    public var apiCalls: APICalls?
    /// Contacts the answer names (digits and name): personal data that transcripts mask (`PIIMasker`
    /// learns them from the JSON's `phone_number` and `contact_name`).
    public var contacts: [(phoneNumber: String, name: String?)] = []
    /// For a contact's number: the ids of the contact's conversations found (all of them, not only the details' five).
    public var conversationIDs: [String] = []
    /// For a business-scoped user id that replaced another and has no message yet: where the contact's messages are.
    public var userIDRecords: UserIDRecords? = nil

    public init(input: String, kind: Kind, statement: String, fix: String? = nil) {
        self.input = input
        self.kind = kind
        self.statement = statement
        self.fix = fix
    }

    /// An id found as what it is, with the command to run next about it (`advice` `.next`), e.g. `trace wamid.…`.
    public init(input: String, kind: Kind, statement: String, next: String) {
        self.init(input: input, kind: kind, statement: statement, fix: next)
        advice = .next
    }

    /// What `fix` is: `whois` labels it `fix:` or `next:`.
    public enum Advice: String, Sendable {
        /// Something is wrong with the id or its use (another kind of id than the paths take, a copying mistake, a
        /// contact who left the number, not found): what to use instead.
        case fix
        /// The id is what it looks like: the command that shows more (session 36: a contact's number read `fix:`, as if
        /// something were wrong).
        case next
    }

    /// An id kops did not look up because a view looks up only `budget` ids of its form (each is several requests): kind
    /// `.unknown` and `incomplete`, so it is never read as found, and `lookUpBudget` set, so it is never read as
    /// "not found" either (probe25 P25-8: `errors` said "kops finds no message with this id" of messages past the
    /// budget that `whois` finds).
    public static func notLookedUp(_ id: String, budget: Int) -> Identity {
        var identity = Identity(
            input: id, kind: .unknown,
            statement: "not checked: kops looks up \(budget) ids of each form per view; '\(ShellWord.command("whois", id))' checks it")
        identity.incomplete = true
        identity.lookUpBudget = budget
        return identity
    }

    /// The same facts as a JSON object (`whois --output json`).
    public var json: JSONValue {
        var object: JSONObject = [
            "input": .string(input), "kind": .string(kind.rawValue), "kind_title": .string(kindTitle),
            "statement": .string(statement), "fix": fix.map(JSONValue.string) ?? .null,
            "phone_number_ids": .array(phoneNumberIDs.map(JSONValue.string)),
        ]
        object["details"] = .object(JSONObject(details.map { JSONObject.Entry(key: $0.label, value: .string($0.value)) }))
        object["warnings"] = .array(warnings.map(JSONValue.string))
        object["unchecked"] = .array(unchecked.map(JSONValue.string))
        object["incomplete"] = .bool(incomplete)
        object["api_calls"] = apiCalls.map { calls in
            .object([
                "window": "last 30 days", "count": .number(String(calls.count)), "failed": .number(String(calls.failed)),
                "failed_statuses": .array(calls.failedStatuses.map { .number(String($0)) }),
                "failed_keys": .array(calls.failedKeys.map(JSONValue.string)), "at_least": .bool(calls.atLeast),
                "own_lookups_left_out": .number(String(calls.ownLeftOut)), "normal_answers_left_out": .bool(calls.normalLeftOut),
            ])
        } ?? .null
        object["contacts"] = .array(
            contacts.map { .object(["phone_number": .string($0.phoneNumber), "contact_name": $0.name.map(JSONValue.string) ?? .null]) })
        return .object(object)
    }
}

extension Identity {
    /// `fix`, for a contact found only on other numbers than `selected`, led by the `use` line those commands need:
    /// `use 100200300400502; messages --phone-number 14155550177` (probe28 P28-15: the fix listed 0 items on the selected
    /// number). Kapso files a contact's conversations and messages per business number (`phone_number_id`,
    /// kapso-api.md §7.1, §8.3), and `messages`, `conversations` and `reply` read the selected one.
    public func fix(selected: String?) -> String? {
        guard let fix = self.fix, let selected, [.contactNumber, .nationalNumber, .businessScopedUserID].contains(kind),
            let first = phoneNumberIDs.first, !phoneNumberIDs.contains(selected), !fix.hasPrefix("use ")
        else { return fix }
        return "use \(first); " + fix
    }

    /// For a list filtered by this contact (`--phone-number`) that came back empty on `selected`: `no messages with this
    /// contact on the selected number 100200300400502; +14155550142 is the contact Dana Ortiz in 1 conversation on Support
    /// Line: use 100200300400501`; nil when the contact is not one kops found on another number only. Kapso files a
    /// contact's messages per business number (`phone_number_id`, kapso-api.md §7.1), so an empty list on the selected
    /// one says nothing of the others (tester52 H7: "0 items" with no hint, while `--conversation` named the other number).
    public func elsewhereLine(selected: String?, noun: String) -> String? {
        guard let selected, [.contactNumber, .businessScopedUserID].contains(kind), let first = phoneNumberIDs.first,
            !phoneNumberIDs.contains(selected)
        else { return nil }
        return "no \(noun) with this contact on the selected number \(selected); \(statement): use \(first)"
    }
}
