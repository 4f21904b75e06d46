internal import Foundation
internal import KapsoDiagnostics
public import KapsoClient

/// What the masker learns from results: which JSON keys hold names, bodies, contacts' and the business's own
/// numbers and ids, and the walk over a result's JSON (or JSON already printed as text) that collects them.
extension PIIMasker {
    static let nameKeys: Set<String> = ["contact_name", "profile_name", "customer_name", "username", "email"]
    static let nameParents: Set<String> = ["profile", "contact", "contacts", "customer"]
    /// A shared contact card's name parts (`contacts[].name.formatted_name`), names like a contact's own.
    static let cardNameKeys: Set<String> = ["formatted_name", "first_name", "last_name", "middle_name", "name_suffix", "name_prefix"]
    /// `last_message_text`: a conversation's last message (kapso-api.md), a body whether or not the message was listed.
    /// `biz_opaque_callback_data`: the sender's own text echoed on statuses (kapso-api.md §9.1), which holds order ids,
    /// emails and CRM ids as often as not, so it is masked as a body (`StatusBilling`, probe9 P9-22).
    static let bodyKeys: Set<String> = ["body", "caption", "filename", "last_message_text", "biz_opaque_callback_data"]
    /// Objects whose every value is what a contact sent (a location, a card's addresses and company): bodies.
    static let contentParents: Set<String> = ["location", "addresses", "org", "urls"]
    static let numberKeys: Set<String> = [
        "from", "to", "wa_id", "phone_number", "recipient_id", "contact_phone", "phone", "conversation_phone_number",
        "recipient", "customer_phone", "recipient_participant_id",
    ]
    static let ownNumberKeys: Set<String> = [
        "display_phone_number", "display_number", "display_phone_number_normalized",
    ]
    static let ownIDKeys: Set<String> = [
        "phone_number_id", "business_account_id", "whatsapp_business_account_id", "waba_id", "whatsapp_config_id",
    ]
    /// Keys of ids that stand for a person, by the kind of alias they get: a message's `group_id` (Meta's group messages
    /// webhook; the id decodes to `capi_group:` and the creator's phone number, `IDShape`) and a referral's `ctwa_clid`
    /// (Meta's messages webhook reference, Click to WhatsApp ads: the click that ties the contact to an ad).
    static let idKinds: [String: String] = ["group_id": "group", "ctwa_clid": "ad click"]
    /// Keys that hold a group id in an object that says `recipient_type: "group"`: a send to a group (`to`) and its
    /// statuses (`recipient_id`), whatever the id's shape (`MessageOrigin.sentToGroup`; Meta's group messaging guide and
    /// status webhook reference). Learned from the object itself, so the id is masked whether or not a `group_id` was
    /// seen before (probe10 P10-7).
    static let groupRecipientKeys: Set<String> = ["to", "recipient_id"]

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
            let toGroup = object.entries.contains { $0.key.lowercased() == "recipient_type" && $0.value.string?.lowercased() == "group" }
            for entry in object.entries {
                let key = entry.key.lowercased()
                if key == "kapso", object["type"]?.string == "template", let kapso = entry.value.object {
                    // A template send's `kapso.content` is the template's text with its parameters filled in (tester53b U21).
                    if let content = kapso["content"]?.string { add(content, as: .renderedTemplate) }
                    learn(.object(JSONObject(kapso.entries.filter { $0.key.lowercased() != "content" })), parent: key)
                    continue
                }
                if key == "last_message_text", object["last_message_type"]?.string == "template", let text = entry.value.string {
                    add(text, as: .renderedTemplate)
                    continue
                }
                if let text = entry.value.string ?? entry.value.numberText {
                    if toGroup, PIIMasker.groupRecipientKeys.contains(key) {
                        learnID(text, kind: "group")
                        continue
                    }
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
        if text.contains("?"), text.contains("=") { learnQuery(text) }
        if let kind = PIIMasker.idKinds[key] { return learnID(text, kind: kind) }
        if let parent, PIIMasker.fieldParents.contains(parent), !PIIMasker.ownNumberKeys.contains(key),
            !PIIMasker.ownIDKeys.contains(key)
        {
            learnFieldValue(text, key: key)
        }
        if parent == "details" && key == "contact" {
            // `whois`'s detail line: `Marisol Vega`, or `Lee Park (+1 415 555 0157)` whose number is masked anyway.
            let name = text.components(separatedBy: " (").first ?? text
            if name != "-", !name.hasPrefix("+") { add(name, as: .contact) }
        } else if PIIMasker.nameKeys.contains(key) || (key == "name" && parent.map(PIIMasker.nameParents.contains) == true)
            || (parent == "name" && PIIMasker.cardNameKeys.contains(key))
        {
            if key == "username" { learnUsername(text) }
            add(text, as: .contact)
        } else if PIIMasker.ownNumberKeys.contains(key) {
            let digits = PIIMasker.digits(text)
            if digits.count >= 8 { ownNumbers.insert(digits) }
        } else if PIIMasker.ownIDKeys.contains(key) {
            // Meta's phone-number and WABA ids are 15 or 16 digits; a value there that can be a phone number is a wrong
            // id a call named (a contact's number in `/v24.0/<id>/messages`, tester60 AH1): personal data, masked.
            if PIIMasker.digits(text).count == text.count, !PhoneNumberText.isPlausibleInternational(text) { ownIDs.insert(text) }
        } else if PIIMasker.numberKeys.contains(key) {
            if case .success(let number) = PhoneNumberText.parse(text), let digits = number.e164, !isOwn(digits) {
                contactNumbers.insert(digits)
            }
        } else if key == "response_json", let values = try? JSONValue.parse(Array(text.utf8)) {
            // A flow's answers, sent as a JSON string: every value the contact filled in, but a credential, which is
            // `<redacted>` (`FlowAnswers`); the summary's list, masked by position.
            learnContent(values)
            learnFlowAnswers(.string(text))
        } else if PIIMasker.bodyKeys.contains(key) || parent.map(PIIMasker.contentParents.contains) == true
            || ((parent == "list_reply" || parent == "button_reply") && key != "id") || (parent == "button" && key == "text")
            || (parent == "contacts" && key == "birthday") || (parent == "order" && key == "text") || (parent == "parameters" && key == "text")
            || (parent == "transcript" && key == "text") || (parent == "kapso" && key == "content")
        {
            if parent == "parameters" { learnTemplateValue(text) }
            add(text, as: .body)
        }
    }

    /// A conversation's `metadata` (free-form CRM fields: a note, a name, a card number), by the kind of each value at any
    /// depth: a phone number (`"+1 415 555 0199"`, `14155550177`) is a contact's number, masked as one wherever it is; a
    /// group id or click id under its key is one; any other string is a body and any other number a value masked by its
    /// field. The business's own number and ids (Meta's webhook `metadata`) stay.
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
            guard let text = json.string ?? json.numberText else { return }
            if let kind = PIIMasker.idKinds[key] { return learnID(text, kind: kind) }
            if let digits = PIIMasker.phoneNumberDigits(text) {
                if !isOwn(digits) { contactNumbers.insert(digits) }
                return
            }
            if json.string != nil { add(text, as: .body) }
            learnFieldValue(text, key: key)
        }
    }

    /// The digits of `text` when the whole of it is a phone number as people write one (`+1 415 555 0199`,
    /// `14155550177`, `(415) 555-0199`: 8 to 15 digits, `PIIMasker+Numbers`); nil for anything else (a card number, a
    /// date: `isDate`).
    static func phoneNumberDigits(_ text: String) -> String? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        guard !characters.isEmpty, !isDate(text), let run = numberRun(in: characters, at: 0), run.last == characters.count - 1,
            case .success(let number) = PhoneNumberText.parse(run.original), let digits = number.e164
        else { return nil }
        return digits
    }

    /// A WhatsApp username (`@maria.g` or `maria.g`), so its forms share one alias (`alias(for:prefix:)`).
    func learnUsername(_ text: String) {
        let handle = text.lowercased().drop { $0 == "@" }
        if handle.count >= 2, !PIIMasker.isMasked(text) { usernames.insert(String(handle)) }
    }

    /// A group id or click id (`idKinds`), masked as its kind wherever it appears; a group id's decoded form with it.
    func learnID(_ text: String, kind: String) {
        guard !text.isEmpty, !PIIMasker.isMasked(text) else { return }
        kindIDs[text] = kind
        if kind == "group", let decoded = IDShape.groupID(text) { decodedGroups[decoded] = text }
    }

    /// Every leaf of content a contact filled in (a flow response): phone numbers as numbers, the rest as bodies.
    ///
    /// A value is a phone number when its field says so (`phone`, `mobile`, `whatsapp`…) or it is written in
    /// international form (`+…`, `00…`), and is not a date: a date of birth `1984-03-07` read as a number was masked
    /// `1 ••• 0307`, its month and day in clear (probe42 P42-5); any other value (an id, an amount, a date) is a body,
    /// hidden whole.
    private func learnContent(_ json: JSONValue, key: String? = nil) {
        switch json {
        case .array(let items): for item in items { learnContent(item, key: key) }
        case .object(let object):
            // The flow token is the business's own handle for the flow, not something the contact filled in.
            for entry in object.entries where entry.key != "flow_token" {
                if entry.value.object == nil, entry.value.array == nil, FlowAnswers.isSecret(key: entry.key, value: entry.value) { continue }
                learnContent(entry.value, key: entry.key)
            }
        default:
            guard let text = json.string ?? json.numberText else { return }
            if PIIMasker.isPhoneAnswer(text, key: key), case .success(let number) = PhoneNumberText.parse(text),
                let digits = number.e164, !isOwn(digits)
            {
                contactNumbers.insert(digits)
            } else {
                add(text, as: .body)
            }
        }
    }

    /// Words of a form field's name that say it holds a phone number.
    static let phoneFieldWords: Set<String> = [
        "phone", "mobile", "tel", "telephone", "cell", "cellphone", "whatsapp", "msisdn", "celular", "telefono", "movil",
    ]

    /// True when a form's answer `text` under `key` may be masked as a phone number (`learnContent`).
    static func isPhoneAnswer(_ text: String, key: String?) -> Bool {
        guard !isDate(text) else { return false }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+") || trimmed.hasPrefix("00") { return true }
        guard let key = key?.lowercased() else { return false }
        return key.contains("phone") || key.split(whereSeparator: { !$0.isLetter }).contains { phoneFieldWords.contains(String($0)) }
    }

    /// True when `text` is a calendar date as people write one: `1984-03-07`, `1984/3/7`, `07.03.1984`, `3/7/1984`
    /// (three runs of digits joined by one of `-`, `/`, `.`, a year 1900–2099 first or last, the other two 1 or 2
    /// digits, a month and a day). Such text is read by `PhoneNumberText` as 8 digits, a phone number.
    static func isDate(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let separator = trimmed.first(where: { "-/.".contains($0) }) else { return false }
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let isYear = { (part: Substring) in part.count == 4 && (1900...2099).contains(Int(part) ?? 0) }
        let isDayOrMonth = { (part: Substring) in part.count <= 2 && (1...31).contains(Int(part) ?? 0) }
        if isYear(parts[0]) { return isDayOrMonth(parts[1]) && isDayOrMonth(parts[2]) }
        return isYear(parts[2]) && isDayOrMonth(parts[0]) && isDayOrMonth(parts[1])
    }

    /// Learns from JSON already printed as text (NDJSON of `--all`, request bodies): string values of the
    /// number, name and body keys, as they appear in the text (escapes kept).
    func learnJSONText(_ text: String) {
        // A send to a group printed as text: its `to` and `recipient_id` are the group's (`groupRecipientKeys`).
        let toGroup = text.contains("\"recipient_type\":\"group\"") || text.contains("\"recipient_type\": \"group\"")
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
            if toGroup, PIIMasker.groupRecipientKeys.contains(key) {
                learnID(string, kind: "group")
            } else if PIIMasker.numberKeys.contains(key), PIIMasker.isBareNumber(string) {
                contactNumbers.insert(PIIMasker.digits(string))
            } else if PIIMasker.ownNumberKeys.contains(key) {
                let digits = PIIMasker.digits(string)
                if digits.count >= 8 { ownNumbers.insert(digits) }
            } else if let kind = PIIMasker.idKinds[key] {
                learnID(string, kind: kind)
            } else if PIIMasker.nameKeys.contains(key) {
                if key == "username" { learnUsername(string) }
                add(string, as: .contact)
            } else if PIIMasker.bodyKeys.contains(key) {
                add(string, as: .body)
            }
        }
    }
}

extension JSONValue {
    /// A number's text as the JSON had it (`51.501009`), nil for anything else.
    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}
