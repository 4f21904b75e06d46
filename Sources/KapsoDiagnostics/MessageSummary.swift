public import KapsoClient

/// One line saying what a WhatsApp message holds, read from its type object (Meta's webhook shape,
/// kapso-api.md §7.3), e.g. `reacted 👍 to wamid.HBg…`, `location "Pickup point", 1 Market St (37.7749, -122.4194)`.
///
/// Kapso's `kapso.content` is used only when the type object says nothing (missing, of the wrong JSON
/// type, or a type this summary does not know). Missing pieces never crash: an unknown future type reads
/// `unknown type 'x'`, a missing type object `text (no 'text' object)`. Whitespace runs (newlines included)
/// become one space (a detail view keeps line breaks), other control characters (ESC, BEL, C1) are kept so the
/// renderer shows them as escapes (`\x1b`, `\u009b`) as it does in error lines, and the text stops after
/// `maxCharacters`. The summary is server text: print it only through the renderer.
///
/// Sources: Meta's webhook message objects (developers.facebook.com, WhatsApp Cloud API webhooks
/// reference, "messages" field) and Kapso's `WhatsappMessage` (kapso-api.md §7.3).
public enum MessageSummary {
    /// The longest summary, in characters, before it is cut with `… (N more characters)`.
    public static let maxCharacters = 500

    /// The summary of one message object (`{id, type, <type>: {...}, kapso: {...}}`).
    ///
    /// `lineBreaks` keeps the text's own line breaks (`\n`, `\r\n`; a blank line stays one blank line) for a detail
    /// view, which shows each as a new line under the value; a table row or one-line answer leaves it false. Only a
    /// text's line breaks are kept (a body, a caption, an address, a note): each one-line field of the message (a file
    /// name, a shared contact's or a template's or a flow's name, a title, an emoji, an id) goes through `field` first,
    /// which a detail view gives to show its line breaks as escapes (tester59b AG13: a document's file name ending in
    /// `\nverdict: FAKE` printed as a line of its own).
    public static func text(of message: JSONObject, lineBreaks: Bool = false, field: (String) -> String = { $0 }) -> String {
        oneLine(raw(message, field), lineBreaks: lineBreaks)
    }

    /// Who the contact is, for a message whose contact may have no phone number (username-only users):
    /// the number, else `@username`, else the business-scoped user id, else the contact's name; nil if none.
    public static func contact(of message: JSONObject) -> String? {
        let kapso = message["kapso"]
        let inbound = MessageDirection(message: message).side == .inbound
        let candidates: [String?] = [
            kapso?["phone_number"]?.string, message[inbound ? "from" : "to"]?.string,
            message["username"]?.string.map { $0.hasPrefix("@") ? $0 : "@" + $0 },
            message[inbound ? "from_user_id" : "to_user_id"]?.string, kapso?["contact_name"]?.string,
        ]
        return candidates.lazy.compactMap { $0 }.first { !$0.isEmpty }
    }

    // MARK: - Per type

    private static func raw(_ message: JSONObject, _ field: (String) -> String) -> String {
        let kapsoContent = message["kapso"]?["content"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        guard let type = message["type"]?.string, !type.isEmpty else {
            let what = message["type"].map { "a 'type' that is \(article($0.typeName))" } ?? "no 'type'"
            return kapsoContent.map { "\($0) (message with \(what))" } ?? "message with \(what)"
        }
        let payload = message[type]
        let summary: String?
        let shownType = field(type)
        switch type {
        case "text": summary = payload?.object.flatMap(text)
        case "image", "video", "audio", "document": summary = media(type, payload?.object, kapso: message["kapso"], field)
        case "sticker": summary = payload?.object.map { ($0["animated"]?.bool == true ? "animated " : "") + "sticker" }
        case "location": summary = payload?.object.map { location($0, field) }
        case "contacts": summary = payload?.array.map { contacts($0, field) }
        case "interactive": summary = payload?.object.map { interactive($0, field) }
        case "button": summary = payload?.object.map { button($0, field) }
        case "template": summary = payload?.object.map { template($0, field) }
        case "reaction": summary = payload?.object.map { reaction($0, field) }
        case "order": summary = payload?.object.map { order($0, field) }
        case "system": summary = payload?.object.map { system($0, field) }
        case "unsupported", "unknown": summary = unsupported(message, field)
        case "edit", "edited": summary = edited(message, payload?.object, field)
        case "revoke", "revoked": summary = revoked(payload?.object, field)
        case "ephemeral": summary = "disappearing (ephemeral) message; its content is not kept"
        case "request_welcome": summary = "the contact opened the chat for the first time (request_welcome)"
        default:
            return "unknown type '\(shownType)'" + (kapsoContent.map { ": \($0)" } ?? "")
        }
        if let summary { return summary }
        // The type object is missing or of the wrong JSON type: say so, keep Kapso's rendering if any.
        let expected = type == "contacts" ? "array" : "object"
        let problem = payload.map { value in
            guard value.typeName != expected else {
                // The right JSON type without what kops reads from it: `"text": {}`.
                return "'\(shownType)' has no " + (type == "text" ? "'body' string" : "readable content")
            }
            return "'\(shownType)' is \(article(value.typeName)), not \(article(expected))"
        } ?? "no '\(shownType)' \(expected)"
        return kapsoContent.map { "\($0) (\(problem))" } ?? "\(shownType) (\(problem))"
    }

    /// The body, `(empty text)` for an empty one and `(blank text: 5 spaces, tabs or line breaks)` for one of only
    /// white space (a row never shows an empty or blank cell; tester47 L14); nil without a string body.
    private static func text(_ payload: JSONObject) -> String? {
        payload["body"]?.string.map { body in
            if body.isEmpty { return "(empty text)" }
            guard body.allSatisfy(\.isWhitespace) else { return body }
            return "(blank text: \(body.unicodeScalars.count) spaces, tabs or line breaks)"
        }
    }

    private static func media(
        _ type: String, _ payload: JSONObject?, kapso: JSONValue?, _ field: (String) -> String
    ) -> String? {
        guard let payload else { return nil }
        var text = type == "audio" && payload["voice"]?.bool == true ? "voice note" : type
        if let filename = payload["filename"]?.string ?? kapso?["media_data"]?["filename"]?.string { text += " \(field(filename))" }
        if let mime = payload["mime_type"]?.string ?? kapso?["media_data"]?["content_type"]?.string { text += " (\(field(mime)))" }
        if let caption = payload["caption"]?.string, !caption.isEmpty { text += ": \(caption)" }
        // Kapso's transcription of a voice note: speech written down, one line.
        if let transcript = kapso?["transcript"]?["text"]?.string, !transcript.isEmpty { text += ", transcript: \(field(transcript))" }
        return text
    }

    private static func location(_ payload: JSONObject, _ field: (String) -> String) -> String {
        var parts: [String] = []
        if let name = payload["name"]?.string, !name.isEmpty { parts.append("\"\(field(name))\"") }
        if let address = payload["address"]?.string, !address.isEmpty { parts.append(address) }
        var text = "location" + (parts.isEmpty ? "" : " " + parts.joined(separator: ", "))
        switch (coordinate(payload["latitude"], limit: 90), coordinate(payload["longitude"], limit: 180)) {
        case (.some(.success(let latitude)), .some(.success(let longitude))):
            text += " (\(latitude), \(longitude))"
        case (nil, nil):
            if parts.isEmpty { text += " without coordinates" }
        case (let latitude, let longitude):
            // One missing, or given in a form that is no coordinate: said, never dropped silently (probe7 P7-9).
            func shown(_ value: Result<String, CoordinateText>?) -> String {
                switch value {
                case .success(let degrees)?: degrees
                case .failure(let text)?: "\"\(oneLine(String(text.value.prefix(24))))\""
                case nil: "missing"
                }
            }
            text += " (unreadable coordinates: latitude \(shown(latitude)), longitude \(shown(longitude)))"
        }
        return text
    }

    /// A coordinate as given but unreadable, kept to be shown.
    private struct CoordinateText: Error {
        var value: String
    }

    /// A latitude or longitude in degrees within ±`limit`: a JSON number, or a number written as a string (`"37.7749"`,
    /// as some BSPs and re-serialisers write them), written as the payload's decimal (`0.0000001`, never `1e-07`); nil
    /// when absent, else the value as given when it is no coordinate.
    private static func coordinate(_ value: JSONValue?, limit: Double) -> Result<String, CoordinateText>? {
        guard let value, !value.isNull else { return nil }
        let degrees = numeric(value)
        guard let degrees, degrees.isFinite, abs(degrees) <= limit else {
            return .failure(CoordinateText(value: value.string ?? value.serialized()))
        }
        return .success(PayloadDecimal(value).map { PayloadDecimal.plain($0.value) } ?? number(degrees))
    }

    private static func contacts(_ list: [JSONValue], _ field: (String) -> String) -> String {
        let names = list.map { contact in field(name(of: contact)) }
        switch names.count {
        case 0: return "shared contacts (none in the message)"
        case 1: return "shared contact \(names[0])"
        default: return "shared \(names.count) contacts: \(names.joined(separator: ", "))"
        }
    }

    /// A shared contact's formatted name, else first and last name, else first phone, else `unnamed`.
    private static func name(of contact: JSONValue) -> String {
        let name = contact["name"]
        if let formatted = name?["formatted_name"]?.string, !formatted.isEmpty { return formatted }
        let parts = [name?["first_name"]?.string, name?["last_name"]?.string].compactMap { $0 }.filter { !$0.isEmpty }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return contact["phones"]?[0]?["phone"]?.string ?? "unnamed"
    }

    private static func interactive(_ payload: JSONObject, _ field: (String) -> String) -> String {
        // No `type`: said so, never `interactive ?` (tester47 L14).
        guard let kind = payload["type"]?.string, !kind.isEmpty else {
            return "interactive (type missing)" + (payload["body"]?["text"]?.string.map { ": \($0)" } ?? "")
        }
        let reply = payload[kind]
        switch kind {
        case "button_reply":
            return "chose button " + title(reply?["title"], of: kind, field) + id(reply, field)
        case "list_reply":
            let description = reply?["description"]?.string.flatMap { $0.isEmpty ? nil : " (\(field($0)))" } ?? ""
            return "chose list row " + title(reply?["title"], of: kind, field) + description + id(reply, field)
        case "nfm_reply" where reply?["name"]?.string == "address_message":
            return address(reply?["response_json"], body: reply?["body"]?.string, field)
        case "nfm_reply":
            return "flow response" + (reply?["name"]?.string.map { " '\(field($0))'" } ?? "")
                + flowFields(reply?["response_json"], field)
        case "call_permission_reply":
            return "call permission \(reply?["response"]?.string.map(field) ?? "answered")"
        default:
            // Sent by the business: `{type: button|list|cta_url|flow|product..., body: {text}}`.
            let body = payload["body"]?["text"]?.string.map { ": \($0)" } ?? ""
            return "interactive \(field(kind))\(body)"
        }
    }

    /// An address message's reply (Meta, "Address Messages": `interactive.nfm_reply` named `address_message`, whose
    /// `response_json` holds `values` and `saved_address_id`): `address: Ana, +1415…, 1 Market St, San Francisco,
    /// 400063`, in the form's order (name, phone, house, floor, tower, building, address, landmark, city, state, pin
    /// code), then any field Meta adds; without readable values, the `body` WhatsApp showed the contact.
    private static func address(_ response: JSONValue?, body: String?, _ field: (String) -> String) -> String {
        let fields = response?.object ?? response?.string.flatMap { try? JSONValue.parse(Array($0.utf8)).object }
        let order = [
            "name", "phone_number", "house_number", "floor_number", "tower_number", "building_name", "address", "landmark_area",
            "city", "state", "in_pin_code",
        ]
        var parts: [String] = []
        if let values = fields?["values"]?.object {
            let keys = order.filter { values[$0] != nil } + values.entries.map(\.key).filter { !order.contains($0) }
            parts = keys.compactMap { values[$0].map(scalar) }.filter { !$0.isEmpty }.map(field)
        }
        let saved = fields?["saved_address_id"]?.string.flatMap { $0.isEmpty ? nil : " (saved address \(field($0)))" } ?? ""
        if parts.isEmpty, let body, !body.isEmpty { return "address: \(body)\(saved)" }
        return parts.isEmpty ? "address (no fields)\(saved)" : "address: " + parts.joined(separator: ", ") + saved
    }

    /// A title the contact saw, quoted (`"Yes"`), or said to be missing as the text message's gap is
    /// (`('button_reply' has no 'title')`): never a quoted `"?"`, which reads as the title tapped (probe17 P17-15).
    private static func title(
        _ value: JSONValue?, of object: String, key: String = "title", _ field: (String) -> String
    ) -> String {
        guard let text = value?.string, !text.isEmpty else { return "('\(object)' has no '\(key)')" }
        return "\"\(field(text))\""
    }

    /// A number Meta sends as JSON, or written as a string of digits (`"3"`, `"9.99"`) as producers that stringify
    /// numbers send it (Meta's own `timestamp` is a string): the one reading of numeric fields (quantities, prices,
    /// coordinates); nil for anything else.
    static func numeric(_ value: JSONValue?) -> Double? {
        value?.double ?? value?.string.flatMap { Double($0.trimmingSpaces()) }
    }

    private static func flowFields(_ response: JSONValue?, _ field: (String) -> String) -> String {
        // Meta sends `response_json` as a string of JSON; some tools pass the object itself. A credential the contact
        // typed (a PIN, a card's number) is never shown (`FlowAnswers`).
        guard let answers = FlowAnswer.answers(response) else { return response == nil ? "" : " (response_json unreadable)" }
        guard !answers.isEmpty else { return " (no fields)" }
        return ": " + FlowAnswer.listed(answers, field: field)
    }

    private static func button(_ payload: JSONObject, _ field: (String) -> String) -> String {
        "button " + title(payload["text"], of: "button", key: "text", field)
            + (payload["payload"]?.string.map { " (payload \(field($0)))" } ?? "")
    }

    private static func template(_ payload: JSONObject, _ field: (String) -> String) -> String {
        let language = payload["language"]?["code"]?.string ?? payload["language"]?.string
        var text = "template \(payload["name"]?.string.map(field) ?? "(no name)")" + (language.map { " (\(field($0)))" } ?? "")
        var parameters: [String] = []
        for component in payload["components"]?.array ?? [] {
            for parameter in component["parameters"]?.array ?? [] {
                let type = parameter["type"]?.string ?? "?"
                let value = parameter[type]
                let shown =
                    parameter["text"]?.string ?? value?["fallback_value"]?.string ?? value?["text"]?.string
                    ?? value?.string ?? "[\(type)]"
                // Meta refuses a parameter with a line break (132018): one here is shown, as any one-line field's.
                parameters.append(field(parameter["parameter_name"]?.string.map { "\($0)=\(shown)" } ?? shown))
            }
        }
        if !parameters.isEmpty { text += ": " + parameters.joined(separator: ", ") }
        return text
    }

    private static func reaction(_ payload: JSONObject, _ field: (String) -> String) -> String {
        let target = payload["message_id"]?.string.map(field) ?? "a message"
        // Meta's reaction webhook: an empty `emoji` (or none) removes the reaction; any other JSON type is
        // not an emoji at all, so the reaction cannot be read, and it is never shown as a removal.
        switch payload["emoji"] {
        case nil, .null?: return "reaction removed from \(target)"
        case .string(let emoji)?: return emoji.isEmpty ? "reaction removed from \(target)" : "reacted \(field(emoji)) to \(target)"
        case let other?: return "reaction to \(target) with an unreadable emoji (\(other.typeName), not text)"
        }
    }

    private static func order(_ payload: JSONObject, _ field: (String) -> String) -> String {
        let items = payload["product_items"]?.array ?? []
        // A quantity is a whole number of at least 1, as a number or a string of digits (`numeric`); any other is unreadable.
        let quantities = items.map { item -> Int? in
            guard let value = numeric(item["quantity"]), value >= 1, value == value.rounded(), value < 1e9 else { return nil }
            return Int(value)
        }
        let unreadable = zip(items, quantities).filter { $0.1 == nil }.map { item, _ in
            item["quantity"].map { $0.isNull ? "null" : "\"\(oneLine(String(($0.string ?? $0.serialized()).prefix(24))))\"" } ?? "missing"
        }
        let products = "\(items.count) \(items.count == 1 ? "product" : "products")"
        var text: String
        if unreadable.isEmpty {
            let quantity = quantities.reduce(0) { $0 + ($1 ?? 0) }
            text = "order of \(quantity) \(quantity == 1 ? "item" : "items")"
            if items.count != quantity { text += " (\(products))" }
        } else {
            text = "order of \(products), quantity unreadable (\(unreadable.joined(separator: ", ")))"
        }
        let currencies = Set(items.compactMap { $0["currency"]?.string })
        let priced = zip(items, quantities).compactMap { item, quantity in quantity.map { (price: item["item_price"], quantity: $0) } }
        if currencies.count == 1, let currency = currencies.first, priced.count == items.count,
            let total = CurrencyAmount.total(of: priced, currency: currency)
        {
            text += ", \(total) \(field(currency))"
        }
        text += " from catalog \(payload["catalog_id"]?.string.map(field) ?? "?")"
        if let note = payload["text"]?.string ?? payload["order_text"]?.string, !note.isEmpty { text += ": \(note)" }
        return text
    }

    private static func system(_ payload: JSONObject, _ field: (String) -> String) -> String {
        let body = payload["body"]?.string
        switch payload["type"]?.string {
        case "user_changed_number", "customer_changed_number":
            let number = (payload["wa_id"]?.string ?? payload["new_wa_id"]?.string).map(field)
            return number.map { "changed number to \($0)" } ?? "changed number" + (body.map { ": \($0)" } ?? "")
        case "customer_identity_changed", "user_identity_changed":
            return "identity changed (the contact's security code changed)" + (body.map { ": \($0)" } ?? "")
        case "user_changed_user_id":
            return "business-scoped user id changed" + (payload["user_id"]?.string.map { " to \(field($0))" } ?? "")
        case let other:
            return "system \(other.map(field) ?? "message")" + (body.map { ": \($0)" } ?? "")
        }
    }

    private static func unsupported(_ message: JSONObject, _ field: (String) -> String) -> String {
        let errors = MessageError.carried(by: message)
        // What it was, not why (the verdict reads the code): `unsupported message: type "image" (131060 ...)`.
        let kind = UnsupportedContent.type(of: message).map { ": \(field(UnsupportedContent.what($0)))" } ?? ""
        guard let first = errors.first else { return "unsupported message\(kind) (WhatsApp did not pass its content on)" }
        return "unsupported message\(kind) (\(field(first.headline)))"
    }

    private static func edited(_ message: JSONObject, _ payload: JSONObject?, _ field: (String) -> String) -> String? {
        guard let payload else { return nil }
        let original = (payload["original_message_id"]?.string ?? message["context"]?["id"]?.string).map(field)
        var inner = payload["message"]?.object ?? payload
        if inner["type"] == nil, inner["text"] != nil { inner["type"] = "text" }
        let content = inner["type"] == nil ? "" : ": " + raw(inner, field)
        return "edited " + (original ?? "a message") + content
    }

    private static func revoked(_ payload: JSONObject?, _ field: (String) -> String) -> String {
        "deleted by the contact (revoked)" + (payload?["original_message_id"]?.string.map { ": \(field($0))" } ?? "")
    }

    // MARK: - Text

    private static func article(_ noun: String) -> String {
        (["array", "object"].contains(noun) ? "an " : "a ") + noun
    }

    private static func id(_ reply: JSONValue?, _ field: (String) -> String) -> String {
        reply?["id"]?.string.map { " (id \(field($0)))" } ?? ""
    }

    private static func scalar(_ value: JSONValue) -> String {
        value.string ?? value.serialized()
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Whitespace runs as one space (as one or two line breaks when `lineBreaks` and the run holds any), cut at
    /// `maxCharacters`. Other control characters stay, for the renderer to escape: dropping them would hide that
    /// the server sent them (`\u{1B}]0;x` would read as `]0;x`).
    static func oneLine(_ text: String, lineBreaks: Bool = false) -> String {
        var out = ""
        var count = 0
        var space = false
        var breaks = 0
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                if lineBreaks && scalar == "\n" && !out.isEmpty { breaks += 1 }
                continue
            }
            if space {
                let separator = breaks > 0 ? String(repeating: "\n", count: min(breaks, 2)) : " "
                out += separator
                count += separator.count
                space = false
                breaks = 0
            }
            if count >= maxCharacters {
                let rest = scalars[index...].count + 1
                return out + "… (\(rest) more characters)"
            }
            out.unicodeScalars.append(scalar)
            count += 1
        }
        return out
    }
}
