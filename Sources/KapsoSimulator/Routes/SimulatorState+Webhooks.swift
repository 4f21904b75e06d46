// MARK: - Webhook configuration (both scopes)

extension SimulatorState {
    static let webhookNotFound = "Webhook not found"

    /// `GET /whatsapp/phone_numbers/{id}/webhooks`: that number's webhooks, page style, with filters.
    func listNumberWebhooks(_ phoneNumberID: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        _ = try phoneNumber(phoneNumberID)
        return try listWebhooks(request, scope: phoneNumberID)
    }

    /// `GET /whatsapp/webhooks`: project- and number-scoped webhooks alike.
    func listWebhooks(_ request: APIRequest) throws(APIError) -> APIResponse {
        try listWebhooks(request, scope: nil)
    }

    private func listWebhooks(_ request: APIRequest, scope: String?) throws(APIError) -> APIResponse {
        let page = try PageQuery.parse(request.query)
        let query = request.query
        let active = try boolFilter(query, "active")
        let createdAfter = try timeFilter(query, "created_after")
        let createdBefore = try timeFilter(query, "created_before")
        if let kind = query["kind"], kind != "kapso", kind != "meta" { throw .badRequest("Invalid kind parameter") }
        let items = webhooks.records.filter { record in
            let json = record.json
            if let scope, json["phone_number_id"]?.stringValue != scope { return false }
            if let kind = query["kind"], json["kind"]?.stringValue != kind { return false }
            if let active, json["active"]?.boolValue != active { return false }
            if let part = query["url_contains"], !(json["url"]?.stringValue ?? "").contains(part) { return false }
            if let after = createdAfter, record.sortTime < after { return false }
            if let before = createdBefore, record.sortTime > before { return false }
            return true
        }
        return page.response(for: items.map { .object($0.json) }, request: request)
    }

    /// The webhook `id`; with `phoneNumberID`, the number must exist and own it. 404 otherwise.
    func webhook(_ id: String, on phoneNumberID: String?) throws(APIError) -> Record {
        if let phoneNumberID { _ = try phoneNumber(phoneNumberID) }
        guard let record = webhooks[id],
            phoneNumberID == nil || record.json["phone_number_id"]?.stringValue == phoneNumberID
        else { throw .notFound(Self.webhookNotFound) }
        return record
    }

    /// `POST` on either scope: validates the `whatsapp_webhook` body and answers 201 with the new webhook.
    func createWebhook(_ request: APIRequest, scopedTo phoneNumberID: String?, now: Timestamp) throws(APIError)
        -> APIResponse
    {
        if let phoneNumberID { _ = try phoneNumber(phoneNumberID) }
        var fields = try WebhookForm.fields(from: request)
        try WebhookForm.refuseUnsupportedEvents(in: fields)
        if let phoneNumberID { fields["phone_number_id"] = .string(phoneNumberID) }
        let scope = fields["phone_number_id"]?.stringValue
        if let scope, phoneNumbers[scope] == nil { throw .notFound(Self.phoneNumberNotFound) }
        let id = ids.uuid()
        var form = WebhookForm(
            id: id, projectID: projectID, createdAt: now, numberScoped: phoneNumberID != nil)
        var errors = form.apply(fields, isCreate: true)
        errors += duplicateMetaErrors(form.json, excluding: id)
        guard errors.isEmpty else { throw .validation(errors) }
        webhooks.insert(Record(id: id, sortTime: now, json: form.json))
        return .data(.object(form.json), status: 201)
    }

    /// `PATCH` on either scope: partial update; `kind` cannot change.
    func updateWebhook(_ id: String, on phoneNumberID: String?, _ request: APIRequest, now: Timestamp)
        throws(APIError) -> APIResponse
    {
        let record = try webhook(id, on: phoneNumberID)
        let fields = try WebhookForm.fields(from: request)
        try WebhookForm.refuseUnsupportedEvents(in: fields)
        var form = WebhookForm(existing: record.json, numberScoped: phoneNumberID != nil)
        var errors = form.apply(fields, isCreate: false)
        errors += duplicateMetaErrors(form.json, excluding: id)
        guard errors.isEmpty else { throw .validation(errors) }
        form.json["updated_at"] = .string(now.iso)
        webhooks.update(id: id) { $0.json = form.json }
        return .data(.object(form.json))
    }

    /// `DELETE` on either scope: 204, empty body.
    func deleteWebhook(_ id: String, on phoneNumberID: String?) throws(APIError) -> APIResponse {
        _ = try webhook(id, on: phoneNumberID)
        webhooks.remove(id: id)
        return .noContent
    }

    private func duplicateMetaErrors(_ json: JSONObject, excluding id: String) -> [(field: String, message: String)] {
        guard json["kind"]?.stringValue == "meta", let scope = json["phone_number_id"]?.stringValue else { return [] }
        let taken = webhooks.records.contains {
            $0.id != id && $0.json["kind"]?.stringValue == "meta" && $0.json["phone_number_id"]?.stringValue == scope
        }
        return taken ? [("kind", "meta webhook already exists for this phone number")] : []
    }
}
