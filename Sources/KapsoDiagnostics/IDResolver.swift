public import KapsoClient

/// Says what an id is in a project, from data the caller fetched: numbers, webhooks, conversations,
/// messages, API logs and webhook deliveries (see `docs/id-resolver.md` for what is searched and why).
///
/// Pure: `lookups(for:)` says what to fetch, the caller fetches it (at once), and `resolve` answers.
/// Kapso facts (kapso-api.md §0.6, §2.1): a number's `id` is Meta's phone-number id and every API path
/// takes it; `business_account_id` is the WABA id (templates are managed under it, §14.3);
/// `internal_id` is Kapso's UUID of the number, called `whatsapp_config_id` in deliveries and v1 payloads.
public enum IDResolver {
    /// One thing to fetch for an id.
    public enum Lookup: Sendable, Equatable {
        /// Every phone number (ids, WABA ids, Kapso ids, customer ids, display numbers).
        case phoneNumbers
        /// Every webhook, both scopes.
        case webhooks
        /// The newest message of conversation `id` (`GET /whatsapp/messages?conversation_id=`), then the
        /// contact's conversations on that number, for the conversation's status. List look-ups answer 200
        /// whether or not the id exists (kapso-api.md §7.1, §8.1), so a look-up leaves no 404 in the
        /// project's API log for another machine's `errors` to read as a failure (docs/own-lookups.md).
        case conversation(String)
        /// The messages of the contact a WAMID carries (`GET /whatsapp/messages?phone_number=`, the number's
        /// last 8 digits: the filter is a partial match, and Brazil's and Mexico's two forms of one number
        /// share them), the newest messages when it carries none; page by page until the id, up to
        /// `IDLookups.maxPages`. Not `GET /whatsapp/messages/{wamid}`, for the same reason as `conversation`.
        case message(String, contact: String?)
        /// The project's newest messages, page by page until one has this UUID as its id, up to `kapsoMessagePages`: Kapso
        /// lists a message it holds no WAMID for under a UUID `id` (tester56 Z8), which `messages` shows and `trace` traces
        /// (tester57b AC3: `whois` called it "not … of this project"). Asked after the other look-ups, only for a UUID they
        /// did not place (`placed(uuid:facts:)`), and by listing, as `message` is (no 404 left in the project's API log).
        case kapsoMessage(String)
        /// Conversations whose contact number contains these digits (`ContactNumber.searchKey`: the last 8 of a
        /// Brazilian or Mexican number, which its two forms share).
        case contactConversations(String)
        /// The newest messages from or to a business-scoped user id (`business_scoped_user_id` filter), then the
        /// conversation of the newest one (for the contact's name and username), found as `conversation` finds one.
        case userMessages(String)
        /// The project's 100 most recently active conversations, for a WhatsApp username (the API has no
        /// `username` filter, kapso-api.md §8.1).
        case recentConversations
        /// The project's newest 100 inbound messages, for a WhatsApp username: a message carries its sender's
        /// `username` (kapso-api.md §7.3) where the conversation may carry none (tester47 F6: `messages` showed
        /// `@zoo_user`, `whois @zoo_user` said no contact had it). No `username` filter exists (§7.1).
        case recentInbound
        /// API calls of the last 30 days whose path contains the id.
        case apiLogsMentioning(String)
        /// The newest API calls and webhook deliveries of the last 30 days (their own ids, key ids).
        case recentAPILogs
        case recentDeliveries
        /// The health report of phone number `id` (`GET /whatsapp/phone_numbers/{id}/health`, kapso-api.md §2.3), for
        /// the Meta business and app ids it names. A live check with its own limit (5/s, 60/min per project), so it is
        /// asked only after the other look-ups found nothing (`healthLookups`).
        case health(String)
        /// The newest 100 inbound `system` messages (`message_type=system`, kapso-api.md §7.1), for a number a contact
        /// moved to: Meta's `user_changed_number` notification names it (`system.wa_id`), and no conversation has it yet;
        /// and for a business-scoped user id Meta replaced (`user_changed_user_id`, whose sender is the new id).
        case numberChanges
        /// The message templates of every WABA of the project (`GET /{WABA}/message_templates`), for a
        /// template id: sent after the numbers, which name the WABAs; stops at the id.
        case templates(String)
        /// The newest messages with media (`has_media=true`, kapso-api.md §7.1), for a media id (`audio.id` of a voice
        /// note): page by page until one carries it, up to `IDResolver.mediaPages` (probe26 P26-6).
        case mediaMessages(String)
        /// The newest messages whose `phone_number_id` is the id (`GET /whatsapp/messages?phone_number_id=`, a list that
        /// answers 200 either way), for an id the project does not list now: its messages say it was the project's number
        /// (`formerUse`, as `errors` reads such an id; probe39 P39-4).
        case numberMessages(String)

        /// The part's name in reports, e.g. `API logs`.
        public var part: String {
            switch self {
            case .phoneNumbers: "numbers"
            case .webhooks: "webhooks"
            case .conversation: "conversations"
            case .message, .kapsoMessage, .userMessages, .numberChanges, .numberMessages, .recentInbound: "messages"
            case .contactConversations, .recentConversations: "conversations"
            case .apiLogsMentioning, .recentAPILogs: "API logs"
            case .health: "health"
            case .recentDeliveries: "webhook deliveries"
            case .templates: "templates"
            case .mediaMessages: "messages with media"
            }
        }
    }

    /// What the caller fetched; a look-up that failed is named in `unchecked` instead.
    public struct Facts: Sendable {
        public var numbers: [PhoneNumber] = []
        /// The session's newest health read of each number, by phone-number id (`SenderState.HealthRead`): a number's
        /// state there is newer than Kapso's record of it (a display number several numbers show, `SharedDisplayNumber`).
        public var healthReads: [String: SenderState.HealthRead] = [:]
        public var webhooks: [Webhook] = []
        public var conversations: [Conversation] = []
        public var messages: [Message] = []
        public var apiLogs: [APILog] = []
        public var deliveries: [WebhookDelivery] = []
        /// Templates read, each with the WABA id it was listed under.
        public var templates: [(businessAccountID: String, template: MessageTemplate)] = []
        /// Messages with media read for a media id (`Lookup.mediaMessages`).
        public var mediaMessages: [Message] = []
        /// Messages whose `phone_number_id` is the id looked up (`Lookup.numberMessages`).
        public var numberMessages: [Message] = []
        /// How many of the project's newest messages the UUID message look-up read (`Lookup.kapsoMessage`); nil when it
        /// was not made.
        public var kapsoMessagesRead: Int? = nil
        /// True once the messages with media were read (even when none came back).
        public var mediaSearched = false
        /// Health reports read, each with the phone-number id it is of (`healthLookups`).
        public var healths: [(phoneNumberID: String, report: PhoneNumberHealth)] = []
        /// The WABA ids whose templates were read to the end (or to the id).
        public var templateWABAs: [String] = []
        /// The windows of a contact's number on each number it has conversations on, once read (`contactMove`): a move
        /// is then read from them, followed to the new number, as `reply`, `trace` and `errors` read it; nil when not read.
        public var contactWindows: [ContactWindow]? = nil
        /// The API's clock (Unix seconds) the facts were read at, for what depends on time (`LaterEvidence`); nil when not
        /// known, and then no later evidence is named.
        public var now: Int64? = nil
        /// `part (reason)` for each look-up that could not be made, e.g. `API logs (timed out)`.
        public var unchecked: [String] = []
        /// The look-ups that could not be made (their reasons are in `unchecked`).
        public var failed: [Lookup] = []
        /// The list look-ups (API logs, deliveries) that had more pages than were read: what was not
        /// found in them may be in the rest, and their counts are lower bounds.
        public var capped: [Lookup] = []
        /// The ids of API-log entries that are kops's own look-ups (not the project's calls).
        public var ownLogIDs: Set<String> = []
        /// Those of `ownLogIDs` that this session made: the ones counted where they are left out.
        public var sessionOwnLogIDs: Set<String> = []

        public init() {}
    }

    /// The look-ups an id needs, to be sent at once.
    public static func lookups(for input: IDInput) -> [Lookup] {
        switch input {
        case .number(let number):
            var lookups: [Lookup] = [.phoneNumbers, .apiLogsMentioning(number.digits)]
            if number.digits.count >= 6 {
                lookups.append(.contactConversations(ContactNumber.searchKey(number.digits.trimmingLeadingZeros())))
                lookups.append(.numberChanges)
            }
            // Template ids are Meta object ids (15 digits and more); a number written with '+' or '00' is none.
            if number.digits.count >= 15, !number.hasInternationalPrefix {
                lookups.append(.templates(number.digits))
                // Media ids are Meta object ids too (15 digits and more): one in a message kops lists is this project's.
                lookups.append(.mediaMessages(number.digits))
                lookups.append(.numberMessages(number.digits))
            }
            return lookups
        case .uuid(let id):
            // The newest conversations too: a conversation without messages is found by none (tester47 F14).
            return [.phoneNumbers, .webhooks, .conversation(id), .recentConversations, .recentAPILogs, .recentDeliveries, .kapsoMessage(id)]
        case .wamid(let id, let contact):
            return [.phoneNumbers, .message(id, contact: contact)]
        case .businessScopedUserID(let id):
            // The number's system notifications too: a `user_changed_user_id` names the new id, not the old (P26-4).
            // The newest conversations as well: a parent BSUID is on the conversation (`parent_business_scoped_user_id`),
            // and the documented message filter takes the BSUID (probe28 P28-9).
            // A parent BSUID: the newest inbound messages too, since a message carries it (`from_parent_user_id`) where
            // no conversation may, and the filter does not take it (tester48 F10: "no message … is from or to it").
            return [.phoneNumbers, .userMessages(id), .numberChanges, .recentConversations]
                + (BusinessScopedUserID.isParent(id) ? [.recentInbound] : [])
        case .username:
            return [.phoneNumbers, .recentConversations, .recentInbound]
        }
    }

    /// What `input` (typed as `typed`) is, given the facts fetched for `lookups(for: input)`.
    public static func resolve(_ input: IDInput, typed: String, facts: Facts) -> Identity {
        var facts = facts
        var identity: Identity
        switch input {
        case .number(let number): identity = resolveNumber(number, typed: typed, facts: facts)
        case .uuid(let id): identity = resolveUUID(id, typed: typed, facts: facts)
        case .wamid(let id, let contact): identity = resolveWAMID(id, contact: contact, typed: typed, facts: facts)
        case .businessScopedUserID(let id): identity = resolveUserID(id, facts: facts)
        case .username(let handle): identity = resolveUsername(handle, facts: facts)
        }
        // Health was read and did not name some WABA's Meta business or app id: "not this project's" cannot be said
        // (probe17 P17-3); what is missing is named, as a look-up that could not be made is.
        var gaps: [String] = []
        if identity.kind == .unknown, case .number(let number) = input, mayBeMetaObjectID(number),
            !facts.healths.isEmpty || facts.failed.contains(where: { if case .health = $0 { true } else { false } })
        {
            gaps = healthUnchecked(facts)
            facts.unchecked += gaps
        }
        identity.unchecked = facts.unchecked
        if identity.kind == .unknown, !facts.failed.isEmpty || !gaps.isEmpty {
            identity = unchecked(identity, input: input, facts: facts)
        }
        return identity
    }

    /// An id not found while parts could not be checked: no conclusion, only what could not be checked
    /// and what answered (an id in a part that failed may well be in this project).
    private static func unchecked(_ found: Identity, input: IDInput, facts: Facts) -> Identity {
        var identity = Identity(
            input: found.input, kind: .unknown,
            statement: "could not tell what \(found.input) is: could not check " + grouped(facts.unchecked),
            fix: facts.failed.isEmpty
                // Every look-up answered; only health named no business or app id for some WABA (`healthUnchecked`).
                ? "'health ID' shows the Meta entities (business, app) Kapso reports for a number; retry in a few "
                    + "minutes if Kapso could not fetch them from Meta"
                : "try again when the API answers; 'numbers' shows whether it does")
        identity.incomplete = true
        identity.unchecked = facts.unchecked
        var answered: [String] = []
        for lookup in lookups(for: input) where !facts.failed.contains(lookup) && !answered.contains(lookup.part) {
            answered.append(lookup.part)
        }
        // Calls with the id in their path were found in the API logs: not "not found" there.
        if found.apiCalls != nil { answered.removeAll { $0 == Lookup.recentAPILogs.part } }
        if !answered.isEmpty {
            identity.details = [Identity.Detail("not found in", list(answered) + " (the parts that answered)")]
        }
        identity.details += found.details.filter { $0.label == "API calls" }
        identity.apiCalls = found.apiCalls
        identity.warnings = found.warnings
        return identity
    }

    /// The error line of `use ID` for an id that leads to numbers without being one:
    /// `STATEMENT; use 100200300400501` (or `pick one: …`); nil when it leads to none of `numbers`.
    public static func useLine(_ identity: Identity, numbers: [PhoneNumber], command: String = "use") -> String? {
        let leads = identity.phoneNumberIDs.compactMap { id in numbers.first { $0.id == id } }
        guard identity.kind != .unknown, !leads.isEmpty else { return nil }
        return identity.statement + ", not a phone-number id; " + pick(leads, command: command)
    }

    /// The error line for a number too short to be any id or phone number, typed where a phone number
    /// belongs (`use 2`: a row number of `numbers`, whose rows are not numbered): `'2' is too short …;
    /// pick one: use … or use …`. Nil for anything longer than 4 digits: the shortest phone numbers
    /// are 5 digits after the country code (ITU-T E.164 numbering; Niue, +683), and phone-number ids are
    /// Meta object ids of 15 or more digits.
    public static func tooShortLine(_ typed: String, numbers: [PhoneNumber], command: String = "use") -> String? {
        guard !typed.isEmpty, typed.count <= 4, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "'\(typed)' is too short to be a phone-number id or a phone number (list rows are not numbered); "
            + pick(numbers, command: command)
    }

    /// The error line for an id given where another kind belongs (`conversation ID`, `webhooks get ID`,
    /// `trace ID`, `messages --conversation ID`, `deliveries --webhook ID`): `STATEMENT, not a conversation
    /// id; FIX`, e.g. `200300400500601 is the WABA id (business_account_id) of …, not a conversation id;
    /// calls about messages and numbers take a phone-number id; pick one: use … or use …`.
    /// Nil when the id is of the `expected` kind, or was found nowhere (the caller's own line stands then).
    public static func wrongKindLine(_ identity: Identity, expected: Identity.Kind) -> String? {
        guard identity.kind != expected, identity.kind != .unknown, !identity.incomplete else { return nil }
        // A WAMID of another project still "is a WAMID": no other kind to name.
        if expected == .wamid, identity.kind == .wamid { return nil }
        // A contact's number in one conversation where a conversation id belongs: that conversation's id (P46-11).
        if expected == .conversationID, identity.kind == .contactNumber, identity.advice == .next,
            identity.conversationIDs.count == 1, let id = identity.conversationIDs.first
        {
            return identity.statement + ", not a " + expected.title + "; conversation " + id
        }
        // One of the project's phone-number ids: its `fix` is `use ID`, which read as "use this id instead" where the id
        // was just given (tester64 T6: `message 100200300400501` → "…; use 100200300400501"); say what `use` does.
        if identity.kind == .phoneNumberID, let id = identity.phoneNumberIDs.first {
            let lister: [Identity.Kind: String] = [
                .wamid: "'messages' lists its messages", .conversationID: "'conversations' lists its conversations",
                .webhookID: "'webhooks' lists its webhooks",
            ]
            return identity.statement + ", not a " + expected.title + "; 'use \(id)' selects this number"
                + (lister[expected].map { ", then " + $0 } ?? "")
        }
        return identity.statement + ", not a " + expected.title + (identity.fix.map { "; " + $0 } ?? "")
    }

    /// The error line for an id filter (`--webhook ID`) that left a list empty while some of the id's look-ups failed
    /// (`identity` `.unknown` and `incomplete`; tester53b U18: the check gave up and the list said "no deliveries",
    /// status 0). When the webhook list answered, a webhook id not on it is none of the project's webhooks whatever the
    /// failed parts hold: `5f6a… is not a webhook of this project (its webhook list was read), so no deliveries match it in
    /// the last 24h; what else it may be could not be checked: API logs (…)`. Otherwise nothing is concluded: `could not
    /// check whether 5f6a… is a webhook of this project: …; no deliveries match it in the last 24h; try again when the API
    /// answers`. `emptied` is what the list found. Nil for an id found, not looked up (`lookUpBudget`), or searched whole.
    public static func uncheckedFilterLine(_ identity: Identity, expected: Identity.Kind, emptied: String) -> String? {
        guard identity.kind == .unknown, identity.incomplete, identity.lookUpBudget == nil else { return nil }
        let (id, unread) = (identity.input, grouped(identity.unchecked))
        let noun = expected == .webhookID ? "webhook" : expected.title
        if expected == .webhookID, !identity.unchecked.contains(where: { $0.hasPrefix(Lookup.webhooks.part + " (") }) {
            return "\(id) is not a webhook of this project (its webhook list was read), so \(emptied); what else it may be "
                + "could not be checked: \(unread)"
        }
        return "could not check whether \(id) is a \(noun) of this project: could not check \(unread); \(emptied); try again "
            + "when the API answers"
    }

    /// The error line for an id-shaped value (15 digits or more, no `+` or `00`: Meta's ids are 15-17 digits, a
    /// phone number 15 at most) given as a contact's number that the resolver found nowhere, the selection kops can
    /// vouch for: `100200300400999 is not a phone-number id, WABA id, … or contact of this project (searched …);
    /// --phone-number takes a contact's number; to work on one of this project's numbers, pick one: use … or use …`.
    /// Nil for anything shorter (an empty list of a contact's number, or part of one, is an answer), for an id the
    /// resolver knows (`wrongKindLine`), and when a look-up failed (nothing can be said).
    public static func unknownIDAsContactLine(_ identity: Identity, digits: String, numbers: [PhoneNumber], flag: String) -> String? {
        guard identity.kind == .unknown, !identity.incomplete,
            mayBeMetaObjectID(PhoneNumberText(digits: digits, hasInternationalPrefix: false))
        else { return nil }
        let searched = identity.details.first { $0.label == "searched" }.map { " (searched \($0.value))" } ?? ""
        let numbers =
            numbers.isEmpty ? "'numbers' lists this project's numbers" : "for one of this project's numbers, " + pick(numbers, command: "use")
        return identity.statement + searched + "; \(flag) takes a contact's number; " + numbers
    }

    // MARK: - Wording shared by the resolvers

    /// `numbers, API logs and conversations (cannot connect …)` from `part (reason)` entries that share a reason.
    static func grouped(_ unchecked: [String]) -> String {
        var reasons: [(reason: String, parts: [String])] = []
        for entry in unchecked {
            let part = String(entry.prefix { $0 != "(" }).trimmingSpaces()
            let reason = String(entry.dropFirst(part.count))
            if let index = reasons.firstIndex(where: { $0.reason == reason }) {
                if !reasons[index].parts.contains(part) { reasons[index].parts.append(part) }
            } else {
                reasons.append((reason, [part]))
            }
        }
        return reasons.map { list($0.parts) + $0.reason }.joined(separator: ", ")
    }

    /// `Sales Line 100200300400502 and Support Line 100200300400501`.
    static func owners(_ numbers: [PhoneNumber]) -> String {
        list(numbers.map { "\($0.name ?? $0.displayPhoneNumber ?? "number") \($0.id)" })
    }

    /// `pick one: use A (Sales Line) or use B (Support Line)`, or `use A` for one number.
    static func pick(_ numbers: [PhoneNumber], command: String) -> String {
        guard numbers.count > 1 else { return numbers.first.map { "\(command) \($0.id)" } ?? "'numbers' lists the ids" }
        let choices = numbers.map { "\(command) \($0.id)" + ($0.name.map { " (\($0))" } ?? "") }
        return "pick one: " + choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
    }

    /// `100200300400502 (Sales Line) or 100200300400501 (Support Line)`.
    static func choices(_ numbers: [PhoneNumber]) -> String {
        let items = numbers.map { $0.id + ($0.name.map { " (\($0))" } ?? "") }
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    /// `Support Line (+1 415-555-0100)`.
    static func label(_ number: PhoneNumber) -> String {
        let name = number.name ?? number.verifiedName ?? number.id
        return number.displayPhoneNumber.map { "\(name) (\($0))" } ?? name
    }

    /// A contact number written with `+`, so transcripts mask it as personal data.
    static func contact(_ digits: String) -> String { "+" + digits }
}

extension String {
    func trimmingLeadingZeros() -> String {
        let trimmed = drop { $0 == "0" }
        return trimmed.isEmpty ? self : String(trimmed)
    }
}
