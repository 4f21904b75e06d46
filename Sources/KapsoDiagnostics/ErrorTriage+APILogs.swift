public import KapsoClient

// MARK: - API calls answered with an error

extension ErrorTriage {
    /// Adds API calls answered with an error (an `/api_logs` page), except Kapso's normal answers (`isNormalAnswer`).
    /// A call whose status kops cannot read is kept in `unreadableStatusCalls`.
    public mutating func addAPILogs(_ logs: [APILog]) {
        unreadableStatusCalls += logs.filter { $0.unreadableResponseStatus != nil }
        for log in logs where log.responseStatus >= 400 {
            if Self.isNormalAnswer(log) {
                normalAnswers += 1
                continue
            }
            entries.append(
                Entry(
                    time: log.createdAt, source: .api, subject: "\(log.httpMethod) \(log.endpoint)",
                    error: "\(log.responseStatus) \(log.errorMessage ?? "")".trimmingTrailingSpace(),
                    meaning: Self.meaning(of: log), json: log.json))
        }
    }

    /// True for an error status that is Kapso's normal answer, not a failure: `GET …/marketing_preferences/…`
    /// answered 404 `Marketing preference not found` means no preference is recorded, i.e. subscribed
    /// (Kapso docs, "Get marketing preference"; docs/templates.md).
    public static func isNormalAnswer(_ log: APILog) -> Bool {
        isNormalAnswer(method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus, message: log.errorMessage)
    }

    /// What a normal answer (`isNormalAnswer`) means, for a list that shows it.
    public static let normalAnswerMeaning =
        "not a failure: Kapso's answer when no marketing preference is recorded, so the contact is subscribed ('reply' asks it before a template)"

    /// `isNormalAnswer` for a call read from elsewhere (a log search `external_api_log` event).
    public static func isNormalAnswer(method: String?, endpoint: String?, status: Int?, message: String?) -> Bool {
        status == 404 && method == "GET" && (endpoint?.contains("/marketing_preferences/") ?? false)
            && message == "Marketing preference not found"
    }

    private static func meaning(of log: APILog) -> String {
        // Only an id `whois` reads is advised (tester61b AK13): a path segment that is no id is asked about as `ID`.
        let whois = APIPath.phoneNumberID(in: log.endpoint).flatMap(APIPath.whoisArgument).map {
            "'\(ShellWord.command("whois", $0))' says what the id is and which phone-number id to use"
        } ?? "'\(ShellWord.command("whois", APIPath.ids(in: log.endpoint).lazy.compactMap(APIPath.whoisArgument).first ?? "ID"))' says what the id is"
        // An id slot never filled in (`/v24.0//messages`, `/undefined/messages`): the variable that was unset (P37-6).
        if let unfilled = UnfilledID.meaning(endpoint: log.endpoint) { return unfilled }
        // A '/' sent escaped (`100200300400501%2Fmessages`): the escape, not the id, whatever the id is (tester61b AK17).
        if let slash = EscapedSlash.read(log.endpoint) { return slash.meaning(method: log.httpMethod, numbers: []) }
        // Kapso's documented 422 for an unknown webhook event (P39-6).
        if let events = log.errorMessage.flatMap(WebhookEvents.unsupportedReading) { return "\(events.meaning); \(events.fix)" }
        // One reading of a path with every command (`IDResolver+Route`): a near miss of a documented route, Graph's
        // "nonexisting field on node type"; the numbers, when known, sharpen both in `FailureGroups`.
        if let nearMiss = IDResolver.nearMissMeaning(
            method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus, text: log.errorMessage)
            ?? IDResolver.unknownPathMeaning(
                endpoint: log.endpoint, status: log.responseStatus, text: log.errorMessage, at: KapsoTime.seconds(iso: log.createdAt))
        {
            return nearMiss
        }
        // A route its family does not have (`/webhook_deliveries/{id}/retry`): the route, before any id in it (P26-1).
        if let unserved = IDResolver.unservedRouteMeaning(method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus) {
            return unserved
        }
        if let nodeType = IDResolver.nodeTypeMeaning(log.endpoint, text: log.errorMessage, numbers: []) { return nodeType }
        if ProjectRefusal.says(log.errorMessage) { return ProjectRefusal.meaning(id: APIPath.phoneNumberID(in: log.endpoint), key: log.apiKeyName) }
        // A 401 whose text is Kapso refusing the key ("Invalid API key") is the key even with Graph's code 190, and one
        // that is Meta's token error is the number's token (`CredentialRefusal`, the reading the live calls share; P26-2).
        if log.responseStatus == 401, let refusal = APIRefusal(status: 401, text: log.errorMessage), ["190", "0"].contains(refusal.code),
            CredentialRefusal(code: refusal.code, subcode: nil, message: log.errorMessage, details: nil) == .projectKey
        {
            return "the key was rejected; check which key the caller uses"
        }
        if let refusal = APIRefusal(status: log.responseStatus, text: log.errorMessage, path: log.endpoint, method: log.httpMethod),
            let advice = refusal.advice
        {
            // Media a contact sent, on a call that sends: the code does not fit the call (tester62 AL18).
            if refusal.code == "131052", log.httpMethod == "POST", log.endpoint.hasSuffix("/messages") {
                return "Meta documents 131052 (media download error) for media a contact sent, and this call sends a "
                    + "message: the code does not fit it; read the whole error text and the request's body before acting on "
                    + "Meta's fix (\(advice))"
            }
            // Code 100 is "fix the payload" only when nothing says the path's object is missing: a 404, or Graph's
            // "Object with ID … does not exist" on a 400 (P9-5; `ErrorCatalog.entry(for:subcode:status:path:message:)`).
            if refusal.code == "100",
                log.responseStatus == 404
                    || ErrorCatalog.missingObjectID(subcode: nil, status: log.responseStatus, path: log.endpoint, message: log.errorMessage) != nil
            {
                // A message (or another id Graph reads nowhere) at `/{id}`: the path, not a missing object (P46-2).
                return IDResolver.graphNodeMeaning(log.endpoint, identity: nil, numbers: [])
                    ?? "no object has the id in the path; " + whois
            }
            return advice
        }
        // A write answered 5xx or 499 may have happened: the live writes' reading (`ServerFailure`, P28-12).
        if let unknown = ServerFailure.loggedWriteMeaning(method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus) {
            return unknown
        }
        switch log.responseStatus {
        case 401: return "the key was rejected; check which key the caller uses"
        case 404:
            // A documented route whose object slot holds no id-shaped value, or a documented list: what the call named is
            // missing, not the route (tester62 AL1).
            if let documented = IDResolver.documentedRouteNotFound(log.endpoint, text: log.errorMessage) { return documented }
            // Without an id in the path, no id can be missing: likely a path the API does not serve.
            if APIPath.ids(in: log.endpoint).isEmpty { return IDResolver.noRouteNoID }
            if let nodeless = IDResolver.graphNodeMeaning(log.endpoint, identity: nil, numbers: []) { return nodeless }
            // A WAMID written wrongly in the path (its '+' a space, no `wamid.` in front, URL-safe base64): what `whois`
            // says of the same id, not "no message has it" (probe41 P41-7).
            // One too short to be any WAMID is a test value or a placeholder, not a cut or damaged id (tester47 F4).
            if let object = APIPath.objectID(in: log.endpoint), object.collection == "messages", let short = shortWAMID(object.id) {
                return "no message of this project has the id in the path (\(short)); " + whois
            }
            if let object = APIPath.objectID(in: log.endpoint), object.collection == "messages", let damaged = damagedWAMID(object.id) {
                return "the message id in the path is written wrongly: \(damaged.damage); '\(ShellWord.command("whois", damaged.id))' "
                    + (offersID(damaged.damage) ? "finds the message it stands for" : "looks for the message it stands for")
            }
            if let object = APIPath.objectID(in: log.endpoint), object.collection == "messages", let unpadded = unpaddedWAMID(object.id) {
                return unpadded
            }
            // The collection says what kind of object is missing; the id may still be another kind's
            // (a delivery id in a conversation path), which only 'whois' can tell.
            if let object = APIPath.objectID(in: log.endpoint), let kind = APIPath.objectKind(object.collection) {
                // More path after the id (`/conversations/{id}/messages`): the object may exist and the path be unserved.
                let segments = APIPath.segments(of: log.endpoint)
                if let at = segments.firstIndex(of: Substring(object.id)), at + 1 < segments.count, APIRoute.documented(log.endpoint) == nil {
                    let rest = segments[(at + 1)...].joined(separator: "/")
                    return "no \(kind) of this project has the id in the path, or the \(kind) exists and /\(rest) under it is "
                        + "not an endpoint of the API; '\(ShellWord.command("whois", APIPath.typed(object.id)))' says whether the \(kind) exists"
                }
                return "no \(kind) of this project has the id in the path; " + whois
            }
            return "the id in the path is not in this project; " + whois
        // A 402 on a proxy call that is no send: Kapso documents none there (`APIRefusal.paymentCode`).
        case 402:
            return "HTTP 402 payment required on a call that is not a send: Kapso documents a 402 only for a send its credits "
                + "cannot pay Meta's fee for and for a Platform API feature the plan lacks; read the error text (ERROR)"
        case 429: return "rate limited; the caller must back off and honour Retry-After"
        case 500...: return "Kapso or Meta failed; retry, and check Kapso's status if it persists"
        default:
            // A status whose cause is its own name (499, 413), read as `explain` reads it (tester59 AF11).
            // Kapso's field errors and a webhook test's unsubscribed event, read (tester62 AL16).
            return ValidationAnswer.meaning(status: log.responseStatus, endpoint: log.endpoint, text: log.errorMessage)
                ?? HTTPStatusMeaning.logged(status: log.responseStatus, method: log.httpMethod, endpoint: log.endpoint)
                ?? "the request was refused; read the error text (ERROR), it usually names the field"
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
