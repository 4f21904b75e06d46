internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Fetches what `IDResolver` needs for one id: every look-up at once through the transport's
/// `sendAll` (curl multi); a look-up that fails (timeout, 429, 5xx) is named in `unchecked`, the
/// others still count.
enum IDLookups {
    /// The facts, and the error of each look-up that failed (for the exit status).
    static func fetch(_ lookups: [IDResolver.Lookup], client: KapsoClient) -> (facts: IDResolver.Facts, errors: [any KopsError]) {
        var errors: [any KopsError] = []
        let requests = lookups.map { request(for: $0, client: client) }
        let responses = client.transport.sendAll(requests)
        var facts = IDResolver.Facts()
        for (index, lookup) in lookups.enumerated() {
            do {
                let json = try client.decode(try responses[index].get(), for: requests[index])
                try add(json, of: lookup, to: &facts, client: client)
            } catch KapsoAPIError.notFound {
                // A conversation or message id that is not one: an answer, not a failure.
            } catch let error as any KopsError {
                facts.unchecked.append("\(lookup.part) (\(error.message))")
                facts.failed.append(lookup)
                errors.append(error)
            } catch {
                facts.unchecked.append("\(lookup.part) (\(error))")
                facts.failed.append(lookup)
            }
        }
        return (facts, errors)
    }

    private static func request(for lookup: IDResolver.Lookup, client: KapsoClient) -> HTTPRequest {
        let recent = [("period", "30d"), ("limit", "100")]
        switch lookup {
        case .phoneNumbers:
            return client.platformRequest("/whatsapp/phone_numbers", query: [("page", "1"), ("per_page", "100")])
        case .webhooks:
            return client.platformRequest("/whatsapp/webhooks", query: [("page", "1"), ("per_page", "100")])
        case .conversation(let id):
            return client.conversationRequest(id)
        case .message(let id):
            return client.platformRequest("/whatsapp/messages/\(percentEncode(id))")
        case .contactConversations(let digits):
            return client.platformRequest("/whatsapp/conversations", query: [("phone_number", digits), ("limit", "100")])
        case .userMessages(let id):
            return client.messagesRequest(filters: [("business_scoped_user_id", id)], limit: 100)
        case .apiLogsMentioning(let id):
            return client.apiLogsRequest([("endpoint", id)] + recent)
        case .recentAPILogs:
            return client.apiLogsRequest(recent)
        case .recentDeliveries:
            return client.webhookDeliveriesRequest(recent)
        }
    }

    private static func add(
        _ json: JSONValue, of lookup: IDResolver.Lookup, to facts: inout IDResolver.Facts, client: KapsoClient
    ) throws(KapsoAPIError) {
        switch lookup {
        case .phoneNumbers:
            let page = try Page.decode(json, item: PhoneNumber.init(json:))
            facts.numbers = page.hasMore ? try client.allPhoneNumbers() : page.items
        case .webhooks:
            facts.webhooks = try Page.decode(json, item: Webhook.init(json:)).items
        case .conversation:
            facts.conversations.append(try Conversation(fromResponse: json))
        case .message:
            guard let object = json["data"]?.object else { throw .badResponse(status: 200, detail: "message response without 'data'", firstBytes: "") }
            facts.messages.append(try Message(json: object))
        case .contactConversations:
            facts.conversations += try Page.decode(json, item: Conversation.init(json:)).items
        case .userMessages:
            facts.messages += try Page.decode(json, item: Message.init(json:)).items
        case .apiLogsMentioning, .recentAPILogs:
            facts.apiLogs += try client.apiLogs(from: json).items
        case .recentDeliveries:
            facts.deliveries += try client.webhookDeliveries(from: json).items
        }
    }
}
