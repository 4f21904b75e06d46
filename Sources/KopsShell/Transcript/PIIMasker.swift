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
    /// Each learned value's words, as `PIIMasker+Forms` matches them.
    private var patterns: [String: Pattern] = [:]
    /// Template parameter values too short to mask wherever they appear (`H`, `42`: masking every `a` would wreck the
    /// page), masked where a summary lists them (`template order_update (en_US): <body 1>, …`).
    var shortTemplateValues: Set<String> = []
    /// Template parameter values: masked everywhere even when one word (`Maria`), unlike a contact's one-word
    /// reply (`PIIMasker+Forms`): what a business puts in a template is a name, a code, an address far more often
    /// than a word of kops's own text.
    var templateValues: Set<String> = []
    /// Strings masked by their field (`learnFieldValue`), by key (lowercased).
    var fieldValues: [String: Set<String>] = [:]

    static let nameKeys: Set<String> = ["contact_name", "profile_name", "customer_name", "username", "email"]
    static let nameParents: Set<String> = ["profile", "contact", "contacts", "customer"]
    /// A shared contact card's name parts (`contacts[].name.formatted_name`), names like a contact's own.
    static let cardNameKeys: Set<String> = ["formatted_name", "first_name", "last_name", "middle_name", "name_suffix", "name_prefix"]
    /// `last_message_text`: a conversation's last message (kapso-api.md), a body whether or not the message was listed.
    static let bodyKeys: Set<String> = ["body", "caption", "filename", "last_message_text"]
    /// Objects whose every value is what a contact sent (a location, a card's addresses and company): bodies.
    static let contentParents: Set<String> = ["location", "addresses", "org", "urls"]
    /// Objects whose every string is masked by its field in JSON, one word or short (`"city": "Madrid"`,
    /// `"country_code": "ES"`): a shared card's addresses, company and links, the row or button a contact chose
    /// (`interactive.list_reply` / `button_reply`: its `title` and `description`; the `id` is the business's), and a
    /// conversation's `metadata` (free-form CRM fields, kapso-api.md; Meta's webhook `metadata` holds only the
    /// business's own number and id, which stay).
    static let fieldParents: Set<String> = ["addresses", "org", "urls", "list_reply", "button_reply", "metadata"]
    /// Keys in those objects that are labels or the business's handles, not what the contact wrote.
    static let fieldExempt: Set<String> = ["type", "id"]
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
                } else if key == "metadata" {
                    learnMetadata(entry.value)
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
        if let parent, PIIMasker.fieldParents.contains(parent), !PIIMasker.ownNumberKeys.contains(key),
            !PIIMasker.ownIDKeys.contains(key)
        {
            learnFieldValue(text, key: key)
        }
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
            || ((parent == "list_reply" || parent == "button_reply") && key != "id") || (parent == "button" && key == "text")
            || (parent == "contacts" && key == "birthday") || (parent == "order" && key == "text") || (parent == "parameters" && key == "text")
            || (parent == "transcript" && key == "text") || (parent == "kapso" && key == "content")
        {
            if parent == "parameters" { learnTemplateValue(text) }
            add(text, to: &bodies, prefix: "body")
        }
    }

    /// A conversation's `metadata`: every string at any depth is a body (free-form CRM fields: a note, a name, a card
    /// number), except the business's own number and ids (Meta's webhook `metadata`).
    private func learnMetadata(_ json: JSONValue, key: String = "metadata") {
        switch json {
        case .array(let items): for item in items { learnMetadata(item, key: key) }
        case .object(let object):
            for entry in object.entries {
                let key = entry.key.lowercased()
                if PIIMasker.ownNumberKeys.contains(key) || PIIMasker.ownIDKeys.contains(key) {
                    if let text = entry.value.string { learn(text, key: key, parent: "metadata") }
                } else {
                    learnMetadata(entry.value, key: key)
                }
            }
        default:
            if let text = json.string {
                add(text, to: &bodies, prefix: "body")
                learnFieldValue(text, key: key)
            }
        }
    }

    /// A string masked by its field (`fieldParents`): kept with its key, so JSON already written out (a list's
    /// `--all` stream, printed as the API sent it) masks `"key": "value"` however short or plain the value.
    private func learnFieldValue(_ text: String, key: String) {
        guard !PIIMasker.fieldExempt.contains(key), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            !PIIMasker.isMasked(text)
        else { return }
        fieldValues[key, default: []].insert(text)
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

    /// Numbers new aliases after the highest each kind already has in `text` (`<message 3>` → the next message is
    /// `<message 4>`): `record --append` continues a file whose values this masker never saw, and restarting at 1
    /// would give one placeholder to two values in one file (probe8 P8-6).
    func continueNumbering(after text: String) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let inside = rest.prefix { $0 != ">" && $0 != "<" && !$0.isNewline }
            guard inside.endIndex < rest.endIndex, rest[inside.endIndex] == ">",
                let space = inside.lastIndex(of: " "), let number = Int(inside[inside.index(after: space)...]),
                !inside[..<space].isEmpty, inside[..<space].allSatisfy({ $0.isLetter || $0 == " " })
            else { continue }
            let prefix = String(inside[..<space])
            aliasCounts[prefix] = max(aliasCounts[prefix, default: 0], number)
        }
    }

    /// `<contact 1>`, `<body 2>`: numbered in the order values first reach the page, so none is skipped.
    func alias(for value: String, prefix: String) -> String {
        let key = prefix + "\u{0}" + value
        if let alias = aliases[key] { return alias }
        let alias = nextAlias(prefix)
        aliases[key] = alias
        return alias
    }

    /// The next unused placeholder of a kind: `<message 3>` after `<message 2>`.
    func nextAlias(_ prefix: String) -> String {
        let number = aliasCounts[prefix, default: 0] + 1
        aliasCounts[prefix] = number
        return "<\(prefix) \(number)>"
    }

    func pattern(_ value: String) -> Pattern {
        if let pattern = patterns[value] { return pattern }
        let pattern = Pattern(value)
        patterns[value] = pattern
        return pattern
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
        let text = { (styled: StyledText, content: Bool) in
            StyledText(self.mask(styled.text, content: content), style: styled.style)
        }
        masked.blocks = result.blocks.map { block in
            switch block {
            case .line(let line): return .line(text(line, false))
            case .hint(let hint): return .hint(mask(hint))
            case .data(let data): return .data(mask(jsonText: data))
            case .fields(let fields):
                return .fields(fields.map { field in
                    let content = PIIMasker.contentLabels.contains(field.label)
                    return Field(field.label, mask(field.value.text, content: content), style: field.value.style)
                })
            case .table(var table):
                let content = table.columns.map { PIIMasker.contentHeaders.contains($0.header) }
                table.rows = table.rows.map { row in
                    row.enumerated().map { text($0.element, $0.offset < content.count && content[$0.offset]) }
                }
                return .table(table)
            }
        }
        masked.json = result.json.map { mask(json: $0, key: nil, byField: false) }
        masked.jsonText = result.jsonText.map { mask(jsonText: $0) }
        return masked
    }

    /// Where kops shows what a message says, so a one-word body is masked there too (`PIIMasker+Forms`): the
    /// `messages` table's column, the `message` and `trace` field.
    static let contentHeaders: Set<String> = ["CONTENT"]
    static let contentLabels: Set<String> = ["content"]
    /// JSON keys whose strings are what a message says (a body, a caption, Kapso's `content`, a location's
    /// address): a one-word body is masked in them. `name` (a location's) only when it is the whole string.
    static let contentJSONKeys: Set<String> = [
        "body", "caption", "filename", "text", "content", "address", "last_message_text",
    ]

    /// `byField`: the value is inside one of `fieldParents`, where every string is what the contact wrote.
    private func mask(json: JSONValue, key: String?, byField: Bool) -> JSONValue {
        switch json {
        case .string(let text):
            let key = key?.lowercased()
            if byField, let key, !PIIMasker.fieldExempt.contains(key), !PIIMasker.ownNumberKeys.contains(key),
                !PIIMasker.ownIDKeys.contains(key)
            {
                // Masked by its field: learned values as anywhere, and what is left (a 2-letter country code) whole.
                let masked = mask(text, content: true)
                let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                if masked != text || blank || PIIMasker.isMasked(text) { return .string(masked) }
                return .string(alias(for: text, prefix: "body"))
            }
            if key == "name", wholePlainWordBody(text) != nil { return .string(mask(text, content: true)) }
            return .string(mask(text, content: key.map(PIIMasker.contentJSONKeys.contains) ?? false))
        case .array(let items): return .array(items.map { mask(json: $0, key: key, byField: byField) })
        case .object(var object):
            let byField = byField || key.map { PIIMasker.fieldParents.contains($0.lowercased()) } == true
            for index in object.entries.indices {
                object.entries[index].value = mask(
                    json: object.entries[index].value, key: object.entries[index].key, byField: byField)
            }
            return .object(object)
        default: return json
        }
    }

    /// The learned one-word body `text` is, whitespace around it ignored; nil when it is none.
    private func wholePlainWordBody(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard bodies.contains(trimmed), pattern(trimmed).isPlainWord else { return nil }
        return trimmed
    }

    /// JSON already written out (NDJSON of `--all`, a payload shown as data): masked as text, and a one-word body
    /// where it is a whole string value of a content key (`"body": "again"`).
    func mask(jsonText text: String) -> String {
        var result = mask(text)
        guard result.contains("\":") else { return result }
        for value in bodies where pattern(value).isPlainWord && result.contains("\"" + value + "\"") {
            let keys = PIIMasker.contentJSONKeys.union(PIIMasker.fieldJSONKeys)
            result = PIIMasker.replacingJSONStrings(value, keys: keys, with: alias(for: value, prefix: "body"), in: result)
        }
        for (key, values) in fieldValues.sorted(by: { $0.key < $1.key }) where result.contains("\"" + key + "\"") {
            for value in values.sorted() {
                let quoted = JSONValue.string(value).serialized()
                guard result.contains(quoted) else { continue }
                let inner = String(quoted.dropFirst().dropLast())
                result = PIIMasker.replacingJSONStrings(inner, keys: [key], with: alias(for: value, prefix: "body"), in: result)
            }
        }
        return result
    }

    /// Keys of `fieldParents`' strings (and a location's `name`): in JSON already written out, where a one-word body
    /// is masked as a whole string value.
    static let fieldJSONKeys: Set<String> = [
        "name", "title", "description", "street", "city", "state", "zip", "country", "company", "department",
    ]

    /// `text` with each `"KEY": "VALUE"` whose key is one of `keys` written `"KEY": "ALIAS"`.
    static func replacingJSONStrings(_ value: String, keys: Set<String>, with alias: String, in text: String) -> String {
        let quoted = "\"" + value + "\""
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: quoted) {
            let before = rest[..<range.lowerBound]
            var head = before.reversed().drop { $0 == " " }
            var isValue = false
            if head.first == ":" {
                head = head.dropFirst().drop { $0 == " " }
                if head.first == "\"" {
                    let key = String(head.dropFirst().prefix { $0 != "\"" }.reversed()).lowercased()
                    isValue = keys.contains(key)
                }
            }
            result += before + (isValue ? "\"" + alias + "\"" : quoted)
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// `text` with learned bodies and names, WAMIDs and contacts' phone numbers masked; a run of two or
    /// more spaces after a replaced value (a column gap) grows or shrinks to keep columns aligned.
    ///
    /// A body or name matches in any form kops shows it (whitespace folded or escaped, cut with `…`), on word
    /// boundaries; a one-word body only when `content` (the text is what a message says): `PIIMasker+Forms`.
    public func mask(_ text: String) -> String {
        mask(text, content: false)
    }

    func mask(_ text: String, content: Bool) -> String {
        if text.contains("\":") { learnJSONText(text) }
        var result = text
        for (value, prefix) in learned {
            let pattern = self.pattern(value)
            if pattern.isPlainWord && prefix == "body" && !content && !templateValues.contains(value) { continue }
            result = PIIMasker.replace(pattern, with: self.alias(for: value, prefix: prefix), in: result)
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
            var string = String(value[..<end])
            // The value as the API had it (`Dear "Pablo"\tyour code`), so a body learned before (a typed reply) keeps
            // its placeholder; `PIIMasker+Forms` finds it in its escaped form.
            if string.contains("\\"), let decoded = try? JSONValue.parse(Array(("\"" + string + "\"").utf8)).string {
                string = decoded
            }
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