internal import KapsoDiagnostics

// MARK: - Meta proxy sends and webhook tests

extension SimulatorState {
    var counts: (requests: Int, deliveries: Int) { (requestCount, deliveryCount) }

    /// `POST /whatsapp/webhooks/{id}/test`: queues a sample of `event_type` (JSON body or query) to the webhook.
    func testWebhook(_ id: String, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        let webhook = try self.webhook(id, on: nil).json
        var bodyEvent: String?
        if !request.body.isEmpty, let value = try request.jsonObject()["event_type"] {
            // The spec types `event_type` as a string; `null` is refused like any other non-string.
            guard let name = value.stringValue, !name.isEmpty else {
                throw .validation([("event_type", "must be an event name such as whatsapp.message.received")])
            }
            bodyEvent = name
        }
        let subscribed = webhook["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let isMeta = webhook["kind"]?.stringValue == "meta"
        guard let event = bodyEvent ?? request.query["event_type"] ?? subscribed.first ?? (isMeta ? "whatsapp.message.received" : nil)
        else { throw APIError(.error(422, "Webhook has no events to test")) }
        guard isMeta || subscribed.contains(event) else {
            throw APIError(.error(422, "Webhook is not subscribed to event \(event)"))
        }
        let scope = webhook["phone_number_id"]?.stringValue
        let number = scope.flatMap { phoneNumbers[$0]?.json } ?? phoneNumbers.records.first?.json
        let body: JSONValue
        var contact: String?
        if event.hasPrefix("whatsapp.message."), let number, let message = sampleMessage(for: event, scope: scope),
            let conversation = message.json["kapso"]?["whatsapp_conversation_id"]?.stringValue.flatMap({ conversations[$0] })
        {
            body = WebhookPayload.message(
                event: event, message: message.json, conversation: conversation.json, number: number, webhook: webhook,
                sequence: Int(message.cursorID))
            contact = ConversationJSON.contact(of: conversation.json)
        } else if event.hasPrefix("whatsapp.conversation."),
            let conversation = conversations.records.first(where: { scope == nil || $0.json["phone_number_id"]?.stringValue == scope })
        {
            body = WebhookPayload.conversation(event: event, conversation: conversation.json, webhook: webhook)
            contact = ConversationJSON.contact(of: conversation.json)
        } else if let sample = WebhookPayload.catalogueSample(event, version: webhook["payload_version"]?.stringValue) {
            body = sample
        } else {
            body = WebhookPayload.project(event: event, projectID: projectID, number: number)
        }
        deliver(event: event, body: body, to: webhook, contact: contact, now: now)
        return .data(["success": true])
    }

    /// The newest message of the webhook's number that fits `event`: inbound for `received`, else outbound,
    /// preferring one whose status is the event's (`failed`, `read`, ...).
    private func sampleMessage(for event: String, scope: String?) -> Record? {
        let direction = event == "whatsapp.message.received" ? "inbound" : "outbound"
        let status = event.split(separator: ".").last.map(String.init) ?? ""
        var fallback: Record?
        for record in messages.records {
            let kapso = record.json["kapso"]
            guard scope == nil || kapso?["phone_number_id"]?.stringValue == scope,
                kapso?["direction"]?.stringValue == direction
            else { continue }
            if kapso?["status"]?.stringValue == status || direction == "inbound" { return record }
            if fallback == nil { fallback = record }
        }
        return fallback
    }

    /// `POST /meta/whatsapp/{version}/{phone_number_id}/messages`: Graph-shaped success or error.
    ///
    /// A free-form message to a contact whose last inbound is 24 hours old or more gets 422 with Graph error
    /// 131047; a recipient the project has never talked to gets 422 with 131026. Templates open new windows
    /// and are checked like Meta checks them (`checkTemplateSend`), never against the 24-hour window.
    func sendMessage(_ phoneNumberID: String, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        guard let number = phoneNumbers[phoneNumberID] else {
            throw graphError(404, code: 100, type: "GraphMethodException", subcode: 33,
                message: "Unsupported post request. Object with ID '\(phoneNumberID)' does not exist, cannot be loaded due to missing permissions, or does not support this operation")
        }
        guard let body = try? JSONParser.parse(request.body), body.objectValue != nil else {
            throw graphError(400, code: 100, message: "(#100) The request body is not valid JSON")
        }
        guard body["messaging_product"] == "whatsapp" else {
            throw graphError(400, code: 100, message: "(#100) The parameter messaging_product is required.")
        }
        if body["status"] == "read" {
            guard let id = body["message_id"]?.stringValue, messages[id] != nil else {
                throw graphError(400, code: 100, message: "(#100) Invalid parameter message_id")
            }
            return .json(200, ["success": true])
        }
        // `to` (a number) wins over `recipient` (a business-scoped user id) when both are sent (openapi-whatsapp.yaml).
        let contact: String
        let recipient: String
        if let to = body["to"]?.stringValue, !Self.digits(to).isEmpty {
            (contact, recipient) = (Self.digits(to), to)
        } else if let userID = body["recipient"] {
            guard let text = userID.stringValue, BusinessScopedUserID.isValid(text) else {
                throw graphError(
                    400, code: 100,
                    message: "(#100) Invalid parameter recipient: expected a business-scoped user id such as US.13491208655302741918")
            }
            (contact, recipient) = (text, text)
        } else {
            throw graphError(400, code: 100, message: "(#100) The parameter to is required (or recipient, a business-scoped user id).")
        }
        // A public test number reaches only its allowed list, by the digits of `to` (Meta's 131030, HTTP 400, as
        // github.com/Neurotech-HQ/heyoo issue 94 quotes Graph's answer; seed `allowed_recipients`).
        if let allowed = allowedRecipients[phoneNumberID], !BusinessScopedUserID.isValid(contact), !allowed.contains(contact) {
            throw graphError(
                400, code: 131_030, message: "(#131030) Recipient phone number not in allowed list",
                details: "Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.")
        }
        let type = body["type"]?.stringValue ?? "text"
        var content = MessageJSON.Content(type: type, quotedID: body["context"]?["message_id"]?.stringValue)
        switch type {
        case "text":
            guard let text = body["text"]?["body"]?.stringValue, !text.isEmpty else {
                throw graphError(400, code: 100, message: "(#100) The parameter text['body'] is required.")
            }
            content.body = text
        case "template":
            let send = try checkTemplateSend(body, number: number.json, contact: contact)
            content.templateName = send.name
            content.templateLanguage = send.language
            content.templateComponents = send.components
            content.body = send.rendered
            content.templateCategory = send.category
        default:
            content.caption = body[type]?["caption"]?.stringValue
            content.mediaID = body[type]?["id"]?.stringValue ?? ids.hex(12)
        }
        let existing = conversations.records.first {
            $0.json["phone_number_id"]?.stringValue == phoneNumberID && ConversationJSON.contact(of: $0.json) == contact
        }
        let known = existing != nil || conversations.records.contains { ConversationJSON.contact(of: $0.json) == contact }
        guard known else { throw graphError(422, code: 131_026, subcode: 131_026) }
        if type != "template" {
            let lastInbound = existing.flatMap { ConversationJSON.lastInbound($0.json) }
            guard let lastInbound, now.micros - lastInbound.micros < 86_400_000_000 else {
                throw graphError(422, code: 131_047, subcode: 131_047)
            }
        }
        let wamid = MessageJSON.wamid(contact: contact, hex: ids.hex(20))
        record(content, wamid: wamid, to: contact, existing: existing, number: number.json, now: now)
        // Graph names a BSUID recipient by `user_id` and gives no `wa_id` (no phone number is shared).
        let identity: JSONValue = BusinessScopedUserID.isValid(contact)
            ? ["input": .string(recipient), "user_id": .string(contact)]
            : ["input": .string(recipient), "wa_id": .string(contact)]
        return .json(200, ["messaging_product": "whatsapp", "contacts": [identity], "messages": [["id": .string(wamid)]]])
    }

    // Stores a sent message, updates (or opens) its conversation and delivers `whatsapp.message.sent`.
    private func record(
        _ content: MessageJSON.Content, wamid: String, to contact: String, existing: Record?, number: JSONObject,
        now: Timestamp
    ) {
        let phoneNumberID = number["id"]?.stringValue ?? ""
        let known = conversations.records.first { ConversationJSON.contact(of: $0.json) == contact }?.json
        let contactName = known?["kapso"]?["contact_name"]?.stringValue
        let conversation = existing?.json ?? ConversationJSON.make(
            id: ids.uuid(), contact: contact, contactName: contactName, phoneNumberID: phoneNumberID, createdAt: now)
        let conversationID = conversation["id"]?.stringValue ?? ""
        let party = MessageJSON.Party(
            contact: contact, contactName: contactName, phoneNumberID: phoneNumberID, conversationID: conversationID,
            username: known?["username"]?.stringValue)
        let message = MessageJSON.message(id: wamid, at: now, inbound: false, party: party, content: content, status: "sent")
        let sequence = nextMessageSequence
        nextMessageSequence += 1
        messages.insert(Record(id: wamid, sortTime: now, cursorID: String(sequence), json: message))
        var updated = ConversationJSON.applying(message, at: now, to: conversation)
        updated["status"] = "active"
        conversations.insert(Record(id: conversationID, sortTime: now, json: updated))
        emit("message \(wamid) sent to \(contact)")
        emitMessageEvent(
            "whatsapp.message.sent", message: message, sequence: sequence, isNewConversation: existing == nil, at: now)
        scheduleProgression(of: wamid, type: content.type, sentAt: now)
    }

    /// `GET /meta/whatsapp/{version}/{id}/messages`: for an id that is no phone number of the project, Graph's 404
    /// for an unknown object (code 100, subcode 33), as the demo's seeded API log shows for a WABA id used there;
    /// for a real number, a 404 that says the simulator does not serve the proxy history (kapso-api.md §8.4),
    /// never a 405 that would suggest the method is wrong.
    func proxyMessageHistory(_ phoneNumberID: String) -> APIError {
        guard phoneNumbers[phoneNumberID] != nil else {
            return graphError(404, code: 100, type: "GraphMethodException", subcode: 33,
                message: "Unsupported get request. Object with ID '\(phoneNumberID)' does not exist, cannot be loaded due to missing permissions, or does not support this operation")
        }
        return graphError(404, code: 100, type: "GraphMethodException",
            message: "(#100) GET /\(phoneNumberID)/messages (message history) is not served by kapso-sim; list messages with GET /platform/v1/whatsapp/messages?phone_number_id=\(phoneNumberID)")
    }

    func graphError(
        _ status: Int, code: Int, type: String = "OAuthException", subcode: Int? = nil, message: String? = nil,
        details: String? = nil
    ) -> APIError {
        let kind = code >= 130_000 ? "MessageError" : type
        let body = GraphError.body(
            code: code, type: kind, subcode: subcode, message: message, details: details, traceID: ids.hex(23))
        return APIError(.json(status, body))
    }
}
