public import KapsoClient

/// Masks personal data in transcript text (never on the live terminal): phone numbers keep their
/// country and area code and last four digits (`+1 415 ••• 0142`); contact names and message bodies
/// seen in results become stable aliases (`<contact 1>`, `<message 1>`) in first-seen order.
public final class PIIMasker {
    private var names: [(value: String, alias: String)] = []
    private var bodies: [(value: String, alias: String)] = []
    private var bareNumbers: Set<String> = []
    private var lastLearned: JSONValue?

    static let nameKeys: Set<String> = ["contact_name", "profile_name", "customer_name"]
    static let nameParents: Set<String> = ["profile", "contact", "contacts", "customer"]
    static let bodyKeys: Set<String> = ["body", "caption"]
    static let numberKeys: Set<String> = [
        "from", "to", "wa_id", "phone_number", "recipient_id", "contact_phone", "phone",
    ]

    public init() {}

    /// Learns names, bodies and bare phone numbers from a result's JSON.
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
                if let text = entry.value.string {
                    if PIIMasker.nameKeys.contains(key)
                        || (key == "name" && parent.map(PIIMasker.nameParents.contains) == true)
                    {
                        add(text, to: &names, prefix: "contact")
                    } else if PIIMasker.bodyKeys.contains(key) {
                        add(text, to: &bodies, prefix: "message")
                    } else if PIIMasker.numberKeys.contains(key), PIIMasker.isBareNumber(text) {
                        bareNumbers.insert(text)
                    }
                } else {
                    learn(entry.value, parent: key)
                }
            }
        default:
            break
        }
    }

    private func add(_ value: String, to list: inout [(value: String, alias: String)], prefix: String) {
        guard value.count >= 3, !list.contains(where: { $0.value == value }) else { return }
        list.append((value, "<\(prefix) \(list.count + 1)>"))
        // Longer values first, so a name inside a longer body is not split.
        list.sort { $0.value.count > $1.value.count }
    }

    /// `text` with phone numbers, learned names and learned bodies masked.
    public func mask(_ text: String) -> String {
        var result = text
        for (value, alias) in bodies + names where result.contains(value) {
            result = PIIMasker.replace(value, with: alias, in: result)
        }
        // A table cell cut short with "…" still shows a body's or name's start.
        if result.contains("…") {
            for (value, alias) in bodies + names where value.count > 8 {
                for length in stride(from: value.count - 1, through: 6, by: -1) {
                    let cut = String(value.prefix(length)) + "…"
                    if result.contains(cut) { result = PIIMasker.replace(cut, with: alias + "…", in: result) }
                }
            }
        }
        for number in bareNumbers.sorted(by: { $0.count > $1.count }) where result.contains(number) {
            result = PIIMasker.replace(number, with: PIIMasker.masked(number), in: result)
        }
        return PIIMasker.maskDisplayNumbers(result)
    }

    /// Replaces every `value` with `alias`, keeping table columns aligned: the run of spaces after it
    /// (two or more: a column gap) grows or shrinks by the difference in length.
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

    static func isBareNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return (8...15).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// `+1 415-555-0142` or `14155550142` → `+1 415 ••• 0142`.
    static func masked(_ number: String) -> String {
        let groups = number.split(whereSeparator: { !$0.isNumber }).map(String.init)
        let digits = groups.joined()
        let last = String(digits.suffix(4))
        if groups.count >= 3 { return "+\(groups[0]) \(groups[1]) ••• \(last)" }
        let country = max(1, digits.count - 10)
        let area = digits.dropFirst(country).prefix(3)
        return "+\(digits.prefix(country)) \(area) ••• \(last)"
    }

    /// Masks every `+`-prefixed phone number (8 to 15 digits with spaces, dashes, dots or parentheses).
    static func maskDisplayNumbers(_ text: String) -> String {
        guard text.contains("+") else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsNumber =
                character == "+" && index + 1 < characters.count && characters[index + 1].isNumber
                && (index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber))
            guard startsNumber else {
                result.append(character)
                index += 1
                continue
            }
            var end = index + 1
            var lastDigit = index
            var digits = 0
            while end < characters.count, digits < 15,
                characters[end].isNumber
                    || (" -.()".contains(characters[end]) && end + 1 < characters.count
                        && (characters[end + 1].isNumber || characters[end + 1] == "("))
            {
                if characters[end].isNumber {
                    digits += 1
                    lastDigit = end
                }
                end += 1
            }
            if (8...15).contains(digits) {
                let original = String(characters[index...lastDigit])
                let alias = masked(original)
                result += alias
                index = lastDigit + 1
                var spaces = 0
                while index + spaces < characters.count, characters[index + spaces] == " " { spaces += 1 }
                let delta = alias.count - original.count
                if spaces >= 2 && delta < 0 { result += String(repeating: " ", count: -delta) }
                if spaces >= 2 && delta > 0 { index += min(delta, spaces - 2) }
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }
}
