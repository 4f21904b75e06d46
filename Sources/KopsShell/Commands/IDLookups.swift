internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Fetches what `IDResolver` needs for one id: every look-up at once through the transport's
/// `sendAll` (curl multi); a look-up that fails (timeout, 429, 5xx) is named in `unchecked`, the
/// others still count.
enum IDLookups {
    /// Pages of API logs and deliveries read at most per look-up (100 rows each), as `errors` does.
    static let maxPages = FailureFetch.maxPages

    /// The facts, and the error of each look-up that failed (for the exit status). API-log and delivery
    /// look-ups follow their cursors after the first answers, up to `maxPages` (stopping once `id` is
    /// found); a list cut there is named in `facts.capped`. `own` marks kops's own look-ups among the API logs.
    /// `numbers`: the project's numbers when the caller already read them (`use`, `health`): a template id's look-up
    /// lists their WABAs' templates without `.phoneNumbers` among the look-ups (probe6 P6-13).
    static func fetch(
        _ lookups: [IDResolver.Lookup], client: KapsoClient, id: String? = nil, own: OwnLookups? = nil, numbers: [PhoneNumber]? = nil
    ) -> (facts: IDResolver.Facts, errors: [any KopsError]) {
        var errors: [any KopsError] = []
        // Templates are listed per WABA, which the numbers name: they go after the rest; so do the messages on an id
        // (`numberMessages`), read only for an id the rest did not find.
        let later = lookups.filter {
            switch $0 {
            case .templates, .numberMessages, .kapsoMessage: true
            default: false
            }
        }
        let lookups = lookups.filter { !later.contains($0) }
        let requests = lookups.map { request(for: $0, client: client) }
        let responses = client.sendAll(requests)
        var facts = IDResolver.Facts()
        if let numbers { facts.numbers = numbers }
        for (index, lookup) in lookups.enumerated() {
            do {
                let response = try responses[index].get()
                // Read in `decode`'s shape: a body of the wrong shape is said with the status that came back (probe18 P18-16)
                // and is no sign the host serves Kapso's API (`servedPaths`; tester57b: `conversation ID` against a host
                // answering `{"ok":true}` said "unexpected response", where `numbers` names the host).
                let json = try client.decode(response, for: requests[index]) { json throws(KapsoAPIError) in
                    try add(json, of: lookup, to: &facts, client: client)
                    return json
                }
                try follow(json, of: lookup, to: &facts, client: client, id: id)
            } catch let error as KapsoAPIError where isWrongBaseURL(error) {
                // Every look-up is a list every Kapso API has (kapso-api.md §2.1, §3.3, §4, §5, §7.1, §8.1): a 404
                // there is the wrong base URL, not an empty answer, so nothing was searched (probe5 P5-1).
                // Unless the host answered other paths this session (tester51 G6): then one 404 is not the base URL.
                record(
                    failure: error, of: lookup, to: &facts, errors: &errors,
                    because: client.servedPaths.isEmpty
                        ? "404 from an endpoint every Kapso API has: the API base URL looks wrong"
                        : "404 from an endpoint every Kapso API has, though this host answered others: try again")
            } catch {
                record(failure: error, of: lookup, to: &facts, errors: &errors)
            }
        }
        for case .userMessages(let userID) in lookups { facts.messages += replacedUserIDMessages(userID, facts: facts, client: client) }
        for lookup in later {
            if case .numberMessages(let id) = lookup {
                numberMessages(id, lookup: lookup, to: &facts, errors: &errors, client: client)
                continue
            }
            if case .kapsoMessage(let id) = lookup {
                kapsoMessage(id, lookup: lookup, to: &facts, errors: &errors, client: client)
                continue
            }
            guard case .templates(let id) = lookup else { continue }
            // Without the numbers there are no WABAs to list: not read, so not "not found in templates" either.
            guard !facts.failed.contains(.phoneNumbers) else {
                facts.failed.append(lookup)
                continue
            }
            do {
                try templates(id, to: &facts, client: client)
            } catch {
                record(failure: error, of: lookup, to: &facts, errors: &errors)
            }
        }
        if let own {
            // Its writes too (a `reply`'s POST on the number's path): kops's calls are none of the project's (tester51 G5).
            let matches = own.ownLogIDs(in: facts.apiLogs, host: client.baseURL, answered: true)
            let every = own.ownLogIDs(in: facts.apiLogs, host: client.baseURL, every: true)
            (facts.ownLogIDs, facts.sessionOwnLogIDs) = (matches.ids.union(every.ids), matches.session.union(every.session))
        }
        return (facts, errors)
    }

    /// The messages whose `phone_number_id` is `id` (one page), when `id` is none of the project's numbers, WABAs,
    /// templates or media read: they say a number the project does not list now was its number (probe39 P39-4).
    private static func numberMessages(
        _ id: String, lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, errors: inout [any KopsError], client: KapsoClient
    ) {
        guard !facts.failed.contains(.phoneNumbers), !facts.numbers.contains(where: { $0.id == id || $0.businessAccountID == id }),
            !facts.templates.contains(where: { $0.template.id == id }),
            !facts.mediaMessages.contains(where: { IDResolver.mediaID(of: $0) == id })
        else { return }
        let request = request(for: lookup, client: client)
        do {
            let json = try client.decode(try client.sendAll([request])[0].get(), for: request)
            try add(json, of: lookup, to: &facts, client: client)
        } catch {
            record(failure: error, of: lookup, to: &facts, errors: &errors)
        }
    }

    /// Names `lookup` among the look-ups that failed (`facts.failed`) and says why in `facts.unchecked`: `reason`, else a
    /// `KopsError`'s message, else the error as it describes itself. A `KopsError` goes to `errors` (for the exit status).
    static func record(
        failure error: any Error, of lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, errors: inout [any KopsError],
        because reason: String? = nil
    ) {
        let known = error as? any KopsError
        facts.unchecked.append("\(lookup.part) (\(reason ?? known?.message ?? "\(error)"))")
        facts.failed.append(lookup)
        if let known { errors.append(known) }
    }

    /// The error of `errors` that says the API base URL is wrong (a 404 from a list every Kapso API has, or a 404
    /// page that is not JSON), for a command to throw instead of a conclusion: the error funnel words it
    /// (`BaseURLError`). Nil when no look-up failed that way.
    static func wrongBaseURL(in errors: [any KopsError]) -> KapsoAPIError? {
        errors.lazy.compactMap { $0 as? KapsoAPIError }.first(where: isWrongBaseURL)
    }

    /// True for a 404 on a path every Kapso API has (`APIPath.alwaysExists`) and a 404 page that is not JSON.
    static func isWrongBaseURL(_ error: KapsoAPIError) -> Bool {
        switch error {
        case .notFound(let path, _): APIPath.alwaysExists(path)
        case .badResponse(404, _, _): true
        default: false
        }
    }

    /// The templates of each WABA of `facts.numbers`, page by page (up to `maxPages` each) until `id` is
    /// one's id; none when `id` is a number's or a WABA's own id.
    private static func templates(_ id: String, to facts: inout IDResolver.Facts, client: KapsoClient) throws(KapsoAPIError) {
        guard !facts.numbers.contains(where: { $0.id == id || $0.businessAccountID == id }) else { return }
        var wabas: [String] = []
        for waba in facts.numbers.compactMap(\.businessAccountID) where !wabas.contains(waba) { wabas.append(waba) }
        for waba in wabas {
            let capped = try readPages(
                next: { after throws(KapsoAPIError) in try client.templates(businessAccountID: waba, limit: 100, after: cursor(after)) },
                take: { facts.templates += $0.items.map { (waba, MessageTemplate(json: $0)) } },
                done: { facts.templates.contains { $0.template.id == id } })
            if facts.templates.contains(where: { $0.template.id == id }) { return }
            // Only a WABA read to its last page says the id is none of its templates.
            if !capped { facts.templateWABAs.append(waba) }
        }
    }

    /// The pages after the first of a list look-up, up to `maxPages`: API logs and deliveries stop early once
    /// `id` is an API log's or a delivery's id, a WAMID's messages once the WAMID is among them; a list cut
    /// at `maxPages` is named in `facts.capped`. A conversation's look-up goes on to its conversations.
    private static func follow(
        _ first: JSONValue, of lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, client: KapsoClient, id: String?
    ) throws(KapsoAPIError) {
        let key = id?.lowercased()
        // An API key's id is not "found" early: its calls are counted over every page read.
        func found() -> Bool {
            guard let key else { return false }
            return facts.apiLogs.contains { $0.id.lowercased() == key } || facts.deliveries.contains { $0.id.lowercased() == key }
        }
        let capped: Bool
        switch lookup {
        case .apiLogsMentioning, .recentAPILogs:
            capped = try readPages(
                first: try client.apiLogs(from: first),
                next: { after throws(KapsoAPIError) in try client.apiLogs(query(for: lookup) + after) },
                take: { facts.apiLogs += $0.items }, done: { lookup == .recentAPILogs && found() })
        case .recentDeliveries:
            capped = try readPages(
                first: try client.webhookDeliveries(from: first),
                next: { after throws(KapsoAPIError) in try client.webhookDeliveries(query(for: lookup) + after) },
                take: { facts.deliveries += $0.items }, done: found)
        case .message(let wamid, let contact):
            capped = try readPages(
                first: try client.messages(from: first),
                next: { after throws(KapsoAPIError) in
                    try client.messages(filters: contactFilter(contact), limit: 100, after: cursor(after))
                },
                take: { facts.messages += $0.items }, done: { facts.messages.contains { StatusHistory.namesSameMessage($0.id, wamid) } })
            if !capped, !facts.messages.contains(where: { StatusHistory.namesSameMessage($0.id, wamid) }) {
                facts.messages += conversationMessages(of: contact, client: client)
            }
        case .mediaMessages(let mediaID):
            // A number's or WABA's own id is no media id: one page is enough to say so (the numbers come first).
            guard !facts.numbers.contains(where: { $0.id == mediaID || $0.businessAccountID == mediaID }) else { return }
            var page = try client.messages(from: first)
            var pages = 1
            var cursors = PageCursors()
            while !facts.mediaMessages.contains(where: { IDResolver.mediaID(of: $0) == mediaID }), let after = page.nextPageQuery,
                !cursors.repeats(nextOf: page)
            {
                guard pages < IDResolver.mediaPages else {
                    facts.capped.append(lookup)
                    return
                }
                page = try client.messages(filters: [("has_media", "true")], limit: 100, after: cursor(after))
                facts.mediaMessages += page.items
                pages += 1
            }
            return
        case .conversation(let id):
            try conversation(id, to: &facts, client: client)
            return
        case .userMessages(let userID):
            // The contact's name and username are on the conversation when no message carries them; a failure here
            // leaves the messages' answer standing.
            let newest = facts.messages.filter { $0.userID == userID }.max { ($0.time ?? 0) < ($1.time ?? 0) }
            if let id = newest?.conversationID { try? conversation(id, to: &facts, client: client) }
            return
        case .recentConversations:
            // One page: more says only that an older conversation may hold the id (`IDResolver.resolveUUID`).
            capped = try Page.decode(first, item: Conversation.init(json:)).nextPageQuery != nil
        default: return
        }
        if capped { facts.capped.append(lookup) }
    }

    /// The conversation `id` among the conversations of its newest message's number and contact (the
    /// contact may have no number: a business-scoped user), active since an hour before that message, up
    /// to `maxPages`; nothing when no message names it (a conversation without messages is not found).
    private static func conversation(_ id: String, to facts: inout IDResolver.Facts, client: KapsoClient) throws(KapsoAPIError) {
        let key = id.lowercased()
        guard let message = facts.messages.first(where: { $0.conversationID?.lowercased() == key }) else { return }
        var filters = contactFilter(message.contact)
        if let number = message.phoneNumberID { filters.append(("phone_number_id", number)) }
        if let time = message.time { filters.append(("last_active_after", KapsoTime.iso(time - 3600))) }
        _ = try readPages(
            next: { after throws(KapsoAPIError) in try client.conversations(filters: filters, limit: 100, after: cursor(after)) },
            take: { facts.conversations += $0.items }, done: { facts.conversations.contains { $0.id.lowercased() == key } })
    }

    /// Reads a list page by page: from `first` (already taken), or from `next([])` when there is none, following
    /// each page's cursor (`nextPageQuery`) with `next` until `done()` or the last page, `maxPages` pages in all.
    /// Every page read after `first` goes to `take`. True when it stopped at `maxPages` with pages left.
    static func readPages<Item>(
        first: Page<Item>? = nil, next: (_ after: [(String, String)]) throws(KapsoAPIError) -> Page<Item>,
        take: (Page<Item>) -> Void, done: () -> Bool
    ) throws(KapsoAPIError) -> Bool {
        var page: Page<Item>
        if let first {
            page = first
        } else {
            page = try next([])
            take(page)
        }
        var pages = 1
        // A cursor the API gave before would read the same pages again (`PageCursors`): stop there.
        var cursors = PageCursors()
        while let after = page.nextPageQuery, !done(), !cursors.repeats(nextOf: page) {
            guard pages < maxPages else { return true }
            page = try next(after)
            take(page)
            pages += 1
        }
        return false
    }

    /// The `after` cursor of a page's `nextPageQuery`, for the calls that take it alone.
    static func cursor(_ after: [(String, String)]) -> String? {
        after.first { $0.0 == "after" }?.1
    }

    /// The newest messages of the contact's conversations (at most two, 100 each), by `conversation_id`: a message whose
    /// `phone_number` Kapso left null (a sender whose number Meta withheld: a username or BSUID-only user) is not listed
    /// by number, though the WAMID carries it (tester48 F13: the README's H14 was "none of that contact's messages has
    /// this id … wrong project or key?"). Empty without a contact or when a listing fails (the miss is said as before).
    private static func conversationMessages(of contact: String?, client: KapsoClient) -> [Message] {
        guard let contact, !contactFilter(contact).isEmpty,
            let conversations = try? client.conversations(filters: contactFilter(contact), limit: 20)
        else { return [] }
        let ids = conversations.items.filter { ContactNumber.same($0.contact, contact) }.map(\.id)
        // Side by side, one round trip (`KapsoClient.sendAll` waits out a short 429 as a listing alone does).
        let requests = ids.prefix(2).map { client.messagesRequest(filters: [("conversation_id", $0)], limit: 100) }
        return client.messagePages(requests).flatMap { $0?.items ?? [] }
    }

    /// The contact's newest messages by their number (at most 100) when `userID` is the new id a `user_changed_user_id`
    /// notice among `facts.messages` names and nothing came or went under it yet: their messages are under the number and
    /// the old id (tester56b AA6: `whois` of the new id pointed `trace` at the notice). Empty otherwise or when the listing
    /// fails (`whois` then says what the notice says).
    private static func replacedUserIDMessages(_ userID: String, facts: IDResolver.Facts, client: KapsoClient) -> [Message] {
        guard !facts.messages.contains(where: { $0.hasUserID(userID) }),
            let contact = ContactWindow.UserIDChange.notice(replacing: userID, in: facts.messages)?.notice.contact,
            !contactFilter(contact).isEmpty, let page = try? client.messages(filters: contactFilter(contact), limit: 100)
        else { return [] }
        let known = Set(facts.messages.map(\.id))
        return page.items.filter { ContactNumber.same($0.contact, contact) && !known.contains($0.id) }
    }

    /// The `phone_number` filter for a contact: its last 8 digits (a partial match), none without a number.
    private static func contactFilter(_ contact: String?) -> [(String, String)] {
        guard let digits = contact?.filter(\.isNumber), !digits.isEmpty else { return [] }
        return [("phone_number", String(digits.suffix(8)))]
    }

    /// The query of a list look-up (API logs, deliveries), for its later pages too.
    private static func query(for lookup: IDResolver.Lookup) -> [(String, String)] {
        let recent = [("period", "30d"), ("limit", "100")]
        if case .apiLogsMentioning(let id) = lookup { return [("endpoint", id)] + recent }
        return recent
    }

    private static func request(for lookup: IDResolver.Lookup, client: KapsoClient) -> HTTPRequest {
        switch lookup {
        case .phoneNumbers:
            return client.platformRequest("/whatsapp/phone_numbers", query: [("page", "1"), ("per_page", "100")])
        case .webhooks:
            return client.platformRequest("/whatsapp/webhooks", query: [("page", "1"), ("per_page", "100")])
        case .conversation(let id):
            return client.messagesRequest(filters: [("conversation_id", id)], limit: 1)
        case .message(_, let contact):
            return client.messagesRequest(filters: contactFilter(contact), limit: 100)
        case .kapsoMessage:
            return client.messagesRequest(limit: 100)
        case .contactConversations(let digits):
            return client.platformRequest("/whatsapp/conversations", query: [("phone_number", digits), ("limit", "100")])
        case .userMessages(let id):
            return client.messagesRequest(filters: [("business_scoped_user_id", id)], limit: 100)
        case .numberChanges:
            return client.messagesRequest(filters: [("message_type", "system"), ("direction", "inbound")], limit: 100)
        case .recentConversations:
            return client.platformRequest("/whatsapp/conversations", query: [("limit", "100")])
        case .recentInbound:
            return client.messagesRequest(filters: [("direction", "inbound")], limit: 100)
        case .apiLogsMentioning, .recentAPILogs:
            return client.apiLogsRequest(query(for: lookup))
        case .recentDeliveries:
            return client.webhookDeliveriesRequest(query(for: lookup))
        case .health(let id):
            return client.platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/health")
        case .mediaMessages:
            return client.messagesRequest(filters: [("has_media", "true")], limit: 100)
        case .numberMessages(let id):
            return client.messagesRequest(filters: [("phone_number_id", id)], limit: 100)
        case .templates:
            preconditionFailure("templates are listed per WABA after the numbers, not in the first batch")
        }
    }

    private static func add(
        _ json: JSONValue, of lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, client: KapsoClient
    ) throws(KapsoAPIError) {
        switch lookup {
        case .phoneNumbers:
            let page = try Page.decode(json, item: PhoneNumber.init(json:))
            facts.numbers = try client.allPhoneNumbers(after: page)
        case .webhooks:
            // Every page, as for the numbers: an id on page 2 was "no webhook of this project" (tester53b U24).
            let page = try Page.decode(json, item: Webhook.init(json:))
            facts.webhooks = try client.allWebhooks(.project, after: page)
        case .conversation, .message, .kapsoMessage:
            facts.messages += try client.messages(from: json).items
        case .contactConversations, .recentConversations:
            facts.conversations += try Page.decode(json, item: Conversation.init(json:)).items
        case .userMessages, .numberChanges, .recentInbound:
            // A notification can be in both listings: each message once.
            let known = Set(facts.messages.map(\.id))
            facts.messages += try Page.decode(json, item: Message.init(json:)).items.filter { !known.contains($0.id) }
        case .apiLogsMentioning, .recentAPILogs:
            facts.apiLogs += try client.apiLogs(from: json).items
        case .recentDeliveries:
            facts.deliveries += try client.webhookDeliveries(from: json).items
        case .health(let id):
            guard let object = json.object else {
                throw .badResponse(status: 200, detail: "health response that is not an object", firstBytes: "")
            }
            let report = try PhoneNumberHealth(json: object)
            // A check that could not run (`status: error`, kapso-api.md §2.3) names no entities: not read, not "none".
            guard report.check("messaging_health") != nil || report.check("webhook_subscription") != nil else {
                facts.unchecked.append("health of \(id) (the check could not run" + (report.error.map { ": \($0)" } ?? "") + ")")
                facts.failed.append(lookup)
                return
            }
            facts.healths.append((id, report))
        case .mediaMessages:
            facts.mediaMessages += try client.messages(from: json).items
            facts.mediaSearched = true
        case .numberMessages(let id):
            facts.numberMessages += try client.messages(from: json).items.filter { $0.phoneNumberID == id }
        case .templates:
            return
        }
    }
}
