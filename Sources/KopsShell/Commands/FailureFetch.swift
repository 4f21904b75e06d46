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

    /// Reads what the ids in the failed paths of `triage` are, given `numbers`: `history`, the deletions among the
    /// deliveries, and `identities`; and the outbound messages of numbers whose sends met 409s over minutes. A look-up
    /// that fails leaves that id without them (the failure still shows, read as before).
    mutating func readPaths(in context: ShellContext) {
        let former = Self.history(of: triage.entries, numbers: numbers, in: context)
        history = former.calls
        deliveries += former.deletions.filter { deletion in !deliveries.contains { $0.id == deletion.id } }
        add(messages: former.messages)
        identities = Self.identities(of: triage.entries, numbers: numbers, webhooks: webhooks, in: context)
        add(messages: Self.lockMessages(of: triage.entries, in: context))
        now = context.now()
    }

    /// Adds `messages`, each once.
    mutating func add(messages more: [Message]) {
        var seen = Set(messages.map(\.id))
        for message in more where seen.insert(message.id).inserted { messages.append(message) }
    }

    /// The outbound messages (newest 100) of each number whose sends were answered 409 over minutes
    /// (`FailureGroups.lockNumbers`), at once: the pending send among them likely holds Kapso's send lock (P19-7). A
    /// read that fails names no holder.
    static func lockMessages(of entries: [ErrorTriage.Entry], in context: ShellContext) -> [Message] {
        let numbers = FailureGroups.lockNumbers(entries)
        guard !numbers.isEmpty else { return [] }
        let client = context.client
        let requests = numbers.map { number in
            client.platformRequest(
                "/whatsapp/messages", query: [("phone_number_id", number), ("direction", "outbound"), ("limit", "100")])
        }
        return zip(requests, client.sendAll(requests)).flatMap { request, response in
            (try? client.decode(try response.get(), for: request)).flatMap { try? Page.decode($0, item: Message.init(json:)).items } ?? []
        }
    }

    /// What the resolver `whois` uses says of each id of `FailureGroups.unknownPathIDs` (P15-1); ids it finds nowhere,
    /// or could not check, are left out; ids past the look-up budget are `Identity.notLookedUp`.
    static func identities(
        of entries: [ErrorTriage.Entry], numbers: [PhoneNumber], webhooks: [Webhook] = [], in context: ShellContext
    ) -> [String: Identity] {
        // The project's Meta business and app ids, as health names them, for every id of Meta's shape in a failed path (not
        // only the newest few that `whois` is asked about): one set of health reads serves them all (probe17 P17-5).
        var facts = IDResolver.Facts()
        facts.numbers = numbers
        let all = FailureGroups.unknownPathIDs(entries, numbers: numbers, webhooks: webhooks, limit: .max)
        if !IDResolver.metaObjectIDs(all).isEmpty { IDLookups.readMetaIDs(&facts, in: context) }
        var found = IDResolver.metaEntityIdentities(all, facts: facts)
        var healths = facts.healths
        // The newest few others of each form, as `whois` reads them (each is several look-ups), in `lookupOrder`: a burst
        // of failed webhook routes no longer leaves a failed message's WAMID unread (tester52b K1, K18).
        let plan = FailureGroups.lookUpPlan(
            all.filter { found[$0] == nil }, perForm: Self.identifiedIDs, webhookSlots: FailureGroups.webhookSlotIDs(entries))
        for id in plan.asked {
            guard let identity = IDLookups.identify(id, in: context, healths: &healths), identity.kind != .unknown, !identity.incomplete
            else { continue }
            found[id] = identity
        }
        // The rest were not looked up: marked so, not left out as if found nowhere (probe25 P25-8).
        for id in plan.left { found[id] = .notLookedUp(id, budget: Self.identifiedIDs) }
        return found
    }

    /// How many ids of each form (`FailureGroups.LookUpForm`) of failed paths are looked up as `whois` looks them up (each
    /// is several requests).
    static let identifiedIDs = 4

    /// The calls of the last 30 days with each of `FailureGroups.formerNumberIDs` in the path (one page each, and one
    /// page of those answered 200: a number that failed 100 times since its removal has its successes past the first
    /// page, probe19 P19-5), Kapso's `whatsapp.phone_number.deleted` deliveries of the last 30 days, and the project's
    /// newest 100 messages (their `phone_number_id`), at once. Only lists, which answer 200 whatever the ids are
    /// (docs/own-lookups.md): a filter by an id the project may not have is not asked.
    private static func history(of entries: [ErrorTriage.Entry], numbers: [PhoneNumber], in context: ShellContext)
        -> (calls: [APILog], deletions: [WebhookDelivery], messages: [Message])
    {
        let ids = FailureGroups.formerNumberIDs(entries, numbers: numbers)
        guard !ids.isEmpty else { return ([], [], []) }
        let client = context.client
        let window = [("period", "30d"), ("limit", "100")]
        let requests = ids.flatMap { id in
            [client.apiLogsRequest([("endpoint", id)] + window), client.apiLogsRequest([("endpoint", id), ("status_code", "200")] + window)]
        }
        let deletions = client.webhookDeliveriesRequest([("event", "whatsapp.phone_number.deleted")] + window)
        let newest = client.platformRequest("/whatsapp/messages", query: [("limit", "100")])
        let responses = client.sendAll(requests + [deletions, newest])
        var calls: [APILog] = []
        for (request, response) in zip(requests, responses) {
            let page = (try? client.decode(try response.get(), for: request)).flatMap { try? client.apiLogs(from: $0).items } ?? []
            calls += page.filter { log in !calls.contains { $0.id == log.id } }
        }
        let deleted = (try? client.decode(try responses[requests.count].get(), for: deletions))
            .flatMap { try? client.webhookDeliveries(from: $0).items } ?? []
        let messages = (try? client.decode(try responses[requests.count + 1].get(), for: newest))
            .flatMap { try? Page.decode($0, item: Message.init(json:)).items } ?? []
        return (calls, deleted, messages)
    }

    /// Failed statuses Meta sent Kapso in the period (of the selected number, if any).
    private static func metaQuery(period: String, number: [(String, String)]) -> LogSearchQuery {
        LogSearchQuery(
            source: "whatsapp_webhook_event", period: period, problemsOnly: true,
            filters: number.map { (key: $0.0, value: $0.1) }, limit: 100)
    }

    /// Adds Meta's failures not already listed; a failure of log search is reported, never thrown.
    private mutating func readMeta(
        _ response: Result<HTTPResponse, TransportError>, request: HTTPRequest, period: String, number: [(String, String)],
        in context: ShellContext
    ) -> MetaOutcome {
        let client = context.client
        do {
            var result = try LogSearchResult(json: try client.decode(try response.get(), for: request))
            var events: [LogSearchEvent] = []
            var pages = 0
            var cursors = PageCursors()
            while case .page(let page) = result {
                events += page.events
                pages += 1
                guard let cursor = page.nextCursor else { break }
                guard !cursors.repeats(cursor) else {
                    repeatedCursor.insert(.meta)
                    cut.insert(.meta)
                    break
                }
                guard pages < FailureFetch.maxPages else {
                    cut.insert(.meta)
                    break
                }
                var next = Self.metaQuery(period: period, number: number)
                next.cursor = cursor
                result = try client.logSearch(next)
            }
            if case .unavailable = result { return .unavailable("log search is not enabled for this project") }
            return .checked(triage.addMetaEvents(events))
        } catch let error as TransportError {
            return .failed(error.message)
        } catch KapsoAPIError.notFound {
            return .unavailable("this API has no log search")
        } catch let error as KapsoAPIError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
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

    /// `2 of kops's own look-ups this session and 1 'Marketing preference not found' answer (…) left out: not failures
    /// (…earlier runs…)`, nil when none. Only this session's look-ups are counted: a count of every run's would grow each
    /// time kops runs against the API, and a transcript holding it would never replay unchanged (probe9 P9-6).
    var leftOut: String? {
        FailureFetch.leftOut(own: ownLookups, normal: triage.normalAnswers)
    }

    static func leftOut(own: Int, normal: Int) -> String? {
        var parts: [String] = []
        if own > 0 { parts.append("\(own) of kops's own look-ups this session") }
        if normal > 0 {
            parts.append("\(normal) 'Marketing preference not found' \(normal == 1 ? "answer" : "answers") (no preference recorded)")
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: " and ") + " left out: not failures"
            + (own > 0 ? " (kops's look-ups of earlier runs are left out too)" : "")
    }

    /// `{"own_lookups": N, "normal_answers": N}`: the counts `leftOut` names, the `left_out` of every command that says
    /// that line (`errors`, `overview`: tester47 L4, the text said it and the JSON did not); nil when nothing was left out.
    static func leftOutJSON(own: Int, normal: Int) -> JSONValue? {
        guard leftOut(own: own, normal: normal) != nil else { return nil }
        return .object(["own_lookups": .number(String(own)), "normal_answers": .number(String(normal))])
    }

    /// Adds `left_out` (counts of what `leftOut` names) to a JSON object, when anything was left out.
    func addingLeftOut(to json: JSONValue) -> JSONValue {
        guard leftOut != nil || !repeatedCursor.isEmpty, var object = json.object else { return json }
        object["left_out"] = Self.leftOutJSON(own: ownLookups, normal: triage.normalAnswers)
        if !repeatedCursor.isEmpty {
            object["cursor_repeated"] = .array(ErrorTriage.Source.allCases.filter(repeatedCursor.contains).map { .string($0.rawValue) })
        }
        return .object(object)
    }

    /// The `leftOut` line as a hint block, the line for lists the API repeated a cursor in (`repeatedCursor`), and the one
    /// for webhooks whose state now was not read (`unreadStatesLine`), or none.
    var leftOutHint: [Block] {
        (leftOut.map { [.hint($0)] } ?? []) + (repeatedCursorLine.map { [.hint($0)] } ?? [])
            + (unreadStatesLine.map { [.hint($0)] } ?? [])
    }

    /// `API calls: the API returned a page cursor it had already given; stopped instead of looping (a server bug); …`,
    /// nil when no list repeated one: the line `logs --all` stops with, and the counts are of the pages read, each once.
    var repeatedCursorLine: String? {
        guard !repeatedCursor.isEmpty else { return nil }
        let names = ErrorTriage.Source.allCases.filter(repeatedCursor.contains).map { source in
            switch source {
            case .api: "API calls"
            case .webhook: "deliveries"
            case .message: "messages"
            case .meta: "Meta's webhooks"
            }
        }
        return names.joined(separator: " and ") + ": " + ListError.cursorRepeated.message
            + "; counted are the pages read, each once"
    }

    static func seconds(_ period: String) -> Int64 {
        switch period {
        case "7d": 7 * 86_400
        case "30d": 30 * 86_400
        default: 86_400
        }
    }
}
