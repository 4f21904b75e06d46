/// Accumulates seed records in story order: conversations, their messages, deliveries and API logs.
///
/// Times are written as they read in the story (`at("2026-11-20T14:30:05Z")`) and shifted so that the
/// story's "now", 2026-11-21T12:00:00Z, lands on the simulator's clock.
struct StoryBuilder {
    private(set) var data = SeedData()
    private var conversations: [String: (json: JSONObject, time: Timestamp)] = [:]
    private var conversationOrder: [String] = []
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
    mutating func uuid() -> String {
        let hex = Array(self.hex(32).lowercased())
        let parts = [hex[0..<8], hex[8..<12], ["4"] + hex[13..<16], ["8"] + hex[17..<20], hex[20..<32]]
        return parts.map { String($0) }.joined(separator: "-")
    }

    /// Reproducible uppercase hex.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<count).map { _ in digits[Int(random.next() % 16)] })
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
        conversations[id] = (json, created)
        conversationOrder.append(id)
    }

    /// Adds a message to a conversation declared earlier and returns it. Generates a WAMID unless given one.
    @discardableResult
    mutating func message(
        in conversationID: String, at time: Timestamp, inbound: Bool, _ content: MessageJSON.Content,
        status: String, errorCode: Int? = nil, id: String? = nil
    ) -> JSONObject {
        guard let conversation = conversations[conversationID] else { preconditionFailure("no \(conversationID)") }
        let json = conversation.json
        let contact = json["phone_number"]?.stringValue ?? ""
        let party = MessageJSON.Party(
            contact: contact, contactName: json["kapso"]?["contact_name"]?.stringValue,
            phoneNumberID: json["phone_number_id"]?.stringValue ?? "", conversationID: conversationID)
        let wamid = id ?? MessageJSON.wamid(contact: contact, hex: hex(20))
        let message = MessageJSON.message(
            id: wamid, at: time, inbound: inbound, party: party, content: content, status: status,
            error: errorCode.map(MessageJSON.statusError))
        let sequence = data.nextMessageSequence
        data.nextMessageSequence += 1
        // Kapso's created_at carries milliseconds; derive them from the sequence so order stays stable.
        let created = Timestamp(micros: time.micros + Int64(sequence * 137 % 1000) * 1000)
        data.messages.append(Record(id: wamid, sortTime: created, cursorID: String(sequence), json: message))
        let updated = ConversationJSON.applying(message, at: time, to: json)
        conversations[conversationID] = (updated, time)
        return message
    }

    /// Overrides fields of a conversation after its messages (e.g. an `ended` status).
    mutating func finishConversation(_ id: String, status: String, updatedAt: Timestamp) {
        guard var conversation = conversations[id] else { return }
        conversation.json["status"] = .string(status)
        conversation.json["updated_at"] = .string(updatedAt.iso)
        conversations[id] = conversation
    }

    /// A delivery row as in `fixtures/webhook_deliveries.list.json`.
    mutating func delivery(
        id: String? = nil, event: String, webhook: JSONObject, contact: String?, createdAt: Timestamp,
        outcome: DeliveryOutcome
    ) {
        let id = id ?? uuid()
        let phoneNumberID = webhook["phone_number_id"]?.stringValue
        let configID = data.phoneNumbers.first { $0.id == phoneNumberID }?.json["internal_id"] ?? .null
        var json: JSONObject = ["id": .string(id), "event": .string(event)]
        for (key, value) in outcome.fields(createdAt: createdAt).members { json[key] = value }
        json["webhook_id"] = webhook["id"] ?? .null
        json["webhook_url"] = webhook["url"] ?? .null
        json["whatsapp_config_id"] = configID
        json["phone_number_id"] = JSONValue(phoneNumberID)
        json["conversation_phone_number"] = JSONValue(contact)
        data.deliveries.append(Record(id: id, sortTime: createdAt, json: json))
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
        for id in conversationOrder {
            guard let conversation = conversations[id] else { continue }
            data.conversations.append(Record(id: id, sortTime: conversation.time, json: conversation.json))
        }
        return data
    }
}
