internal import Foundation
public import KapsoClient

/// The failures of an `ErrorTriage`, one group per cause, largest first: the rows of `errors` and
/// `logs --errors`, and the causes `overview` names.
///
/// A cause is source, who, what and error. API calls: key name, method and path, HTTP status and Graph
/// code; but 404s whose path holds the same id that is not a phone-number id of the project (a WABA id,
/// an unknown id) are one cause whatever the path, explained by `IDResolver`. Failed messages: number
/// and error code. Failed deliveries: webhook and answer (`HTTP 500`, `no response`).
public struct FailureGroups {
    /// One cause and the failures behind it.
    public struct Group {
        public var source: ErrorTriage.Source
        /// The API key name, the number's name, or the webhook's host and path.
        public var who: String
        /// The method and path, the message, or the event; `(+N more)` when the group has several.
        public var what: String
        /// HTTP status and Graph code (`404 #100`), the message's error (`131047 Re-engagement message`),
        /// or the delivery's answer (`HTTP 500 after 4 attempts`).
        public var error: String
        public var count: Int
        /// ISO-8601 UTC.
        public var firstSeen: String
        public var lastSeen: String
        /// The explanation and the fix, from `IDResolver` and `ErrorCatalog`.
        public var meaning: String
        /// The cause in one sentence for `overview`, e.g. `48 failed calls from key history-sync: 200300400500601
        /// is a WABA id, not a phone-number id`.
        public var headline: String
        /// The distinct paths, messages or events behind the group, most frequent first.
        public var variants: [String]
        /// The id in the calls' paths that is not a phone-number id of the project, when that is the cause.
        public var misplacedID: String?
        /// The API's objects behind the group (messages, API logs, deliveries), newest first.
        public var items: [JSONObject]
        /// The templates the group's failed messages sent (`template.name`), most frequent first; empty for other sends.
        public var templates: [String] = []
        /// Approved templates that would fit instead (a 131047 group, named by `errors`); empty when none were looked up.
        public var fittingTemplates: [String] = []
        /// True when the group's source had more failures than were read: `count` is a lower bound and
        /// `firstSeen` the oldest failure read, not the first of the period.
        public var isLowerBound = false
        /// The WAMID of the pending send that likely holds Kapso's send lock, for a group of 409 "in flight" answers held
        /// over minutes (`SendLock.held`); nil otherwise.
        public var lockHolder: String? = nil
        /// True for a group of messages the contact sent that came with errors (`ErrorTriage.Entry.isReceived`: 131051):
        /// shown, and counted as received messages with errors, not as failures.
        public var isReceived = false
    }

    public private(set) var groups: [Group] = []
    /// Failures grouped (warnings included: `warnings` says how many of them are).
    public private(set) var total = 0
    /// Of `total`, the message entries that are no failed status but a `warning` (or another word) with an error.
    public private(set) var warnings = 0
    /// Of `total`, the messages the contact sent that came with errors (`ErrorTriage.Entry.isReceived`): no failures.
    public private(set) var received = 0
    /// The failures among `total` (neither warnings nor received messages with errors), one per failed send
    /// (`failureCount`): a message with a failed status and a Kapso processing failure, or a `meta` row of it, is one.
    public private(set) var failures = 0
    /// Of `failures`, the sends WhatsApp also reported delivered or read (`ErrorTriage.Entry.alsoReached`): their outcome
    /// is not certain, as the verdict says (probe42 P42-6).
    public private(set) var uncertain = 0
    /// Of `failures`, the sends the contact quoted or reacted to afterwards (`ErrorTriage.Entry.seenByContact`), those
    /// in `uncertain` aside: they reached the contact's phone (tester49 F5).
    public private(set) var reachedContact = 0
    /// Of `failures`, the sends Kapso's status and Meta's history disagree on (`Entry.kapsoDisagrees`, tester64 T8).
    public private(set) var disputed = 0
    /// Failed API calls that are the same send as a failed message (`sameSend`), counted once, as the message.
    public private(set) var joined = 0
    /// What the failures were judged with, for `meaning(of:)`.
    private let known: Known
    /// The meaning of each cause whose 409s say Kapso's send lock is held (`SendLock.held`), for the flat views.
    private var lockMeanings: [Cause: String] = [:]

    /// How many failed sends `entries` hold: warnings and received messages with errors are none, and the entries of one
    /// message (`Entry.wamid`, its padding aside: `StatusHistory.namesSameMessage`) are one, so "N failures" counts each
    /// message once however many rows, pages or sources name it (probe37 P37-1); every other entry is one.
    public static func failureCount(_ entries: [ErrorTriage.Entry]) -> Int {
        var messages: Set<Substring> = []
        var count = 0
        for entry in entries where entry.statusWord == nil && !entry.isReceived {
            if let wamid = entry.wamid, !messages.insert(StatusHistory.messageKey(wamid)).inserted { continue }
            count += 1
        }
        return count
    }

    /// Groups `entries`; `numbers` are the project's phone numbers (empty when unknown: then ids in paths
    /// are not judged).
    /// `webhooks` let a 404 whose path holds a webhook id be named (empty when unknown). `cut` are the sources
    /// that had more failures than were read: their groups' counts are lower bounds.
    /// `history` are API calls of the last 30 days with the unknown ids of failed paths in them (`formerNumberIDs`), any
    /// status: a 2xx among them says the id worked for this project once (empty when not fetched).
    /// `identities` are what `IDResolver` (as `whois`) found for the ids of `unknownPathIDs`, by id (empty when not asked):
    /// an id found there is named as `whois` names it, not "not an id of this project".
    /// `verdicts` are the receivers' states now by webhook id (`WebhookVerdict`, from their newest deliveries of any
    /// status): a row of failed deliveries to a webhook's current URL says whether it still fails or recovered since, or
    /// that it was not read (`unreadStates`, by id, with why: `stateNote`).
    /// `messages` and `deliveries` are what was read of the project's messages (any status; the outbound ones of numbers
    /// whose sends met 409s, `lockNumbers`) and webhook deliveries (any status, `whatsapp.phone_number.deleted` ones
    /// included): a phone-number id that failed is named as a former number of the project when they carry it
    /// (`IDResolver.formerUse`), and a 409 group held over minutes names its pending send (`SendLock.held`, at the API's
    /// clock `now`; without `now`, no 409 group is read as held).
    public init(
        _ entries: [ErrorTriage.Entry], numbers: [PhoneNumber], webhooks: [Webhook] = [], cut: Set<ErrorTriage.Source> = [],
        history: [APILog] = [], verdicts: [String: WebhookVerdict] = [:], unreadStates: [String: String] = [:],
        identities: [String: Identity] = [:],
        messages: [Message] = [], deliveries: [WebhookDelivery] = [], now: Int64? = nil
    ) {
        known = Known(
            numbers: numbers, webhooks: webhooks, history: history, identities: identities, messages: messages, deliveries: deliveries)
        var order: [Cause] = []
        var members: [Cause: [Member]] = [:]
        let entries = Self.withoutSameSends(entries)
        joined = entries.joined
        for entry in entries.kept {
            var member = Self.member(entry, known)
            member.item = entry.json
            if entry.source == .webhook, member.note == nil, let id = entry.json["webhook_id"]?.string {
                member.note = Self.stateNote(of: id, verdicts: verdicts, unread: unreadStates)
            }
            if members[member.cause] == nil { order.append(member.cause) }
            members[member.cause, default: []].append(member)
        }
        total = entries.kept.count
        warnings = entries.kept.filter { $0.statusWord != nil }.count
        received = entries.kept.filter(\.isReceived).count
        failures = Self.failureCount(entries.kept)
        uncertain = Set(entries.kept.compactMap { $0.alsoReached == nil ? nil : $0.wamid.map(StatusHistory.messageKey) }).count
        reachedContact = Set(entries.kept.filter { $0.seenByContact != nil && $0.alsoReached == nil }.compactMap { $0.wamid.map(StatusHistory.messageKey) }).count
        disputed = Self.disputedCount(entries.kept)
        var grouped: [Group] = []
        for cause in order {
            guard let group = members[cause].map({ Self.group($0) }) else { continue }
            guard let now, let held = Self.heldLock(group, messages: messages, now: now) else {
                grouped.append(group)
                continue
            }
            lockMeanings[cause] = held.meaning
            grouped.append(held)
        }
        groups = grouped.sorted { $0.count != $1.count ? $0.count > $1.count : TimeOrder.isLater(iso: $0.lastSeen, than: $1.lastSeen) }
        for index in groups.indices where cut.contains(groups[index].source) { groups[index].isLowerBound = true }
    }

    /// The groups as JSON values, for `--output json`.
    public var json: JSONValue { Self.json(groups) }

    /// `groups` as JSON values, e.g. after a caller added to their meanings (`errors` names fitting templates).
    public static func json(_ groups: [Group]) -> JSONValue {
        .array(
            groups.map { group in
                .object([
                    "source": .string(group.source.rawValue), "who": .string(group.who), "what": .string(group.what),
                    "variants": .array(group.variants.map(JSONValue.string)), "error": .string(group.error),
                    "count": .number(String(group.count)), "count_is_lower_bound": .bool(group.isLowerBound),
                    "first_seen": .string(group.firstSeen),
                    "last_seen": .string(group.lastSeen), "meaning": .string(group.meaning),
                    "headline": .string(group.headline), "misplaced_id": group.misplacedID.map(JSONValue.string) ?? .null,
                    "lock_holder": group.lockHolder.map(JSONValue.string) ?? .null, "received": .bool(group.isReceived),
                    "templates": .array(group.templates.map(JSONValue.string)),
                    "fitting_templates": .array(group.fittingTemplates.map(JSONValue.string)),
                    "items": .array(group.items.map(JSONValue.object)),
                ])
            })
    }

    /// The meaning of one failure: for a 404 whose path holds an id that is not one of `numbers`'
    /// phone-number ids, what the id is and which id the caller must use; else the triage's meaning.
    public static func meaning(
        of entry: ErrorTriage.Entry, numbers: [PhoneNumber], webhooks: [Webhook] = [], history: [APILog] = [],
        identities: [String: Identity] = [:]
    ) -> String {
        member(entry, Known(numbers: numbers, webhooks: webhooks, history: history, identities: identities)).meaning
    }

    /// The meaning of one API call answered 400 or more, as `errors` gives it (the resolver's statement for
    /// an id in the wrong slot of the path, else the catalogue's); nil for a call that did not fail.
    public static func meaning(of log: APILog, numbers: [PhoneNumber], webhooks: [Webhook] = [], history: [APILog] = []) -> String? {
        var triage = ErrorTriage()
        triage.addAPILogs([log])
        return triage.entries.first.map { meaning(of: $0, numbers: numbers, webhooks: webhooks, history: history) }
    }

    /// The meaning of one of the failures grouped, as a flat view shows it (`errors --flat`, `logs --errors --flat`): its
    /// own, read with everything the groups were read with, or its group's when that group is a send lock held over
    /// minutes (probe19 P19-7: one 409 alone says "retry in a moment", the run of them does not). A message's other failed
    /// statuses stay in it (`ErrorTriage.againText`): the grouped row moves them to its note and points here for both
    /// (tester50 F6: the flat row said one).
    public func meaning(of entry: ErrorTriage.Entry) -> String {
        let member = Self.member(entry, known)
        return lockMeanings[member.cause] ?? (member.alsoFailed.isEmpty ? member.meaning : entry.meaning)
    }

    /// One failure as the flat JSON gives it (`errors --flat --output json`, `logs --errors --flat`): the fields a group
    /// carries (`who`, `what`, `error`, `meaning`, `headline`, `misplaced_id`), read as the table's row reads them
    /// (`meaning(of:)`), beside its `item` (probe23 P23-8: the flat JSON had the raw item only).
    public func json(of entry: ErrorTriage.Entry) -> JSONValue {
        let member = Self.member(entry, known)
        return .object([
            "source": .string(entry.source.rawValue), "time": .string(entry.time), "who": .string(member.who),
            "what": .string(member.what), "error": .string(entry.error), "meaning": .string(meaning(of: entry)),
            "headline": .string(member.headline(1)), "misplaced_id": member.misplacedID.map(JSONValue.string) ?? .null,
            "status_word": entry.statusWord.map(JSONValue.string) ?? .null, "item": .object(entry.json),
        ])
    }

    // MARK: - Causes

    /// What failures are read with: the project's numbers and webhooks, and what was read of its calls, messages and
    /// deliveries (see `init`).
    struct Known {
        var numbers: [PhoneNumber]
        var webhooks: [Webhook] = []
        var history: [APILog] = []
        var identities: [String: Identity] = [:]
        var messages: [Message] = []
        var deliveries: [WebhookDelivery] = []
    }

    struct Cause: Hashable {
        var source: String
        var who: String
        var what: String
        var error: String
        /// For a call read by its path, status and text alone: that reading, so calls that read differently are never one
        /// row whose meaning is another call's (probe35 P35-8: a bare code grouped with the body it came from).
        var reading = ""
    }

    /// One failure, with its cause and how it reads in the group.
    struct Member {
        var cause: Cause
        var source: ErrorTriage.Source
        var time: String
        var who: String
        var what: String
        var error: String
        var meaning: String
        var headline: (Int) -> String
        var misplacedID: String? = nil
        /// A fact the whole group's meaning carries when any member has it (history sync's coexistence numbers).
        var note: String? = nil
        var item: JSONObject = [:]
        var received = false
        /// The codes another failed status of the same message gave (`ErrorTriage.otherFailedCodes`): said on the row,
        /// the message counted once, under this cause.
        var alsoFailed: [String] = []
    }

    private static func member(_ entry: ErrorTriage.Entry, _ known: Known) -> Member {
        let (numbers, webhooks, history) = (known.numbers, known.webhooks, known.history)
        let json = entry.json
        if entry.source == .api {
            let key = json["api_key_name"]?.string ?? "-"
            let method = json["http_method"]?.string ?? "?"
            let endpoint = json["endpoint"]?.string ?? "?"
            let status = APILog.responseStatus(in: json)
            let text = json["error_message"]?.string
            let refusal = APIRefusal(status: status, text: text, path: endpoint, method: method)
            let what = "\(method) \(endpoint)"
            let error = ["\(status)", refusal?.label ?? Self.shortText(text)].filter { !$0.isEmpty }.joined(separator: " ")
            // Graph's "Object with ID … does not exist" (code 100, subcode 33) says what a 404 says, on any status (P9-5).
            let notFound = isNotFound(json)
            let reason = refusal.flatMap {
                $0.isGraphCode ? ErrorCatalog.entry(for: $0.code, subcode: nil, status: status, path: endpoint, message: text, method: method) : $0.entry
            }.map { "\(status) \($0.name)" } ?? error
            // An id slot never filled in (`/v24.0//messages`, `/undefined/messages`): the variable, before any reading (P37-6).
            if let unfilled = UnfilledID.meaning(endpoint: endpoint, numbers: numbers) {
                return Member(
                    cause: Cause(source: "api", who: key, what: what, error: error), source: .api, time: entry.time, who: key,
                    what: what, error: error, meaning: unfilled,
                    headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(reason) on \(what), an id never filled in" })
            }
            // A '/' sent escaped (`100200300400501%2Fmessages`): no route matched, whatever the id (tester61b AK17).
            if let member = escapedSlashMember(entry, call: (key, method, endpoint, status, what, error), known) { return member }
            // A path one mistake away from a documented route: the route it meant, before any reading of its ids (P13-6).
            // Graph's 2500 "Unknown path components" on any status: the version or the part it names (P35-5).
            if let nearMiss = IDResolver.nearMissMeaning(method: method, endpoint: endpoint, status: status, text: text, history: history)
                ?? IDResolver.unknownPathMeaning(endpoint: endpoint, status: status, text: text, at: KapsoTime.seconds(iso: entry.time))
            {
                return Member(
                    cause: Cause(source: "api", who: key, what: what, error: error), source: .api, time: entry.time, who: key,
                    what: what, error: error, meaning: nearMiss,
                    headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(reason) on \(what)" })
            }
            // A route its family does not have: the route is the mistake, whatever the id in it is (P26-1).
            if let unserved = IDResolver.unservedRouteMeaning(
                method: method, endpoint: endpoint, status: status, deliveries: known.deliveries, identities: known.identities)
            {
                return Member(
                    cause: Cause(source: "api", who: key, what: what, error: error), source: .api, time: entry.time, who: key,
                    what: what, error: error, meaning: unserved,
                    headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(reason) on \(what), a route Kapso does not have" })
            }
            // A Graph path of an id alone holding an id Graph reads nowhere there (a message): where it is read (P46-2).
            if notFound, let member = graphNodeMember(entry, call: (key, method, endpoint, status, what, error), known) {
                return member
            }
            // A WABA slot, or a Graph path of an id alone, read for the kind of id it takes (P21-9).
            if notFound, let member = nearMissSlotMember(entry, call: (key, method, endpoint, status, what, error), known) {
                return member
            }
            // A 400 or 403 in the phone-number slot names the id's kind whatever Graph's text (P35-4).
            if notFound || holdsOtherKindOfID(json, known), let member = misplacedIDMember(entry, call: (key, method, endpoint, status, what, error), known) {
                return member
            }
            // Graph's "nonexisting field (EDGE) on node type (TYPE)": the id's kind, not the payload (P13-5).
            let meaning = IDResolver.nodeTypeMeaning(endpoint, text: text, numbers: numbers)
                ?? (notFound ? notFoundMeaning(endpoint, entry, numbers, webhooks, history, identities: known.identities, status: status) : refusedMeaning(entry, known))
            return Member(
                cause: Cause(source: "api", who: key, what: what, error: error, reading: meaning), source: .api, time: entry.time,
                who: key, what: what, error: error, meaning: meaning,
                headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(reason) on \(what)" })
        }
        if entry.source == .webhook {
            let url = json["webhook_url"]?.string ?? "?"
            let who = WebhookURL.short(url)
            let answer = DeliveryAnswer(recorded: json["response_status"]).label
            let id = json["webhook_id"]?.string
            return Member(
                // One cause per webhook and URL: failures at a URL the webhook had before are their own row (P11-1).
                cause: Cause(source: "webhook", who: (id.map { $0 + " " } ?? "") + url, what: "", error: answer),
                source: .webhook, time: entry.time, who: who, what: json["event"]?.string ?? "?", error: entry.error,
                meaning: entry.meaning,
                headline: { "\(IDResolver.plural($0, "delivery", "deliveries")) to \(who) failed: \(answer)" },
                note: webhooks.isEmpty ? nil : Self.provenanceNote(url: url, event: json["event"]?.string ?? "", id: id, webhooks: webhooks))
        }
        // Messages, and any source added later: by number and error code.
        let number = json["kapso"]?["phone_number_id"]?.string ?? json["phone_number_id"]?.string
        let who = number.map { id in numbers.first { $0.id == id }?.name ?? id } ?? "-"
        // A warning (`warning 131009 …`, ErrorTriage.Entry.statusWord) is its own cause, and no failure.
        let words = entry.error.split(separator: " ").map(String.init)
        let word = entry.statusWord.flatMap { words.first == $0 ? $0 : nil }
        let first = (word == nil ? words.first : words.dropFirst().first) ?? ""
        let code = !first.isEmpty && first.allSatisfy(\.isNumber) ? first : entry.error
        let name = (entry.namedRateLimit?.name ?? ErrorCatalog.entry(for: code)?.name).map { " (\($0))" } ?? ""
        // A message the contact sent that came with an error (131051) is its own cause too: received, not failed (P21-13).
        let received = entry.isReceived
        // So is a failed send the contact quoted or reacted to: it reached them, and its row never says "retry" (tester49 F5).
        let seen = entry.seenByContact != nil && word == nil && !received
        let disputed = Self.isDisputed(entry) && word == nil && !received
        let alsoFailed = entry.statusWord == nil && !received ? ErrorTriage.otherFailedCodes(of: json) : []
        // The flat row's words for them are the row's note here (`alsoFailedNote`), not other advice.
        let meaning = alsoFailed.isEmpty ? entry.meaning : Self.withoutAgain(entry.meaning, json: json)
        return Member(
            cause: Cause(
                source: entry.source.rawValue, who: number ?? "-", what: "",
                error: (word.map { $0 + " " } ?? (received ? "received " : seen ? "seen " : disputed ? "disputed " : "")) + code
                    + (entry.namedRateLimit.map { " (details worded as \($0.wordedAs ?? "a rate limit"))" } ?? "")),
            source: entry.source, time: entry.time, who: who, what: entry.subject, error: entry.error, meaning: meaning,
            headline: { count in
                if let word { return "\(IDResolver.plural(count, "message")) with a \(word) \(code)\(name)" }
                if received { return "\(IDResolver.plural(count, "received message")) with \(code)\(name), not failed sends" }
                if seen {
                    return "\(IDResolver.plural(count, "message")) recorded failed with \(code)\(name) that the contact quoted or "
                        + "reacted to: \(count == 1 ? "it" : "they") reached them"
                }
                if disputed { return Self.disputedHeadline(count, code: code, name: name) }
                return "\(IDResolver.plural(count, "message")) failed with \(code)\(name)"
            }, received: received, alsoFailed: alsoFailed)
    }

    private static func group(_ members: [Member]) -> Group {
        let newest = TimeOrder.newestFirst(members, iso: \.time).first ?? members[0]
        // Members whose advice differs: a received message whose content did not arrive leads, not an action that lost
        // nothing (tester47 F3: a 131051 group of an edit and an unsupported message led with "nothing was lost").
        let lead = members.contains { $0.meaning != newest.meaning }
            ? TimeOrder.newestFirst(members.filter(lostContent), iso: \.time).first ?? newest : newest
        var counts: [String: Int] = [:]
        for member in members { counts[member.what, default: 0] += 1 }
        let variants = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
        // The example named is the one whose meaning the row gives when the members' advice differs (probe21 P21-13: WHAT
        // named a pin, MEANING explained a poll update).
        let example = newest.source == .message && members.contains { $0.meaning != newest.meaning } ? lead.what : variants.first
        let what = (example ?? "") + (variants.count > 1 ? " (+\(variants.count - 1) more)" : "")
        let errors = Set(members.map(\.error))
        var templateCounts: [String: Int] = [:]
        for name in members.compactMap({ ErrorTriage.templateName(of: $0.item) }) { templateCounts[name, default: 0] += 1 }
        return Group(
            source: newest.source, who: newest.who, what: what,
            error: errors.count == 1 ? newest.error : newest.cause.error, count: members.count,
            firstSeen: TimeOrder.sorted(members, time: { TimeOrder.instant(iso: $0.time) }).first?.time ?? newest.time, lastSeen: newest.time,
            meaning: lead.meaning + (members.lazy.compactMap(\.note).first.map { "; " + $0 } ?? "") + otherAdvice(members, lead)
                + alsoFailedNote(members),
            headline: newest.headline(members.count), variants: variants, misplacedID: newest.misplacedID,
            items: TimeOrder.newestFirst(members, iso: \.time).map(\.item),
            templates: templateCounts.keys.sorted { (templateCounts[$0] ?? 0, $1) > (templateCounts[$1] ?? 0, $0) },
            isReceived: newest.received)
    }

    /// An error text no code was found in, cut to its first 48 characters on one line, so the grouped
    /// view shows what the server said (`401 Invalid API key`).
    static func shortText(_ text: String?) -> String {
        let line = (text ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 48 ? String(line.prefix(47)) + "…" : line
    }
}
