public import KapsoClient
internal import KapsoDiagnostics

/// Ids seen in recent results, by kind, so Tab can complete them without touching the network.
public struct IDCache: Sendable {
    /// What an id names; decides where it is offered.
    public enum Kind: String, Sendable, CaseIterable {
        case phoneNumber, webhook, message, conversation
        /// Template names and their language codes, from the last `templates` or `template`.
        case template, templateLanguage

        /// The kinds that are API ids (what `whois` completes), not names.
        public static let identifiers: [Kind] = [.phoneNumber, .webhook, .message, .conversation]

        // Hashed and compared by case: `RawRepresentable`'s default for a `String` raw value hashes and compares the
        // raw text at every look-up by kind (docs/performance.md, "Session 38").
        public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
        public static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.ordinal == rhs.ordinal }

        private var ordinal: Int {
            switch self {
            case .phoneNumber: 0
            case .webhook: 1
            case .message: 2
            case .conversation: 3
            case .template: 4
            case .templateLanguage: 5
            }
        }
    }

    /// The most recent ids per kind, newest first, at most `limit` each.
    public private(set) var ids: [Kind: [String]] = [:]
    /// A short description per id (`+1 415-555-0100 Support Line`) for listings.
    public private(set) var labels: [String: String] = [:]
    /// The project's numbers as the API answered `numbers` and `use` this session, by phone-number id: what offline
    /// commands (`explain`) know of the project without a request.
    public private(set) var phoneNumbers: [String: PhoneNumber] = [:]
    /// True once the whole list of the project's numbers was fetched this session (`rememberAllNumbers`):
    /// `phoneNumbers` is then every number, not only a page of them (probe6 P6-4: `explain` says when it names only some).
    public private(set) var phoneNumbersListed = false
    /// The newest health read of each number this session (`health`, `overview`, a reply's check of its sender), by
    /// phone-number id: what `numbers`, `whois` and `use` set beside Kapso's stored record of the number (probe41 P41-8).
    private(set) var healthReads: [String: SenderState.HealthRead] = [:]
    /// The numbers whose newest health read is `health`'s (its triage weighs the number's inbound messages and record),
    /// not a summary's (`overview`, `whois`, a reply's check): a transcript's header names which, so `kops check` reads
    /// it again the same way (tester69b D11).
    private(set) var triagedHealth: Set<String> = []
    /// Log search's sources and filter keys, fetched by the first `logs search` of a project, for Tab and checks.
    public var logSearchCatalog: LogSearchCatalog?
    public let limit: Int

    public init(limit: Int = 200) {
        self.limit = limit
    }

    /// The project's whole number list (all pages, as `use` and `health ID` fetch it, or `numbers` when it fits one
    /// page): `explain` then knows every number of a WABA without a request.
    public mutating func rememberAllNumbers(_ numbers: [PhoneNumber]) {
        for number in numbers { phoneNumbers[number.id] = number }
        phoneNumbersListed = true
    }

    /// Keeps one number read on its own (`GET /whatsapp/phone_numbers/{id}`), without marking the whole list as read.
    mutating func rememberNumber(_ number: PhoneNumber) {
        phoneNumbers[number.id] = number
    }

    /// Keeps `read` as the number's newest health read (a read that could not run, `status: error`, keeps the one before).
    mutating func rememberHealth(_ read: SenderState.HealthRead, triaged: Bool = false) {
        guard read.status != "error" else { return }
        healthReads[read.phoneNumberID] = read
        if triaged { triagedHealth.insert(read.phoneNumberID) } else { triagedHealth.remove(read.phoneNumberID) }
    }

    /// Remembers one id, with `label` (shown beside it) escaped. Completion lists print both through libedit, not the
    /// renderer: an id with control characters or spaces (`isOfferable`) is not remembered. Every source comes through
    /// here: a template name from the API with an escape sequence in it set the window title and cleared the screen when
    /// Tab listed it, and went into the line when completed (tester54 V11).
    public mutating func remember(_ id: String, as kind: Kind, label: String? = nil) {
        guard IDCache.isOfferable(id) else { return }
        store(id, as: kind, label: label)
    }

    /// `remember` of an id already found offerable (`harvest`'s rows, which test it first for the number they keep).
    private mutating func store(_ id: String, as kind: Kind, label: String?) {
        // Edited in place through one look-up (the dictionary's `default:` subscript), not taken out and put back.
        IDCache.push(id, onto: &ids[kind, default: []], limit: limit)
        if let label { labels[id] = VisibleText.escaped(label) }
    }

    /// `id` first in `list`, no other copy of it there, at most `limit` ids. An id the list holds already (one at most)
    /// is moved to the front in place, the newer ones shifted down by one: a list shown again moves each of its ids so,
    /// where taking it out and inserting it moved every id after it twice.
    private static func push(_ id: String, onto list: inout [String], limit: Int) {
        if let index = list.firstIndex(of: id) {
            var position = index
            while position > 0 {
                list.swapAt(position, position - 1)
                position -= 1
            }
            return
        }
        list.insert(id, at: 0)
        if list.count > limit { list.removeLast(list.count - limit) }
    }

    /// Collects ids from a command's JSON: `data[]` of lists and `data` (or the object itself) of gets.
    public mutating func harvest(command: String, json: JSONValue?) {
        // A log search page names messages by WAMID in its events: offered to `trace` and `message` next.
        if command == "logs", let events = json?["data"]?["events"]?.array {
            for wamid in events.reversed().compactMap({ $0["whatsapp_message_id"]?.string }) { remember(wamid, as: .message) }
            return
        }
        guard let kind = IDCache.kind(producedBy: command), let json else { return }
        let rows = json["data"]?.array ?? json["data"].map { [$0] } ?? [json]
        for row in rows.reversed() {
            guard let id = row["id"]?.string, IDCache.isOfferable(id) else { continue }
            if kind == .phoneNumber, let object = row.object, let number = try? PhoneNumber(json: object) {
                phoneNumbers[id] = number
            }
            store(id, as: kind, label: IDCache.label(of: row))
        }
    }

    /// A row's number, name and URL, those it has, joined by spaces (`+1 415-555-0100 Support Line`); nil for none.
    /// Appended in place: an array of the three joined by the standard library's generic `joined` cost about 1,700
    /// instructions a row, which every listed row pays (docs/performance.md, "Session 60"). The three are found in one
    /// walk over the row's members, told apart by their keys' lengths (20, 4, 3) before the keys are compared: three
    /// look-ups walked the row three times and put the three in an array (1,400 instructions a row, "Session 67").
    /// `Perf67LabelTests` compares the answer with the look-ups' reading.
    static func label(of row: JSONValue) -> String? {
        guard case .object(let object) = row else { return nil }
        var (number, name, url): (String?, String?, String?) = (nil, nil, nil)
        for entry in object.entries {
            guard case .string(let text) = entry.value else { continue }
            switch entry.key.utf8.count {
            case 20 where entry.key == "display_phone_number": number = text
            case 4 where entry.key == "name": name = text
            case 3 where entry.key == "url": url = text
            default: continue
            }
        }
        // Joined as before: a space after each part present, an empty one included (`"" + " " + name`).
        var label = number ?? ""
        var parts = number == nil ? 0 : 1
        if let name {
            if parts > 0 { label += " " }
            label += name
            parts += 1
        }
        if let url {
            if parts > 0 { label += " " }
            label += url
        }
        return label.isEmpty ? nil : label
    }

    /// Completion lists print ids through libedit, not the renderer: an id with control characters or spaces is
    /// no id to offer.
    static func isOfferable(_ id: String) -> Bool {
        // Ids are ASCII without spaces: those bytes need no scalar's properties (~12,000 instructions an id), and are read
        // in place (the generic `allSatisfy` over `utf8` cost about 1,000 instructions an id).
        var bytes = id
        if bytes.withUTF8({ $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } }) { return true }
        return !id.unicodeScalars.contains { VisibleText.needsEscape($0) || $0.properties.isWhitespace }
    }

    /// Forgets everything (after switching projects).
    public mutating func clear() {
        ids = [:]
        labels = [:]
        phoneNumbers = [:]
        phoneNumbersListed = false
        healthReads = [:]
        logSearchCatalog = nil
    }

    public subscript(kind: Kind) -> [String] { ids[kind] ?? [] }

    private static func kind(producedBy command: String) -> Kind? {
        switch command {
        case "numbers", "use": .phoneNumber
        case "webhooks": .webhook
        case "messages", "message", "reply": .message
        case "conversations", "conversation": .conversation
        default: nil
        }
    }
}
