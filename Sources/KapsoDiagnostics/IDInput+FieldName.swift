internal import KapsoClient

// MARK: - A field name copied in front of an id

extension IDInput {
    /// The field name and separator a line copied from a JSON payload, a log or a config puts in front of an id, and the
    /// id after it, e.g. `id:wamid.HBg…` → `("id:", "wamid.HBg…")`, `"id": "wamid.HBg…"` → `("\"id\":", "wamid.HBg…")`,
    /// `phone_number_id=100200300400501` → `("phone_number_id=", "100200300400501")` (tester54 V13: refused as no id,
    /// while a stray tail after one is named). The name is a word of letters, digits and `_` `-` `.` (quoted or not),
    /// then `:` or `=` (spaces around allowed); nil unless what follows reads as an id (`read`), and for a link's scheme
    /// (`https:`, `tel:`, `whatsapp:`, which `PhoneNumberText.linkedNumber` reads).
    ///
    /// Also a whole JSON object (`{"id":"wamid.…"}`), an XML element (`<message_id>wamid.…</message_id>`), a URL query's
    /// pair with more after it (`msg_id=wamid.…&x=1`) and a key named `wamid` before a whole WAMID (`wamid=wamid.…`)
    /// (tester56b V13: "expected a WAMID starting with 'wamid.'", though the text holds one). A key `wamid` before
    /// anything else (`wamid:HBg…`) is a damaged WAMID, not a field name.
    public static func fieldNameInFront(_ text: String) -> (field: String, id: String, kind: String)? {
        if let element = xmlElement(Substring(text.trimmingSpaces())) { return element }
        guard let (field, value) = fieldNameBefore(text), case .success(let input) = read(value) else { return nil }
        return (field, value, input.kindInWords)
    }

    /// The longest whole JSON object read for the id inside it (`longProblem`). A Meta status with its conversation and
    /// pricing runs to about 400 characters, a Kapso message with its statuses to a few thousand (kapso-api.md §7.3); past
    /// this the paste is no single record and is refused with its length, unparsed.
    public static let maxPastedObject = 16_384

    /// Why text longer than any id (`maxLength`) is none: a whole JSON object pasted (a status with pricing; fix58B's
    /// leftover: refused as "longer than any id" while a shorter one was named) is read for its id as `fieldNameInFront`
    /// reads it, up to `maxPastedObject` characters (`tooLongObject` past it); anything else is `tooLong`.
    static func longProblem(_ text: String, characters: Int) -> Problem {
        let whole = text.trimmingSpaces()
        guard whole.first == "{", whole.last == "}" else { return .tooLong(characters: characters) }
        guard whole.count <= maxPastedObject else { return .tooLongObject(characters: whole.count) }
        guard let (field, id, kind) = fieldNameInFront(text) else { return .tooLong(characters: characters) }
        return .fieldName(field: field, id: id, kind: kind)
    }

    /// A whole JSON object pasted pretty-printed (its line breaks and indentation, as `jq`, a log viewer or an API
    /// console shows it) or with a non-ASCII value beside its id (a contact's name) is read for its id as the compact
    /// one is (`longProblem`, `fieldNameInFront`): fixB's leftover, refused as "not ASCII" at its first line break
    /// before the object was read. Nil for anything else.
    static func pastedObjectProblem(_ text: String) -> Problem? {
        let whole = text.trimmingSpaces()
        guard whole.first == "{", whole.last == "}" else { return nil }
        guard whole.count <= maxPastedObject else { return .tooLongObject(characters: whole.count) }
        guard let object = (try? JSONValue.parse(whole))?.object,
            let (field, id, kind) = fieldNameInFront(JSONValue.object(object).serialized())
        else { return nil }
        return .fieldName(field: field, id: id, kind: kind)
    }

    /// The field name in front of a value (`fieldNameInFront`'s reading) and the value `cleaned`, whether or not the value
    /// reads as an id: `"id": "wamid.HBg…AAAA…"` → `("\"id\":", "wamid.HBg…AAAA…")`. Nil without such a name, and for a
    /// key `wamid` before anything but a whole WAMID.
    static func fieldNameBefore(_ text: String) -> (field: String, value: String)? {
        var whole = Substring(text.trimmingSpaces())
        // A JSON object longer than kops reads for its id is named by its length (`longProblem`), not read as a pair.
        if whole.first == "{", whole.last == "}", whole.count > maxPastedObject { return nil }
        if let member = jsonObjectMember(whole) { return member }
        // A JSON object around the pair: `{"id":"wamid.…"}`.
        // Its indentation too, when it was pasted pretty-printed (`{\n  "id": …\n}`).
        if whole.first == "{", whole.last == "}" { whole = whole.dropFirst().dropLast().drop(while: \.isWhitespace) }
        let quotes: [Character] = ["\"", "'", "`"]
        var rest = whole.first.map(quotes.contains) == true ? whole.dropFirst() : whole
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        guard let first = name.first, first.isLetter || first == "_", name.count <= 40,
            !["http", "https", "tel", "whatsapp", "sms", "mailto"].contains(name.lowercased())
        else { return nil }
        rest = rest.dropFirst(name.count)
        if let close = rest.first, quotes.contains(close) { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        guard let separator = rest.first, separator == ":" || separator == "=" else { return nil }
        let field = whole[..<rest.index(after: rest.startIndex)].filter { $0 != " " }
        var after = rest.dropFirst()
        // A URL query's next pair (`&x=1`) is no part of the value.
        if separator == "=", let next = after.firstIndex(where: { $0 == "&" || $0 == "#" }) { after = after[..<next] }
        let value = cleaned(String(after))
        guard !value.isEmpty, name.lowercased() != "wamid" || value.lowercased().hasPrefix("wamid.") else { return nil }
        return (String(field), value)
    }

    /// The id member of a whole JSON object of several members pasted (`{"id": "wamid.…", "status": "read"}`, a status as
    /// Meta's webhook carries it; tester57b V13: "it has '", "status": "read' after its '=' padding"): its `id` when that
    /// is a string, else the one string member named `…id` or `wamid` whose value starts as a WAMID or reads as an id, as
    /// `("{\"id\": …, …}", value)`; nil for anything else (one member is a pair, read as such).
    static func jsonObjectMember(_ whole: Substring) -> (field: String, value: String)? {
        guard whole.first == "{", whole.last == "}", let object = (try? JSONValue.parse(String(whole)))?.object,
            object.entries.count > 1
        else { return nil }
        let strings = object.entries.compactMap { entry in entry.value.string.map { (key: entry.key, value: $0) } }
        let named = strings.filter { entry in
            let key = entry.key.lowercased()
            return key != "id" && (key.hasSuffix("id") || key == "wamid")
                && (entry.value.lowercased().hasPrefix("wamid.") || (try? read(entry.value).get()) != nil)
        }
        guard let member = strings.first(where: { $0.key == "id" }) ?? (named.count == 1 ? named.first : nil) else { return nil }
        return ("{\"\(member.key)\": …, …}", cleaned(member.value))
    }

    /// `'id:' in front is a field name copied with the id; without it, it looks damaged: …` for a field name in front of a
    /// WAMID that does not read as one (`WAMID.damage`: cut short, a line wrapped inside it), as a payload line copied from
    /// a wrapped terminal has both (tester56b AA5: each reading alone gave way to an older wording). Nil otherwise.
    public static func fieldNameAndDamage(_ text: String) -> String? {
        guard let (field, value) = fieldNameBefore(text), value.lowercased().hasPrefix("wamid."), case .failure = read(value),
            let damage = WAMID.damage(value)
        else { return nil }
        if let member = objectMember(field) { return "it is a JSON object pasted whole, \(field): its \"\(member)\" looks damaged: " + damage }
        return "'\(field)' in front is a field name copied with the id; without it, it looks damaged: " + damage
    }

    /// `id` for the field `jsonObjectMember` writes (`{"id": …, …}`); nil for a field name in front of an id.
    static func objectMember(_ field: String) -> String? {
        guard field.hasPrefix("{\""), field.hasSuffix(", …}") else { return nil }
        return String(field.dropFirst(2).prefix { $0 != "\"" })
    }

    /// `<message_id>wamid.…</message_id>` → `("<message_id>", "wamid.…", "a WAMID")`: an XML element whose text reads as an
    /// id; nil otherwise.
    private static func xmlElement(_ whole: Substring) -> (field: String, id: String, kind: String)? {
        guard whole.first == "<", let close = whole.firstIndex(of: ">") else { return nil }
        let name = whole[whole.index(after: whole.startIndex)..<close]
        guard let first = name.first, first.isLetter || first == "_", name.count <= 40,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) })
        else { return nil }
        var inner = whole[whole.index(after: close)...]
        if inner.hasSuffix("</\(name)>") { inner = inner.dropLast(name.count + 3) }
        let value = cleaned(String(inner))
        guard !value.isEmpty, !value.contains("<"), case .success(let input) = read(value) else { return nil }
        return ("<\(name)>", value, input.kindInWords)
    }

    /// `a WAMID`, `a UUID`, … : what `read` took the text for, in words.
    var kindInWords: String {
        switch self {
        case .number: "digits (an id or phone number)"
        case .uuid: "a UUID"
        case .wamid: "a WAMID"
        case .businessScopedUserID: "a business-scoped user id"
        case .username: "a WhatsApp username"
        }
    }
}

extension IDInput.Problem {
    /// The reason for a `fieldName` problem (`'id:' in front is a field name …: wamid.…`); nil for any other, so a
    /// command that reads ids its own way names it as `whois` does.
    public var fieldNameReason: String? {
        fieldNameReason(offering: nil)
    }

    /// `fieldNameReason` with the command that takes the id alone (`offering` the words before it: `trace`, `reply --to`):
    /// `…: 14155550142; whois 14155550142`. Never `use`, which takes only the project's own numbers (tester56b V13).
    public func fieldNameReason(offering command: String?) -> String? {
        guard case .fieldName(_, let id, _) = self else { return nil }
        return reason + (command.map { "; \($0) \(id)" } ?? "")
    }
}
