internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Everything that failed in a period, for `errors`, `logs --errors` and `overview`: the first page of
/// each source and the project's numbers go out at once (curl multi); API logs and deliveries then
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
    /// The API's clock when the paths were read (`readPaths`); nil before.
    var now: Int64?

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
        var fetch = FailureFetch()
        if templateNumbers > 0 {
            let pages = zip(requests, responses).filter { $0.0.0 == .message }.compactMap { try? client.decode(try $0.1.get(), for: $0.0.1) }
            let since = context.now() - seconds(period)
            for number in ErrorTriage.templateFailureNumbers(in: pages, since: since).prefix(templateNumbers) {
                fetch.triage.listings[number] = TemplateMismatch.listing(phoneNumberID: number, client: client)
            }
        }
        for ((source, request), response) in zip(requests, responses) {
            // Meta's events are read last, once the message failures they may repeat are known.
            if source == .meta { continue }
            guard let source else {
                // Without the numbers, ids in paths are not judged; the failures still show.
                let json = try? client.decode(try response.get(), for: request)
                if request.url.contains("/whatsapp/webhooks") {
                    // Every page: a webhook on page 2 read as deleted (tester53b U23); a later page not read is none read.
                    let page = json.flatMap { try? Page.decode($0, item: Webhook.init(json:)) }
                    fetch.webhooks = page.flatMap { try? client.allWebhooks(.project, after: $0) } ?? []
                } else {
                    // Every page too: a number on page 2 was "not of this project" (tester54 V9); none read judges no id.
                    let page = json.flatMap { try? Page.decode($0, item: PhoneNumber.init(json:)) }
                    fetch.numbers = page.flatMap { try? client.allPhoneNumbers(after: $0) } ?? []
                    fetch.triage.callingNumbers = Set(fetch.numbers.filter(\.callsEnabled).map(\.id))
                }
                continue
            }
            let json: JSONValue
            do {
                json = try client.decode(try response.get(), for: request)
            } catch let error as TransportError {
                throw KapsoAPIError.transport(error)
            }
            switch source {
            case .message:
                // A WABA id as the selected number finds no messages; say so instead of "nothing failed".
                if !fetch.numbers.isEmpty { try context.verifyNumberFilter(number, numbers: fetch.numbers) }
                // The page of recent messages of any status says nothing about more failures.
                if request.url.contains("status=failed"), !(json["paging"]?["next"]?.isNull ?? true) { fetch.cut.insert(.message) }
                fetch.add(messages: (try? Page.decode(json, item: Message.init(json:)).items) ?? [])
                // Read after a response is decoded: `now` is the API's clock from its `Date` header.
                let now = context.now()
                fetch.triage.addMessages(json, since: now - seconds(period), now: now)
            case .api:
                let first = try client.apiLogs(from: json)
                let logs = try fetch.following(first, of: .api, query: apiFilters + window, id: \.id, next: client.apiLogs)
                let own = context.ownLookups.ownLogIDs(in: logs, host: client.baseURL)
                fetch.ownLookups += own.session.count
                fetch.triage.addAPILogs(own.isEmpty ? logs : logs.filter { !own.contains($0.id) })
            case .webhook:
                let first = try client.webhookDeliveries(from: json)
                let deliveries = try fetch.following(first, of: .webhook, query: window, id: \.id, next: client.webhookDeliveries)
                fetch.deliveries += deliveries
                fetch.triage.addDeliveries(deliveries, period: period)
            case .meta:
                break
            }
        }
        fetch.readPaths(in: context)
        // A webhook that failed may have recovered since: only its deliveries of any status say so (the failures do not).
        if sources.contains(.webhook) {
            let failed = Set(fetch.triage.entries.filter { $0.source == .webhook }.compactMap { $0.json["webhook_id"]?.string })
            fetch.states = WebhookVerdictFetch.verdicts(of: fetch.webhooks.filter { failed.contains($0.id) }, period: period, in: context)
        }
        if let index = requests.firstIndex(where: { $0.0 == .meta }) {
            fetch.meta = fetch.readMeta(responses[index], request: requests[index].1, period: period, number: number, in: context)
        }
        return fetch
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
