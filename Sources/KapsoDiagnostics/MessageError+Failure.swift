public import KapsoClient

/// Which error a message, or one of its statuses, carries: the one reading behind `trace`'s verdict and timeline,
/// `message`, `messages`, `errors` and `whois` (probe37 P37-11: the verdict said "Meta's error code was not recorded" of
/// a failed message that carried 131026 itself, and "no error code" of a status that held it under `error`).
extension MessageError {
    /// The errors `object` (a message or one status, as JSON) carries: its `errors` array (Meta's shape on a failed status
    /// and on a received message: `errors [ {code, title, message, error_data {details}, href} ]`, kapso-api.md §7.3;
    /// Meta's errors and status webhook references, developers.facebook.com/documentation/business-messaging/whatsapp/
    /// webhooks/reference/messages/errors), else its singular `error` (`single(_:)`); none when it carries neither.
    public static func carried(by object: JSONValue?) -> [MessageError] {
        guard let object, object.object != nil else { return [] }
        let listed = all(in: object["errors"])
        return listed.isEmpty ? single(object["error"]) : listed
    }

    /// `carried(by:)` of a message or status object.
    public static func carried(by object: JSONObject) -> [MessageError] { carried(by: .object(object)) }

    /// An error stored under a singular `error` key, as a relay or a tool that kept Graph's answer stores it: an object in
    /// the shape of Graph's error body (`{"message": "(#131026) …", "type", "code": 131026, "error_data": {"details"}}`,
    /// kapso-api.md §9.4; Meta, Graph API "Handling errors", developers.facebook.com/docs/graph-api/guides/error-handling),
    /// the whole envelope (`{"error": {…}}`) stored under it, or Graph's text alone (`(#131026) Message undeliverable`,
    /// whose code `graphCode(in:)` reads; Kapso's own refusals are `{"error": "text"}`, kapso-api.md §9.3, so text without
    /// a code is kept as Meta's or Kapso's words). Empty for null, an empty object or blank text.
    static func single(_ value: JSONValue?) -> [MessageError] {
        guard let value else { return [] }
        if let text = value.string {
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? [] : [MessageError(code: graphCode(in: trimmed), message: trimmed)]
        }
        guard let object = value.object, !object.isEmpty else { return [] }
        if object["code"] == nil, let inner = object["error"], inner.object != nil || inner.string != nil { return single(inner) }
        return MessageError(json: value).map { [$0] } ?? []
    }

    /// The errors a failed message's failure carries, read once for every view: the newest failed status that carries a
    /// specific code (else the newest that carries any)
    /// (`history.failures`, whose errors are `carried(by:)` each status: a later `failed` passed on without them is the
    /// same failure, as `StatusHistory.distinctFailures` says), else what the message itself carries (`carried(by:)`: Meta's
    /// `messages[].errors`, a relay's `error`). Empty when neither carries one: only then does a verdict say Meta gave no
    /// code, and never does it put a cause read from elsewhere (the 24-hour window) in place of the code that is there.
    public static func ofFailure(_ message: JSONObject, history: StatusHistory) -> [MessageError] {
        // A specific code over Meta's generic 131000 reported on another failed status of it, as `primary(of:)` picks
        // within one status (Meta's error codes: 131000 "Something went wrong").
        let carrying = history.failures.filter { !$0.errors.isEmpty }
        if let failure = carrying.last(where: { primary(of: $0.errors)?.code.map { $0 != "131000" } ?? false }) ?? carrying.last {
            return failure.errors
        }
        return carried(by: message)
    }

    /// `ofFailure` of a Platform API message, its history read as `StatusHistory(message:)` reads it.
    public static func ofFailure(_ message: Message) -> [MessageError] {
        ofFailure(message.json, history: StatusHistory(message: message))
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    fileprivate var trimmingWhitespace: String {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
