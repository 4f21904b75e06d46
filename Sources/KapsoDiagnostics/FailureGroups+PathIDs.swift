internal import Foundation
public import KapsoClient

// MARK: - The ids in failed calls' paths

extension FailureGroups {
    /// One failed API call as `member` reads it: key name, method, path, status, `METHOD PATH` and the error label.
    typealias Call = (key: String, method: String, endpoint: String, status: Int, what: String, error: String)

    /// The ids in the phone-number slot of failed calls' paths (404, or Graph's "Object with ID … does not exist") that
    /// are none of `numbers`' ids, WABA ids, Kapso ids or display numbers, at most `limit`, most recent first: the ids
    /// whose earlier calls (`history` of `init`) may show they were this project's numbers once; and the project's own ids
    /// on documented routes, whose calls may show the same call answered around the failure. Empty without numbers.
    public static func formerNumberIDs(_ entries: [ErrorTriage.Entry], numbers: [PhoneNumber], limit: Int = 3) -> [String] {
        notFoundIDs(entries, numbers: numbers, limit: limit) { endpoint in
            APIPath.phoneNumberID(in: endpoint).flatMap { id in
                id.allSatisfy(\.isNumber) && IDResolver.misplacedPhoneNumberID(id, numbers: numbers)?.kind == .unknown ? id : nil
            } ?? unknownWABAID(endpoint, numbers: numbers)
                // A route with a stray '/' or newline (`PathArtefact`): whether the route without it answered 2xx (tester51 G1).
                ?? PathArtefact.read(endpoint).flatMap { APIPath.ids(in: $0.cleaned).first }
                // The project's own number or WABA on a documented route: whether the same call answered 2xx around the
                // 404 (tester51b F4), or without the query the path carries.
                ?? projectRouteID(endpoint, numbers: numbers)
        }
    }

    /// The id of a documented proxy or platform route (`APIRoute.documented`, query aside) when it is one of `numbers`' ids
    /// or WABA ids in the slot that takes it; nil otherwise.
    static func projectRouteID(_ endpoint: String, numbers: [PhoneNumber]) -> String? {
        guard let route = APIRoute.documented(endpoint), route.child == nil, let id = route.id else { return nil }
        switch route.slot {
        case .phoneNumberID?, .metaObject?: return numbers.contains { $0.id == id } ? id : nil
        case .wabaID?: return numbers.contains { $0.businessAccountID == id } ? id : nil
        default: return nil
        }
    }

    /// The ids in the phone-number slot of failed calls' paths (404, or Graph's "Object with ID … does not exist") that
    /// are none of `numbers`' ids, WABA ids, Kapso ids or display numbers, any shape (digits, WAMID, UUID), at most `limit`,
    /// most recent first: the ids to ask `IDResolver` about (`identities` of `init`). Empty without numbers.
    /// Also the ids of calls refused 400 or 403 in that slot (`isRefusedInSlot`): what the id is names the cause whatever
    /// Graph's text (P35-4).
    /// A webhook slot's id none of `webhooks` has is asked about too: it may be another kind's (tester52 H1); one they have,
    /// or a WAMID, needs no look-up (`webhookSlotKnown`).
    public static func unknownPathIDs(
        _ entries: [ErrorTriage.Entry], numbers: [PhoneNumber], webhooks: [Webhook] = [], limit: Int = 3
    ) -> [String] {
        notFoundIDs(entries, numbers: numbers, limit: limit, refused: true) { endpoint in
            APIPath.phoneNumberID(in: endpoint).flatMap { id in
                IDResolver.misplacedPhoneNumberID(id, numbers: numbers)?.kind == .unknown ? id : nil
            } ?? childID(endpoint, numbers: numbers, webhooks: webhooks)
                // The WABA slot too: what the id is (Meta's business or app id) names the mistake (probe37 P37-13).
                ?? unknownWABAID(endpoint, numbers: numbers)
                // A WAMID, UUID or user id read at `/{id}`: what it is says where it is read (probe46 P46-2).
                ?? graphNodeID(endpoint)
                // A WAMID without its '=' padding: whether the message exists with it (tester48 notes).
                ?? ErrorTriage.unpaddedMessageID(endpoint)
                // A message or conversation read by its id on the platform: whether the project has it (tester51 G3, G4).
                ?? platformObjectID(endpoint).flatMap { id in
                    APIPath.objectID(in: endpoint)?.collection == "webhooks" && webhookSlotKnown(id, webhooks: webhooks) ? nil : id
                }
        }
    }

    /// The id of a Graph read of an id alone (`/v24.0/{id}`) that is not digits (a WAMID, a UUID, a business-scoped user
    /// id): Graph reads none of them there, and what `whois` finds the id to be says where it is read
    /// (`IDResolver.graphNodeMeaning`). Digits there are the phone-number slot's (`APIPath.phoneNumberID`).
    static func graphNodeID(_ endpoint: String) -> String? {
        guard let route = APIRoute.documented(endpoint), route.surface == .metaProxy, route.slot == .metaObject,
            let id = route.id, !id.isEmpty, !id.allSatisfy(\.isNumber)
        else { return nil }
        return id
    }

    /// The id of a message (`/platform/v1/whatsapp/messages/{wamid}`), conversation (`…/conversations/{id}`) or webhook
    /// (`…/webhooks/{id}`) read on the platform: a 404 there is "no such object" only when `whois` does not find it
    /// (tester51 G4: the message was sent that second), and what it finds may be another kind (tester52 H1: a
    /// conversation id used as a webhook id).
    static func platformObjectID(_ endpoint: String) -> String? {
        guard let route = APIRoute.documented(endpoint), route.surface == .platform, route.slot == .object,
            let object = APIPath.objectID(in: endpoint), ["messages", "conversations", "webhooks"].contains(object.collection)
        else { return nil }
        return object.id
    }

    /// The id of the message, conversation or contact below a number of the project in a path (`APIRoute.child`):
    /// where `whois` finds it says which number it belongs to (probe23 P23-1); a webhook id is asked about only when none
    /// of `webhooks` has it and it is no WAMID (it may be a conversation id: tester52 H1; `webhookSlotKnown`).
    static func childID(_ endpoint: String, numbers: [PhoneNumber], webhooks: [Webhook] = []) -> String? {
        guard let route = APIRoute.documented(endpoint), let (collection, id) = route.child,
            collection != "webhooks" || !webhookSlotKnown(id, webhooks: webhooks),
            numbers.contains(where: { $0.id == route.id })
        else { return nil }
        return id
    }

    /// The distinct ids `pick` takes out of the paths of failed calls that found nothing (`isNotFound`), most recent
    /// first, at most `limit`; empty without numbers.
    private static func notFoundIDs(
        _ entries: [ErrorTriage.Entry], numbers: [PhoneNumber], limit: Int, refused: Bool = false, pick: (String) -> String?
    ) -> [String] {
        guard !numbers.isEmpty else { return [] }
        var ids: [String] = []
        for entry in TimeOrder.newestFirst(entries, iso: \.time) where entry.source == .api && ids.count < limit {
            // A '/' sent escaped is read decoded, once (tester61b AK17): the ids of the path the client meant.
            guard let endpoint = entry.json["endpoint"]?.string, isNotFound(entry.json) || refused && isRefusedInSlot(entry.json),
                let id = pick(EscapedSlash.read(endpoint)?.path ?? endpoint), !ids.contains(id)
            else { continue }
            ids.append(id)
        }
        return ids
    }

    /// The digits in the WABA slot of a Graph path (`/{id}/message_templates`, `APIRoute.wabaEdges`) that are none of
    /// `numbers`' WABA or phone-number ids; nil otherwise.
    static func unknownWABAID(_ endpoint: String, numbers: [PhoneNumber]) -> String? {
        guard !numbers.isEmpty, let route = APIRoute.documented(endpoint), route.slot == .wabaID, let id = route.id,
            !id.isEmpty, id.allSatisfy(\.isNumber), !numbers.contains(where: { $0.businessAccountID == id || $0.id == id })
        else { return nil }
        return id
    }

    /// A 404, or Graph's "Object with ID … does not exist" (code 100) on any status (P9-5).
    static func isNotFound(_ json: JSONObject) -> Bool {
        let status = APILog.responseStatus(in: json)
        let text = json["error_message"]?.string
        let endpoint = json["endpoint"]?.string
        return status == 404
            || APIRefusal(status: status, text: text)?.code == "100"
                && ErrorCatalog.missingObjectID(subcode: nil, status: status, path: endpoint, message: text) != nil
    }

    /// A call refused 400 or 403 with an id in the phone-number slot of its path (`/{id}/messages`), unless the answer is
    /// Kapso's own refusal (credits, send lock, opt-out: kapso-api.md §9.3) or a rejected token (190), which name their
    /// cause whatever the id: Graph may refuse an id of another kind there with "(#100) Unsupported post request", a
    /// parameter error or "(#200) Permissions error", without its "Object with ID … does not exist" sentence, and Kapso's
    /// `error_message` is a free string (kapso-api.md §5), so the text cannot be relied on to name the id (probe35 P35-4).
    static func isRefusedInSlot(_ json: JSONObject) -> Bool {
        let status = APILog.responseStatus(in: json)
        guard status == 400 || status == 403, let endpoint = json["endpoint"]?.string, APIPath.phoneNumberID(in: endpoint) != nil
        else { return false }
        let refusal = APIRefusal(status: status, text: json["error_message"]?.string)
        return refusal?.entry?.source != .kapso && refusal?.code != "190"
    }

    /// True when a call refused in the phone-number slot (`isRefusedInSlot`) holds there an id kops knows to be of another
    /// kind: the project's WABA id, a Kapso id, a display number (`IDResolver.misplacedPhoneNumberID`), an id `whois` named
    /// (`identities`: the Meta app id…) or a WAMID by its form. An unknown id or a near miss is left to Graph's text: the
    /// call may be refused for its payload; so is Graph's "nonexisting field (EDGE) on node type (TYPE)", which names the
    /// kind itself (`IDResolver.nodeTypeMeaning`).
    static func holdsOtherKindOfID(_ json: JSONObject, _ known: Known) -> Bool {
        guard !known.numbers.isEmpty, isRefusedInSlot(json), let endpoint = json["endpoint"]?.string,
            IDResolver.nodeTypeMeaning(endpoint, text: json["error_message"]?.string, numbers: []) == nil,
            let id = APIPath.phoneNumberID(in: endpoint), let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: known.numbers)
        else { return false }
        // Kapso's own words that the id is not the project's: what the id is, whatever kind (tester51 N1).
        if ProjectRefusal.says(json["error_message"]?.string) { return true }
        switch misplaced.kind {
        case .nearMissPhoneNumberID: return false
        case .unknown:
            if let identity = known.identities[id], identity.kind != .unknown, !identity.incomplete { return true }
            if case .success(.wamid) = IDInput.read(id) { return true }
            return IDResolver.knownID(id, numbers: known.numbers, webhooks: known.webhooks) != nil
        default: return true
        }
    }

    /// A failed call whose path holds, in the phone-number slot, an id that is none of `numbers`' phone-number ids: one
    /// cause per id and status, with what the id is (`IDResolver.misplacedPhoneNumberID`, else `history` or `identities`)
    /// and the id to use. Nil when the path has no such id, or `numbers` is empty.
    static func misplacedIDMember(_ entry: ErrorTriage.Entry, call: Call, _ known: Known) -> Member? {
        let (key, method, endpoint, status, what, error) = call
        let (numbers, webhooks, identities) = (known.numbers, known.webhooks, known.identities)
        guard !numbers.isEmpty, let id = APIPath.phoneNumberID(in: endpoint),
            var misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers)
        else { return nil }
        // An id sent escaped (`%2B1415…`, `%2B1%20415…`) is read decoded, once, for the reading and the advice (P32-1,
        // tester61b AK17): the display number `+1415…` is named so; the project's own phone-number id escaped is the
        // escape's mistake, not "not in this project".
        let decoded = APIPath.decoded(id).trimmingCharacters(in: .whitespaces)
        let escaped = misplaced.kind == .unknown && id.contains("%") && decoded != id && !decoded.isEmpty
        if escaped, numbers.contains(where: { $0.id == decoded }) {
            misplaced.summary = "\(id) is \(decoded) escaped, the phone-number id of \(numbers.first { $0.id == decoded }?.name ?? decoded)"
            misplaced.kind = .nearMissPhoneNumberID
            misplaced.numbers = numbers.filter { $0.id == decoded }
        } else if escaped, let number = IDResolver.misplacedPhoneNumberID(decoded, numbers: numbers),
            number.kind != .unknown || decoded.allSatisfy(\.isNumber)
        {
            misplaced = number
        }
        // The id as the readings below quote it: decoded when escapes hid what it is (`+1 415 555 0199`).
        let shown = escaped ? decoded : id
        var summary = misplaced.summary
        var meaning =
            misplaced.numbers.isEmpty
            ? "\(misplaced.summary); wrong project or key? 'numbers' lists the phone-number ids"
            : "\(misplaced.summary); use \(misplaced.choices)"
        // An id the project's calls, messages or deliveries show was its number: removed since, not "wrong project or
        // key" (P13-4, probe19 P19-5).
        if misplaced.kind == .unknown, let former = IDResolver.formerUse(
            of: id, calls: known.history, messages: known.messages, deliveries: known.deliveries, before: entry.time)
        {
            summary = former.summary
            meaning = former.statement + "; update the id the sender uses ('numbers' lists the current phone-number ids)"
        } else if misplaced.kind == .unknown, let identity = identities[id], identity.kind != .unknown, !identity.incomplete {
            // What `whois` says of the id (a WAMID of this project, Meta's app id…): no "wrong project or key" (P15-1).
            let owners = numbers.filter { identity.phoneNumberIDs.contains($0.id) }
            summary = "\(identity.statement); not a phone-number id"
            meaning = summary + "; the path takes the phone-number id: "
                + (owners.isEmpty ? "'numbers' lists them" : "use " + IDResolver.choices(owners))
        } else if misplaced.kind == .unknown, case .success(.wamid(_, let contact)) = IDInput.read(id) {
            // A WAMID the resolver was not asked about (`unknownPathIDs` looks up the newest few): its form says what it
            // is, as `whois` reads it (probe19 P19-1).
            summary = "\(id) is a message id (WAMID)" + (contact.map { " of a message with the contact +\($0)" } ?? "")
                + ", not a phone-number id"
            meaning = summary + "; the path takes the phone-number id of the number that sends: 'numbers' lists them; "
                + "'\(ShellWord.command("whois", id))' says which message it is"
        } else if misplaced.kind == .unknown, let (ascii, read) = IDInput.lettersForDigits(id) {
            // Letters that look like digits (`1002003004005O1`): `use` and `whois` read them so; one reading (probe41 P41-7).
            let number = numbers.first { $0.id == ascii }
            summary = "\(id) has letters where digits belong (\(read)): with digits it is \(ascii)"
                + (number.map { ", this project's phone-number id of \($0.name ?? $0.id)" } ?? ", none of this project's phone-number ids")
            meaning = summary + (number == nil ? "; 'numbers' lists them" : "; fix the id the caller sends")
        } else if misplaced.kind == .unknown, ProjectRefusal.says(entry.json["error_message"]?.string) {
            // Kapso said the number is not this project's, and kops knows no more of the id (tester51 N1).
            summary = "\(shown) is none of this project's phone-number ids (Kapso: 'does not belong to this project')"
            meaning = ProjectRefusal.meaning(id: shown, key: key == "-" ? nil : key, numbers: numbers)
        } else if misplaced.kind == .unknown, escaped, !decoded.allSatisfy(\.isNumber), case .success(.number) = IDInput.read(decoded) {
            // A phone number sent escaped (`%2B1%20415%20555%200199`): a number, none of the project's (tester61b AK7).
            summary = "\(decoded) (sent escaped as \(id)) is a phone number, none of this project's display numbers"
            meaning = summary + "; the path takes the phone-number id (Meta's, digits): 'numbers' lists them"
        } else if misplaced.kind == .unknown, !shown.allSatisfy(\.isNumber) {
            // A UUID or a name where Meta's phone-number id (digits) belongs is no project question; a webhook id
            // of the project is named.
            summary = IDResolver.knownID(id, numbers: numbers, webhooks: webhooks).map { "\(id) is \($0), not a phone-number id" }
                ?? "\(shown) is not a phone-number id (Meta's are digits) nor an id of this project"
            meaning = summary + "; the path takes the phone-number id: 'numbers' lists them"
        }
        // A Graph path of an id alone (`GET /v24.0/{id}`) reads any Meta object by its id: a template id there is
        // the project's, only not a number's, so "not an id of this project" would be wrong.
        if misplaced.kind == .unknown, identities[id]?.lookUpBudget != nil || identities[id] == nil, let graph = APIPath.graphObject(in: endpoint), graph.edge == nil {
            summary = "\(id) is none of this project's phone-number or WABA ids"
            meaning = summary + "; a Graph path of an id alone reads any Meta object (a template, a media file, a "
                + "message…): '\(ShellWord.command("whois", id))' says what it is (it searches the templates too)"
        }
        // A media id read with `GET /{media_id}` (or deleted) is in its right place: Meta no longer serves it (P26-6). Its
        // own cause: the same id sent as a phone-number id (`/{media_id}/messages`) is another mistake, with its own fix.
        var cause = "id \(id)"
        if let identity = identities[id], APIPath.graphObject(in: endpoint)?.edge == nil,
            let media = IDResolver.mediaNotFoundMeaning(identity, endpoint: endpoint, at: KapsoTime.seconds(iso: entry.time))
        {
            summary = IDResolver.lacksPhoneNumberID(endpoint)
                ? "\(id) is a media id, read without ?phone_number_id=" : "\(id) is a media id Meta does not serve"
            meaning = media
            cause = "media id \(id)"
        }
        // Reading a WABA's message history: history sync applies to coexistence numbers only (`numbers`' COEX).
        let coexistence = misplaced.numbers.filter(\.isCoexistence)
        var note: String? = nil
        if method == "GET", APIPath.segments(of: endpoint).last == "messages", !coexistence.isEmpty,
            coexistence.count < misplaced.numbers.count
        {
            note = "history sync applies only to coexistence numbers: "
                + IDResolver.list(coexistence.map { "\($0.name ?? $0.id) \($0.id)" })
        }
        return Member(
            // One cause per id and status (404, or 400 with Graph's "does not exist"); each call keeps the
            // status and text that came back, as `--flat` shows them, not a 404 it never got (P15-2).
            cause: Cause(source: "api", who: key, what: cause, error: "\(status)"), source: .api, time: entry.time,
            who: key, what: what, error: error, meaning: meaning,
            headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(summary)" },
            misplacedID: id, note: note)
    }

    /// The triage's meaning of a failed call, unless Kapso refused the path's number as not this project's
    /// (`ProjectRefusal`) and `known` has the numbers to say whether it is: the project's own number is named so, not
    /// "none of this project's" (tester51 N1).
    static func refusedMeaning(_ entry: ErrorTriage.Entry, _ known: Known) -> String {
        guard ProjectRefusal.says(entry.json["error_message"]?.string), !known.numbers.isEmpty, let endpoint = entry.json["endpoint"]?.string
        else { return entry.meaning }
        return ProjectRefusal.meaning(
            id: APIPath.phoneNumberID(in: endpoint), key: entry.json["api_key_name"]?.string, numbers: known.numbers,
            call: KapsoTime.seconds(iso: entry.time))
    }

    /// A failed Graph read of an id alone (`GET /meta/whatsapp/v24.0/{id}`) whose id is of a kind Graph does not read
    /// there (a message, a conversation, a contact…), by what `whois` found (`identities`) or its form: the row says what
    /// the id is and where that kind is read (`IDResolver.graphNodeMeaning`), not "no object has the id" of a message
    /// that exists (probe46 P46-2). One cause per id and status. Nil for other paths and kinds.
    static func graphNodeMember(_ entry: ErrorTriage.Entry, call: Call, _ known: Known) -> Member? {
        let (key, _, endpoint, status, what, error) = call
        guard let id = APIRoute.documented(endpoint)?.id,
            let meaning = IDResolver.graphNodeMeaning(endpoint, identity: known.identities[id], numbers: known.numbers)
        else { return nil }
        let kind = known.identities[id].flatMap { $0.kind == .unknown || $0.incomplete ? nil : $0.kind }
            ?? IDResolver.nodelessKind(byForm: id) ?? .unknown
        return Member(
            cause: Cause(source: "api", who: key, what: "id \(id)", error: "\(status)"), source: .api, time: entry.time,
            who: key, what: what, error: error, meaning: meaning,
            headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(kind.nodeNoun) read at /\(id), which is no Graph node" },
            misplacedID: id)
    }

    /// A failed call whose path holds, in a WABA slot (`/{waba}/message_templates`) or a Graph path of an id alone
    /// (`/{id}`), an id one copying mistake from the project's WABA id (or, in `/{id}`, from a phone-number id): the slot
    /// is read for the kind it takes (`IDResolver.slotNearMiss`), so the row names the mistake and the id the path needed
    /// instead of "no object has the id" (probe21 P21-9). One cause per id and status, as `misplacedIDMember`. Nil for
    /// other paths, an id the project's keys called with success before (`notFoundMeaning` names that), and no near miss.
    static func nearMissSlotMember(_ entry: ErrorTriage.Entry, call: Call, _ known: Known) -> Member? {
        let (key, _, endpoint, status, what, error) = call
        guard !known.numbers.isEmpty, let route = APIRoute.documented(endpoint), let id = route.id,
            route.slot == .wabaID || route.slot == .metaObject,
            IDResolver.lastSuccess(of: id, in: known.history, before: entry.time) == nil,
            // What `whois` found the id to be (a template id one digit from the WABA id) stands over a guess.
            [nil, .unknown].contains(known.identities[id]?.kind),
            let miss = IDResolver.slotNearMiss(endpoint, numbers: known.numbers)
        else { return nil }
        let takes = route.edge.map { "/\($0) takes the WABA id: " } ?? ""
        let meaning = miss.summary + "; " + (miss.kind == .wabaID ? takes : "") + miss.use
        return Member(
            cause: Cause(source: "api", who: key, what: "id \(id)", error: "\(status)"), source: .api, time: entry.time,
            who: key, what: what, error: error, meaning: meaning,
            headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(miss.summary)" },
            misplacedID: id)
    }

    /// A 404 not explained by a misplaced phone-number id: a project id in the wrong slot (a webhook id as
    /// a conversation id), else a path the API does not serve (no id in it, or only ids this project has,
    /// each in its place), else, when the numbers are not known, either cause; else the triage's meaning
    /// (an id kops does not know: not in this project).
    static func notFoundMeaning(
        _ endpoint: String, _ entry: ErrorTriage.Entry, _ numbers: [PhoneNumber], _ webhooks: [Webhook], _ history: [APILog],
        identities: [String: Identity] = [:], status: Int = 404
    ) -> String {
        // A WABA id no number of the project has now, that the project's keys called with success before (P13-4's kind).
        if let id = unknownWABAID(endpoint, numbers: numbers), let success = IDResolver.lastSuccess(of: id, in: history, before: entry.time) {
            return IDResolver.formerNumberStatement(id, success: success)
                + "; update the WABA id the caller uses ('numbers' shows each number's WABA id)"
        }
        // A WAMID that lost its '=' padding, of a message `whois` finds with it: the message exists (tester48 notes).
        if let id = ErrorTriage.unpaddedMessageID(endpoint), let object = APIPath.objectID(in: endpoint),
            let found = ErrorTriage.unpaddedWAMID(object.id, found: identities[id])
        {
            return found
        }
        // A WAMID with an '=' too many, of a message `whois` finds without it: the caller's mistake (tester56b AA9).
        if let object = APIPath.objectID(in: endpoint), object.collection == "messages",
            let extra = ErrorTriage.extraPaddingWAMID(object.id, found: identities[object.id])
        {
            return extra
        }
        // A WAMID encoded twice: the triage's reading names it, before any story of the message (tester52 H5).
        if let object = APIPath.objectID(in: endpoint), object.collection == "messages", ErrorTriage.isDoubleEncoded(object.id) {
            return entry.meaning
        }
        if let wrongSlot = APIPath.objectID(in: endpoint).flatMap({
            IDResolver.wrongCollectionID($0.id, collection: $0.collection, numbers: numbers, webhooks: webhooks, identity: identities[$0.id])
        }) ?? IDResolver.wabaEdgeMeaning(endpoint, numbers: numbers, identities: identities) ?? IDResolver.wrongShapeMeaning(endpoint) {
            return wrongSlot
        }
        if let path = IDResolver.pathNotServed(
            endpoint, numbers: numbers, webhooks: webhooks, text: entry.json["error_message"]?.string, identities: identities,
            at: KapsoTime.seconds(iso: entry.time), status: status, method: entry.json["http_method"]?.string, history: history)
        {
            return path
        }
        // The project's own id or display number sent escaped: named decoded, not "not in this project" (tester61b AK17).
        if let escaped = escapedProjectIDMeaning(endpoint, numbers: numbers) { return escaped }
        if numbers.isEmpty, let id = APIPath.ids(in: endpoint).lazy.compactMap(APIPath.whoisArgument).first {
            return "either the id in the path is not in this project or the path is not an endpoint of the API "
                + "(the project's numbers could not be read to tell); '\(ShellWord.command("whois", id))' says what the id is"
        }
        // A message or conversation id kops did not look up (it looks up the newest few): the 404 says only that the API
        // found none when called, not that the project has none (tester51b F1: older rows of a retry loop).
        if let id = platformObjectID(endpoint), let budget = identities[id]?.lookUpBudget, let kind = APIPath.objectID(in: endpoint).flatMap({ APIPath.objectKind($0.collection) }),
            entry.meaning.hasPrefix("no \(kind) of this project has the id in the path")
        {
            return "the API found no \(kind) with the id in the path when called; kops looks up only the newest \(budget) such "
                + "ids here: '\(ShellWord.command("whois", APIPath.typed(id)))' says whether the project has it"
        }
        return entry.meaning
    }
}
