internal import KapsoDiagnostics
internal import Foundation
public import KapsoClient
internal import KapsoDiagnostics

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
    private var bodies: [String] = []
    private var aliases: [String: String] = [:]
    private var aliasCounts: [String: Int] = [:]
    private var messages: [String: String] = [:]
    private var users: [String: String] = [:]
    /// Digits of contacts' numbers (country code included when the API gave it).
    var contactNumbers: Set<String> = []
    /// Digits of the business's own numbers.
    var ownNumbers: Set<String> = []
    /// The project's own numeric ids (phone-number ids, WABA ids) seen in results: never masked as numbers.
    var ownIDs: Set<String> = []
    private var lastLearned: JSONValue?

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

    private func add(_ value: String, to list: inout [String], prefix: String) {
        // An alias or a masked number (from text masked before) is not personal data: learning it would give
        // the same person a second alias.
        guard value.count >= 3, !list.contains(value), !PIIMasker.isMasked(value) else { return }
        list.append(value)
        // Longer values first, so a name inside a longer body is not split.
        list.sort { $0.count > $1.count }
    }

    /// `<contact 1>`, `<body 2>`: numbered in the order values first reach the page, so none is skipped.
    private func alias(for value: String, prefix: String) -> String {
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

    /// A command line as the page shows it: a bare number after `--to` is a contact's, learned first.
    /// The text a `reply` line sends is a message body too.
    ///
    /// A number typed in any common form is a contact's and is learned (so the output masks it too) unless it
    /// is one of the business's own: `+`-prefixed, `00`-prefixed, written with spaces, dots, dashes or
    /// parentheses, or bare digits after `--to`, `--phone-number`, `--phone` or `whois` (up to 13, so ids stay).
    public func mask(commandLine line: String) -> String {
        let words = line.split(separator: " ")
        for (index, word) in words.enumerated()
        where PIIMasker.numberArguments.contains(String(word)) && index + 1 < words.count {
            let value = String(words[index + 1]).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            // After `whois` and `--phone-number` a bare run of 14 digits or more is an id (phone-number, WABA).
            let digits = PIIMasker.normalized(value)
            let longest = word == "--to" ? 15 : 13
            if PIIMasker.isBareNumber(value), !value.hasPrefix("+"), digits.count <= longest {
                learnTyped(digits)
            }
        }
        learnTypedNumbers(in: line)
        if words.first == Substring(ReplyCommand.name), line.contains("--template") {
            // A template reply's values (`--param Lee`, `--param customer_name=Lee`) are what the contact reads
            // of it: masked like bodies. Read with the shell's lexer, so quoted values keep their spaces.
            for value in PIIMasker.templateValues(in: line) {
                learnTemplateValue(value)
                add(value, to: &bodies, prefix: "body")
            }
        } else if words.first == Substring(ReplyCommand.name) {
            let valued = Set(ReplyCommand.flags.filter { $0.valueName != nil }.map(\.name))
            var index = 1
            while index < words.count, words[index].hasPrefix("--") {
                index += valued.contains(String(words[index].prefix { $0 != "=" })) && !words[index].contains("=") ? 2 : 1
            }
            if index < words.count {
                var text = words[index...].joined(separator: " ")
                // A quoted text is learned without its quotes, as it appears in the output.
                for quote in ["\"", "'"] where text.count > 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
                    text = String(text.dropFirst().dropLast())
                }
                add(text, to: &bodies, prefix: "body")
            }
        }
        return mask(line)
    }

    /// The values of `--param` words of a `reply --template` line, without a leading `name=`.
    static func templateValues(in line: String) -> [String] {
        guard let words = (try? Lexer.commands(in: line))?.first?.map(\.text) else { return [] }
        var values: [String] = []
        for (index, word) in words.enumerated() {
            var value: String?
            if word == "--param", index + 1 < words.count { value = words[index + 1] }
            if word.hasPrefix("--param=") { value = String(word.dropFirst("--param=".count)) }
            guard var value else { continue }
            if let equals = value.firstIndex(of: "="), TemplateCheck.isVariableName(value[..<equals]) {
                value = String(value[value.index(after: equals)...])
            }
            if !value.isEmpty { values.append(value) }
        }
        return values
    }

    /// Template parameter values too short to mask wherever they appear (`H`, `42`: masking every `a` would wreck the
    /// page), masked where a summary lists them (`template order_update (en_US): <body 1>, …`).
    private var shortTemplateValues: Set<String> = []

    private func learnTemplateValue(_ value: String) {
        if !value.isEmpty, value.count < 3, !PIIMasker.isMasked(value) { shortTemplateValues.insert(value) }
    }

    /// `template NAME (LANG): H, a, name=b` → each short learned value in the list after the colon as its alias; the
    /// list ends at a column gap (two spaces) or the text's end.
    private func maskTemplateList(_ text: String) -> String {
        guard !shortTemplateValues.isEmpty, let start = text.range(of: "template ") else { return text }
        var rest = text[start.upperBound...]
        rest = rest.drop { $0 != " " && $0 != ":" }
        if rest.hasPrefix(" (") { rest = rest.drop { $0 != ")" }.dropFirst() }
        guard rest.hasPrefix(": ") else { return text }
        let listStart = rest.index(rest.startIndex, offsetBy: 2)
        let listEnd = text[listStart...].range(of: "  ")?.lowerBound ?? text.endIndex
        let items = text[listStart..<listEnd].components(separatedBy: ", ").map { item -> String in
            let equals = item.firstIndex(of: "=").flatMap { TemplateCheck.isVariableName(item[..<$0]) ? $0 : nil }
            let value = equals.map { String(item[item.index(after: $0)...]) } ?? item
            guard shortTemplateValues.contains(value) else { return item }
            return (equals.map { String(item[...$0]) } ?? "") + alias(for: value, prefix: "body")
        }
        let list = items.joined(separator: ", ")
        let gap = String(text[listEnd...])
        let delta = list.count - text[listStart..<listEnd].count
        return String(text[..<listStart]) + list + PIIMasker.realigned(Substring(gap), delta: delta)
    }

    /// Words after which bare digits are a contact's number.
    static let numberArguments: Set<String> = ["--to", "--phone-number", "--phone", "whois"]

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

    /// A typed contact number's digits, without an international `00` prefix; the business's own are left.
    private func learnTyped(_ digits: String) {
        let digits = PIIMasker.normalized(digits)
        guard digits.count >= 8, !isOwn(digits) else { return }
        contactNumbers.insert(digits)
    }

    /// Learns numbers a command line writes in a contact number's form (`typedNumbers`).
    private func learnTypedNumbers(in line: String) {
        for digits in PIIMasker.typedNumbers(in: line) { learnTyped(digits) }
    }

    /// The digits of each number `line` writes in a contact number's form: `+` or `00` first, or with
    /// spaces, dots, dashes or parentheses. A masked number (`+1 415 ••• 0142`) is none.
    public static func typedNumbers(in line: String) -> [String] {
        let characters = Array(line)
        var numbers: [String] = []
        var index = 0
        while index < characters.count {
            guard let run = numberRun(in: characters, at: index) else {
                index += 1
                continue
            }
            let digits = self.digits(run.original)
            if (run.original.hasPrefix("+") || run.original.hasPrefix("00") || run.original.count != digits.count)
                && !(run.original.hasPrefix("(") && !run.original.contains(")"))
            {
                numbers.append(digits)
            }
            index = run.last + 1
        }
        return numbers
    }

    /// Digits without an international `00` prefix (`0014155550157` → `14155550157`).
    static func normalized(_ digits: String) -> String {
        digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
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

    // MARK: - WAMIDs

    private static let wamidCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")

    private func maskWAMIDs(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "wamid.") {
            result += rest[..<range.lowerBound]
            let tail = rest[range.upperBound...]
            let body = tail.prefix { PIIMasker.wamidCharacters.contains($0) }
            guard !body.isEmpty else {
                result += rest[range]
                rest = tail
                continue
            }
            let wamid = "wamid." + body
            let alias = messages[wamid] ?? "<message \(messages.count + 1)>"
            messages[wamid] = alias
            result += alias
            rest = PIIMasker.realigned(tail.dropFirst(body.count), delta: alias.count - wamid.count)
        }
        return result + rest
    }

    // MARK: - Business-scoped user ids

    private static let userIDCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")

    /// Every BSUID-shaped word (`CC.` then letters and digits, at least one digit, not inside a longer word)
    /// becomes `<user N>`, numbered in first-seen order.
    private func maskUserIDs(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        var copied = 0
        while index + 3 < characters.count {
            let startsWord = index == 0 || !PIIMasker.userIDCharacters.contains(characters[index - 1])
            guard startsWord, characters[index].isUppercase, characters[index + 1].isUppercase, characters[index + 2] == "."
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, PIIMasker.userIDCharacters.contains(characters[end]) { end += 1 }
            var candidate = String(characters[index..<end])
            while candidate.hasSuffix(".") { candidate.removeLast() }
            guard BusinessScopedUserID.isValid(candidate), candidate.contains(where: \.isNumber) else {
                index = end
                continue
            }
            let alias = users[candidate] ?? "<user \(users.count + 1)>"
            users[candidate] = alias
            result += String(characters[copied..<index]) + alias
            index += candidate.count
            let rest = PIIMasker.realigned(Substring(String(characters[index...])), delta: alias.count - candidate.count)
            let skipped = characters.count - index - rest.count
            if skipped >= 0 {
                copied = index + skipped
                index = copied
            } else {
                result += String(repeating: " ", count: -skipped)
                copied = index
            }
        }
        return result + String(characters[copied...])
    }

    // MARK: - Phone numbers

    /// Replaces every `value` with `alias`, keeping table columns aligned.
    static func replace(_ value: String, with alias: String, in text: String) -> String {
        let parts = text.split(separator: value, omittingEmptySubsequences: false)
        var result = String(parts[0])
        for part in parts.dropFirst() {
            result += alias + realigned(part, delta: alias.count - value.count)
        }
        return result
    }

    private static func realigned(_ rest: Substring, delta: Int) -> Substring {
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
