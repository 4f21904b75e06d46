internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - What a send's verdict reads beyond the message, as `trace` reads it

extension MessageCommand {
    /// What `trace` reads for an outbound send's verdict besides the message itself, read by `message` so both give the
    /// same one: the contact's later messages (`LaterEvidence`, probe39 P39-1), the sending number's health for a send
    /// still waiting for its delivery report (`MessageVerdict.StatusPath`: a number that cannot send is named first,
    /// probe39 P39-8), and whether log search works here when the verdict would send the reader to it (`LogSearchAccess`).
    struct SendReading {
        var later: LaterEvidence?
        var statuses: MessageVerdict.StatusPath = .notRead
        var logSearch: LogSearchAccess = .notAsked
    }

    /// The reading for `message`: the listing of the contact's newest 100 messages on the number (a send at `sent` or
    /// `delivered`) and the number's health (a send at `sent` or waiting for it) go out at once; log search is asked once
    /// more only when the later evidence makes a `sent` verdict that names it. Anything that cannot be read is left out
    /// (the verdict then says what it says without it).
    static func sendReading(of message: Message, history: StatusHistory, in context: ShellContext) -> SendReading {
        var reading = SendReading()
        let furthest = StatusWord(history.latest?.status ?? message.status)
        guard message.isOutbound, let number = message.phoneNumberID else { return reading }
        let client = context.client
        var requests: [HTTPRequest] = []
        var listIndex: Int?
        // A failed one too: a quote or reaction of it says it reached the phone all the same (tester48 F9).
        if furthest == .sent || furthest == .delivered || furthest == .failed, let contact = message.json["to"]?.string ?? message.contact {
            listIndex = requests.count
            requests.append(
                client.messagesRequest(filters: [("phone_number_id", number), ("phone_number", ContactNumber.searchKey(contact))], limit: 100))
        }
        var healthIndex: Int?
        if MessageTrace.awaitsStatus(message) {
            healthIndex = requests.count
            requests.append(client.platformRequest("/whatsapp/phone_numbers/\(percentEncode(number))/health"))
        }
        guard !requests.isEmpty else { return reading }
        let responses = client.sendAll(requests)
        func json(_ index: Int) -> JSONValue? {
            guard case .success(let response) = responses[index] else { return nil }
            return try? client.decode(response, for: requests[index])
        }
        if let listIndex, let listed = json(listIndex), let page = try? client.messages(from: listed) {
            reading.later = furthest == .failed
                ? LaterEvidence.ofFailedSend(message, among: page.items, now: context.now())
                : LaterEvidence.of(message, among: page.items, now: context.now())
        }
        if let healthIndex, let object = json(healthIndex)?.object, let health = try? PhoneNumberHealth(json: object) {
            reading.statuses = MessageVerdict.StatusPath(HealthTriage(health))
        }
        if reading.later != nil, furthest == .sent {
            let age = message.time.map { context.now() - $0 } ?? 0
            reading.logSearch = logSearchAccess(about: message.id, period: DeliveryPeriod.covering(age: age), in: context)
        }
        return reading
    }

    /// Whether log search answers for this project: one search for Meta's webhooks about `wamid`, one event at most.
    /// `available: false` or an API without log search is `.notEnabled`; any other failure leaves it `.notAsked`.
    static func logSearchAccess(about wamid: String, period: String, in context: ShellContext) -> LogSearchAccess {
        let query = LogSearchQuery(source: "whatsapp_webhook_event", period: period, filters: [("whatsapp_message_id", wamid)], limit: 1)
        do throws(KapsoAPIError) {
            switch try context.client.logSearch(query) {
            case .page: return .available
            case .unavailable: return .notEnabled
            }
        } catch .notFound {
            return .notEnabled
        } catch {
            return .notAsked
        }
    }
}
