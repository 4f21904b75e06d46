internal import KapsoDiagnostics
internal import Foundation
public import KapsoClient

/// Masks personal data in transcript text (never on the live terminal).
///
/// - Contacts' phone numbers, in any form: `+`-prefixed numbers, and the digits of numbers learned from
///   JSON fields (`from`, `to`, `wa_id`, `recipient_id`, `conversation_phone_number`, `phone_number`…)
///   wherever they appear, with or without `+`, spaces or dashes, national or international: each keeps
///   its country and area code and last four digits (`+1 415 ••• 0142`).
/// - WAMIDs, which carry the contact's number in base64 (`wamid.HBgLMTQxNTU1NTAxNDI…`): stable aliases
///   `<message 1>` in first-seen order.
/// - Contact names, WhatsApp usernames and message bodies seen in results: `<contact 1>`, `<body 1>`.
/// - Business-scoped user ids (`US.13491208655302741918`, the id of a contact who shares no number), wherever
///   they appear, typed or learned: stable aliases `<user 1>`.
///
/// The business's own numbers (`display_phone_number` of its phone numbers) and ids stay as they are.
/// Mask a `CommandResult` before layout (`mask(_ result:)`) so tables are measured on the aliases.
public final class PIIMasker {
    /// Learned values, longest first; each gets its alias when it first reaches the page.
    private var names: [String] = []
    var bodies: [String] = []
    private var aliases: [String: String] = [:]
    private var aliasCounts: [String: Int] = [:]
    var messages: [String: String] = [:]
    var users: [String: String] = [:]
    /// Digits of contacts' numbers (country code included when the API gave it).
    var contactNumbers: Set<String> = []
    /// Digits of the business's own numbers.
    var ownNumbers: Set<String> = []
    /// The project's own numeric ids (phone-number ids, WABA ids) seen in results: never masked as numbers.
    var ownIDs: Set<String> = []
    private var lastLearned: JSONValue?
    /// Template parameter values too short to mask wherever they appear (`H`, `42`: masking every `a` would wreck the
    /// page), masked where a summary lists them (`template order_update (en_US): <body 1>, …`).
    var shortTemplateValues: Set<String> = []

    static let nameKeys: Set<String> = ["contact_name", "profile_name", "customer_name", "username", "email"]
    static let nameParents: Set<String> = ["profile", "contact", "contacts", "customer"]
    /// A shared contact card's name parts (`contacts[].name.formatted_name`), names like a contact's own.
    static let cardNameKeys: Set<String> = ["formatted_name", "first_name", "last_name", "middle_name", "name_suffix", "name_prefix"]
    static let bodyKeys: Set<String> = ["body", "caption", "filename"]
    /// Objects whose every value is what a contact sent (a location, a card's addresses and company): bodies.
    static let contentParents: Set<String> = ["location", "addresses", "org", "urls"]
    static let numberKeys: Set<String> = [
        "from", "to", "wa_id", "phone_number", "recipient_id", "contact_phone", "phone", "conversation_phone_number",
        "recipient", "customer_phone",
    ]
    static let ownNumberKeys: Set<String> = [
        "display_phone_number", "display_number", "display_phone_number_normalized",
    ]
    static let ownIDKeys: Set<String> = [
        "phone_number_id", "business_account_id", "whatsapp_business_account_id", "waba_id", "whatsapp_config_id",
    ]

    public init() {}

    /// Learns names, bodies and phone numbers from a result's JSON.
    public func learn(from json: JSONValue?) {
        guard let json, json != lastLearned else { return }
        lastLearned = json
        learn(json, parent: nil)
    }

    private func learn(_ json: JSONValue, parent: String?) {
        switch json {
        case .array(let items):
            for item in items { learn(item, parent: parent) }
        case .object(let object):
            for entry in object.entries {
                let key = entry.key.lowercased()
                if let text = entry.value.string ?? entry.value.numberText {
                    learn(text, key: key, parent: parent)
                } else {
                    learn(entry.value, parent: key)
                }
            }
        default:
            break
        }
    }

    /// One string (or number) field of a result: the kind of personal data its key and parent say it is.
    ///
    /// What a contact sends is a body whatever its type: text, captions, file names, a location's name,
    /// address and coordinates, a shared card's address and company, the values of a flow's `response_json`, a voice
    /// note's transcript (`kapso.transcript.text`, and `kapso.content`, which repeats it);
    /// a shared card's names and emails are names, its phones numbers. What the business sent a contact in a
    /// template's parameters (a name, an order id, a login code) is a body too.
    private func learn(_ text: String, key: String, parent: String?) {
        if key == "type" { return }
        if parent == "details" && key == "contact" {
            // `whois`'s detail line: `Marisol Vega`, or `Lee Park (+1 415 555 0157)` whose number is masked anyway.
            let name = text.components(separatedBy: " (").first ?? text
            if name != "-", !name.hasPrefix("+") { add(name, to: &names, prefix: "contact") }
        } else if PIIMasker.nameKeys.contains(key) || (key == "name" && parent.map(PIIMasker.nameParents.contains) == true)
            || (parent == "name" && PIIMasker.cardNameKeys.contains(key))
        {
            add(text, to: &names, prefix: "contact")
        } else if PIIMasker.ownNumberKeys.contains(key) {
            let digits = PIIMasker.digits(text)
            if digits.count >= 8 { ownNumbers.insert(digits) }
        } else if PIIMasker.ownIDKeys.contains(key) {
            if PIIMasker.digits(text).count == text.count { ownIDs.insert(text) }
        } else if PIIMasker.numberKeys.contains(key) {
            if case .success(let number) = PhoneNumberText.parse(text), let digits = number.e164, !isOwn(digits) {
                contactNumbers.insert(digits)
            }
        } else if key == "response_json", let values = try? JSONValue.parse(Array(text.utf8)) {
            // A flow's answers, sent as a JSON string: every value the contact filled in.
            learnContent(values)
        } else if PIIMasker.bodyKeys.contains(key) || parent.map(PIIMasker.contentParents.contains) == true
            || (parent == "order" && key == "text") || (parent == "parameters" && key == "text")
            || (parent == "transcript" && key == "text") || (parent == "kapso" && key == "content")
        {
            if parent == "parameters" { learnTemplateValue(text) }
            add(text, to: &bodies, prefix: "body")
        }
    }

    /// Every leaf of content a contact filled in (a flow response): numbers as numbers, the rest as bodies.
    private func learnContent(_ json: JSONValue) {
        switch json {
        case .array(let items): for item in items { learnContent(item) }
        case .object(let object):
            // The flow token is the business's own handle for the flow, not something the contact filled in.
            for entry in object.entries where entry.key != "flow_token" { learnContent(entry.value) }
        default:
            guard let text = json.string ?? json.numberText else { return }
            if case .success(let number) = PhoneNumberText.parse(text), let digits = number.e164, !isOwn(digits) {
                contactNumbers.insert(digits)
            } else {
                add(text, to: &bodies, prefix: "body")
            }
        }
    }

    func add(_ value: String, to list: inout [String], prefix: String) {
        // An alias or a masked number (from text masked before) is not personal data: learning it would give
        // the same person a second alias.
        guard value.count >= 3, !list.contains(value), !PIIMasker.isMasked(value) else { return }
        list.append(value)
        // Longer values first, so a name inside a longer body is not split.
        list.sort { $0.count > $1.count }
    }

    /// `<contact 1>`, `<body 2>`: numbered in the order values first reach the page, so none is skipped.
    func alias(for value: String, prefix: String) -> String {
        let key = prefix + "\u{0}" + value
        if let alias = aliases[key] { return alias }
        let number = aliasCounts[prefix, default: 0] + 1
        aliasCounts[prefix] = number
        let alias = "<\(prefix) \(number)>"
        aliases[key] = alias
        return alias
    }

    // Longest first across both lists, so a short template value (`Lee`) never splits a name (`Lee Park`).
    private var learned: [(value: String, prefix: String)] {
        (bodies.map { ($0, "body") } + names.map { ($0, "contact") }).enumerated()
            .sorted { $0.element.0.count != $1.element.0.count ? $0.element.0.count > $1.element.0.count : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Learns the project's own numeric ids (phone-number ids, WABA ids), which are never masked as numbers.
    public func learnOwnIDs(_ ids: [String]) {
        ownIDs.formUnion(ids.filter { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    }

    /// Learns the business's own numbers (`+1 415-555-0100`, any form), which stay unmasked.
    public func learnOwnNumbers(_ numbers: [String]) {
        for number in numbers {
            let digits = PIIMasker.digits(number)
            if digits.count >= 8 { ownNumbers.insert(digits) }
        }
    }

    /// The result with every text masked: lines, table cells, field values, hints and JSON strings, so a
    /// renderer measures columns on what the page will show.
    public func mask(_ result: CommandResult) -> CommandResult {
        var masked = result
        let text = { (styled: StyledText) in StyledText(self.mask(styled.text), style: styled.style) }
        masked.blocks = result.blocks.map { block in
            switch block {
            case .line(let line): return .line(text(line))
            case .hint(let hint): return .hint(mask(hint))
            case .data(let data): return .data(mask(data))
            case .fields(let fields):
                return .fields(fields.map { Field($0.label, mask($0.value.text), style: $0.value.style) })
            case .table(var table):
                table.rows = table.rows.map { $0.map(text) }
                return .table(table)
            }
        }
        masked.json = result.json.map(mask(json:))
        masked.jsonText = result.jsonText.map { self.mask($0) }
        return masked
    }

    private func mask(json: JSONValue) -> JSONValue {
        switch json {
        case .string(let text): return .string(mask(text))
        case .array(let items): return .array(items.map(mask(json:)))
        case .object(var object):
            for index in object.entries.indices {
                object.entries[index].value = mask(json: object.entries[index].value)
            }
            return .object(object)
        default: return json
        }
    }

    /// `text` with learned bodies and names, WAMIDs and contacts' phone numbers masked; a run of two or
    /// more spaces after a replaced value (a column gap) grows or shrinks to keep columns aligned.
    public func mask(_ text: String) -> String {
        if text.contains("\":") { learnJSONText(text) }
        var result = text
        for (value, prefix) in learned where result.contains(value) {
            result = PIIMasker.replace(value, with: alias(for: value, prefix: prefix), in: result)
        }
        // A cell cut short with "…" still shows a body's or name's start.
        if result.contains("…") {
            for (value, prefix) in learned where value.count > 8 {
                for length in stride(from: value.count - 1, through: 6, by: -1) {
                    let cut = String(value.prefix(length)) + "…"
                    if result.contains(cut) {
                        result = PIIMasker.replace(cut, with: alias(for: value, prefix: prefix) + "…", in: result)
                    }
                }
            }
        }
        result = maskTemplateList(result)
        if result.contains("wamid.") { result = maskWAMIDs(result) }
        if result.contains(".") { result = maskUserIDs(result) }
        return maskNumbers(result)
    }

    /// Learns from JSON already printed as text (NDJSON of `--all`, request bodies): string values of the
    /// number, name and body keys, as they appear in the text (escapes kept).
    private func learnJSONText(_ text: String) {
        var rest = Substring(text)
        while let quote = rest.range(of: "\":") {
            let keyStart = rest[..<quote.lowerBound].lastIndex(of: "\"")
            let key = keyStart.map { rest[rest.index(after: $0)..<quote.lowerBound].lowercased() } ?? ""
            var value = rest[quote.upperBound...].drop { $0 == " " }
            rest = value
            guard value.first == "\"" else { continue }
            value = value.dropFirst()
            var end = value.startIndex
            var escaped = false
            while end < value.endIndex, escaped || value[end] != "\"" {
                escaped = !escaped && value[end] == "\\"
                end = value.index(after: end)
            }
            let string = String(value[..<end])
            if PIIMasker.numberKeys.contains(key), PIIMasker.isBareNumber(string) {
                contactNumbers.insert(PIIMasker.digits(string))
            } else if PIIMasker.ownNumberKeys.contains(key) {
                let digits = PIIMasker.digits(string)
                if digits.count >= 8 { ownNumbers.insert(digits) }
            } else if PIIMasker.nameKeys.contains(key) {
                add(string, to: &names, prefix: "contact")
            } else if PIIMasker.bodyKeys.contains(key) {
                add(string, to: &bodies, prefix: "body")
            }
        }
    }

    /// True when a line holds what `mask` writes: an alias or a masked number.
    public static func isMasked(_ line: String) -> Bool {
        if line.contains("•••") { return true }
        for prefix in ["<contact ", "<body ", "<message ", "<user "] {
            var rest = Substring(line)
            while let range = rest.range(of: prefix) {
                let after = rest[range.upperBound...]
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, after.dropFirst(digits.count).first == ">" { return true }
                rest = after
            }
        }
        return false
    }

    // MARK: - Columns

    /// Replaces every `value` with `alias`, keeping table columns aligned.
    static func replace(_ value: String, with alias: String, in text: String) -> String {
        let parts = text.split(separator: value, omittingEmptySubsequences: false)
        var result = String(parts[0])
        for part in parts.dropFirst() {
            result += alias + realigned(part, delta: alias.count - value.count)
        }
        return result
    }

    static func realigned(_ rest: Substring, delta: Int) -> Substring {
        let spaces = rest.prefix { $0 == " " }.count
        guard spaces >= 2, delta != 0 else { return rest }
        if delta < 0 { return Substring(String(repeating: " ", count: -delta)) + rest }
        return rest.dropFirst(min(delta, spaces - 2))
    }
}

extension JSONValue {
    /// A number's text as the JSON had it (`51.501009`), nil for anything else.
    fileprivate var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}