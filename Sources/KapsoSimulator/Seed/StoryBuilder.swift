/// Accumulates seed records in story order: conversations, their messages, deliveries and API logs.
///
/// Times are written as they read in the story (`at("2026-11-20T14:30:05Z")`) and shifted so that the
/// story's "now", 2026-11-21T12:00:00Z, lands on the simulator's clock.
struct StoryBuilder {
    private(set) var data = SeedData()
    /// Conversations in declaration order; their summaries are folded in by `build()`.
    private var threads: [Thread] = []
    private var threadPositions: [String: Int] = [:]
    private let shift: Int64
    private var random: SplitMix64

    init(now: Timestamp, randomSeed: UInt64 = 2026) {
        // Whole seconds, so story times keep their seconds on the wall clock too.
        shift = (now.micros - SimulatorClock.reference.micros) / 1_000_000 * 1_000_000
        random = SplitMix64(seed: randomSeed)
    }

    /// A story time moved onto the simulator's clock.
    func at(_ iso: String) -> Timestamp {
        guard let time = Timestamp(iso: iso) else { preconditionFailure("bad seed time \(iso)") }
        return Timestamp(micros: time.micros + shift)
    }

    /// "Now" on the simulator's clock.
    var now: Timestamp { Timestamp(micros: SimulatorClock.reference.micros + shift) }

    /// A random-looking but reproducible lowercase UUID (version 4 layout).
    ///
    /// One random draw per hex digit, so seeds stay byte-identical whatever the formatting code does; digits
    /// 12 and 16 are drawn but replaced by the version and variant. Plain loops: a seed makes 200k of these.
    mutating func uuid() -> String {
        var out = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var digit = 0
        var position = 0
        while digit < 32 {
            if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
            let drawn = Self.lowercaseDigits[Int(random.next() % 16)]
            out[position] = digit == 12 ? UInt8(ascii: "4") : digit == 16 ? UInt8(ascii: "8") : drawn
            digit += 1
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reproducible uppercase hex, one random draw per digit.
    mutating func hex(_ count: Int) -> String {
        var out = [UInt8](repeating: 0, count: count)
        var position = 0
        while position < count {
            out[position] = Self.uppercaseDigits[Int(random.next() % 16)]
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let uppercaseDigits = Array("0123456789ABCDEF".utf8)
    private static let lowercaseDigits = Array("0123456789abcdef".utf8)

    /// Leaves out `count` random draws, for a copy of the builder that writes only part of a story.
    mutating func skipDraws(_ count: Int) {
        random.skip(count)
    }

    /// Room for this many more messages, deliveries and API logs.
    mutating func reserve(messages: Int, deliveries: Int, apiLogs: Int) {
        data.messages.reserveCapacity(data.messages.count + messages)
        data.deliveries.reserveCapacity(data.deliveries.count + deliveries)
        data.apiLogs.reserveCapacity(data.apiLogs.count + apiLogs)
    }

    mutating func number(below limit: Int) -> Int {
        Int(random.next() % UInt64(limit))
    }

    mutating func phoneNumber(_ json: JSONObject, health: JSONObject?) {
        let id = json["id"]?.stringValue ?? ""
        let created = json["created_at"]?.stringValue.flatMap(Timestamp.init(iso:)) ?? now
        data.phoneNumbers.append(Record(id: id, sortTime: created, json: json))
        if let health { data.health[id] = health }
    }

    mutating func webhook(_ json: JSONObject) {
        let created = json["created_at"]?.stringValue.flatMap(Timestamp.init(iso:)) ?? now
        data.webhooks.append(Record(id: json["id"]?.stringValue ?? "", sortTime: created, json: json))
    }

    mutating func conversation(_ json: JSONObject) {
        let id = json["id"]?.stringValue ?? ""
        let created = json["created_at"]?.stringValue.flatMap(Timestamp.init(iso:)) ?? now
        let party = MessageJSON.Party(
            contact: ConversationJSON.contact(of: json) ?? "", contactName: json["kapso"]?["contact_name"]?.stringValue,
            phoneNumberID: json["phone_number_id"]?.stringValue ?? "", conversationID: id,
            username: json["username"]?.stringValue)
        threadPositions[id] = threads.count
        threads.append(Thread(json: json, time: created, party: party))
    }

    /// Adds a message to a conversation declared earlier and returns it. Generates a WAMID unless given one.
    @discardableResult
    mutating func message(
        in conversationID: String, at time: Timestamp, inbound: Bool, _ content: MessageJSON.Content,
        status: String, errorCode: Int? = nil, id: String? = nil
    ) -> JSONObject {
        guard let position = threadPositions[conversationID] else { preconditionFailure("no \(conversationID)") }
        let party = threads[position].party
        let wamid = id ?? MessageJSON.wamid(contact: party.contact, hex: hex(20))
        let message = MessageJSON.message(
            id: wamid, at: time, inbound: inbound, party: party, content: content, status: status,
            error: errorCode.map(MessageJSON.statusError))
        let sequence = data.nextMessageSequence
        data.nextMessageSequence += 1
        // Kapso's created_at carries milliseconds; derive them from the sequence so order stays stable.
        let created = Timestamp(micros: time.micros + Int64(sequence * 137 % 1000) * 1000)
        data.messages.append(Record(id: wamid, sortTime: created, cursorID: String(sequence), json: message))
        threads[position].summary.add(
            id: .string(wamid), type: .string(content.type), text: JSONValue(MessageJSON.text(content)), inbound: inbound,
            at: time)
        threads[position].time = time
        return message
    }

    /// Adds a message object written by hand (any type, status history or error shape) to a conversation
    /// declared earlier; `id`, `kapso.phone_number_id` and `kapso.whatsapp_conversation_id` are filled in.
    mutating func message(in conversationID: String, at time: Timestamp, json: JSONObject, summary: String?) {
        guard let position = threadPositions[conversationID] else { preconditionFailure("no \(conversationID)") }
        let party = threads[position].party
        var message = json
        let wamid = json["id"]?.stringValue ?? MessageJSON.wamid(contact: party.contact, hex: hex(20))
        message["id"] = .string(wamid)
        message["timestamp"] = .string(time.unix)
        var kapso = message["kapso"]?.objectValue ?? [:]
        kapso["phone_number_id"] = .string(party.phoneNumberID)
        kapso["whatsapp_conversation_id"] = .string(party.conversationID)
        message["kapso"] = .object(kapso)
        let sequence = data.nextMessageSequence
        data.nextMessageSequence += 1
        let created = Timestamp(micros: time.micros + Int64(sequence * 137 % 1000) * 1000)
        data.messages.append(Record(id: wamid, sortTime: created, cursorID: String(sequence), json: message))
        let inbound = kapso["direction"]?.stringValue == "inbound"
        threads[position].summary.add(
            id: .string(wamid), type: message["type"] ?? .null, text: JSONValue(summary), inbound: inbound, at: time)
        threads[position].time = time
    }

    /// Overrides fields of a conversation after its messages (e.g. an `ended` status).
    mutating func finishConversation(_ id: String, status: String, updatedAt: Timestamp) {
        guard let position = threadPositions[id] else { return }
        threads[position].foldSummary()
        threads[position].json["status"] = .string(status)
        threads[position].json["updated_at"] = .string(updatedAt.iso)
    }

    /// A message template of `businessAccountID` (Graph's shape, kapso-api.md §14.3), listed newest first.
    mutating func template(_ json: JSONObject, businessAccountID: String, at created: Timestamp) {
        var json = json
        json["business_account_id"] = .string(businessAccountID)
        data.templates.append(Record(id: json["id"]?.stringValue ?? "", sortTime: created, json: json))
    }

    /// A contact's marketing preference on one number (`stopped` or `resumed`).
    mutating func marketingPreference(contact: String, phoneNumberID: String, _ json: JSONObject) {
        data.marketingPreferences[SeedData.preferenceKey(contact: contact, phoneNumberID: phoneNumberID)] = json
    }

    /// A delivery row as in `fixtures/webhook_deliveries.list.json`.
    mutating func delivery(
        id: String? = nil, event: String, webhook: JSONObject, contact: String?, createdAt: Timestamp,
        outcome: DeliveryOutcome
    ) {
        delivery(id: id, event: event, to: target(webhook), contact: contact, createdAt: createdAt, outcome: outcome)
    }

    /// The same, to a webhook whose row fields were read once with `target(_:)`.
    mutating func delivery(
        id: String? = nil, event: String, to target: DeliveryTarget, contact: String?, createdAt: Timestamp,
        outcome: DeliveryOutcome
    ) {
        let id = id ?? uuid()
        let json = target.row(id: id, event: event, fields: outcome.fields(createdAt: createdAt), contact: contact)
        data.deliveries.append(Record(id: id, sortTime: createdAt, json: json))
    }

    /// What a delivery row repeats of `webhook`, with its number's Kapso id from the numbers seeded so far.
    func target(_ webhook: JSONObject) -> DeliveryTarget {
        let phoneNumberID = webhook["phone_number_id"]?.stringValue
        let configID = data.phoneNumbers.first { $0.id == phoneNumberID }?.json["internal_id"] ?? .null
        return DeliveryTarget(webhook: webhook, configID: configID)
    }

    /// An API log row as in `fixtures/api_logs.list.json`.
    mutating func apiLog(
        id: String? = nil, _ method: String, _ endpoint: String, status: Int, milliseconds: Int, at time: Timestamp,
        key: (id: String, name: String, ip: String), error: String? = nil
    ) {
        let id = id ?? uuid()
        let json: JSONObject = [
            "id": .string(id), "endpoint": .string(endpoint), "http_method": .string(method),
            "response_status": .int(status), "response_time_ms": .int(milliseconds), "ip_address": .string(key.ip),
            "error_message": JSONValue(error), "created_at": .string(time.iso), "api_key_id": .string(key.id),
            "api_key_name": .string(key.name),
        ]
        data.apiLogs.append(Record(id: id, sortTime: time, json: json))
    }

    /// The finished seed, conversations ordered by last activity.
    func build() -> SeedData {
        var data = data
        for var thread in threads {
            thread.foldSummary()
            data.conversations.append(Record(id: thread.party.conversationID, sortTime: thread.time, json: thread.json))
        }
        return data
    }

    /// A conversation being written: its JSON, last activity, and messages not yet folded into its summary.
    private struct Thread {
        var json: JSONObject
        var time: Timestamp
        let party: MessageJSON.Party
        var summary = ConversationJSON.Summary()

        mutating func foldSummary() {
            json = summary.apply(to: json)
            summary = ConversationJSON.Summary()
        }
    }
}
