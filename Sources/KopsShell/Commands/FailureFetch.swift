internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Everything that failed in a period, for `errors`, `logs --errors` and `overview`: the first page of
/// each source and the project's numbers go out at once (curl multi); API logs, deliveries and failed messages then
/// follow their cursors, at most `maxPages` pages each, so group counts are whole.
struct FailureFetch {
    var triage = ErrorTriage()
    /// The project's numbers, for judging ids in API paths (empty when they could not be fetched).
    var numbers: [PhoneNumber] = []
    /// The project's webhooks, for naming a webhook id used in a path (empty when not fetched).
    var webhooks: [Webhook] = []
    /// The state now of each webhook with failed deliveries in the period (`WebhookVerdictFetch`), by id; and those whose
    /// deliveries could not be read, with why (`unreadStatesLine`, tester53b U15).
    var states = WebhookVerdictFetch.Fetched()
    /// The rows of `states`' pages that no state could read, in words (`DeliveriesLeftOut`, tester58 AD6 item 6); nil when
    /// none was.
    var statesLeftOut: String?
    /// The sources that had more failures than were read (`maxPages` pages of 100).
    var cut: Set<ErrorTriage.Source> = []
    /// The sources whose pages stopped because the API handed back a cursor it had already given (`PageCursors`).
    var repeatedCursor: Set<ErrorTriage.Source> = []
    /// True when a list had more pages than were read.
    var truncated: Bool { !cut.isEmpty }
    /// Failed API calls that were this session's own look-ups (`OwnLookups.Matches.session`), left out of `triage`
    /// (earlier runs' are left out too, not counted).
    var ownLookups = 0
    /// What Meta's own webhooks (log search) said, when `meta` was among the sources.
    var meta: MetaOutcome?
    /// Calls of the last 30 days, any status, whose path has an id that failed as none of the project's, or a number of
    /// the project's that failed on a documented route (`FailureGroups.formerNumberIDs`): a success among them says the id
    /// was the project's number once (P13-4), or that the same call was answered around the failure (tester51b F4).
    var history: [APILog] = []
    /// What `whois` finds for each of `FailureGroups.unknownPathIDs` (a WAMID of this project, Meta's app id…), by id.
    var identities: [String: Identity] = [:]
    /// The messages read (any status), and the outbound ones of each number whose sends met 409s over minutes
    /// (`FailureGroups.lockNumbers`): a former number's messages (P19-5) and a held send lock's pending send (P19-7).
    var messages: [Message] = []
    /// The deliveries read (the failed ones, and Kapso's `whatsapp.phone_number.deleted` ones when an id failed as none
    /// of the project's), for a former number's evidence (P19-5).
    var deliveries: [WebhookDelivery] = []
    /// Where the failed deliveries' entries go among `triage`'s (`addDeliveries`): after the sources read before them.
    var deliveriesAt: Int?
    /// The API's clock when the paths were read (`readPaths`); nil before.
    var now: Int64?
    /// The sources whose failures could not be read, with the API's error, in the order asked (`unreadLines`; fix58D: a
    /// 503 on one list failed all of `errors`): the others still show.
    var unread: [(source: ErrorTriage.Source, error: KapsoAPIError)] = []
    /// The project's lists that could not be read (`phone numbers`, `webhooks`), with why: what they name is not said.
    var unreadLists: [(what: String, why: String)] = []
    /// True when the failed deliveries were among the sources asked: the webhooks list then also says each one's state.
    var readsDeliveries = false

    /// The log search part of a fetch: checked, not available for the project, or failed (the rest still shows).
    enum MetaOutcome {
        case checked(ErrorTriage.MetaCheck)
        case unavailable(String)
        case failed(String)
    }

    static let maxPages = 20

    /// Fetches `sources` for `period` (`24h`, `7d`, `30d`); `apiFilters` narrow the API logs (`endpoint`,
    /// `status_code`); messages are the selected number's, if any. With `templateNumbers`, the WABA's templates of at most
    /// that many numbers whose failed sends they explain (`ErrorTriage.templateFailureNumbers`) are read before the
    /// messages are added (`ErrorTriage.listings`): one listing per number.
    static func load(
        sources: [ErrorTriage.Source], period: String, apiFilters: [(String, String)] = [], templateNumbers: Int = 0,
        in context: ShellContext
    ) throws -> FailureFetch {
        let client = context.client
        let window = [("period", period), ("errors_only", "true"), ("limit", "100")]
        let number = context.session.phoneNumberID.map { [("phone_number_id", $0)] } ?? []
        // Messages: those whose final status is failed, plus the latest 100 of any status, because a
        // failure can be followed by a delivery and received messages can carry errors[] too.
        var requests: [(ErrorTriage.Source?, HTTPRequest)] = [
            (nil, client.platformRequest("/whatsapp/phone_numbers", query: [("page", "1"), ("per_page", "100")]))
        ]
        // The webhooks name a webhook id used where another id belongs (a 404's path), and say whether a failed
        // delivery went to the URL and events a webhook has now (WebhookVerdict.provenance, P11-1).
        if sources.contains(.api) || sources.contains(.webhook) {
            requests.append((nil, client.platformRequest("/whatsapp/webhooks", query: [("page", "1"), ("per_page", "100")])))
        }
        for source in sources {
            switch source {
            case .message:
                requests.append((source, client.platformRequest("/whatsapp/messages", query: number + [("status", "failed"), ("limit", "100")])))
                requests.append((source, client.platformRequest("/whatsapp/messages", query: number + [("limit", "100")])))
            case .api: requests.append((source, client.apiLogsRequest(apiFilters + window)))
            case .webhook: requests.append((source, client.webhookDeliveriesRequest(window)))
            case .meta: requests.append((source, client.logSearchRequest(metaQuery(period: period, number: number))))
            }
        }
        let responses = client.sendAll(requests.map(\.1))
        let decoded = zip(requests, responses).map { request, response in
            Result { () throws(KapsoAPIError) -> JSONValue in
                switch response {
                case .success(let answer): return try client.decode(answer, for: request.1)
                case .failure(let error): throw .transport(error)
                }
            }
        }
        var fetch = FailureFetch()
        fetch.readsDeliveries = sources.contains(.webhook)
        // A source any of whose first pages failed is not read at all (half of the messages would count wrong); Meta's
        // search says its own failure (`readMeta`).
        for ((source, _), result) in zip(requests, decoded) {
            guard let source, source != .meta, case .failure(let error) = result else { continue }
            try fetch.noteUnread(source, error)
        }
        if templateNumbers > 0 {
            let pages = zip(requests, decoded).filter { $0.0.0 == .message }.compactMap { try? $0.1.get() }
            let since = context.now() - seconds(period)
            for number in ErrorTriage.templateFailureNumbers(in: pages, since: since).prefix(templateNumbers) {
                fetch.triage.listings[number] = TemplateMismatch.listing(phoneNumberID: number, client: client)
            }
        }
        for ((source, request), result) in zip(requests, decoded) {
            // Meta's events are read last, once the message failures they may repeat are known.
            if source == .meta { continue }
            guard let source else {
                // Without the numbers, ids in paths are not judged; without the webhooks, their state now is not said. The
                // failures still show, and the list not read is named (`unreadLists`).
                if request.url.contains("/whatsapp/webhooks") {
                    // Every page: a webhook on page 2 read as deleted (tester53b U23); a later page not read is none read.
                    let read = Result { () throws(KapsoAPIError) -> [Webhook] in
                        try client.allWebhooks(.project, after: try Page.decode(try result.get(), item: Webhook.init(json:)))
                    }
                    fetch.webhooks = try fetch.listRead(read, what: "webhooks") ?? []
                } else {
                    // Every page too: a number on page 2 was "not of this project" (tester54 V9); none read judges no id.
                    let read = Result { () throws(KapsoAPIError) -> [PhoneNumber] in
                        try client.allPhoneNumbers(after: try Page.decode(try result.get(), item: PhoneNumber.init(json:)))
                    }
                    fetch.numbers = try fetch.listRead(read, what: "phone numbers") ?? []
                    fetch.triage.callingNumbers = Set(fetch.numbers.filter(\.callsEnabled).map(\.id))
                }
                continue
            }
            guard !fetch.unread.contains(where: { $0.source == source }), case .success(let json) = result else { continue }
            do {
                try fetch.read(json, of: source, request: request, period: period, apiFilters: apiFilters, in: context)
            } catch let error as KapsoAPIError {
                // A later page failed: none of the source is counted, rather than part of it as if whole.
                try fetch.noteUnread(source, error)
            }
        }
        // Nothing read at all: the one error, as before (`logs --errors`, `errors --source api`).
        let asked = Set(sources).subtracting([.meta])
        if !asked.isEmpty, asked.allSatisfy({ source in fetch.unread.contains { $0.source == source } }), let first = fetch.unread.first {
            throw first.error
        }
        // A webhook that failed may have recovered since: only its deliveries of any status say so (the failures do not),
        // and they say whether a 2xx is accepted (`AcceptedAnswer`), which the failures' meaning reads.
        if sources.contains(.webhook) { try fetch.addDeliveries(period: period, in: context) }
        fetch.readPaths(in: context)
        if let index = requests.firstIndex(where: { $0.0 == .meta }) {
            fetch.meta = fetch.readMeta(responses[index], request: requests[index].1, period: period, number: number, in: context)
        }
        return fetch
    }

    /// Adds the failures of `source`'s first page `json` (of `request`), and of the pages after it for API calls and
    /// deliveries. Throws the API's error of a later page; a selected number that is no phone-number id is thrown as
    /// `verifyNumberFilter` says it.
    private mutating func read(
        _ json: JSONValue, of source: ErrorTriage.Source, request: HTTPRequest, period: String, apiFilters: [(String, String)],
        in context: ShellContext
    ) throws {
        let client = context.client
        let window = [("period", period), ("errors_only", "true"), ("limit", "100")]
        let number = context.session.phoneNumberID.map { [("phone_number_id", $0)] } ?? []
        switch source {
        case .message:
            // A WABA id as the selected number finds no messages; say so instead of "nothing failed".
            if !numbers.isEmpty { try context.verifyNumberFilter(number, numbers: numbers) }
            // Read after a response is decoded: `now` is the API's clock from its `Date` header.
            let now = context.now()
            // The failed ones are followed page by page through the period (tester61 AJ1); the page of recent messages of
            // any status says nothing about more failures.
            let failed = request.url.contains("status=failed")
            let more = failed
                ? try failedMessagePages(
                    after: json, query: number + [("status", "failed"), ("limit", "100")], since: now - Self.seconds(period),
                    client: client)
                : []
            for page in [json] + more {
                add(messages: (try? Page.decode(page, item: Message.init(json:)).items) ?? [])
                triage.addMessages(page, since: now - Self.seconds(period), now: now)
            }
        case .api:
            let first = try client.apiLogs(from: json)
            let logs = try following(first, of: .api, query: apiFilters + window, id: \.id, next: client.apiLogs)
            let own = context.ownLookups.ownLogIDs(in: logs, host: client.baseURL)
            ownLookups += own.session.count
            triage.addAPILogs(own.isEmpty ? logs : logs.filter { !own.contains($0.id) })
        case .webhook:
            let first = try client.webhookDeliveries(from: json)
            // Added to `triage` with the webhooks' states (`addDeliveries`), in this place among the sources' failures.
            deliveries += try following(first, of: .webhook, query: window, id: \.id, next: client.webhookDeliveries)
            deliveriesAt = triage.entries.count
        case .meta:
            break
        }
    }

    /// The failures grouped by cause with everything read of them: the one grouping of `errors`, `logs --errors` and
    /// `overview` (S17: overview grouped without `identities` and `webhooks`, and called a WAMID in a failed path "not an
    /// id of this project" where `errors` named its message).
    var groups: FailureGroups {
        FailureGroups(
            triage.entries, numbers: numbers, webhooks: webhooks, cut: cut, history: history, verdicts: states.verdicts,
            unreadStates: states.unread, identities: identities, messages: messages, deliveries: deliveries, now: now)
    }

    /// Adds `messages`, each once.
    mutating func add(messages more: [Message]) {
        var seen = Set(messages.map(\.id))
        for message in more where seen.insert(message.id).inserted { messages.append(message) }
    }

    /// The items of `first` and the pages after it, each record once (by `id`), up to `maxPages` (then `source` is
    /// cut) or until the API repeats a cursor (`PageCursors`: then `source` is in `repeatedCursor` and cut too).
    private mutating func following<Item>(
        _ first: Page<Item>, of source: ErrorTriage.Source, query: [(String, String)], id: (Item) -> String,
        next: ([(String, String)]) throws(KapsoAPIError) -> Page<Item>
    ) throws(KapsoAPIError) -> [Item] {
        var items = first.items
        var ids = Set(items.map(id))
        var page = first
        var pages = 1
        var cursors = PageCursors()
        while let after = page.nextPageQuery {
            guard !cursors.repeats(nextOf: page) else {
                repeatedCursor.insert(source)
                cut.insert(source)
                break
            }
            guard pages < FailureFetch.maxPages else {
                cut.insert(source)
                break
            }
            page = try next(query + after)
            items += page.items.filter { ids.insert(id($0)).inserted }
            pages += 1
        }
        return items
    }

    static func seconds(_ period: String) -> Int64 {
        switch period {
        case "7d": 7 * 86_400
        case "30d": 30 * 86_400
        default: 86_400
        }
    }
}
