internal import Foundation
internal import KapsoClient

/// Strings masked by their field rather than by their words: inside `fieldParents` objects every string is what a
/// contact wrote (`"city": "Madrid"`), so it is masked whole however short; and the JSON masking that applies it, to
/// a result's JSON and to JSON already written out as text.
extension PIIMasker {
    /// Objects whose every string is masked by its field in JSON, one word or short (`"city": "Madrid"`,
    /// `"country_code": "ES"`): a shared card's addresses, company and links, the row or button a contact chose
    /// (`interactive.list_reply` / `button_reply`: its `title` and `description`; the `id` is the business's), and a
    /// conversation's `metadata` (free-form CRM fields, kapso-api.md; Meta's webhook `metadata` holds only the
    /// business's own number and id, which stay).
    static let fieldParents: Set<String> = ["addresses", "org", "urls", "list_reply", "button_reply", "metadata"]
    /// Keys in those objects that are labels or the business's handles, not what the contact wrote.
    static let fieldExempt: Set<String> = ["type", "id"]

    /// A string masked by its field (`fieldParents`): kept with its key, so JSON already written out (a list's
    /// `--all` stream, printed as the API sent it) masks `"key": "value"` however short or plain the value.
    func learnFieldValue(_ text: String, key: String) {
        guard !PIIMasker.fieldExempt.contains(key), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            !PIIMasker.isMasked(text)
        else { return }
        fieldValues[key, default: []].insert(text)
    }

    /// JSON keys whose strings are what a message says (a body, a caption, Kapso's `content`, a location's
    /// address): a one-word body is masked in them. `name` (a location's) only when it is the whole string.
    /// `response_json`: a flow's answers, JSON inside a string, every value what the contact filled in (probe42 P42-5:
    /// a one-word answer was clear there while the row masked it).
    static let contentJSONKeys: Set<String> = [
        "body", "caption", "filename", "text", "content", "address", "last_message_text", "response_json",
    ]

    /// `byField`: the value is inside one of `fieldParents`, where every string is what the contact wrote.
    func mask(json: JSONValue, key: String?, byField: Bool) -> JSONValue {
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
            if key == "response_json", let masked = maskedFlowResponse(text) { return .string(mask(masked, content: true)) }
            if key == "name", wholePlainWordBody(text) != nil { return .string(mask(text, content: true)) }
            return .string(mask(text, content: key.map(PIIMasker.contentJSONKeys.contains) ?? false))
        case .number(let text):
            // A number inside a field-masked object (a CRM `metadata` value): a phone number masked as one (a string
            // now), anything else by its field, like a string there.
            guard byField, let key = key?.lowercased(), !PIIMasker.fieldExempt.contains(key),
                !PIIMasker.ownNumberKeys.contains(key), !PIIMasker.ownIDKeys.contains(key), fieldValues[key]?.contains(text) == true
                    || PIIMasker.phoneNumberDigits(text) != nil
            else { return json }
            let masked = mask(text, content: true)
            return .string(masked != text ? masked : alias(for: text, prefix: "body"))
        case .array(let items): return .array(items.map { mask(json: $0, key: key, byField: byField) })
        case .object(var object):
            if key?.lowercased() == "response_json" { object = maskedFlowResponse(object) }
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
        guard knows(trimmed, as: .body), pattern(trimmed).isPlainWord || pattern(trimmed).isShort else { return nil }
        return trimmed
    }

    /// JSON already written out (NDJSON of `--all`, a payload shown as data): masked as text, and a one-word or short
    /// body where it is a whole string value of a content key (`"body": "again"`, `"body": "34"`).
    func mask(jsonText text: String) -> String {
        // A flow's answers first, each as the summary shows it, while the string still holds the JSON the API sent.
        var result = text.contains("\"response_json\":") ? maskingContent(ofKey: "response_json", in: text) : text
        result = mask(result)
        guard result.contains("\":") else { return result }
        for value in bodies where (pattern(value).isPlainWord || pattern(value).isShort) && result.contains("\"" + value + "\"") {
            let keys = PIIMasker.contentJSONKeys.union(PIIMasker.fieldJSONKeys)
            result = PIIMasker.replacingJSONStrings(value, keys: keys, with: alias(for: value, prefix: "body"), in: result)
        }
        // A one-word or short name (`"contact_name": "Support"`, `"Jo"`) as the whole value of a name key.
        for value in names where (pattern(value).isPlainWord || pattern(value).isShort) && result.contains("\"" + value + "\"") {
            let keys = PIIMasker.nameKeys.union(PIIMasker.cardNameKeys).union(["name"])
            result = PIIMasker.replacingJSONStrings(value, keys: keys, with: alias(for: value, prefix: "contact"), in: result)
        }
        for (key, values) in fieldValues.sorted(by: { $0.key < $1.key }) where result.contains("\"" + key + "\"") {
            for value in values.sorted() {
                let quoted = JSONValue.string(value).serialized()
                if result.contains(quoted) {
                    let inner = String(quoted.dropFirst().dropLast())
                    result = PIIMasker.replacingJSONStrings(inner, keys: [key], with: alias(for: value, prefix: "body"), in: result)
                }
                // A number value (`"card": 4111111111111111`), written as the API sent it.
                if value.first.map({ $0.isNumber || $0 == "-" }) == true, result.contains(value) {
                    result = PIIMasker.replacingJSONValues(value, keys: [key], with: alias(for: value, prefix: "body"), in: result)
                }
            }
        }
        return result
    }

    /// JSON written out (a JSON-mode result on the page) with each masked value that stands outside a string written
    /// as a string: the text masking replaces a learned number wherever it appears, so `"latitude": 37.7749` became
    /// `"latitude": <body 17>`, and a block of a JSON-mode transcript was no JSON for `jq` (tester47 L3); now
    /// `"latitude": "<body 17>"`. A run between JSON's separators (`,` `:` `[` `]` `{` `}`, line ends) outside strings is
    /// quoted when it holds a placeholder (`<`) or a masked number (`•••`), which no JSON number or literal holds.
    static func quotingBareMasks(_ text: String) -> String {
        guard text.contains("<") || text.contains("•") else { return text }
        var result = ""
        var run = ""
        var inString = false
        var escaped = false
        func flush() {
            let trimmed = run.trimmingCharacters(in: .whitespaces)
            if trimmed.contains("<") || trimmed.contains("•") {
                let lead = run.prefix { $0 == " " || $0 == "\t" }
                let trail = String(run.reversed().prefix { $0 == " " || $0 == "\t" })
                result += lead + JSONValue.string(trimmed).serialized() + trail
            } else {
                result += run
            }
            run = ""
        }
        for character in text {
            if inString {
                result.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                flush()
                result.append(character)
                inString = true
            } else if ",:[]{}\n".contains(character) {
                flush()
                result.append(character)
            } else {
                run.append(character)
            }
        }
        flush()
        return result
    }

    /// `text` (JSON written out) with the string value of each `"KEY":` masked: a flow's `response_json` is JSON inside a
    /// string, whose one-word answers (`\"city\": \"Springfield\"`) no whole-value match finds, so each answer is masked
    /// as the summary masks it (`maskedFlowResponse`); a string that is no JSON object is masked as content.
    func maskingContent(ofKey key: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "\"" + key + "\":") {
            result += rest[..<range.upperBound]
            let spaces = rest[range.upperBound...].prefix { $0 == " " }
            result += spaces
            let value = rest[spaces.endIndex...]
            rest = value
            guard value.first == "\"" else { continue }
            var end = value.index(after: value.startIndex)
            var escaped = false
            while end < value.endIndex, escaped || value[end] != "\"" {
                escaped = !escaped && value[end] == "\\"
                end = value.index(after: end)
            }
            let inner = String(value[value.index(after: value.startIndex)..<end])
            if let decoded = try? JSONValue.parse(Array(("\"" + inner + "\"").utf8)).string, let masked = maskedFlowResponse(decoded) {
                result += String(JSONValue.string(mask(masked, content: true)).serialized().dropLast())
            } else {
                result += "\"" + mask(inner, content: true)
            }
            rest = value[end...]
        }
        return result + rest
    }

    /// Keys of `fieldParents`' strings (and a location's `name`): in JSON already written out, where a one-word body
    /// is masked as a whole string value.
    static let fieldJSONKeys: Set<String> = [
        "name", "title", "description", "street", "city", "state", "zip", "country", "company", "department",
    ]

    /// `text` with each `"KEY": "VALUE"` whose key is one of `keys` written `"KEY": "ALIAS"`.
    static func replacingJSONStrings(_ value: String, keys: Set<String>, with alias: String, in text: String) -> String {
        replacingJSONValues("\"" + value + "\"", keys: keys, with: alias, in: text)
    }

    /// `text` with each `"KEY": LITERAL` whose key is one of `keys` written `"KEY": "ALIAS"`; `literal` is a JSON
    /// string with its quotes or a number (`4111111111111111`, not matched inside a longer number).
    static func replacingJSONValues(_ literal: String, keys: Set<String>, with alias: String, in text: String) -> String {
        let quoted = literal
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
            if !quoted.hasPrefix("\""), let next = rest[range.upperBound...].first, next.isNumber || ".eE".contains(next) {
                isValue = false
            }
            result += before + (isValue ? "\"" + alias + "\"" : quoted)
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
