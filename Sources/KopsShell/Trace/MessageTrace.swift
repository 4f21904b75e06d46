internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Everything known about one message's journey: the message, its conversation, the contact's last inbound message
/// before it, and the webhook deliveries and API log entries that match it. After the message itself, the look-ups are
/// independent and go out at once through the transport's `sendAll` (curl multi), or one by one when `sequential`.
struct MessageTrace {
    /// A part of the trace that could not be loaded, kept as the error line instead of failing the trace.
    enum Part<Value> {
        case loaded(Value)
        case failed(String)
    }

    var message: Message
    var conversation: Part<Conversation>
    /// The contact's latest inbound message at or before the traced one (nil if none).
    var lastInboundBefore: Part<Message?>
    /// The contact's newest inbound message to the number (Unix seconds), the traced one included; nil when the
    /// listing failed. A newer inbound reopens the window an older inbound message opened.
    var newestInbound: Int64? = nil
    /// What that newest message was when a reading must say so (`WindowEvidence.countedNote`: `a reaction`).
    var newestNote: String? = nil
    /// The contact's move to another number (`ContactWindow.moved`), from the same listing; nil when none was read.
    var moved: ContactWindow.Moved? = nil
    /// The contact's business-scoped user ids (`MessageVerdict.contactUserIDs`), from the same listing.
    var contactUserIDs: [String] = []
    /// The contact's window now left unknown by an action Meta documents nothing on (`WindowEvidence.unsettled`), and for
    /// an outbound message the window at its send (`WindowEvidence.unsettled(by:before:among:now:)`), from the same
    /// listing; nil when none was read.
    var unsettled: WindowEvidence.Unsettled? = nil
    var unsettledAtSend: WindowEvidence.Unsettled? = nil
    /// An inbound message's contact window now, from its conversation's `last_inbound_at` and the contact's messages
    /// read, as `conversations`, `conversation ID` and `reply` read it (`ContactWindow`); nil for an outbound message or
    /// when either read failed.
    var contactWindow: ContactWindow? = nil
    var deliveries: Part<[WebhookDelivery]>
    /// The webhooks of the message's number, read with the other look-ups; nil when the message names no number. Which
    /// of them should have received its events is `audience` (`WebhookAudience`): with one due and no delivery found,
    /// Kapso sent none (probe17 P17-11).
    var numberWebhooks: Part<[Webhook]>? = nil
    var apiLogs: Part<[APILog]>
    /// The webhooks Meta sent Kapso about this WAMID (log search, `whatsapp_webhook_event`), oldest first.
    var metaEvents: Part<Search>
    /// Why the listed calls and deliveries may be another message's (several sends at that time), nil when
    /// they fit this message alone (`SendAttribution`).
    var callsNote: String?
    var deliveriesNote: String?
    /// What was read around the message to tell its rows from other messages' (`SendAttribution.Neighbours`), and the
    /// lines about rows shared with them (`deliveriesSharing`, `callsSharing`, P44-2).
    var neighbours = SendAttribution.Neighbours()
    var deliveriesSharing: [String] = []
    var callsSharing: [String] = []
    /// The failed deliveries' attribution (`SendAttribution.failedNote`), nil when no delivery was matched.
    var attribution: SendAttribution?
    /// Send calls refused near the time of a message Meta accepted (other attempts, not its send: `refusedAttempts`), and
    /// the slow or 5xx calls that may be its send (`SendAttribution.possibleSends`, `unansweredCalls`), with their lines.
    var refusedAttempts: [APILog] = []
    var refusedNote: String?
    var slowCalls: [APILog] = []
    var slowNotes: [String] = []
    /// The meaning `errors` gives the 409 "in flight" answers on the message's number when they say Kapso's send lock is
    /// held and this message is its likely holder (`FailureGroups`, `SendLock`, probe19 P19-7); nil otherwise.
    var sendLock: String?
    /// Request ids of the send calls, by API log id (log search's `external_api_log`); empty when not known.
    var requestIDs: [String: String] = [:]
    /// Why the request ids were not read (the log search for the send calls failed), nil when read or not asked.
    var requestIDsNotLoaded: String? = nil
    /// The contact's later edits and deletion of this message (`MessageChange`), from the contact's inbound listing.
    var changes: [MessageChange] = []
    /// Whether Meta's statuses can reach Kapso for the message's number, from its health (read only for a sent message
    /// without a delivery report: `awaitsStatus`); `.notRead` otherwise or when the health could not be read.
    var statusPath: MessageVerdict.StatusPath = .notRead
    /// The ids of the webhooks with any delivery created after the message's time; nil when the deliveries read do not
    /// reach back to the message (or failed to load).
    var deliveredAfter: Set<String>?
    /// Those of `deliveredAfter` with a later delivery that got an HTTP answer (`DeliveryAnswer`): later events reached
    /// them; the others' later deliveries were only attempted (tester55b Y14).
    var answeredAfter: Set<String> = []
    /// How far back the delivery log, the API log and the log search of Meta's webhooks were read (`LogReach`): short of
    /// the message, their rows say nothing of it (tester55 X4, X6, X7).
    var deliveriesReach = LogReach.reached
    var callsReach = LogReach.reached
    var metaReach = LogReach.reached
    /// The contact's record of being on WhatsApp (`ContactReach`), read only for a 131026 failure; nil otherwise or none.
    var reach: ContactReach?
    /// The message's number has WhatsApp calling on (`PhoneNumber.callsEnabled`): from the numbers the session read, or from
    /// the number read for a template answer; false when neither was read (P25-16).
    var callsEnabled = false
    /// A send to a `to` without `+`, read against its sender and contact (`ShellContext.prependedRecipient`); nil otherwise.
    var prepended: PrependedRecipient?
    /// What a reply from the message's number meets now (`ShellContext.readingReplies`, tester69 C1, tester70b G7).
    var replies: SenderState.Replies?
    /// The number's health, read with the rest when `load`'s `senderHealth` says the session holds no read of it; nil otherwise.
    var health: Result<PhoneNumberHealth, KapsoAPIError>? = nil
    /// What happened after an outbound send that speaks of its delivery (`LaterEvidence`: a quote or reaction of it, a later
    /// send to the contact that reached them, a message they wrote since), read for a send at `sent` or `delivered` from the
    /// contact's messages on the number; nil otherwise or none (probe39 P39-1).
    var later: LaterEvidence? = nil
    /// A later send from the message's number that reached a phone after its failure about the number's token, billing
    /// or account (`LaterSuccess`), from the number's newest outbound messages; nil otherwise (probe39 P39-16).
    var recovered: LaterSuccess? = nil
    /// The templates of the number's WABA, read for a template send refused with 132000, 132001, 132015 or 132016 (nil: not read).
    var templates: TemplateMismatch.Listing? = nil
    /// What the data shows of the message a reaction refused with 131009 reacts to (`ReactionTarget`), read by its WAMID;
    /// nil otherwise or when it could not be read (probe39 P39-12).
    var reactionTarget: ReactionTarget? = nil
    /// An inbound reaction stamped before the message it reacts to was sent (`ReactionStamp`), read by that message's
    /// WAMID; nil otherwise or when it could not be read (tester66b X11).
    var reactionStamp: ReactionStamp? = nil

    /// What a log search gave: events, or why there are none to give (not enabled, no such endpoint).
    enum Search {
        case events([LogSearchEvent])
        case unavailable(String)
    }
    /// Read with the other look-ups when the message can only be answered with a template (a 131047 failure, or
    /// an inbound message whose window has closed): the number's WABA and whether the contact stopped marketing.
    var templateContext: (businessAccountID: String, marketingStopped: Bool)?

    /// How far around the message's status times deliveries and log entries still count as its own.
    static let slack: Int64 = 5
    static let deliveryHorizon: Int64 = 600
    /// Pages of deliveries followed at most, 100 rows each, newest first.
    static let maxPages = 20

    /// Fetches the message, then the rest at once (or one by one when `sequential`); `now` is read in between.
    /// `ids` are asked for in order until one finds the message (`MessageLookup.first`: as typed, then repaired).
    /// `numbers` are the project's numbers the session already read (`IDCache.phoneNumbers`), for whether calling is on.
    static func load(
        _ ids: [String], client: KapsoClient, now: () -> Int64, sequential: Bool, numbers: [String: PhoneNumber] = [:],
        senderHealth: (String) -> Bool = { _ in false }
    ) throws(KapsoAPIError) -> MessageTrace {
        let message = try MessageLookup.first(ids, client: client)
        let now = now()
        let time = message.time ?? now
        let period = DeliveryPeriod.covering(age: now - time)
        let deliveryQuery = [("period", period), ("limit", "100")]
        var requests: [HTTPRequest] = [
            message.conversationID.map(client.conversationRequest)
                ?? client.platformRequest("/whatsapp/conversations/-"),
            // Meta's window belongs to the (number, contact) pair, across Kapso's conversations.
            client.messagesRequest(
                filters: message.contact.flatMap { contact in
                    message.phoneNumberID.map { [("phone_number_id", $0), ("phone_number", ContactNumber.searchKey(contact))] }
                }
                    .map { $0 + [("direction", "inbound")] }
                    ?? [("conversation_id", message.conversationID ?? "-"), ("direction", "inbound")],
                limit: 100),
            client.webhookDeliveriesRequest(deliveryQuery),
        ]
        let sendPath = "/\(message.phoneNumberID ?? "-")/messages"
        // Every path ending in /messages: the API log may record a send as `/v1/messages`, naming no number (P44-12).
        let logQuery = [("endpoint", "/messages"), ("period", period), ("limit", "100")]
        requests.append(client.apiLogsRequest(logQuery))
        // The verdict will say to send a template: its WABA and the contact's preference come along now (one round trip).
        let failed131047 = StatusHistory(message: message).failures.contains { $0.errors.contains { ErrorCatalog.isReengagement($0.code) } }
        let closedInbound = message.isInbound && !ServiceWindow(lastInbound: message.time, at: now).isOpen
        let templateRequests = (failed131047 || closedInbound) ? message.phoneNumberID.map { number in
            [client.phoneNumberRequest(number)]
                + (StatusHistory.contactWAID(of: message).map { [client.marketingPreferenceRequest(contact: $0, phoneNumberID: number)] } ?? [])
        } ?? [] : []
        requests += templateRequests
        // Meta's side and the send call's request id come from log search, in the same round trip.
        let metaIndex = requests.count
        requests.append(
            client.logSearchRequest(
                LogSearchQuery(source: "whatsapp_webhook_event", period: period, filters: [("whatsapp_message_id", message.id)], limit: 100)))
        let webhooksIndex = message.phoneNumberID.map { _ in requests.count }
        if let number = message.phoneNumberID {
            requests.append(
                client.platformRequest(
                    "/whatsapp/phone_numbers/\(percentEncode(number))/webhooks", query: [("page", "1"), ("per_page", "100")]))
        }
        // A sent message without a delivery report (P19-3), or a number whose health the session has not read (what a send the
        // verdict advises meets, G7): its health comes in the same round trip (one request more, only then).
        let readsHealth = Self.awaitsStatus(message) || message.phoneNumberID.map(senderHealth) == true
        let healthIndex = readsHealth ? message.phoneNumberID.map { number -> Int in
            requests.append(client.platformRequest("/whatsapp/phone_numbers/\(percentEncode(number))/health"))
            return requests.count - 1
        } : nil
        let callsIndex = message.isInbound ? nil : requests.count
        if callsIndex != nil {
            requests.append(
                client.logSearchRequest(
                    LogSearchQuery(
                        source: "external_api_log", period: "context", around: KapsoTime.iso(time),
                        filters: [("endpoint_contains", "/messages")], limit: 100)))
        }
        // A 131026 ("undeliverable"): the contact's other messages from this number say whether it is on WhatsApp at all
        // (ContactReach, probe23 P23-6); one request more, only for such a failure.
        let undeliverable = StatusHistory(message: message).failures.contains { $0.errors.contains { $0.code == "131026" } }
        // A send at `sent` or `delivered`: the contact's later messages (a quote or reaction of it, a later send that reached
        // them) say what its own statuses do not (LaterEvidence, probe39 P39-1); the same listing, only for such a send.
        let unconfirmed = Self.awaitsStatus(message) || StatusWord(StatusHistory(message: message).latest?.status ?? message.status) == .delivered
        let reachIndex = (undeliverable || unconfirmed) && message.isOutbound ? message.contact.flatMap { contact in
            message.phoneNumberID.map { number -> Int in
                requests.append(
                    client.messagesRequest(
                        filters: [("phone_number_id", number), ("phone_number", ContactNumber.searchKey(contact)), ("direction", "outbound")],
                        limit: 100))
                return requests.count - 1
            }
        } : nil
        // A failure about the number (its token, billing, account): the number's newest sends say whether it works again
        // since (LaterSuccess, probe39 P39-16); one request more, only for such a failure.
        let numberFailure = message.isOutbound && StatusHistory(message: message).failures.contains { failure in
            failure.errors.contains { LaterSuccess.codes[$0.code ?? ""] != nil }
        } || message.isOutbound && MessageError.carried(by: message.json).contains { LaterSuccess.codes[$0.code ?? ""] != nil }
        // The number's other sends also tell its own send calls and deliveries from theirs (SendAttribution, P44-2); for a
        // contact without a number, its other messages of the direction: their delivery rows name no contact either (K12).
        let numberSendsIndex = message.isOutbound || message.contact == nil ? message.phoneNumberID.map { number -> Int in
            let direction = message.isOutbound ? "outbound" : "inbound"
            requests.append(client.messagesRequest(filters: [("phone_number_id", number), ("direction", direction)], limit: 100))
            return requests.count - 1
        } : nil
        // A message the contact sent: their newest free-form send after it weighs the window (tester67 Y2).
        let sendsIndex = Self.contactSendsRequest(message, client, now: now).map { requests.append($0); return requests.count - 1 }
        let responses: [Result<HTTPResponse, TransportError>] =
            sequential ? requests.map { client.sendAll([$0])[0] }
            : client.sendAll(requests)
        func json(_ index: Int) -> Result<JSONValue, KapsoAPIError> {
            switch responses[index] {
            case .success(let response): Result { () throws(KapsoAPIError) in try client.decode(response, for: requests[index]) }
            case .failure(let error): .failure(.transport(error))
            }
        }
        let start = time - slack
        let statusTimes = StatusHistory(message: message).events.compactMap(\.time)
        let end = (statusTimes.max() ?? time) + deliveryHorizon
        var templateContext: (businessAccountID: String, marketingStopped: Bool)?
        var (deliveredAfter, answeredAfter): (Set<String>?, Set<String>) = (nil, [])
        var (deliveriesReach, callsReach) = (LogReach.reached, LogReach.reached)
        var callsEnabled = message.phoneNumberID.flatMap { numbers[$0] }?.callsEnabled ?? false
        if !templateRequests.isEmpty, case .success(let number) = json(4), let object = number["data"]?.object,
            let read = try? PhoneNumber(json: object)
        {
            callsEnabled = read.callsEnabled
        }
        if !templateRequests.isEmpty, case .success(let number) = json(4), let waba = number["data"]?["business_account_id"]?.string {
            var stopped = false
            if templateRequests.count > 1, case .success(let response) = responses[5] {
                stopped = (try? client.marketingPreference(from: response, for: requests[5])) == "stopped"
            }
            templateContext = (waba, stopped)
        }
        // The contact's messages (request 1), decoded once for every part that reads them.
        let inboundListing = json(1)
        let inboundPage = (try? inboundListing.get()).flatMap { try? client.messages(from: $0) }
        var byUserID = Self.writtenByUserID(message, conversation: try? json(0).get(), client)
        if let inboundPage {
            byUserID += Self.unlistedConversationInbound(message, conversation: try? json(0).get(), listed: inboundPage.items + byUserID, client)
        }
        let inbound = part(inboundListing) { json throws(KapsoAPIError) in
            var page: Page<Message>
            if let inboundPage { page = inboundPage } else { page = try client.messages(from: json) }
            page.items += byUserID.filter { mine in !page.items.contains { $0.id == mine.id } }
            // `phone_number` matches partially: only this contact's messages count (either form of a Brazilian or Mexican
            // number, any message of the traced one's conversation). Only a message the contact wrote 1:1 at a readable
            // time opens the window (WindowEvidence: no notification, revoke, removed reaction, echo or group message).
            let mine = page.items.filter { WindowEvidence.sameContact($0, as: message) }
            let evidence = mine.map { ($0, WindowEvidence($0, now: now)) }
            // Kapso stamps a send with its clock and Meta the contact's message with its own: a message stamped a few
            // seconds after the send was written before it (SendWindow.clockSkew).
            // The newest by the time kops reads, not the first listed (P46-7: a 13-digit millisecond stamp listed first).
            let last = WindowEvidence.lastWrittenReading(
                by: message, before: time, skew: message.isInbound ? 0 : SendWindow.clockSkew, among: page.items, now: now)
            let (before, beforeAt) = (last?.message, last?.opens)
            let newest = WindowEvidence.newestWritten(by: message, among: page.items, now: now)
            // A message the contact wrote at a time kops cannot read may have opened the window, unless the one before
            // the send already shows it open.
            let openAtSend = beforeAt.map { $0 + Conversation.windowSeconds > time } ?? false
            let unreadable = openAtSend ? nil : evidence.first { $0.1.kind == .written && $0.1.opens == nil }.flatMap { pair -> String? in
                guard case .unreadable(let why) = pair.1.time else { return nil }
                return "a message the contact wrote (\(pair.0.id)) has no readable time: \(why)"
            }
            // The move is read as `reply` and `conversations` read it (ContactWindow), from the same messages (P21-17).
            let moved = message.phoneNumberID.flatMap { number in
                message.contact.flatMap { contact in
                    ContactWindow(phoneNumberID: number, contact: contact, conversations: [], inbound: page.items + [message], at: now).moved
                }
            }
            return InboundPage(
                before: before, hasMore: page.hasMore, newest: newest,
                newestNote: WindowEvidence.countedNote(at: newest, by: message, among: page.items, now: now),
                unreadable: unreadable, moved: moved, userIDs: MessageVerdict.contactUserIDs(mine + [message]),
                unsettled: WindowEvidence.unsettled(by: message, among: page.items, now: now),
                unsettledAtSend: message.isInbound ? nil : WindowEvidence.unsettled(by: message, before: time, among: page.items, now: now))
        }
        var sendCalls: [APILog] = []
        var nearbyDeliveries: [WebhookDelivery] = []
        var trace = MessageTrace(
            message: message,
            conversation: part(json(0)) { json throws(KapsoAPIError) in try Conversation(fromResponse: json) },
            lastInboundBefore: lastInbound(inbound),
            newestInbound: { if case .loaded(let page) = inbound { page.newest } else { nil } }(),
            newestNote: { if case .loaded(let page) = inbound { page.newestNote } else { nil } }(),
            moved: { if case .loaded(let page) = inbound { page.moved } else { nil } }(),
            contactUserIDs: { if case .loaded(let page) = inbound { page.userIDs } else { [] } }(),
            unsettled: { if case .loaded(let page) = inbound { page.unsettled } else { nil } }(),
            unsettledAtSend: { if case .loaded(let page) = inbound { page.unsettledAtSend } else { nil } }(),
            deliveries: part(json(2)) { json throws(KapsoAPIError) in
                // Read back a span before the message too: an earlier message's own deliveries are told from its (P44-2).
                let (rows, reach) = try following(
                    client.webhookDeliveries(from: json), query: deliveryQuery, until: start - deliveryHorizon, since: start, now: now,
                    next: client.webhookDeliveries)
                nearbyDeliveries = rows
                deliveriesReach = reach
                // Which webhooks got any delivery after the message: a subscribed one that got none stopped firing (P19-2).
                // Known only when the rows reach back to the message, or the whole log was read (`LogReach`).
                if reach == .reached {
                    let after = rows.filter { (KapsoTime.seconds(iso: $0.createdAt) ?? 0) > time }
                    deliveredAfter = Set(after.map(\.webhookID))
                    answeredAfter = Set(after.filter { $0.answer.httpStatus != nil }.map(\.webhookID))
                }
                return rows.filter { matches($0, message: message, from: start, to: end) }.reversed()
            },
            apiLogs: part(json(3)) { json throws(KapsoAPIError) in
                (sendCalls, callsReach) = try following(
                    client.apiLogs(from: json), query: logQuery, until: start, since: start, now: now, next: client.apiLogs)
                return sendCalls
                    .filter { log in
                        let at = KapsoTime.seconds(iso: log.createdAt) ?? 0
                        return at >= start && at <= time + slack
                            && SendAttribution.sendScope(of: log, phoneNumberID: message.phoneNumberID ?? "-") != nil
                    }
                    .reversed()
            },
            metaEvents: search(json(metaIndex)),
            requestIDs: callsIndex.map { index -> [String: String] in
                guard case .loaded(.events(let events)) = search(json(index)) else { return [:] }
                return LogSearchEvent.requestIDsByLogID(events)
            } ?? [:],
            templateContext: templateContext)
        (trace.deliveredAfter, trace.answeredAfter) = (deliveredAfter, answeredAfter)
        (trace.deliveriesReach, trace.callsReach) = (deliveriesReach, callsReach)
        trace.metaReach = searchReach(json(metaIndex), since: start, now: now)
        // A failed read is said where the column would be, as every other part's is (tester47 L11).
        if let index = callsIndex, case .failed(let error) = search(json(index)) { trace.requestIDsNotLoaded = error }
        trace.callsEnabled = callsEnabled
        if message.isInbound, case .loaded(let conversation) = trace.conversation, let number = message.phoneNumberID,
            let contact = message.contact, let page = inboundPage
        {
            let read = page.items.contains { $0.id == message.id } ? page.items : page.items + [message]
            var window = ContactWindow(
                phoneNumberID: number, contact: contact, conversations: [conversation], inbound: read, inboundComplete: !page.hasMore, at: now)
            // Open only by a reaction, or unknown after an action: the contact's failed sends settle it, as `conversation` reads them.
            let key = ContactNumber.searchKey(contact.filter(\.isNumber))
            if window.needsRefusals, let sends = try? client.messages(
                filters: [("phone_number_id", number), ("phone_number", key)] + ContactWindowLookup.refusedSends,
                limit: ContactWindowLookup.messageLimit)
            {
                window = ContactWindow(
                    phoneNumberID: number, contact: contact, conversations: [conversation], inbound: read, inboundComplete: !page.hasMore,
                    refusedSends: sends.items, at: now)
            }
            if let sendsIndex { window = window.weighing(sends: Self.messages(json(sendsIndex), client), phoneNumberID: number, contact: contact) }
            window.callsEnabled = callsEnabled
            trace.contactWindow = window
        }
        if let reachIndex {
            let listed = (inboundPage?.items ?? []) + Self.messages(json(reachIndex), client)
            if undeliverable { trace.reach = ContactReach.newest(for: message, among: listed) }
            if unconfirmed { trace.later = LaterEvidence.of(message, among: listed, now: now) }
        }
        if trace.later == nil, let inboundPage { trace.later = Self.reachedAfterFailure(message, inboundPage.items, now) }
        if numberFailure, let numberSendsIndex, case .success(let listed) = json(numberSendsIndex),
            let page = try? client.messages(from: listed)
        {
            trace.recovered = LaterSuccess.of(message, among: page.items)
        }
        let otherListings = [reachIndex, numberSendsIndex].compactMap { $0 }.map { Self.messages(json($0), client) }
        trace.neighbours = neighbours(
            of: message, listings: [inboundPage?.items ?? []] + otherListings, deliveries: nearbyDeliveries, calls: sendCalls,
            webhooks: webhooksIndex.map(json))
        if let healthIndex { trace.read(health: json(healthIndex)) }
        if let webhooksIndex {
            // Every page: of 105 webhooks, the one on page 2 that subscribes was "no active webhook" (tester53b U7).
            trace.numberWebhooks = part(json(webhooksIndex)) { json throws(KapsoAPIError) in
                let page = try Page.decode(json, item: Webhook.init(json:))
                guard let number = message.phoneNumberID else { return page.items }
                return try client.allWebhooks(.phoneNumber(number), after: page)
            }
        }
        // Edits and revokes of the message are inbound messages of the contact, in the listing read for the window (P9-14).
        if message.isInbound, let inboundPage {
            trace.changes = MessageChange.shown(for: message, in: inboundPage.items)
        }
        // The WABA's templates (two reads more) for a template's mismatch or a marketing-only code's category (tester49 F1).
        if TemplateMismatch.failureCode(of: message) != nil || FailedSend.needsListedCategory(message), let number = message.phoneNumberID {
            trace.templates = TemplateMismatch.listing(phoneNumberID: number, name: TemplateMismatch.Sent(message: message.json)?.name, client: client)
        }
        trace.reactionTarget = Self.reactionTarget(of: message, listed: inboundPage?.items ?? [], client)
        trace.reactionStamp = Self.reactionStamp(of: message, client, now: now)
        // The 409s a held lock causes come after its holder's time: read from every send call of the number read.
        trace.sendLock = sendLock(sendCalls.filter { $0.endpoint.contains(sendPath) }, holder: message, now: now)
        trace.attribute()
        return trace
    }
}
