public import KapsoClient

// MARK: - A 404 on an object below a number of the project

extension IDResolver {
    /// What a 404 means on a path that names an object below a phone number (`APIRoute.child`) when the number is one of
    /// the project's: the object was not found under that number, so the 404 is about it, not the number (probe23 P23-1:
    /// `/100200300400501/messages/wamid.…` with Sales Line's WAMID was blamed on Support Line's access). Sources:
    /// the proxy's history reads `GET /{pnid}/messages/{message_id}`, `GET /{pnid}/conversations/{id}`, `/{pnid}/contacts`
    /// (kapso-api.md §8.4; docs.kapso.ai/docs/whatsapp/typescript-sdk/utilities: `contacts.get({ phoneNumberId, waId })`);
    /// a number's webhooks are under `/platform/v1/whatsapp/phone_numbers/{pnid}/webhooks/{id}` and every webhook of the
    /// project, project-scoped ones included, under `/platform/v1/whatsapp/webhooks/{id}` (§3.2–3.3); a message of any
    /// number is read by `GET /platform/v1/whatsapp/messages/{wamid}` (§7.2), a conversation by
    /// `GET /platform/v1/whatsapp/conversations/{id}` (§8.2).
    ///
    /// Where the object lives comes from the project's `webhooks`, or from what `whois` found of the id (`identities`);
    /// the answer's own words (`Object with ID 'wamid…'`, `Conversation not found`) are quoted as naming the object.
    /// An object kops cannot place is "not found under this number", with no story about the number. Nil when the path
    /// names no object below a number, or the number is not the project's.
    public static func childNotFoundMeaning(
        _ endpoint: String, text: String?, numbers: [PhoneNumber], webhooks: [Webhook], identities: [String: Identity]
    ) -> String? {
        guard let route = APIRoute.documented(endpoint), let (collection, child) = route.child, let id = route.id,
            let number = numbers.first(where: { $0.id == id })
        else { return nil }
        let kind = APIPath.objectKind(collection) ?? "object"
        let lower = (text ?? "").lowercased()
        let named = lower.contains(child.lowercased()) || lower.contains("\(kind) not found")
        // A WAMID's unencoded '/' splits it into two segments: the API looked for its first part (probe25 P25-9).
        let slash = collection == "messages" && child.contains("/")
            ? "; the WAMID holds a '/', which must be sent as %2F: unencoded, the API reads "
                + "\(child.prefix { $0 != "/" }) as the id and the rest as another segment" : ""
        let head = "the 404 is about the \(kind) \(child), not the number: \(id) is this project's phone-number id of "
            + (number.name ?? number.id) + (named ? " and the answer names the \(kind) as the object not found" : "") + slash
        let whois = "'\(ShellWord.command("whois", child))' says what it is"
        if collection == "webhooks" {
            // Another kind of id of the project in the webhook slot is named as such (tester52 H1).
            return head + "; " + (wrongCollectionID(child, collection: "webhooks", numbers: numbers, webhooks: webhooks, identity: identities[child])
                ?? webhookPlace(child, under: id, webhooks: webhooks, numbers: numbers))
        }
        let elsewhere = collection == "messages" ? "GET /platform/v1/whatsapp/messages/\(child) reads a message of any number"
            : collection == "conversations" ? "GET /platform/v1/whatsapp/conversations/\(child) reads a conversation of any number"
            : nil
        if let skipped = identities[child], skipped.lookUpBudget != nil {
            // Not looked up (the view's look-ups went to newer ids): neither found nor missing (probe25 P25-8).
            return head + "; \(skipped.statement)" + (elsewhere.map { "; " + $0 } ?? "")
        }
        guard let identity = identities[child], identity.kind != .unknown, !identity.incomplete else {
            return head + "; kops finds no \(kind) with this id under \(id) (another number's or another project's, or a "
                + "mangled id)" + (elsewhere.map { "; " + $0 } ?? "") + "; " + whois
        }
        let owners = numbers.filter { identity.phoneNumberIDs.contains($0.id) }
        if !slash.isEmpty, owners.isEmpty || owners.contains(where: { $0.id == id }) {
            return head + "; \(identity.statement): encode the '/' as %2F"
        }
        if owners.isEmpty || owners.contains(where: { $0.id == id }) {
            // Under this number by kops's reading, yet not found when called: say so, and hedge on why.
            return head + "; \(identity.statement); kops cannot tell why the call did not find it (it may have come after "
                + "the call, or not be in the history the proxy reads)" + (elsewhere.map { "; " + $0 } ?? "")
        }
        let paths = owners.map { owner in "\(replacing(id, with: owner.id, in: endpoint)) (\(owner.name ?? owner.id))" }
        return head + "; \(identity.statement): use " + list(paths) + (elsewhere.map { ", or " + $0 } ?? "")
    }

    /// What a 404 on `/platform/v1/whatsapp/phone_numbers/{pnid}/webhooks/{id}/test` means when `pnid` is one of the
    /// project's numbers: Kapso tests a webhook only at `POST /platform/v1/whatsapp/webhooks/{webhook_id}/test`, which
    /// "works for any webhook id in the project" (kapso-api.md §3.3; docs.kapso.ai/api/platform/v1/webhooks/
    /// test-project-webhook; `APIRoute` knows no test route under a number, and none for PATCH or DELETE), so the path is
    /// the fault whoever's the webhook is, and the webhook is placed as for `…/webhooks/{id}` (`webhookPlace`). Before
    /// this, such a path read "not an endpoint …, right for its place in the path", which names no way on. Nil for any
    /// other path, or a number that is not the project's.
    static func numberWebhookTestMeaning(_ endpoint: String, numbers: [PhoneNumber], webhooks: [Webhook]) -> String? {
        let segments = APIPath.segments(of: endpoint).map(String.init)
        guard segments.count == 8, Array(segments[0..<4]) == ["platform", "v1", "whatsapp", "phone_numbers"],
            segments[5] == "webhooks", segments[7] == "test", let number = numbers.first(where: { $0.id == segments[4] })
        else { return nil }
        let (id, child) = (segments[4], segments[6])
        return "Kapso tests a webhook only at POST /platform/v1/whatsapp/webhooks/\(child)/test (any webhook of the project, a "
            + "number's included), not under a phone number: \(id) is this project's phone-number id of \(number.name ?? number.id); "
            + webhookPlace(child, under: id, webhooks: webhooks, numbers: numbers, test: true)
    }

    /// Where webhook `child` is, read from the project's webhooks, for a 404 on `/phone_numbers/{id}/webhooks/{child}`
    /// (`test`: on its `/test` sub-route, which only the project path serves).
    private static func webhookPlace(
        _ child: String, under id: String, webhooks: [Webhook], numbers: [PhoneNumber], test: Bool = false
    ) -> String {
        let project = "/platform/v1/whatsapp/webhooks/\(child)" + (test ? "/test" : "")
        guard let webhook = webhooks.first(where: { $0.id.lowercased() == child.lowercased() }) else {
            return "no webhook of this project has this id now (deleted, or another project's); 'webhooks' lists them"
        }
        let what = "the \(webhook.kind) webhook to \(WebhookURL.short(webhook.url))"
        guard let owner = webhook.phoneNumberID else {
            return "it is \(what), project-scoped (no phone number): only \(project) reaches it"
        }
        let name = numbers.first { $0.id == owner }.map { "\($0.name ?? $0.id) \(owner)" } ?? owner
        if test { return "it is \(what) of \(owner == id ? "this number" : name): use POST \(project)" }
        if owner == id {
            return "it is \(what) of this number: it was not found when called (created after the call, or deleted and "
                + "created again); '\(ShellWord.command("whois", child))' says what it is now"
        }
        return "it is \(what) of \(name): use /platform/v1/whatsapp/phone_numbers/\(owner)/webhooks/\(child) or \(project)"
    }

    /// `endpoint` without its query, with the segment `id` replaced by `other`.
    private static func replacing(_ id: String, with other: String, in endpoint: String) -> String {
        "/" + APIPath.segments(of: endpoint).map { $0 == id ? other : String($0) }.joined(separator: "/")
    }
}
