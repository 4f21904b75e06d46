internal import KapsoClient
internal import KapsoDiagnostics

/// `explain CODE`: what a WhatsApp or Kapso error code means, what to do, and whether to retry.
public enum ExplainCommand: Command {
    public static let name = "explain"
    public static let summary = "explain a WhatsApp or Kapso error code: meaning, fix, retry advice"
    public static let sendsRequests = false
    public static let usage = "explain CODE|PASTED-ERROR"
    public static let details = """
        Takes a Graph error code (the 'code' of an error body or a failed status) or a Kapso code, or
        what you copied: '(#131047) Re-engagement message', 'error 131026', a whole Graph error body.
        '#' starts a comment in kops: write 131047, or quote a pasted '#131047'. Quote a JSON body
        with single quotes. Works offline: no request is sent.
        A webhook delivery's status ('our endpoint returned 500 to the webhook', 'response_status:
        401', a row of 'deliveries --output json') is read as your receiver's answer to Kapso, with
        what Kapso does then; 'if not:' says how to read it as Kapso's API's answer. When the words
        name only a webhook or a delivery ('webhook failed: 401'), both readings are given (could be
        1, could be 2).
        Examples:
          explain 131047
          explain '(#131047) Re-engagement message'
          explain '{"error":{"message":"(#131026) Message Undeliverable","code":131026}}'
          explain insufficient_credits
          explain 'webhook failed: 401 Unauthorized'
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws {
        let text = arguments.positionals.joined(separator: " ")
        if PastedDeliveryStatus(text) != nil || curlLine(text) != nil || networkLine(text) != nil { return }
        _ = try pasted(arguments)
    }

    /// The code (and Meta's words, if pasted) read from the arguments; a missing or unreadable one is refused.
    private static func pasted(_ arguments: Arguments) throws(ShellError) -> PastedError {
        let text = arguments.positionals.joined(separator: " ")
        guard !text.isEmpty else {
            // `explain ""`: a word was typed and it was empty. A line the lexer cut at a '#' (`explain #131047`) is said
            // by the shell, for every command (`Shell.droppedByComment`, probe29 P29-19).
            if !arguments.positionals.isEmpty {
                throw .missingArgument(command: name, what: "error code (the quotes held nothing)", usage: usage)
            }
            throw .missingArgument(command: name, what: "error code", usage: usage)
        }
        // An address alone (no status or code beside it) is no error: say what it is, not "unknown error code".
        if let endpoint = endpoint(text), PastedError.all(text).allSatisfy({ ErrorCatalog.entry(for: $0.code) == nil }) {
            throw .notAnError(command: name, value: text, what: endpoint.what, instead: endpoint.instead)
        }
        // Another tool's number where a code was looked for (an exit status, a count, `200 OK`, Cloudflare's 1020): said
        // so, not read as Meta's code (tester59 AF1).
        if !"{[".contains(text.first ?? " "), PastedError.hashCode(in: text) == nil, let other = OtherToolNumber(text),
            PastedError(text).map({ $0.code == other.number }) ?? true
        {
            throw .noErrorCode(command: name, value: text, what: other.what, instead: other.instead)
        }
        guard let pasted = PastedError(text) else {
            throw .invalidValue(
                command: name, what: "error code", value: text,
                expected: "a code such as 131047, '(#131047) ...' or a Graph error body in single quotes")
        }
        // Several codes, none known: refused as one unknown code is (status 1), not explained as "not in kops's
        // catalogue" each with status 0 (tester51 N5: `explain 13104 7`, a code split by a pasted space).
        let all = PastedError.all(text)
        if all.count > 1, all.allSatisfy({ ErrorCatalog.entry(for: $0.code) == nil }) {
            let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            throw .unknownErrorCodes(codes: all.map(\.code), joined: PastedError.splitCode(words))
        }
        return pasted
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let text = arguments.positionals.joined(separator: " ")
        if let delivery = PastedDeliveryStatus(text) { return deliveryStatus(delivery) }
        if let curl = curlLine(text) { return curlExit(curl, text: text) }
        if let failure = networkLine(text) { return networkError(failure) }
        let first = try pasted(arguments)
        // An HTTP client's own line (`Request failed with status code 400`): what it is and what to paste instead (tester49 L3).
        // Not when a code beside its status says why (tester58 AD2: `… status code 400 - (#131047) …` was told to paste
        // the body it held).
        if let line = ClientErrorLine(arguments.positionals.joined(separator: " ")), first.code == String(line.status), first.kapsoText == nil {
            return clientLine(line)
        }
        // A body with several errors[] entries: each is explained, none left out silently.
        let all = PastedError.all(arguments.positionals.joined(separator: " "))
        // The numbers `numbers` and `use` showed this session: an id among them exists (no request is sent).
        let numbers = context.ids.phoneNumbers.keys.sorted().compactMap { context.ids.phoneNumbers[$0] }
        let allNumbers = context.ids.phoneNumbersListed
        guard all.count > 1 else {
            return try explain(first, numbers: numbers, allNumbers: allNumbers, text: arguments.positionals.joined(separator: " "))
        }
        var blocks: [Block] = [.line(StyledText("\(all.count) errors in what was pasted:"))]
        var json: [JSONValue] = []
        for pasted in all {
            blocks.append(.line(StyledText("")))
            guard ErrorCatalog.entry(for: pasted.code) != nil else {
                let text = "code \(pasted.code): not in kops's catalogue; see \(ErrorCatalog.metaReference)"
                blocks.append(.line(StyledText(text, style: .warn)))
                json.append(["code": .string(pasted.code), "unknown": true])
                continue
            }
            let result = try explain(pasted, numbers: numbers, allNumbers: allNumbers)
            blocks += result.blocks
            json.append(result.json ?? .null)
        }
        return CommandResult(blocks: blocks, json: .array(json))
    }

    /// One error's fields; an unknown code is refused with a pointer to Meta's list.
    private static func explain(_ pasted: PastedError, numbers: [PhoneNumber], allNumbers: Bool, text: String = "") throws -> CommandResult {
        // A 409 has two documented causes, told apart by the call (tester49 F6): the send lock's text or a path picks
        // one (`APIRefusal.pasted409`); without them (`409`, `HTTP 409`, `409 131047`) the status reading names both.
        let conflict = pasted.code == "409" && pasted.kapsoText == nil
        if conflict, APIRefusal.pasted409(text) == nil, let status = httpStatus(pasted, text: text, numbers: numbers) { return status }
        guard let entry = conflict ? APIRefusal.pasted409(text) : pasted.entry else {
            if let status = httpStatus(pasted, text: text, numbers: numbers) { return status }
            if pasted.lacksCode { return withoutCode(pasted) }
            throw ShellError.unknownErrorCode(code: pasted.code)
        }
        let reading = Reading(entry, pasted: pasted, numbers: numbers, allNumbers: allNumbers)
        var fields = [
            Field("code", entry.code, style: .bold), Field("name", reading.name), Field("meaning", reading.meaning),
            Field("what to do", reading.fix), Field("retry", reading.retry.advice, style: style(reading.retry.retry)),
        ]
        if let category = entry.category { fields.append(Field("category", category.rawValue + " (Kapso JS SDK)")) }
        if let title = entry.title {
            fields.append(Field("meta title", title + (entry.httpStatus.map { " (HTTP \($0))" } ?? "")))
        }
        // The status pasted is the call's own, said beside the one Meta documents (tester58b AE8).
        if let status = pasted.httpStatus {
            let documented = entry.httpStatus.flatMap { $0 == status ? nil : "; Meta documents \(entry.code) with HTTP \($0)" } ?? ""
            fields.append(Field("HTTP", "\(status) as pasted" + documented))
        }
        // Graph's message when it says more than the title: for code 100 it names the parameter (P37-7).
        // A Kapso code's text is Kapso's, not Meta's (tester67 Y6d: `marketing_preference_stopped` said "meta msg").
        if let message = pasted.specificMessage {
            fields.append(Field(entry.source == .kapso ? "kapso says" : "meta msg", message, style: .dim))
        }
        if let details = pasted.details { fields.append(Field("meta says", details, style: .dim)) }
        // Graph's subcode and its words for the user, as `reply` reads a refused send (GraphErrorWords, P35-9).
        if let subcode = pasted.subcode { fields.append(Field("subcode", String(subcode))) }
        if let title = pasted.userTitle { fields.append(Field("user title", title, style: .dim)) }
        if let message = pasted.userMessage { fields.append(Field("user msg", message, style: .dim)) }
        fields.append(Field("source", entry.reference, style: .dim))
        // Code 0 is Meta's AuthException, and what many tools print for success (tester56b AA7).
        if entry.code == "0" { fields.append(Field("if not", PastedError.zeroCaveat, style: .dim)) }
        return CommandResult(blocks: [.fields(fields)], json: json(entry, pasted: pasted, numbers: numbers, allNumbers: allNumbers))
    }

    /// What an API address pasted without an error is, and what to paste instead: `https://graph.facebook.com/v21.0/123/messages`
    /// → `a Graph API endpoint URL (the messages edge of 123)`; also Kapso's proxy (`/meta/whatsapp/v24.0/…`) and platform
    /// paths (`/platform/v1/whatsapp/conversations/ID`), with or without host and method. Nil for anything else.
    static func endpoint(_ text: String) -> (what: String, instead: String)? {
        var words = text.split(separator: " ").map(String.init)
        if let first = words.first, ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(first.uppercased()) { words.removeFirst() }
        guard words.count == 1, let address = words.first else { return nil }
        var path = Substring(address)
        var host = ""
        if let scheme = path.firstRange(of: "://") {
            let rest = path[scheme.upperBound...]
            host = String(rest.prefix { $0 != "/" }).lowercased()
            path = rest.dropFirst(host.count)
        }
        guard path.hasPrefix("/"), path.dropFirst().contains("/") || !host.isEmpty else { return nil }
        let endpoint = String(path)
        let graph = APIPath.graphObject(in: endpoint)
        let what: String
        if host.hasSuffix("graph.facebook.com") {
            what = "a Graph API endpoint URL (Meta's own host; through Kapso it is /meta/whatsapp/v24.0/…)"
        } else if graph != nil {
            what = "a Graph API path (Kapso's Meta proxy)"
        } else if endpoint.hasPrefix("/platform/") {
            what = "a Kapso platform API path"
        } else if !host.isEmpty {
            what = "a URL"
        } else {
            return nil
        }
        // The id in it: the Graph node (any digits), else the platform object, else any id-like segment.
        let id = graph?.id ?? APIPath.objectID(in: endpoint)?.id ?? APIPath.ids(in: endpoint).first
        let whois = id.map { "; '\(ShellWord.command("whois", $0))' says what \($0) is" } ?? ""
        return (
            what,
            "paste what the call answered: its error code (131047), Meta's text ('(#131047) Re-engagement message'), "
                + "the error body in single quotes, or the path with its HTTP status ('GET /… 404')" + whois
        )
    }

    /// An HTTP status pasted alone or with a log line or path (`GET /meta/whatsapp/v24.0/200300400500601/messages 404`), or
    /// Kapso's own error body: what it means, and each cause the status cannot rule out with its check
    /// (`KapsoStatusReading`; probe6 P6-13, probe37 P37-8, P37-17). Nil for anything but a 4xx/5xx status or a Kapso body.
    /// An id in Kapso's words that is one of `numbers`' other ids (`WhatsApp phone number 14155550100 not found`: the
    /// display number where the phone-number id goes) is named with the id to use (tester51 N2).
    private static func httpStatus(_ pasted: PastedError, text: String, numbers: [PhoneNumber]) -> CommandResult? {
        let status = pasted.code.count == 3 ? Int(pasted.code) : nil
        // The id in a pasted path: a segment of 8+ characters with a digit (a WABA or phone-number id, UUID, WAMID).
        let segments = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "?" || $0 == "&" || $0 == "=" })
        let id = pasted.kapsoText != nil || pasted.page != nil ? nil
            : segments.first { $0.count >= 8 && $0 != pasted.code && $0.contains { $0.isASCII && $0.isNumber } }.map(String.init)
        // Kapso's refusal of a number not the project's, pasted as a log line's text after the status (tester52b K20).
        let said = pasted.kapsoText ?? (ProjectRefusal.says(text) ? ProjectRefusal.text : nil)
        guard let reading = KapsoStatusReading(
            status: status, kapsoText: said, kapsoMessage: pasted.kapsoMessage, id: id, page: pasted.page, call: PastedCall(text))
        else { return nil }
        var fields: [Field] = []
        if let status = reading.status {
            fields.append(Field(KapsoStatusReading.isDefined(status) ? "HTTP status" : "code", String(status), style: .bold))
        }
        if let code = pasted.kapsoCode { fields.append(Field("kapso code", code)) }
        if let said = reading.kapsoText { fields.append(Field("kapso says", said, style: .dim)) }
        fields.append(Field("meaning", reading.meaning))
        let words = [pasted.kapsoText, pasted.kapsoMessage].compactMap { $0 }.joined(separator: " ")
        let misplaced = words.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == "+")) }).lazy
            .filter { $0.filter(\.isNumber).count >= 8 }
            .compactMap { IDResolver.misplacedPhoneNumberID(String($0), numbers: numbers) }.first { $0.kind != .unknown }
        if let misplaced { fields.append(Field("the id", misplaced.line(command: "use"), style: .bold)) }
        for (index, cause) in reading.causes.enumerated() {
            fields.append(Field("could be \(index + 1)", "\(cause.cause); check: \(cause.check)"))
        }
        fields.append(Field("what to do", reading.todo))
        let causes: [JSONValue] = reading.causes.map { ["cause": .string($0.cause), "check": .string($0.check)] }
        let json: JSONValue = [
            "http_status": reading.status.map { .number(String($0)) } ?? .null,
            "kapso_text": reading.kapsoText.map(JSONValue.string) ?? .null, "meaning": .string(reading.meaning),
            "causes": .array(causes), "what_to_do": .string(reading.todo), "id": id.map(JSONValue.string) ?? .null,
            "kapso_code": pasted.kapsoCode.map(JSONValue.string) ?? .null,
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }

    /// A webhook delivery's status (`our endpoint returned 500 to the webhook`): the receiver's answer to Kapso, with what
    /// Kapso does then and where the deliveries show. When the words name only a webhook or a delivery (`webhook failed:
    /// 401`), a call on webhooks to Kapso's API fits too: both readings, the receiver's first (tester56b AA1).
    private static func deliveryStatus(_ delivery: PastedDeliveryStatus) -> CommandResult {
        let status = String(delivery.status)
        let api = KapsoStatusReading(status: delivery.status)?.meaning ?? "HTTP \(status) from Kapso"
        let fields: [Field]
        let todo: String
        switch delivery.reading {
        case .receiver:
            // A delivered row: nothing to fix (tester66b X6).
            todo = delivery.delivered
                ? "none for this delivery; 'webhooks check' reads the webhook's deliveries as a whole"
                : "'deliveries --status failed' lists the failed deliveries with each answer; 'webhooks check' says whether "
                    + "the webhook is paused"
            let answeredBy = "your webhook's receiver: the text speaks of a webhook delivery, so this is your URL's answer to "
                + "Kapso's request, not Kapso's API's answer to a call"
            // "If not" only where the words leave room for it and 'explain STATUS' reads the status as HTTP's: a pasted
            // deliveries row is a delivery, and 'explain 200' reads Graph code 200 (tester67b Z3).
            let ifNot = delivery.rowStatus == nil && !(200..<300).contains(delivery.status)
            fields = [
                Field("HTTP status", status, style: .bold), Field("answered by", answeredBy), Field("meaning", delivery.meaning),
                Field("kapso then", delivery.then), Field("what to do", todo),
            ] + (ifNot ? [Field("if not", "if Kapso's API answered \(status) to a call of yours, 'explain \(status)' reads it so", style: .dim)] : [])
        case .either:
            todo = "'deliveries --status failed' shows your receiver's answers (HTTP column); 'errors --source api' shows the "
                + "API's failed calls; whichever holds this \(status) says which it was"
            fields = [
                Field("HTTP status", status, style: .bold),
                Field("could be 1", "your webhook receiver's answer to a Kapso delivery: \(delivery.meaning); \(delivery.then)"),
                Field("could be 2", "Kapso's API answer to a call of yours (creating or reading a webhook): \(api)"),
                Field("what to do", todo),
            ]
        }
        let json: JSONValue = [
            "http_status": .number(status),
            "answered_by": .string(delivery.reading == .receiver ? "webhook_receiver" : "webhook_receiver_or_kapso_api"),
            "meaning": .string(delivery.meaning), "kapso_then": .string(delivery.then),
            "api_meaning": delivery.reading == .receiver ? .null : .string(api), "what_to_do": .string(todo),
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }

    /// A Graph error body pasted without its `code`: Meta's words and subcode, and that the code is what names the error
    /// (a number in the words is a limit or count, not the code; tester50 F1).
    private static func withoutCode(_ pasted: PastedError) -> CommandResult {
        let meaning = "a Graph error body without its code (Graph's error.code, an integer, names the error: https://developers.facebook.com/docs/graph-api/guides/error-handling); "
            + "Meta's words alone do not say which error it is"
        let todo = "paste the whole body as the call answered it, with \"code\"; 'errors' shows each failed call through Kapso with its code"
        var fields = [Field("meaning", meaning)]
        if let message = pasted.message { fields.append(Field("meta msg", message, style: .dim)) }
        if let details = pasted.details { fields.append(Field("meta says", details, style: .dim)) }
        if let subcode = pasted.subcode { fields.append(Field("subcode", String(subcode))) }
        if let title = pasted.userTitle { fields.append(Field("user title", title, style: .dim)) }
        if let message = pasted.userMessage { fields.append(Field("user msg", message, style: .dim)) }
        fields.append(Field("what to do", todo))
        let json: JSONValue = [
            "code": .null, "meaning": .string(meaning), "meta_message": pasted.message.map(JSONValue.string) ?? .null,
            "error_subcode": pasted.subcode.map { .number(String($0)) } ?? .null, "what_to_do": .string(todo),
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }

    /// A client library's error line: its status and meaning, and that the body says why (`ClientErrorLine`).
    private static func clientLine(_ line: ClientErrorLine) -> CommandResult {
        let fields = [
            Field("HTTP status", String(line.status), style: .bold), Field("meaning", line.meaning),
            Field("what to do", ClientErrorLine.todo),
        ]
        let json: JSONValue = [
            "http_status": .number(String(line.status)), "client_library": .string(line.library),
            "host": line.host.map(JSONValue.string) ?? .null, "meaning": .string(line.meaning), "what_to_do": .string(ClientErrorLine.todo),
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }

    /// The entry as JSON; a pasted error that names an object id adds `object_id` and its advice as `fix`.
    static func json(
        _ entry: ErrorCatalog.Entry, pasted: PastedError? = nil, numbers: [PhoneNumber] = [], allNumbers: Bool = false
    ) -> JSONValue {
        let reading = pasted.map { Reading(entry, pasted: $0, numbers: numbers, allNumbers: allNumbers) }
        let retry = reading?.retry ?? entry.retry(transient: nil)
        var object: JSONObject = [
            "code": .string(entry.code), "name": .string(reading?.name ?? entry.name), "meaning": .string(reading?.meaning ?? entry.meaning),
            "fix": .string(reading?.fix ?? entry.fix), "retry": .string(retry.retry.rawValue), "retry_advice": .string(retry.advice),
            "category": entry.category.map { .string($0.rawValue) } ?? .null, "source": .string(entry.source.rawValue),
            "meta_title": entry.title.map(JSONValue.string) ?? .null,
            "http_status": (pasted?.httpStatus ?? entry.httpStatus).map { .number(String($0)) } ?? .null,
            "reference": .string(entry.reference),
        ]
        // `http_status` is the call's own when it was pasted; the one Meta documents is kept apart (tester58b AE8).
        if pasted?.httpStatus != nil {
            object["http_status_source"] = "pasted"
            object["meta_http_status"] = entry.httpStatus.map { .number(String($0)) } ?? .null
        }
        if let id = pasted?.objectID { object["object_id"] = .string(id) }
        if let message = pasted?.specificMessage { object["meta_message"] = .string(message) }
        if let subcode = pasted?.subcode { object["error_subcode"] = .number(String(subcode)) }
        if let title = pasted?.userTitle { object["error_user_title"] = .string(title) }
        if let message = pasted?.userMessage { object["error_user_msg"] = .string(message) }
        if let transient = pasted?.transient { object["is_transient"] = .bool(transient) }
        if entry.code == "0" { object["caveat"] = .string(PastedError.zeroCaveat) }
        return .object(object)
    }

    /// What to do about a pasted error: what the id in it is, or the version or path part a 2500 names, else the
    /// catalogue's fix as Meta's words allow it (no pointer at an `error_data.details` a pasted body lacks; a code alone
    /// says nothing of its body).
    private static func advice(_ entry: ErrorCatalog.Entry, pasted: PastedError, numbers: [PhoneNumber], allNumbers: Bool) -> String {
        // A 131030 whose text carries the Argentine or Mexican mobile it was sent to: which form to send to or add (P37-3).
        pasted.allowedListForm?.text ?? pasted.nodeTypeAdvice(numbers: numbers) ?? pasted.objectAdvice(numbers: numbers, allNumbers: allNumbers)
            ?? pasted.unknownPathAdvice ?? (pasted.message == nil ? entry.fix : pasted.words.fix(entry.fix, title: entry.title))
    }

    /// What a pasted error's fields say: the catalogue's entry as the pasted words read it, or for a 131000 whose details
    /// name a rate limit that reading (`MessageError.NamedRateLimit`, as `trace` and `errors` read the same failure,
    /// retried as the limit its words name is; tester52 K17).
    private struct Reading {
        var name: String
        var meaning: String
        var fix: String
        var retry: (retry: ErrorCatalog.Retry, advice: String)

        init(_ entry: ErrorCatalog.Entry, pasted: PastedError, numbers: [PhoneNumber], allNumbers: Bool) {
            guard let named = pasted.namedRateLimit else {
                (name, meaning) = (entry.name, entry.meaning)
                fix = advice(entry, pasted: pasted, numbers: numbers, allNumbers: allNumbers)
                retry = entry.retry(transient: pasted.transient)
                return
            }
            (name, meaning, fix) = (named.name, named.meaning, named.fix)
            retry = (ErrorCatalog.entry(for: named.wordedAs ?? "130429") ?? entry).retry(transient: pasted.transient)
        }
    }

    private static func style(_ retry: ErrorCatalog.Retry) -> Style {
        switch retry {
        case .yes, .later, .maybe: .good
        case .no: .bad
        case .fixFirst, .afterTopUp: .warn
        case .unknown: .dim
        }
    }
}
