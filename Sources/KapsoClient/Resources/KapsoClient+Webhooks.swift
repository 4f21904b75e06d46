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
        let shape = { (json: JSONValue) throws(KapsoAPIError) in try Page.decode(json, item: Webhook.init(json:)) }
        switch scope {
        case .phoneNumber(let id):
            return try explainingMissingNumber(id) { () throws(KapsoAPIError) in
                try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/webhooks", query: query), shape: shape)
            }
        case .project:
            return try perform(platformRequest("/whatsapp/webhooks", query: query), shape: shape)
        }
    }

    /// Every webhook of `scope`, following pages (100 a page, at most 100 pages), as `allPhoneNumbers` does: a check that
    /// reads only the first page takes it for the whole list (tester53 T16: of 105 webhooks, `webhooks check` read 100
    /// and said no active webhook receives an event the 105th receives).
    /// `first`: the first page when it was read already (asked with `per_page` 100 and `filters`), so it is not asked again.
    public func allWebhooks(_ scope: WebhookScope, filters: [(String, String)] = [], after first: Page<Webhook>? = nil)
        throws(KapsoAPIError) -> [Webhook]
    {
        let first = if let first { first } else { try webhooks(scope, page: 1, perPage: 100, filters: filters) }
        return try first.withLaterPages { page throws(KapsoAPIError) in
            try webhooks(scope, page: page, perPage: 100, filters: filters)
        }
    }

    /// A page of the project's webhooks, the request `webhooks(.project, page:perPage:)` sends, read to find one by id:
    /// each item is cut down to what `Webhook.init` checks (`Webhook.checkedKeys`) without its tree being built, and
    /// `Page.whole(at:item:)` parses the one wanted from its bytes (docs/performance.md, "Session 36 (replay)").
    /// `received` is told of the cut-down page, as `performList(_:keeping:)` tells it.
    public func webhookIDs(page: Int, perPage: Int) throws(KapsoAPIError) -> Page<Webhook> {
        let query = [("page", String(page)), ("per_page", String(perPage))]
        return try performList(platformRequest("/whatsapp/webhooks", query: query), keeping: Webhook.checkedKeys) {
            list throws(KapsoAPIError) in try Page.decode(list, item: Webhook.init(json:))
        }
    }

    /// `GET /whatsapp/webhooks/{id}`; a 404 becomes `webhookNotFound` listing the project's webhook ids. Read in `perform`'s
    /// shape, as `message` is: a body without `data` is not counted as one the host served (`unserved`).
    public func webhook(_ id: String) throws(KapsoAPIError) -> Webhook {
        do throws(KapsoAPIError) {
            return try perform(platformRequest("/whatsapp/webhooks/\(percentEncode(id))")) { json throws(KapsoAPIError) in try webhook(from: json) }
        } catch .notFound {
            throw .webhookNotFound(id: id, known: try listAfterNotFound { () throws(KapsoAPIError) in try webhooks(.project, perPage: 100).items })
        }
    }

    /// `POST` a new webhook in a scope with `{"whatsapp_webhook": fields}`; 422 carries field errors.
    public func createWebhook(_ scope: WebhookScope, fields: JSONObject) throws(KapsoAPIError) -> Webhook {
        let body: JSONValue = .object(["whatsapp_webhook": .object(fields)])
        let json: JSONValue
        switch scope {
        case .phoneNumber(let id):
            json = try explainingMissingNumber(id) { () throws(KapsoAPIError) in
                try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/webhooks", method: "POST", body: body))
            }
        case .project:
            json = try perform(platformRequest("/whatsapp/webhooks", method: "POST", body: body))
        }
        return try webhook(from: json)
    }

    /// `PATCH /whatsapp/webhooks/{id}` with the given subset of fields.
    public func updateWebhook(_ id: String, fields: JSONObject) throws(KapsoAPIError) -> Webhook {
        let body: JSONValue = .object(["whatsapp_webhook": .object(fields)])
        let json = try explainingMissingWebhook(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/webhooks/\(percentEncode(id))", method: "PATCH", body: body))
        }
        return try webhook(from: json)
    }

    /// `DELETE /whatsapp/webhooks/{id}` (204).
    public func deleteWebhook(_ id: String) throws(KapsoAPIError) {
        _ = try explainingMissingWebhook(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/webhooks/\(percentEncode(id))", method: "DELETE"))
        }
    }

    /// `POST /whatsapp/webhooks/{id}/test`, with `{"event_type": event}` when given; the API queues a sample delivery.
    public func testWebhook(_ id: String, event: String?) throws(KapsoAPIError) {
        let body: JSONValue = .object(event.map { ["event_type": .string($0)] } ?? [:])
        _ = try explainingMissingWebhook(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/webhooks/\(percentEncode(id))/test", method: "POST", body: body))
        }
    }

    private func webhook(from json: JSONValue) throws(KapsoAPIError) -> Webhook {
        guard let object = json["data"]?.object else { throw .badShape(KapsoAPIError.noData("webhook")) }
        return try Webhook(json: object)
    }

    /// Runs a call about one webhook; on 404 lists the project's webhook ids so the error can name them.
    func explainingMissingWebhook<T>(_ id: String, _ call: () throws(KapsoAPIError) -> T) throws(KapsoAPIError) -> T {
        do throws(KapsoAPIError) {
            return try call()
        } catch .notFound {
            throw .webhookNotFound(id: id, known: try listAfterNotFound { () throws(KapsoAPIError) in try webhooks(.project, perPage: 100).items })
        }
    }
}
