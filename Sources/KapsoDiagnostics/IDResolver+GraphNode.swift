public import KapsoClient

// MARK: - An id that is no Graph node, read at `/{id}`

extension IDResolver {
    /// Where Kapso serves one object of `kind` (or lists the records of a contact), as `GET` paths, for a line that says
    /// where the object is read instead: `id` fills the path, `phoneNumberID` the proxy's number slot (the owner `whois`
    /// found; `{phone_number_id}` when unknown). Nil for the kinds Graph's `/{id}` does read (a phone-number, WABA,
    /// template or media id, Meta's business and app ids) and those kops has no path for (a project or API key id).
    ///
    /// Sources: a message by its WAMID at `GET /meta/whatsapp/v24.0/{phone_number_id}/messages/{message_id}`
    /// (docs.kapso.ai/api/meta/whatsapp/messages/get-message-by-id) or `GET /platform/v1/whatsapp/messages/{message_id}`
    /// (docs.kapso.ai/api/platform/v1/messages/get-message; kapso-api.md §7.2, §8.4); a conversation by Kapso's UUID at
    /// `GET /platform/v1/whatsapp/conversations/{conversation_id}` (docs.kapso.ai/api/platform/v1/conversations/
    /// get-conversation; §8.2) or `GET /meta/whatsapp/v24.0/{phone_number_id}/conversations/{conversation_id}`
    /// (docs.kapso.ai/api/meta/whatsapp/conversations/get-conversation-details; §8.4); a webhook at
    /// `/platform/v1/whatsapp/phone_numbers/{phone_number_id}/webhooks/{webhook_id}` (§3.2); a contact has no object of
    /// its own: its messages and conversations are listed with `phone_number` (a partial match) or, for a business-scoped
    /// user id, the messages' `business_scoped_user_id` filter (§7.1, §8.1); API logs and webhook deliveries are lists
    /// only (§4, §5).
    public static func readPath(of kind: Identity.Kind, id: String, phoneNumberID: String? = nil) -> String? {
        let number = phoneNumberID ?? "{phone_number_id}"
        let proxy = "/meta/whatsapp/\(documentedGraphVersion)/\(number)"
        switch kind {
        case .wamid:
            return "a message is read at GET \(proxy)/messages/\(id) (Meta proxy) or GET /platform/v1/whatsapp/messages/\(id)"
        case .conversationID:
            return "a conversation is read at GET /platform/v1/whatsapp/conversations/\(id) or GET \(proxy)/conversations/\(id)"
        case .webhookID:
            return "a webhook is read at GET /platform/v1/whatsapp/phone_numbers/\(number)/webhooks/\(id)"
        case .contactNumber, .nationalNumber:
            return "a contact has no object of its own: its messages are listed at GET "
                + "/platform/v1/whatsapp/messages?phone_number=DIGITS, its conversations at GET "
                + "/platform/v1/whatsapp/conversations?phone_number=DIGITS"
        case .businessScopedUserID, .username:
            return "a contact has no object of its own: its messages are listed at GET "
                + "/platform/v1/whatsapp/messages?business_scoped_user_id=ID"
        case .apiLogID:
            return "an API log entry has no path of its own: the calls are listed at GET /platform/v1/api_logs"
        case .deliveryID:
            return "a webhook delivery has no path of its own: deliveries are listed at GET /platform/v1/webhook_deliveries"
        default:
            return nil
        }
    }

    /// The kind an id has by its form alone when that kind is never a Graph node: a WAMID (`wamid.…`) is a message id, a
    /// business-scoped user id (`US.1349…`) a contact's. Nil for other forms (digits and UUIDs name several kinds).
    static func nodelessKind(byForm id: String) -> Identity.Kind? {
        switch IDInput.read(id) {
        case .success(.wamid): .wamid
        case .success(.businessScopedUserID): .businessScopedUserID
        default: nil
        }
    }

    /// What a failed Graph read of an id alone (`GET /meta/whatsapp/v24.0/{id}`, `APIRoute` slot `metaObject`) means when
    /// the id is of a kind Graph does not read there (a message, a conversation, a contact…): Graph's `/{id}` reads Meta
    /// objects by their id (docs.kapso.ai/api-reference/meta-proxy: `/{media_id}`; Graph's node reads), and a message,
    /// however real, is no such node, so Graph answers "Object with ID … does not exist" of a message that exists
    /// (probe46 P46-2). The line says what the id is (`identity`, what `whois` found, else its form) and where that kind
    /// is read (`readPath`), never that it does not exist. Nil for other paths, and for ids of a kind `/{id}` reads or
    /// whose kind neither `identity` nor the form tells.
    public static func graphNodeMeaning(_ endpoint: String, identity: Identity?, numbers: [PhoneNumber]) -> String? {
        guard let route = APIRoute.documented(endpoint), route.surface == .metaProxy, route.slot == .metaObject,
            let id = route.id
        else { return nil }
        return nodelessMeaning(id, identity: identity, numbers: numbers)
    }

    /// `graphNodeMeaning` for an id read at `/{id}`, without the path: also `explain`'s reading of Graph's "Object with
    /// ID 'wamid.…' does not exist" (the id from the text), and the path reading when the numbers are not known.
    public static func nodelessMeaning(_ id: String, identity: Identity?, numbers: [PhoneNumber]) -> String? {
        let found = identity.flatMap { $0.kind == .unknown || $0.incomplete ? nil : $0 }
        guard let kind = found?.kind ?? nodelessKind(byForm: id) else { return nil }
        let owner = found?.phoneNumberIDs.first { pnid in numbers.contains { $0.id == pnid } } ?? found?.phoneNumberIDs.first
        guard let read = readPath(of: kind, id: id, phoneNumberID: owner) else { return nil }
        let what: String
        let form = kind == .wamid ? "a message id (WAMID)" : "a business-scoped user id (a contact's)"
        if let found, !found.notFound {
            what = found.statement + " (it exists)"
        } else if found?.notFound == true {
            // The id as the path has it: the resolver's reading pads a WAMID's base64 (`…123` → `…123=`), another id to paste.
            what = "\(id) is \(form) by its form, but none kops could find in this project; '\(ShellWord.command("whois", id))' "
                + "says what it searched"
        } else {
            what = "\(id) is \(form) by its form; '\(ShellWord.command("whois", id))' says whose"
        }
        return what + "; \(kind.nodeNoun) is no Graph node: Graph's /{id} reads Meta objects (a phone number, WABA, template or "
            + "media) and answers \"does not exist\" for any other id, so the path is the mistake: \(read), not at /\(id)"
    }
}

extension Identity.Kind {
    /// `a conversation`, `a contact`: what a kind of id names, for "… is no Graph node".
    var nodeNoun: String {
        switch self {
        case .wamid: "a message"
        case .conversationID: "a conversation"
        case .webhookID: "a webhook"
        case .apiLogID: "an API log entry"
        case .deliveryID: "a webhook delivery"
        default: "a contact"
        }
    }
}
