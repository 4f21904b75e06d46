public import KapsoClient

// MARK: - An id slot never filled in

/// What stands in a path's id slot when the id was never filled in: nothing (`/v24.0//messages`, or `/v24.0/messages`,
/// where Graph then reads the edge as the object: "Object with ID 'messages' does not exist"), a language's value of an
/// unset variable (`undefined`, `null`, `NaN`, `[object Object]`, `None`, `nil`) or a placeholder never replaced
/// (`${PHONE_NUMBER_ID}`, `{phone_number_id}`, `%7BPHONE_NUMBER_ID%7D`, `<PHONE_NUMBER_ID>`) (probe37 P37-6).
///
/// The route is `POST /{phone_number_id}/messages` (kapso-api.md §9; Kapso's proxy
/// `/meta/whatsapp/v24.0/{phone_number_id}/messages`). Public reports of the cause: gabrieldwight/
/// Whatsapp-Business-Cloud-Api-Net#3 ("Object with ID 'messages' does not exist" when the configuration holding the
/// phone-number id was not read), tawn33y/whatsapp-cloud-api#58 (the id taken from `process.env.WA_PHONE_NUMBER_ID` into
/// the URL, where a bad value fails every send), netflie/whatsapp-cloud-api#160 (the `.env` value feeding Graph's
/// 100/33 "Object with ID …" answer).
public enum UnfilledID {
    /// What `segment` says of how the id was left out, e.g. `JavaScript's value of a variable never set`; nil for a
    /// segment that may be an id (digits, a UUID, a name).
    public static func placeholder(_ segment: String) -> String? {
        let decoded = segment.removingPercentEncodingSafely
        if decoded.isEmpty { return "an empty segment" }
        switch decoded {
        case "undefined": return "JavaScript's undefined, the value of a variable or property never set"
        case "NaN": return "JavaScript's NaN, a number read from a variable that held none"
        case "[object Object]": return "a JavaScript object where its id field was meant"
        case "null": return "null, the value of a variable never set"
        case "None": return "Python's None, the value of a variable never set"
        case "nil": return "nil, the value of a variable never set"
        default: break
        }
        let opens = ["${", "{{", "{", "<", "$", ":"]
        guard let open = opens.first(where: { decoded.hasPrefix($0) }) else { return nil }
        let name = decoded.dropFirst(open.count).filter { !"}>".contains($0) }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" || $0.isNumber }), name.contains(where: \.isLetter)
        else { return nil }
        return open == "$" || open == "${"
            ? "a shell or template variable never expanded" : "a placeholder from a reference copied without its value"
    }

    /// What a call whose path lacks the id of its route means, e.g. for `POST /meta/whatsapp/v24.0//messages`: `the
    /// phone-number id is missing from the path (an empty segment before /messages): …`; `numbers` are the project's
    /// (named as the ids to use). Reads a Graph path's object slot (the segment after the version, or an edge standing
    /// where the id goes) and a platform path's `{collection}/{id}` slot. Nil when the path's id slots hold ids.
    public static func meaning(endpoint: String, numbers: [PhoneNumber] = []) -> String? {
        guard let (slot, found) = missing(in: endpoint) else { return nil }
        let use: String
        switch slot {
        case .phoneNumber:
            use = numbers.isEmpty ? "'numbers' lists them" : "use " + IDResolver.choices(numbers)
        case .waba:
            let wabas = Array(Set(numbers.compactMap(\.businessAccountID))).sorted()
            use = wabas.isEmpty ? "'numbers' shows each number's WABA" : "use " + IDResolver.list(wabas)
        case .object(let kind):
            use = "the caller's list of \(kind)s gives them"
        }
        return "the \(slot.name) is missing from the path (\(found)): the variable that should hold it was empty or "
            + "unset when the URL was built, so the call could not name any object; set it to the \(slot.name): \(use)"
    }

    /// What Graph's "Object with ID 'N' does not exist" means when N is no id but an edge name or a placeholder (a pasted
    /// error, no path): `messages` means the id before /messages was missing. Nil when N may be an id.
    public static func objectMeaning(_ id: String) -> String? {
        let edges = APIRoute.phoneNumberEdges.union(APIRoute.wabaEdges)
        if edges.contains(id) {
            let slot = APIRoute.wabaEdges.contains(id) ? Slot.waba : .phoneNumber
            return "Graph read '\(id)' as the object id: the \(slot.name) before /\(id) was missing from the path "
                + "(/v24.0//\(id) or /v24.0/\(id)): the variable that should hold it was empty or unset when the URL was "
                + "built; set it to the \(slot.name) ('numbers' lists them)"
        }
        guard let said = placeholder(id) else { return nil }
        return "'\(id)' stands where the id goes: \(said); the variable that should hold the id was unset when the URL was "
            + "built; set it to the phone-number id for /messages, the WABA id for /message_templates ('numbers' lists both)"
    }

    enum Slot {
        case phoneNumber, waba
        case object(String)

        var name: String {
            switch self {
            case .phoneNumber: "phone-number id"
            case .waba: "WABA id"
            case .object(let kind): "\(kind) id"
            }
        }
    }

    /// The id slot left unfilled in `endpoint` and what stands in it, in words.
    static func missing(in endpoint: String) -> (Slot, String)? {
        // Empty segments kept: `//messages` is an id left empty.
        let segments = APIPath.withoutQuery(endpoint).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let version = segments.firstIndex(where: APIPath.isGraphVersion), version + 1 < segments.count {
            let slot = segments[version + 1]
            let rest = segments[(version + 1)...].filter { !$0.isEmpty }
            if slot.isEmpty || APIRoute.phoneNumberEdges.contains(slot) || APIRoute.wabaEdges.contains(slot) {
                guard let edge = rest.first, rest.count <= 2 else { return nil }
                let kind: Slot = APIRoute.wabaEdges.contains(edge) ? .waba : .phoneNumber
                let how = slot.isEmpty ? "an empty segment before /\(edge)" : "/\(edge) right after the version"
                return APIRoute.phoneNumberEdges.contains(edge) || APIRoute.wabaEdges.contains(edge) ? (kind, how) : nil
            }
            guard let said = placeholder(slot) else { return nil }
            let edge = version + 2 < segments.count ? segments[version + 2] : nil
            let kind: Slot = edge.map(APIRoute.wabaEdges.contains) == true ? .waba : .phoneNumber
            return (kind, "\(slot): \(said)")
        }
        for index in segments.indices.dropFirst() {
            let segment = segments[index]
            // A trailing slash after a collection (`/phone_numbers/`) is its list, not an id left empty.
            if segment.isEmpty, index == segments.count - 1 { continue }
            guard let kind = APIPath.objectKind(segments[index - 1]), let said = placeholder(segment) else { continue }
            let slot: Slot = segments[index - 1] == "phone_numbers" ? .phoneNumber : .object(kind)
            return (slot, (segment.isEmpty ? "an empty segment after /\(segments[index - 1])" : "\(segment): \(said)"))
        }
        return nil
    }
}

extension String {
    /// The text with `%XX` escapes decoded, or as it is when they do not decode.
    fileprivate var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
