internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension FailureFetch {
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
}
