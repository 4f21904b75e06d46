internal import Foundation

/// Loads a seed from a JSON file of API-shaped objects (see `SimulatorSeed.file`).
enum FileSeed {
    static func load(path: String) throws -> SeedData {
        let document: JSONValue
        do {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            document = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            throw SimulatorError.unreadableSeed(path: path, reason: "invalid JSON at byte \(error.offset)")
        } catch {
            throw SimulatorError.unreadableSeed(path: path, reason: error.localizedDescription)
        }
        var data = SeedData()
        if let project = document["project_id"]?.stringValue { data.projectID = project }
        data.phoneNumbers = records(document["phone_numbers"], time: "created_at")
        data.webhooks = records(document["webhooks"], time: "created_at")
        data.conversations = records(document["conversations"], time: "last_active_at")
        data.deliveries = records(document["webhook_deliveries"], time: "created_at")
        data.apiLogs = records(document["api_logs"], time: "created_at")
        // Graph template objects plus `business_account_id` (whose WABA) and optional `created_at` (order).
        data.templates = records(document["message_templates"], time: "created_at").map { record in
            var record = record
            record.json["created_at"] = nil
            return record
        }
        for member in document["allowed_recipients"]?.objectValue?.members ?? [] {
            let digits = (member.value.arrayValue ?? []).compactMap(\.stringValue).map { $0.filter(\.isNumber) }
            data.allowedRecipients[member.key] = Set(digits)
        }
        for member in document["health"]?.objectValue?.members ?? [] {
            if let health = member.value.objectValue { data.health[member.key] = health }
        }
        for (index, message) in (document["messages"]?.arrayValue ?? []).enumerated() {
            guard let json = message.objectValue, let id = json["id"]?.stringValue else { continue }
            let time: Timestamp
            do {
                time = try messageTime(json["timestamp"])
            } catch {
                throw SimulatorError.unreadableSeed(path: path, reason: "messages[\(index)].\(error.reason)")
            }
            let sequence = data.nextMessageSequence
            data.nextMessageSequence += 1
            data.messages.append(Record(id: id, sortTime: time, cursorID: String(sequence), json: json))
        }
        data.warnings = repeatedIDs(
            [
                ("phone_numbers", data.phoneNumbers), ("webhooks", data.webhooks), ("conversations", data.conversations),
                ("messages", data.messages), ("webhook_deliveries", data.deliveries), ("api_logs", data.apiLogs),
                ("message_templates", data.templates),
            ])
        return data
    }

    /// One line per id that a list holds more than once: `webhooks: id 0a1b… is listed 2 times (items 1 and 2);
    /// every copy is served, so lists show it 2 times`. Loaded as written (an API can list an item twice,
    /// which is worth reproducing), but said, since a seed that repeats an id is more often a mistake.
    static func repeatedIDs(_ lists: [(name: String, records: [Record])]) -> [String] {
        var lines: [String] = []
        for (name, records) in lists {
            var positions: [String: [Int]] = [:]
            var order: [String] = []
            for (index, record) in records.enumerated() {
                if positions[record.id] == nil { order.append(record.id) }
                positions[record.id, default: []].append(index + 1)
            }
            for id in order {
                guard let items = positions[id], items.count > 1 else { continue }
                let itemsText = items.dropLast().map(String.init).joined(separator: ", ") + " and \(items.last ?? 0)"
                lines.append(
                    "\(name): id \(id) is listed \(items.count) times (items \(itemsText)); every copy is served, so "
                        + "lists show it \(items.count) times")
            }
        }
        return lines
    }

    /// Why a message's `timestamp` cannot be placed in time: `reason` names the field and the value.
    struct OutOfRange: Error {
        var reason: String
    }

    /// Where a message sorts: its `timestamp` as Unix seconds, a string of digits (`"1795262400"`, kapso-api.md §7.3)
    /// or a bare integer, as kops reads it (KapsoClient `KapsoTime.seconds(timestamp:)`). A value that is no number
    /// (an ISO date, text, none) sorts at the epoch and is served as written, for kops to name. A number beyond
    /// `Timestamp.readableSeconds` (16 digits of microseconds, 19 of nanoseconds: kops reads neither as a time) is
    /// refused with the value, as the simulator has no place for it.
    static func messageTime(_ value: JSONValue?) throws(OutOfRange) -> Timestamp {
        let digits: String
        switch value {
        case .int(let number)?: digits = String(number)
        case .bigInteger(let text)?: digits = text
        case .string(let text)? where isInteger(text): digits = text
        default: return Timestamp(micros: 0)
        }
        if let seconds = Int64(digits), let time = Timestamp(unixSeconds: seconds) { return time }
        let count = digits.count - (digits.hasPrefix("-") ? 1 : 0)
        let unit = count == 16 ? "; 16 digits look like microseconds" : count == 19 ? "; 19 digits look like nanoseconds" : ""
        let shown = digits.count > 40 ? digits.prefix(40) + "…" : Substring(digits)
        throw OutOfRange(
            reason: "timestamp \"\(shown)\" is out of range: a message timestamp is Unix seconds (10 digits, as Kapso "
                + "writes them), within ±\(Timestamp.readableSeconds.upperBound)\(unit)")
    }

    /// `1795262400` or `-5`: an optional minus, then ASCII digits.
    private static func isInteger(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func records(_ value: JSONValue?, time field: String) -> [Record] {
        (value?.arrayValue ?? []).compactMap { item in
            guard let json = item.objectValue, let id = json["id"]?.stringValue else { return nil }
            let time = json[field]?.stringValue.flatMap(Timestamp.init(iso:)) ?? Timestamp(micros: 0)
            return Record(id: id, sortTime: time, json: json)
        }
    }
}
