extension ErrorCatalog {
    /// Graph's subcode for an id in the request path it cannot use: code 100, `error_subcode` 33, type
    /// `GraphMethodException`, message "Unsupported get|post request. Object with ID 'N' does not exist, cannot be loaded
    /// due to missing permissions, or does not support this operation" (the pairing of code, subcode and text is what
    /// Graph SDKs log, e.g. github.com/darwin-morocho/flutter-facebook-auth/issues/186). Kapso's Meta proxy answers it
    /// with HTTP 404, its status for an unknown phone-number id (kapso-api.md §9.3).
    public static let objectSubcode = 33

    /// The entry for a Graph error read with everything it carries, not its code alone: code 100 with subcode 33, or
    /// with Graph's "Object with ID … does not exist" text, or a 404 from the Meta proxy (kapso-api.md §9.3: 404 is an
    /// unknown phone-number id) is no malformed payload but an id in the path that does not exist or that the key cannot
    /// see; the entry names the id, read from the request `path` (`/meta/whatsapp/v24.0/{id}/messages`, a full URL too),
    /// else from the text. Code 100 without any of these keeps its generic entry ("fix the payload"), and every other
    /// code is `entry(for:message:)` (2500 read by its text), read with its status (`readByStatus`: a Graph code answered
    /// 402 names the payment status beside it). Nil for a code the catalogue does not know.
    ///
    /// `status` is the HTTP status (nil when unknown), `message` Graph's `error.message` or an API log's
    /// `error_message`, `method` the call's HTTP method when known (a 402 on a call that sends nothing is no credits
    /// refusal: `readByStatus`).
    public static func entry(for code: String, subcode: Int?, status: Int?, path: String?, message: String?, method: String? = nil) -> Entry? {
        guard var entry = entry(for: code, message: message).map({ withTokenSubcode($0, subcode: subcode) }) else { return nil }
        guard entry.code == "100",
            let id = missingObjectID(subcode: subcode, status: status, path: path, message: message)
        else { return readByStatus(entry, status: status, send: APIRefusal.paymentCode(path: path, method: method) == "insufficient_credits") }
        entry.name = "object not found (subcode 33)"
        entry.title = "Object with ID does not exist, cannot be loaded due to missing permissions, or does not support this operation"
        entry.httpStatus = status
        entry.meaning = "the id in the request path, \(id), does not exist or this key cannot see it "
            + "(Graph's three causes: the object does not exist, the access lacks a permission for it, it does not support "
            + "this operation); nothing in the payload is wrong"
        entry.fix = "'\(ShellWord.command("whois", id))' says what the id is and which phone-number id to use"
        // A message id (or another id Graph reads nowhere) read at `/{id}`: the path's shape, not a missing object (P46-2).
        if let path, APIRoute.documented(path)?.slot == .metaObject,
            let nodeless = IDResolver.nodelessMeaning(id, identity: nil, numbers: [])
        {
            entry.meaning = nodeless
            entry.fix = "read the object at its own path (above); '\(ShellWord.command("whois", id))' says what the id is"
        }
        entry.retry = .fixFirst
        entry.reference = "Graph code 100, error_subcode 33 (GraphMethodException); Kapso, Meta proxy (https://docs.kapso.ai/api-reference/meta-proxy): it "
            + "answers 404 for an unknown phone-number id; " + Source.meta.reference
        return entry
    }

    /// The id a code-100 answer says cannot be used, or nil when nothing says an object is missing: the Graph object of
    /// `path` (its first segment after the version), else the `N` of "Object with ID 'N'" in `message`. Subcode 33 or
    /// that text say so on any status; a 404 says so only on a Graph path (Kapso's own 404s are other errors).
    public static func missingObjectID(subcode: Int?, status: Int?, path: String?, message: String?) -> String? {
        let named = message.flatMap(PastedError.objectID(in:))
        let graph = path.flatMap(APIPath.graphObject(in:))?.id
        guard subcode == objectSubcode || named != nil || (status == 404 && graph != nil) else { return nil }
        // Subcode 33 of a non-Graph path without the text names no id: then there is none to name.
        return graph ?? named
    }
}
