extension KapsoClient {
    /// Which list a webhook call addresses.
    public enum WebhookScope: Sendable, Equatable {
        /// `/whatsapp/phone_numbers/{id}/webhooks`: that number's webhooks.
        case phoneNumber(String)
        /// `/whatsapp/webhooks`: project-scoped and number-scoped webhooks together.
        case project
    }

    /// Lists webhooks in a scope (page style); filters are the API's query names (`kind`, `active`).
    public func webhooks(_ scope: WebhookScope, page: Int = 1, perPage: Int = 20, filters: [(String, String)] = [])
        throws(KapsoAPIError) -> Page<Webhook>
    {
        let query = filters + [("page", String(page)), ("per_page", String(perPage))]
        let json: JSONValue
        switch scope {
        case .phoneNumber(let id):
            json = try explainingMissingNumber(id) { () throws(KapsoAPIError) in
                try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/webhooks", query: query))
            }
        case .project:
            json = try perform(platformRequest("/whatsapp/webhooks", query: query))
        }
        return try Page.decode(json, item: Webhook.init(json:))
    }

    /// `GET /whatsapp/webhooks/{id}`; a 404 becomes `webhookNotFound` listing the project's webhook ids.
    public func webhook(_ id: String) throws(KapsoAPIError) -> Webhook {
        let json: JSONValue
        do throws(KapsoAPIError) {
            json = try perform(platformRequest("/whatsapp/webhooks/\(percentEncode(id))"))
        } catch .notFound {
            throw .webhookNotFound(id: id, known: (try? webhooks(.project, perPage: 100).items) ?? [])
        }
        guard let object = json["data"]?.object else { throw .badShape("webhook response without 'data'") }
        return try Webhook(json: object)
    }
}
