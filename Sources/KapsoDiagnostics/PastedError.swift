internal import Foundation
public import KapsoClient

/// The error code in what a user pastes: `131047`, `#131047`, `(#131047) Re-engagement message`,
/// `error 131026`, `code: 131026`, a whole Graph error body `{"error": {"code": 131047, ...}}`, a
/// webhook or status `errors[]` entry, or a Kapso string code such as `insufficient_credits`.
public struct PastedError: Sendable, Equatable {
    /// The code found, as `ErrorCatalog.entry(for:)` takes it.
    public var code: String
    /// Meta's `message` and `error_data.details` when a JSON body was pasted.
    public var message: String?
    public var details: String?
    /// Graph's `error_subcode`, `error_user_title` and `error_user_msg` when a JSON body was pasted (P35-9).
    public var subcode: Int?
    public var userTitle: String?
    public var userMessage: String?
    /// The id Graph names in "Unsupported get request. Object with ID 'N' does not exist, cannot be loaded
    /// due to missing permissions, or does not support this operation" (code 100, `error_subcode` 33,
    /// `GraphMethodException`): the request's path id is the cause, not its payload.
    public var objectID: String?
    /// Kapso's own error text when a Kapso body without a code was pasted (`KapsoStatusReading.kapsoText(in:)`); `code` is
    /// then the status the text implies, or `kapso` when it implies none.
    public var kapsoText: String?
    /// Graph's `is_transient` when a JSON body carried it: whether Meta expects this error to pass on a retry
    /// (`ErrorCatalog.transient(of:)`, weighed by `ErrorCatalog.Entry.retry(transient:)`).
    public var transient: Bool?
    /// The `message` beside Kapso's `error` text (its 429: "Too many requests; retry in 10 s", kapso-api.md §1.5), or a
    /// legacy body's `detail`: words, never a code (tester50 F1).
    public var kapsoMessage: String?
    /// A Kapso string `code` the catalogue does not know (`invalid_period`), shown as Kapso's beside its text.
    public var kapsoCode: String?
    /// True for a Graph error body pasted without its `code` (`code` is then `graph`): Meta's words alone name no code,
    /// and a number in them (a length limit) is none (tester50 F1).
    public var lacksCode = false
    /// The title of an HTML error page a proxy answered (`502 Bad Gateway`), and what it names as the proxy
    /// (`ProxyPage`); `code` is then its HTTP status (tester50 N3).
    public var page: ProxyPage?
    /// The HTTP status pasted beside the code (`HTTP 503, … code 131000` → 503), which may differ from the one Meta
    /// documents for the code (tester58b AE8: reported as the catalogue's 500); nil when none was pasted, or the status is
    /// the code itself.
    public var httpStatus: Int?
    /// The text as pasted (for a Graph path in it); nil when built from parts.
    var pastedText: String?

    /// Reads pasted text; nil when no code can be found in it.
    public init?(_ text: String) {
        var trimmed = text.trimmingSpaces()
        if trimmed.first == "{" || trimmed.first == "[", let (json, parsed) = Self.json(trimmed) {
            trimmed = parsed
            // Kapso's own refusals are `{"error": "text"}` without a code (kapso-api.md §9.3).
            let kapso = APIRefusal(status: nil, text: trimmed).map { PastedError(code: $0.code, message: json["error"]?.string, details: nil) }
            // Kapso's own body with a text no code names (`{"error": "WhatsApp phone number not found …"}`, the `{"errors":
            // {…}}` family; kapso-api.md §1.5): read by `KapsoStatusReading`, as the status its text implies (P37-8).
            let body = KapsoStatusReading.kapsoText(in: json).map { text in
                var found = PastedError(
                    code: KapsoStatusReading.documentedStatus(of: text).map(String.init) ?? "kapso", message: nil, details: nil)
                found.kapsoText = text
                found.kapsoMessage = KapsoStatusReading.kapsoMessage(in: json)
                found.kapsoCode = json["code"]?.string
                return found
            }
            // A webhook delivery body (Kapso's `whatsapp.message.failed`, Meta's `entry[].changes[]`): its statuses' errors.
            let delivered = Self.nestedErrors(in: json).lazy.compactMap(Self.fromJSON).first
            guard let found = Self.fromJSON(json) ?? kapso ?? body ?? delivered ?? Self.withoutCode(json) else { return nil }
            self = found
            pastedText = trimmed
            return
        }
        // A log line with the answer's body after it (`Request failed with status code 400 {"error": {…, "code": 131047}}`,
        // `422 {"error": …, "code": "marketing_preference_stopped"}`): the body's known code says why, the words before it
        // only that the call failed (tester58 AD2: read as the HTTP status alone, "paste the body" of a pasted body).
        // Kapso's own `{"error": "text"}` after its status (`422 {…}`, `HTTP 422: {…}`, an SDK's or axios's line) is read
        // too, as the status pasted beside it (tester59 AF3: the text was dropped for "read the error text beside it").
        if trimmed.first != "{", let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close,
            var body = PastedError(String(trimmed[open...close])), ErrorCatalog.entry(for: body.code) != nil || body.kapsoText != nil
        {
            let before = String(trimmed[..<open])
            if body.kapsoText != nil, let status = Self.code(inText: before).flatMap(Int.init), (400...599).contains(status) {
                body.code = String(status)
            } else {
                body.httpStatus = Self.status(inText: before, besides: body.code)
            }
            self = body
            return
        }
        if let page = ProxyPage(trimmed) {
            self.init(code: String(page.status), message: nil, details: nil)
            self.page = page
            return
        }
        guard let code = Self.code(inText: trimmed) ?? APIRefusal(status: nil, text: trimmed)?.code else { return nil }
        self.init(code: code, message: nil, details: nil)
        objectID = Self.objectID(in: trimmed)
        subcode = Self.subcode(inText: trimmed)
        httpStatus = Self.status(inText: trimmed, besides: code)
        pastedText = trimmed
    }

    /// Every error in pasted text: each entry of an `errors[]` array (a Graph body, a failed status, a bare
    /// array), else the one `init?(_:)` reads; empty when no code can be found.
    public static func all(_ text: String) -> [PastedError] {
        let trimmed = text.trimmingSpaces()
        if trimmed.first == "{" || trimmed.first == "[", let json = Self.json(trimmed)?.json {
            let lists = [json["errors"], json["statuses"]?[0]?["errors"], json]
            if let list = lists.lazy.compactMap({ $0?.array }).first(where: { $0.count > 1 }) ?? Optional(nestedErrors(in: json)) {
                let found = list.compactMap(fromJSON)
                if found.count > 1 { return found }
            }
        }
        // Codes listed (`131047,131026`, `131047 131026`): each one, none dropped (tester47 L12: the second was
        // left out without a word).
        let codes = trimmed.split(whereSeparator: { $0 == "," || $0 == " " })
        if codes.count > 1, codes.allSatisfy({ (1...7).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            let found = codes.compactMap { PastedError(String($0)) }
            if found.count == codes.count { return found }
        }
        return PastedError(text).map { [$0] } ?? []
    }

    /// What to do when the error names an object id (`objectID`), instead of the code's generic advice ("fix the
    /// payload"), with Meta's three causes as the Graph text gives them ("does not exist, cannot be loaded due to
    /// missing permissions, or does not support this operation", code 100 subcode 33). `numbers` are the project's
    /// numbers the session has seen (empty: nothing known); `allNumbers` is true when they are the whole list
    /// (`numbers` ran), false when only `use` showed some. An id among them exists, so "does not exist" is not the
    /// cause. For a phone-number id the likely one is an edge that takes the WABA id (`/message_templates`;
    /// kapso-api.md §14.3, `IDResolver.wabaEdgeMeaning`), else a permission; for a WABA id, a permission or an edge that
    /// takes a phone-number id (`/messages`): every known number of the WABA is named, coexistence ones marked (history
    /// sync applies only to them), and when the list may be partial the advice says so and points at `whois`. An id
    /// kops cannot check (explain sends no request; probe6 P6-4) is said to be unchecked, with `whois ID`. Nil when
    /// the error names no object.
    public func objectAdvice(numbers: [PhoneNumber] = [], allNumbers: Bool = false) -> String? {
        guard let id = objectID else { return nil }
        // An edge name or a placeholder where the id goes: the id was never filled in, no id to look up (P37-6).
        if let unfilled = UnfilledID.objectMeaning(id) { return unfilled }
        // A pasted `GET /v24.0/{wamid}`: a message is no Graph node; where it is read (P46-2).
        if let path, APIRoute.documented(path)?.slot == .metaObject,
            let nodeless = IDResolver.nodelessMeaning(id, identity: nil, numbers: numbers)
        {
            return nodeless
        }
        let causes = "of Meta's three causes (the object does not exist, the key's access lacks a permission for it, it "
            + "does not support this operation),"
        // A pasted Graph path with its edge (an API-log line) says which edge was called.
        if let path, let meaning = IDResolver.wabaEdgeMeaning(path, numbers: numbers) { return meaning }
        // The display number where the phone-number id goes: the commonest id mistake behind this answer, which `errors`
        // and `whois` name from the same numbers (tester51 G2: "none of this project's numbers").
        if IDResolver.knownID(id, numbers: numbers, webhooks: []) == nil,
            let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers), misplaced.kind == .displayNumber
        {
            return misplaced.summary + ": Graph paths take the phone-number id; " + misplaced.fix(command: "use")
        }
        guard let what = IDResolver.knownID(id, numbers: numbers, webhooks: []) else {
            if let phone = Self.phoneNumberShape(id) {
                return "\(id) has the shape of a phone number with its country code (+\(phone)), not of a Meta id (15 or more "
                    + "digits): Graph paths take the phone-number id (or the WABA id), never the number itself; '"
                    + ShellWord.command("whois", "+" + phone) + "' finds which of the project's ids goes with it"
            }
            let unchecked = numbers.isEmpty
                ? "kops could not check the id \(id): explain sends no request, and this session has not listed the numbers"
                : "\(id) is none of " + (allNumbers ? "this project's numbers or their WABAs" : "the numbers this session has seen")
                    + " (explain sends no request to look further)"
            return unchecked + "; '\(ShellWord.command("whois", id))' says what the id is and what to use. Graph could not use it in the request "
                + "path; \(causes) the usual one is an edge this kind of id does not have (/message_templates with a "
                + "phone-number id, /messages with a WABA id)"
        }
        if numbers.contains(where: { $0.id == id }) {
            let edge = IDResolver.wabaEdgeMeaning("/meta/whatsapp/v24.0/\(id)/message_templates", numbers: numbers)
                ?? "/message_templates takes the WABA id, not this one"
            return "\(id) is \(what), so it exists; \(causes) the likely one is an edge it does not have: if the path was "
                + "/\(id)/message_templates (or /phone_numbers, /subscribed_apps, /flows), \(edge); if it was /\(id)/messages "
                + "or the number itself, a permission: the number's access token no longer covers it (reconnect the number)"
        }
        let owned = numbers.filter { $0.businessAccountID == id }
        if !owned.isEmpty {
            let phone = IDResolver.list(owned.map { "\($0.id) (\($0.name ?? $0.id)\($0.isCoexistence ? ", coexistence" : ""))" })
            let coexistence = owned.filter(\.isCoexistence).map { $0.name ?? $0.id }
            let sync = coexistence.isEmpty ? "" : "; history sync applies only to coexistence numbers: \(IDResolver.list(coexistence))"
            let partial = allNumbers ? "" : " (the numbers this session has seen; '\(ShellWord.command("whois", id))' names every number of the WABA)"
            return "\(id) is \(what), so it exists; \(causes) the likely one is an edge it does not have, if the path was "
                + "/\(id)/messages or another phone-number edge: those take a phone-number id, \(phone)\(partial)\(sync). "
                + "Else a permission: Graph could not load the WABA with the key's access (a WABA not shared with the key's project)"
        }
        return "\(id) is \(what), a Kapso id, not a Meta object: Graph paths take Meta's ids (a phone-number id or WABA "
            + "id); '\(ShellWord.command("whois", id))' names them"
    }

    /// What to do when the error is Graph's "Tried accessing nonexisting field (EDGE) on node type (TYPE)" (code 100): the
    /// id's kind, not the payload (`IDResolver.nodeTypeMeaning`, probe13 P13-5), with the WABA to use when a pasted Graph
    /// path names a number of `numbers`. Nil for any other error.
    public func nodeTypeAdvice(numbers: [PhoneNumber] = []) -> String? {
        let text = [message, details, pastedText].compactMap { $0 }.joined(separator: " ")
        let path = text.split { $0.isWhitespace || "\"'`,;()".contains($0) }.map(String.init)
            .first { $0.contains("/") && APIPath.graphObject(in: $0) != nil }
        return IDResolver.nodeTypeMeaning(path ?? "", text: text, numbers: numbers)
    }

    /// The catalogue's entry for the code as the pasted words read it (`ErrorCatalog.entry(for:message:)`: a 2500 by its
    /// text, P37-14; a 190 by its subcode, P37-7); nil for a code the catalogue does not know.
    public var entry: ErrorCatalog.Entry? {
        ErrorCatalog.entry(for: code, message: message ?? pastedText).map { ErrorCatalog.withTokenSubcode($0, subcode: subcode) }
    }

    /// The rate limit a pasted 131000 names in its details, or in the words pasted beside the code
    /// (`MessageError.NamedRateLimit`, the reading `trace` and `errors` give the same failure; tester52 K17).
    public var namedRateLimit: MessageError.NamedRateLimit? {
        MessageError.NamedRateLimit(code: code, details: details ?? pastedText)
    }

    /// Meta's `message` when it says more than the entry's title (`GraphErrorWords.specificMessage`): what `explain`
    /// shows of it (P37-7).
    public var specificMessage: String? { words.specificMessage(title: entry?.title) }

    /// Meta's words beside the code, read as `reply` reads a refused send (`GraphErrorWords`).
    public var words: GraphErrorWords {
        GraphErrorWords(message: message, details: details, subcode: subcode, userTitle: userTitle, userMessage: userMessage)
    }

    /// What Graph's 2500 or 2635 means when the pasted text is one (`IDResolver.unknownPathMeaning`: the version or part
    /// it names).
    public var unknownPathAdvice: String? {
        code == "2500" || code == "2635" ? IDResolver.unknownPathMeaning(endpoint: path ?? "", status: nil, text: message ?? pastedText) : nil
    }

    /// A Graph path in the pasted text whose object is `objectID` (`GET /meta/whatsapp/v24.0/{id}/message_templates`
    /// in an API-log line), nil when none was pasted.
    var path: String? {
        guard let objectID, let source = message.map({ $0 + " " + (pastedText ?? "") }) ?? pastedText else { return nil }
        return source.split { $0.isWhitespace || "\"'`,;()".contains($0) }.map(String.init)
            .first { APIPath.graphObject(in: $0)?.id == objectID && $0.contains("/") }
    }

    /// The digits of `id` when it is written as a phone number, not a Meta id: digits a country's numbers have, shorter
    /// than Meta's 15+ digit ids (tester60 AH13: 447700900001, a UK mobile; E.164 lengths: `CountryCallingCode`), in any
    /// form people write one (`PhoneNumberText`: `+447700900001`, `+44 7700 900001`, `+44-7700-900001`; tester61 AI3:
    /// with its `+` it got the edge reading). A Meta id never holds `+`, spaces or dashes, so a number written with them
    /// needs only E.164's 8–15 digits. Nil for anything else.
    static func phoneNumberShape(_ id: String) -> String? {
        guard case .success(let parsed) = PhoneNumberText.parse(id), parsed.digits.count < 15 else { return nil }
        if CountryCallingCode.isPlausible(parsed.digits) { return parsed.digits }
        let written = id != parsed.digits && parsed.hasInternationalPrefix
        return written && PhoneNumberText.e164Digits.contains(parsed.digits.count) ? parsed.digits : nil
    }

    /// `N` in `Object with ID 'N' does not exist` (quotes optional); nil when the text has no such phrase.
    static func objectID(in text: String) -> String? {
        guard let range = text.range(of: "object with id", options: .caseInsensitive) else { return nil }
        // Quoted, the id is what the quotes hold, so `'[object Object]'` and `'${PHONE_NUMBER_ID}'` are read whole (P37-6).
        let after = text[range.upperBound...].drop { $0 == " " }
        if let quote = after.first, "'\"`".contains(quote), let close = after.dropFirst().firstIndex(of: quote) {
            let quoted = after[after.index(after: after.startIndex)..<close]
            if !quoted.isEmpty, quoted.count <= 80 { return String(quoted) }
        }
        let rest = text[range.upperBound...].drop { $0 == " " || "'\"`\u{2018}\u{2019}".contains($0) }
        // A phone number's `+` leads (tester61 AI3: `Object with ID +447700900001 does not exist`).
        let plus = rest.first == "+" ? "+" : ""
        let id = rest.dropFirst(plus.count).prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        return id.isEmpty ? nil : plus + id
    }

    init(code: String, message: String?, details: String?) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The error objects of a webhook delivery body, in the order the body holds them, each once: every `errors[]` entry
    /// with a `code` at any depth below the top (Kapso's v2 `message.kapso.statuses[].errors[]` of a `whatsapp.message.failed`
    /// delivery, kapso-api.md §10; a batch's `data[]`; Meta's `entry[].changes[].value.statuses[].errors[]` and
    /// `value.errors[]`). What a receiver's developer pastes is the body, not the errors array (tester49 L7). Empty when
    /// the body has none, or when its own top-level `errors` is the list (`all` reads that one).
    static func nestedErrors(in json: JSONValue) -> [JSONValue] {
        var found: [JSONValue] = []
        func walk(_ value: JSONValue, depth: Int) {
            if let items = value.array {
                for item in items { walk(item, depth: depth + 1) }
            } else if let object = value.object {
                for entry in object.entries {
                    if entry.key == "errors", depth > 0, let items = entry.value.array {
                        for item in items where item["code"] != nil && !found.contains(item) { found.append(item) }
                    } else {
                        walk(entry.value, depth: depth + 1)
                    }
                }
            }
        }
        walk(json, depth: 0)
        return found
    }

    // `{"error": {...}}`, `{"errors": [...]}`, a bare error object, or an array of them. Kapso's own body (its `error` is
    // a string, kapso-api.md §1.5) is none of these: its `code` is Kapso's string code, read by `APIRefusal` or shown as
    // Kapso's. A code is the entry's `code`, or Meta's `(#N)` in its message (§9.4); a number elsewhere in the words is a
    // count, limit or wait (tester50 F1: "retry in 10 s" was read as code 10).
    private static func fromJSON(_ json: JSONValue) -> PastedError? {
        let whole = json["error"]?.string == nil ? json : nil
        let candidates: [JSONValue?] = [json["error"], json["errors"]?[0], json["statuses"]?[0]?["errors"]?[0], json[0], whole]
        for candidate in candidates.compactMap({ $0 }) where candidate.object != nil {
            let message = candidate["message"]?.string ?? candidate["title"]?.string
            // `error_data` may be the details string itself (YCloud's wrapped Graph errors; P37-7).
            let details = candidate["error_data"]?["details"]?.string ?? candidate["error_data"]?.string
            var found: PastedError?
            if let error = MessageError(json: candidate), let code = error.code {
                found = PastedError(code: code, message: message, details: details)
            } else if let message, let code = APIRefusal.graphCode(in: message) {
                found = PastedError(code: code, message: message, details: details)
            }
            if var found {
                let words = GraphErrorWords(error: candidate)
                (found.subcode, found.userTitle, found.userMessage) = (words.subcode, words.userTitle, words.userMessage)
                found.objectID = message.flatMap(objectID(in:))
                found.transient = words.transient
                return found
            }
        }
        return nil
    }

    /// A Graph error body whose `error` object carries no code (a trimmed paste): its words and subcode, `code` `graph`.
    private static func withoutCode(_ json: JSONValue) -> PastedError? {
        guard let graph = json["error"], graph.object != nil else { return nil }
        let details = graph["error_data"]?["details"]?.string ?? graph["error_data"]?.string
        var found = PastedError(code: "graph", message: graph["message"]?.string ?? graph["title"]?.string, details: details)
        let words = GraphErrorWords(error: graph)
        (found.subcode, found.userTitle, found.userMessage) = (words.subcode, words.userTitle, words.userMessage)
        found.lacksCode = true
        return found
    }
}
