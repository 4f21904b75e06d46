public import KopsHTTP

extension KapsoClient {
    /// `GET /meta/whatsapp/{metaVersion}/{business_account_id}/message_templates` (kapso-api.md §14.3).
    ///
    /// Filters are Graph's query names (`name`, `status`, `category`, `language`). Graph's paging gives
    /// `next` as a URL; the page's position is `paging.cursors.after` when `next` is present, else the end.
    public func templates(businessAccountID: String, filters: [(String, String)] = [], limit: Int = 100, after: String? = nil)
        throws(KapsoAPIError) -> Page<JSONObject>
    {
        var url = baseURL + "/meta/whatsapp/\(metaVersion)/\(percentEncode(businessAccountID))/message_templates"
        let query = filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? [])
        url += "?" + query.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(
            method: "GET", url: url, headers: [HTTPHeader("X-API-Key", secret: apiKey), HTTPHeader("Accept", "application/json")])
        let json = try perform(request)
        guard let rows = json["data"]?.array else { throw .badShape("template list without a 'data' array") }
        var items: [JSONObject] = []
        items.reserveCapacity(rows.count)
        for row in rows {
            guard let object = row.object else { throw .badShape("template list item that is not an object") }
            try RequiredField.check([.string("name")], in: object, of: "template list item")
            items.append(object)
        }
        let next = json["paging"]?["next"]?.string != nil ? json["paging"]?["cursors"]?["after"]?.string : nil
        return Page(items: items, position: .cursor(next: next), json: json)
    }

    /// A contact's marketing preference on one number: `stopped`, `resumed`, or nil when none is recorded
    /// (Kapso answers 404 `Marketing preference not found`, which means subscribed).
    ///
    /// `GET /platform/v1/whatsapp/contacts/{identifier}/marketing_preferences/{phone_number_id}` (Kapso docs,
    /// "Get marketing preference"; docs/templates.md). Other 404s (unknown contact or number) are thrown.
    public func marketingPreference(contact: String, phoneNumberID: String) throws(KapsoAPIError) -> String? {
        let request = marketingPreferenceRequest(contact: contact, phoneNumberID: phoneNumberID)
        let response: HTTPResponse
        do { response = try transport.send(request) } catch { throw .transport(error) }
        tellAnswered(request, response)
        return try marketingPreference(from: response, for: request)
    }

    /// The request behind `marketingPreference(contact:phoneNumberID:)`, for sending it with others at once.
    public func marketingPreferenceRequest(contact: String, phoneNumberID: String) -> HTTPRequest {
        platformRequest("/whatsapp/contacts/\(percentEncode(contact))/marketing_preferences/\(percentEncode(phoneNumberID))")
    }

    /// Reads a marketing preference fetched elsewhere (e.g. with `sendAll`).
    public func marketingPreference(from response: HTTPResponse, for request: HTTPRequest) throws(KapsoAPIError) -> String? {
        do throws(KapsoAPIError) {
            return try decode(response, for: request)["data"]?["status"]?.string
        } catch .notFound(let path, let message) {
            // No preference recorded, or a contact Kapso has no record of: subscribed either way.
            if message == "Marketing preference not found" || message == "WhatsApp contact not found" { return nil }
            throw .notFound(path: path, message: message)
        }
    }

    /// The request for `GET /whatsapp/phone_numbers/{id}`, for sending it with others at once.
    public func phoneNumberRequest(_ id: String) -> HTTPRequest {
        platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))")
    }
}
