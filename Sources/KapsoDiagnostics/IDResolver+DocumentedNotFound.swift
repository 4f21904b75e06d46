// MARK: - A 404 on a documented route whose path holds no id-shaped segment

extension IDResolver {
    /// What a 404 means on a route of Kapso's API (`APIRoute.documented`, the one list of the documented shapes) whose
    /// path holds no segment shaped like an id (`APIPath.ids`): the route is right, so the answer is about what the call
    /// named, never "the path is not an endpoint" (tester62 AL1).
    ///
    /// - An object slot with a value of no id's shape (`DELETE /platform/v1/whatsapp/webhooks/abc`,
    ///   `POST …/webhooks/abc/test`, `GET …/webhooks/123`, `GET /platform/v1/whatsapp/messages/msg-1`): `no webhook of
    ///   this project has id 'abc' (not a webhook id: Kapso's webhook ids are UUIDs); 'webhooks --scope project' lists
    ///   them`. Kapso's webhooks and conversations have UUID ids (kapso-api.md §3.1, §8.2), a message is read by its
    ///   WAMID (§7.2), a number by Meta's digits (§2.2).
    /// - A list (`GET /platform/v1/webhook_deliveries`, `GET /platform/v1/whatsapp/conversations?phone_number=…`): the
    ///   404 answers a filter of the call, named by the answer's text (`Webhook not found`: the delivery log's
    ///   `webhook_id`, §4) or the query's keys; with neither, a documented list every project has answered 404, which is
    ///   the base URL or a proxy before Kapso (hedged: kops cannot tell which).
    ///
    /// Nil for a path that is no documented route, or that holds an id-shaped segment (the other readings place it).
    public static func documentedRouteNotFound(_ endpoint: String, text: String?) -> String? {
        guard APIPath.ids(in: endpoint).isEmpty, let route = APIRoute.documented(endpoint), route.surface == .platform else {
            return nil
        }
        if let id = route.id, let collection = APIPath.objectID(in: endpoint)?.collection, let kind = ObjectKind(collection) {
            return "no \(kind.noun) of this project has id '\(id)' (not a \(kind.noun) id: \(kind.idForm)); \(kind.lister)"
        }
        guard route.id == nil else { return nil }
        let path = String(APIPath.withoutQuery(endpoint))
        let keys = queryKeys(endpoint)
        let filter = keys.isEmpty ? "" : " (\(list(keys.map { "the \($0) filter" })))"
        let head = "\(path) is a documented route of Kapso's API, so the path is not the mistake: "
        if let kind = ObjectKind.named(inNotFound: text) {
            // The delivery log takes its webhook as `webhook_id` (kapso-api.md §4); an API log may keep no query.
            let which = keys.isEmpty && kind.noun == "webhook" && path.hasSuffix("/webhook_deliveries") ? " (the webhook_id filter)" : filter
            return head + "the answer says no \(kind.noun) was found, so a value the call filtered by\(which) names no "
                + "\(kind.noun) of this project; \(kind.lister)"
        }
        if !keys.isEmpty {
            return head + "the 404 most likely answers what the call filtered by\(filter): a value that names nothing in this "
                + "project; read the error text (ERROR)"
        }
        return head + "a list every project has answered 404, which Kapso itself would not do: the caller's base URL may be "
            + "wrong, or a proxy before Kapso answered; check the base URL the caller uses"
    }

    /// The parameter names of `endpoint`'s query, in order, once each (values are left out: they may be personal data).
    private static func queryKeys(_ endpoint: String) -> [String] {
        guard let mark = endpoint.firstIndex(of: "?") else { return [] }
        var keys: [String] = []
        for pair in endpoint[endpoint.index(after: mark)...].split(separator: "&") {
            let name = String(pair.prefix { $0 != "=" })
            if !name.isEmpty, !keys.contains(name) { keys.append(name) }
        }
        return keys
    }

    /// What kops says of one kind of object in a 404's reading.
    private struct ObjectKind {
        var noun: String
        var idForm: String
        var lister: String

        init?(_ collection: String) {
            switch collection {
            case "webhooks":
                self.init(noun: "webhook", idForm: "Kapso's webhook ids are UUIDs", lister: "'webhooks --scope project' lists them")
            case "messages":
                self.init(noun: "message", idForm: "Kapso reads a message by its WAMID, wamid.…", lister: "'messages' lists them")
            case "conversations":
                self.init(noun: "conversation", idForm: "Kapso's conversation ids are UUIDs", lister: "'conversations' lists them")
            case "phone_numbers":
                self.init(noun: "phone number", idForm: "Meta's phone-number ids are digits", lister: "'numbers' lists them")
            default: return nil
            }
        }

        init(noun: String, idForm: String, lister: String) {
            (self.noun, self.idForm, self.lister) = (noun, idForm, lister)
        }

        /// The kind an answer's text says was not found (`Webhook not found`, `Conversation for … not found`).
        static func named(inNotFound text: String?) -> ObjectKind? {
            guard let lowered = text?.lowercased(), lowered.contains("not found") else { return nil }
            let kinds: [(word: String, collection: String)] = [
                ("webhook", "webhooks"), ("conversation", "conversations"), ("message", "messages"), ("phone number", "phone_numbers"),
            ]
            return kinds.first { lowered.contains($0.word) }.flatMap { ObjectKind($0.collection) }
        }
    }
}
