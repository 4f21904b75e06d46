internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// The 24-hour windows of the conversations a list shows, judged as `conversation ID` and `reply` judge them
/// (KapsoDiagnostics `ContactWindow`, on Kapso's `last_inbound_at` and the contact's inbound messages), so the list and
/// the detail never state opposite windows for one conversation (probe14 P14-1).
///
/// One rule for the list and the detail: only a message the contact sent opens the window (Meta: the window opens
/// "when a user messages you", developers.facebook.com/docs/whatsapp/pricing, customer service windows;
/// `WindowEvidence`), so Kapso's summary is checked against the messages whether it says open or closed (probe17
/// P17-10: a summary made "open, 22 h left" by a `user_changed_number` notification, while `conversation ID` said
/// closed). The row's number's newest inbound messages are read: one request per number for the whole listing,
/// `--all` included (they are the same messages for every page), so a list of any length costs at most one request
/// more per number, and the calls of a free plan's 100 a minute (kapso-api.md §1) are not spent row by row.
/// A cell the messages read cannot confirm is marked `?` with a line naming `conversation ID`: a summary-only "closed"
/// when the read does not reach back 24 hours (a number that receives more than `messageLimit` messages a day), a
/// summary-only "open" when no message the contact wrote in the last 24 hours was read, and either when the read fails.
struct ConversationWindows {
    /// Inbound messages read per number: Kapso's largest page.
    static let messageLimit = 100

    /// The `--phone-number` filter's search key (`ContactNumber.searchKey`), so the read holds only that contact's.
    let contactKey: String?
    /// The reads so far, by phone number id: the messages, or why listing them failed.
    private var read: [String: Result<InboundReading, KapsoAPIError>] = [:]
    /// The failed sends read, by phone number id, for windows that need them (`ContactWindow.needsRefusals`).
    private var refused: [String: [Message]] = [:]
    /// Why a cell was shown as unconfirmed, once one was (the first found): `ContactWindow.unconfirmedNote`, in the
    /// words `conversation ID`, `reply` and `trace` use for the same window.
    private(set) var unconfirmed: String?

    /// Whether calling is on, by phone-number id (a call opens the window too, and kops cannot see calls: P21-7): from
    /// the numbers this session read (`numbers`), else asked with the messages, as `ContactWindowLookup` reads it; a
    /// number that could not be read is said as the messages say.
    private var calling: [String: Bool]
    /// True once a row's window was hedged for calls (`ContactWindow.callCellMark`).
    private(set) var hedged = false

    init(contactKey: String?, numbers: [String: PhoneNumber] = [:]) {
        self.contactKey = contactKey
        self.calling = numbers.mapValues(\.callsEnabled)
    }

    /// One row's window and whether the evidence read settles it.
    struct Row {
        var window: ContactWindow
        /// False when only Kapso's summary says open or closed and the messages read do not show it.
        var confirmed: Bool
    }

    /// The windows of `conversations` (nil for a row that names no number or contact), judged at `now`; reads what
    /// the rows need that was not read yet, all numbers at once.
    mutating func rows(_ conversations: [Conversation], now: Int64, client: KapsoClient) -> [Row?] {
        let pairs = conversations.map { conversation -> (number: String, contact: String)? in
            guard let number = conversation.phoneNumberID, let contact = conversation.contact ?? conversation.businessScopedUserID
            else { return nil }
            return (number, contact)
        }
        // The window is the (number, contact) pair's: a contact's newer conversation on the page opens it for all.
        let summaries = pairs.map { pair in
            pair.map { ContactWindow(phoneNumberID: $0.number, contact: $0.contact, conversations: conversations, inbound: nil, at: now) }
        }
        var numbers: [String] = []
        for pair in pairs {
            guard let pair, read[pair.number] == nil, !numbers.contains(pair.number) else { continue }
            numbers.append(pair.number)
        }
        load(numbers, client: client)
        // Each number's messages read once for the rows judged at `now` (tester63 AN7).
        for (number, result) in read {
            guard case .success(var reading) = result else { continue }
            reading.prepare(at: now)
            read[number] = .success(reading)
        }
        var windows = pairs.map { pair in pair.flatMap { window($0, conversations: conversations, now: now) } }
        // Open only by a reaction, or unknown after an action: the number's failed sends, read once, settle it when Meta
        // refused one for the window after it, as `trace` and `errors` read that send (fix49's leftover).
        var settling: [String] = []
        for (pair, window) in zip(pairs, windows) where window?.needsRefusals == true {
            guard let number = pair?.number, refused[number] == nil, !settling.contains(number) else { continue }
            settling.append(number)
        }
        loadRefused(settling, client: client)
        for index in windows.indices where windows[index]?.needsRefusals == true {
            windows[index] = pairs[index].flatMap { window($0, conversations: conversations, now: now) }
        }
        return zip(pairs, zip(summaries, windows)).map { pair, read -> Row? in
            guard let pair, var summary = read.0 else { return nil }
            summary.callsEnabled = calling[pair.number] ?? false
            hedged = hedged || summary.callCellMark != nil
            guard var window = read.1 else { return Row(window: summary, confirmed: true) }
            window.callsEnabled = summary.callsEnabled
            hedged = hedged || window.callCellMark != nil
            // One rule of certainty with every other view of the window (ContactWindow.unconfirmed, probe37 P37-4).
            if unconfirmed == nil { unconfirmed = window.unconfirmedNote }
            return Row(window: window, confirmed: window.unconfirmed == nil)
        }
    }

    /// The window of `pair` from the number's messages read (nil when they were not), with its failed sends when read.
    private func window(_ pair: (number: String, contact: String), conversations: [Conversation], now: Int64) -> ContactWindow? {
        guard let result = read[pair.number] else { return nil }
        switch result {
        case .success(let reading):
            return ContactWindow(
                phoneNumberID: pair.number, contact: pair.contact, conversations: conversations, reading: reading,
                refusedSends: refused[pair.number] ?? [], at: now)
        case .failure(let error):
            return ContactWindow(
                phoneNumberID: pair.number, contact: pair.contact, conversations: conversations, inbound: nil,
                unread: "listing the number's inbound messages failed (\(error.message))", at: now)
        }
    }

    /// The lines under a table with an unconfirmed cell or a cell hedged for calls, nil when there is none.
    var footnote: String? {
        let lines = [
            unconfirmed,
            hedged ? ContactWindow.callCellNote : nil,
        ].compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Lists the newest failed sends of each of `numbers` (side by side, one round trip); a failed listing reads as none.
    private mutating func loadRefused(_ numbers: [String], client: KapsoClient) {
        guard !numbers.isEmpty else { return }
        let requests = numbers.map { number in
            client.messagesRequest(
                filters: [("phone_number_id", number)] + (contactKey.map { [("phone_number", $0)] } ?? []) + ContactWindowLookup.refusedSends,
                limit: Self.messageLimit)
        }
        for (number, page) in zip(numbers, client.messagePages(requests)) { refused[number] = page?.items ?? [] }
    }

    /// Lists the newest inbound messages of each of `numbers` (side by side, one round trip).
    private mutating func load(_ numbers: [String], client: KapsoClient) {
        guard !numbers.isEmpty else { return }
        let requests = numbers.map { number in
            client.messagesRequest(
                filters: [("phone_number_id", number), ("direction", "inbound")] + (contactKey.map { [("phone_number", $0)] } ?? []),
                limit: Self.messageLimit)
        }
        // The numbers not read this session are asked in the same round trip, for their calling setting.
        let unknown = numbers.filter { calling[$0] == nil }
        let responses = client.sendAll(requests + unknown.map(client.phoneNumberRequest))
        for (number, response) in zip(unknown, responses.dropFirst(requests.count)) {
            let json = try? response.get()
            let data = json.flatMap { try? client.decode($0, for: client.phoneNumberRequest(number)) }?["data"]?.object
            calling[number] = data.flatMap { try? PhoneNumber(json: $0) }?.callsEnabled ?? false
        }
        for (number, (request, response)) in zip(numbers, zip(requests, responses)) {
            read[number] = Result { () throws(KapsoAPIError) -> InboundReading in
                let page: Page<Message>
                switch response {
                case .success(let response): page = try client.messages(from: try client.decode(response, for: request))
                case .failure(let error): throw .transport(error)
                }
                return InboundReading(messages: page.items, complete: !page.hasMore)
            }
        }
    }
}
