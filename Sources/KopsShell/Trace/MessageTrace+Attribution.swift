internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Which webhook deliveries and API calls are the traced message's own, and what a held send lock says about them.
extension MessageTrace {
    /// The held-lock meaning of the 409s among `calls` (the number's send calls read), as `errors` reads them, when
    /// `holder` is the pending send that likely holds the lock; nil otherwise.
    static func sendLock(_ calls: [APILog], holder: Message, now: Int64) -> String? {
        var triage = ErrorTriage()
        triage.addAPILogs(calls.filter { $0.responseStatus == 409 })
        guard !FailureGroups.lockNumbers(triage.entries).isEmpty else { return nil }
        let groups = FailureGroups(triage.entries, numbers: [], messages: [holder], now: now)
        return groups.groups.first { $0.lockHolder == holder.id }?.meaning
    }

    /// Leaves out the calls and deliveries the message's own history rules out, and notes an ambiguous match.
    mutating func attribute() {
        let calls = if case .loaded(let logs) = apiLogs { logs } else { [APILog]() }
        let found = if case .loaded(let rows) = deliveries { rows } else { [WebhookDelivery]() }
        let attribution = SendAttribution(message: message, calls: calls, deliveries: found, neighbours: neighbours)
        if case .loaded = apiLogs { apiLogs = .loaded(attribution.calls) }
        if case .loaded = deliveries { deliveries = .loaded(attribution.deliveries) }
        callsNote = attribution.callsNote
        if case .loaded = apiLogs { callsSharing = attribution.callsSharing }
        if case .loaded = deliveries { deliveriesSharing = attribution.deliveriesSharing }
        deliveriesNote = attribution.deliveriesNote
        if case .loaded = deliveries { self.attribution = attribution }
        refusedAttempts = attribution.refusedAttempts
        refusedNote = attribution.refusedNote
        slowCalls = attribution.unansweredCalls + attribution.possibleSends
        slowNotes = [attribution.unansweredNote, attribution.spanningNote, attribution.nearerSpanningNote].compactMap { $0 }
    }

    /// The other messages, deliveries, send calls and batching webhooks read with the trace (`listings`: message listings of
    /// the number, `webhooks`: the number's webhooks), for telling the message's own rows from theirs (P44-2).
    static func neighbours(
        of message: Message, listings: [[Message]], deliveries: [WebhookDelivery], calls: [APILog],
        webhooks: Result<JSONValue, KapsoAPIError>?
    ) -> SendAttribution.Neighbours {
        var seen: Set<String> = [message.id]
        let messages = listings.flatMap { listed in listed.filter { seen.insert($0.id).inserted } }
        var batched: [String: Set<String>] = [:]
        if case .success(let json)? = webhooks, let page = try? Page.decode(json, item: Webhook.init(json:)) {
            for webhook in page.items where webhook.bufferEnabled {
                batched[webhook.id] = Set(WebhookPayloadShape(webhook).batchedEvents)
            }
        }
        let number = message.phoneNumberID ?? "-"
        return SendAttribution.Neighbours(
            messages: messages, deliveries: deliveries,
            calls: calls.filter { SendAttribution.sendScope(of: $0, phoneNumberID: number) != nil }, batched: batched)
    }

    /// For a message the contact sent, the listing of their sends from its number (`ContactWindow.weighing`: a free-form
    /// send Meta refused for the window after their last message is said beside an open window, as `conversation` and
    /// `reply` say it; tester67 Y2), asked only while the window the message opened is open at `now`; nil otherwise.
    static func contactSendsRequest(_ message: Message, _ client: KapsoClient, now: Int64) -> HTTPRequest? {
        guard message.isInbound, ServiceWindow(lastInbound: message.time, at: now).isOpen, let contact = message.contact,
            let number = message.phoneNumberID
        else { return nil }
        return client.messagesRequest(
            filters: [("phone_number_id", number), ("phone_number", PrependedRecipient.sendsKey(contact)), ("direction", "outbound")],
            limit: ContactWindowLookup.messageLimit)
    }

    /// The messages of a listing's answer; none when it failed or does not decode.
    static func messages(_ listing: Result<JSONValue, KapsoAPIError>, _ client: KapsoClient) -> [Message] {
        guard case .success(let json) = listing, let page = try? client.messages(from: json) else { return [] }
        return page.items
    }

    static func matches(_ delivery: WebhookDelivery, message: Message, from start: Int64, to end: Int64) -> Bool {
        guard WebhookAudience.journey(of: message).contains(delivery.event), let at = KapsoTime.seconds(iso: delivery.createdAt),
            at >= start, at <= end
        else { return false }
        if let number = message.phoneNumberID, let other = delivery.phoneNumberID, other != number { return false }
        // The other WhatsApp-id form of a Brazilian, Mexican or Argentine mobile is the same contact (P40-1).
        return delivery.mayConcern(message)
    }
}
