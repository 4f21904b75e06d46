public import KapsoClient

// MARK: - A 404 whose path is the cause, not an id in it

extension IDResolver {
    /// What a 404 means when the ids in `endpoint` cannot be the cause: the path has no id at all
    /// (`GET /platform/v1/whatsapp/webhook_deliveries`), or every id in it is one this project has
    /// (a phone-number id, WABA id, Kapso id, customer id or webhook id of `numbers` / `webhooks`) in
    /// a place where it belongs, e.g. `GET /platform/v1/whatsapp/phone_numbers/{id}/messages`. Then the
    /// API does not serve the path: `the path is not an endpoint of the API; …`. Nil when an id in the
    /// path is not one kops knows (it may be the cause), or when `numbers` is empty (nothing is known).
    /// Call it after `misplacedPhoneNumberID`, `wrongCollectionID` and `wabaEdgeMeaning` found nothing:
    /// those name a known id in the wrong place.
    /// `text` is the answer's error text and `identities` what `whois` found of the path's ids, `method` and `history` the
    /// call's method and the API logs that may show the same call answered around it (`documentedRouteMeaning`).
    public static func pathNotServed(
        _ endpoint: String, numbers: [PhoneNumber], webhooks: [Webhook], text: String? = nil, identities: [String: Identity] = [:],
        at time: Int64? = nil, status: Int = 404, method: String? = nil, history: [APILog] = []
    ) -> String? {
        let fix = "check the method and path against Kapso's API reference"
        // A documented route with the project's id in its place is no path fault (P13-3).
        if let documented = documentedRouteMeaning(
            endpoint, numbers: numbers, webhooks: webhooks, text: text, identities: identities, at: time, status: status,
            method: method, history: history)
        {
            return documented
        }
        // A webhook test under a number is no route: Kapso tests any webhook at its project path (P23-1's test route).
        if let test = numberWebhookTestMeaning(endpoint, numbers: numbers, webhooks: webhooks) { return test }
        // Kapso's own id on a proxy path is never "right for its place" (P13-2).
        if let kapso = kapsoIDInProxyPath(endpoint, numbers: numbers, webhooks: webhooks) { return kapso }
        // A documented route with no id-shaped segment: what the call named is missing (tester62 AL1).
        if let documented = documentedRouteNotFound(endpoint, text: text) { return documented }
        let ids = APIPath.ids(in: endpoint)
        if ids.isEmpty { return noRouteNoID }
        guard !numbers.isEmpty else { return nil }
        var known: [String] = []
        for id in ids {
            guard let what = knownID(id, numbers: numbers, webhooks: webhooks) else { return nil }
            known.append("\(id) is \(what)")
        }
        return "the path is not an endpoint of the API: \(list(known)), right for its place in the path; " + fix
    }

    /// A 404's reading of a path that matches no route kops knows (`APIRoute.documented`) and holds no id: hedged, as
    /// Kapso has routes kops does not list (broadcasts, flows…).
    public static let noRouteNoID =
        "the path matches none of the routes kops knows from Kapso's API reference and has no id that could be missing, so it "
        + "is likely not an endpoint of the API; check the method and path against Kapso's API reference"

    /// What `id` is in this project (`the phone-number id of Support Line`), nil when kops does not know it.
    static func knownID(_ id: String, numbers: [PhoneNumber], webhooks: [Webhook]) -> String? {
        let key = id.lowercased()
        if let number = numbers.first(where: { $0.id == id }) { return "this project's phone-number id of \(number.name ?? number.id)" }
        let wabas = numbers.filter { $0.businessAccountID == id }
        if !wabas.isEmpty { return "this project's WABA id (of \(numbersPhrase(wabas)))" }
        if let number = numbers.first(where: { $0.internalID?.lowercased() == key }) {
            return "Kapso's id of \(number.name ?? number.id)"
        }
        if let number = numbers.first(where: { $0.customerID?.lowercased() == key }) {
            return "the customer id of \(number.name ?? number.id)"
        }
        if let webhook = webhooks.first(where: { $0.id.lowercased() == key }) {
            return "the id of the \(webhook.kind) webhook to \(WebhookURL.short(webhook.url))"
        }
        return nil
    }
}

// MARK: - An id whose shape does not fit its slot

extension IDResolver {
    /// What a 404 means when the object id of a platform path (`APIPath.objectID`) cannot be of its collection by its
    /// shape alone: a message is looked up by its WAMID (kapso-api.md §7.2), a conversation by Kapso's UUID (§8.2), a
    /// webhook by its UUID (§3.1; a WAMID there is named).
    /// `/platform/v1/whatsapp/conversations/wamid.HBgL…` → `the id in the path is a WAMID (a message id), used as a
    /// conversation id: a conversation is looked up by Kapso's UUID; 'whois wamid.HBgL…' says what it is`. Nil when
    /// the shape fits, for other collections, and for an id that reads as none of these shapes. Call it after
    /// `wrongCollectionID`, which names an id the project has.
    public static func wrongShapeMeaning(_ endpoint: String) -> String? {
        guard let (collection, id) = APIPath.objectID(in: endpoint), case .success(let input) = IDInput.read(id) else { return nil }
        let slot: String
        let expected: String
        switch (collection, input) {
        case ("messages", .wamid), ("conversations", .uuid): return nil
        case ("messages", _): (slot, expected) = ("message", "a message is looked up by its WAMID (wamid.…)")
        case ("conversations", _): (slot, expected) = ("conversation", "a conversation is looked up by Kapso's UUID")
        // A WAMID's form names it without a look-up (`FailureGroups.webhookSlotKnown` asks none: tester52b K1).
        case ("webhooks", .wamid): (slot, expected) = ("webhook", "a webhook is looked up by Kapso's UUID ('webhooks' lists them)")
        default: return nil
        }
        let kind: String
        switch input {
        case .wamid: kind = "a WAMID (a message id)"
        case .uuid: kind = "a UUID (Kapso's id of a conversation, webhook, number or log entry)"
        case .number: kind = "a number (a phone-number, WABA or template id, or a phone number)"
        case .businessScopedUserID: kind = "a business-scoped user id (a contact's)"
        default: return nil
        }
        return "the id in the path is \(kind), used as a \(slot) id: \(expected); '\(ShellWord.command("whois", id))' says what it is"
    }
}
