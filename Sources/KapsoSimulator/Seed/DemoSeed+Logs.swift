// MARK: - Webhook deliveries and API logs

extension DemoSeed {
    private static let inboxKey = (id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", name: "inbox-backend", ip: "203.0.113.24")
    private static let opsKey = (id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e02", name: "ops-laptop", ip: "198.51.100.7")
    private static let syncKey = (id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e03", name: "history-sync", ip: "192.0.2.55")

    static func addDeliveries(to story: inout StoryBuilder) {
        let hooks = Dictionary(uniqueKeysWithValues: story.data.webhooks.map { ($0.id, $0.json) })
        func hook(_ id: String) -> JSONObject { hooks[id] ?? [:] }
        let messages = story.data.messages.sorted { $0.sortTime < $1.sortTime }
        var failures = 0
        for message in messages where !Story.scripted.contains(message.id) {
            let kapso = message.json["kapso"] ?? .null
            let inbound = kapso["direction"]?.stringValue == "inbound"
            let event = inbound ? "whatsapp.message.received" : "whatsapp.message.sent"
            let contact = kapso["phone_number"]?.stringValue
            let created = message.sortTime.adding(seconds: 1)
            if kapso["phone_number_id"]?.stringValue == support {
                story.delivery(event: event, webhook: hook(Webhook.supportMessages), contact: contact, createdAt: created, outcome: .delivered())
                continue
            }
            story.delivery(event: event, webhook: hook(Webhook.salesLegacy), contact: contact, createdAt: created, outcome: .delivered())
            failures += 1
            let recent = story.now.micros - created.micros < 2 * 3_600_000_000
            let outcome: DeliveryOutcome =
                recent ? .retrying(status: 503, attempts: 2) : .failed(status: failures % 3 == 0 ? nil : 500)
            story.delivery(event: event, webhook: hook(Webhook.salesAnalytics), contact: contact, createdAt: created, outcome: outcome)
        }
        addScriptedDeliveries(to: &story, hook: hook)
    }

    // The four rows of fixtures/webhook_deliveries.list.json, and the paused webhook's earlier timeouts.
    private static func addScriptedDeliveries(to story: inout StoryBuilder, hook: (String) -> JSONObject) {
        let messages = hook(Webhook.supportMessages)
        let conversations = hook(Webhook.supportConversations)
        story.delivery(
            id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c01", event: "whatsapp.message.received", webhook: messages,
            contact: "14155550142", createdAt: story.at("2026-11-20T14:30:06Z"), outcome: .delivered())
        story.delivery(
            id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c04", event: "whatsapp.message.sent", webhook: messages,
            contact: "14155550142", createdAt: story.at("2026-11-20T14:32:11Z"),
            outcome: .retrying(status: 503, attempts: 2))
        story.delivery(
            event: "whatsapp.message.sent", webhook: messages, contact: "14155550157",
            createdAt: story.at("2026-11-20T09:15:01Z"), outcome: .delivered())
        story.delivery(
            id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02", event: "whatsapp.message.failed", webhook: messages,
            contact: "14155550157", createdAt: story.at("2026-11-20T09:15:03Z"), outcome: .failed(status: 500))
        story.delivery(
            id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c03", event: "whatsapp.conversation.inactive", webhook: conversations,
            contact: "14155550157", createdAt: story.at("2026-11-20T06:44:20Z"), outcome: .failed(status: nil))
        for (offset, contact) in ["14155550203", "14155550205", "14155550142"].enumerated() {
            story.delivery(
                event: "whatsapp.conversation.inactive", webhook: conversations, contact: contact,
                createdAt: story.at("2026-11-19T21:10:00Z").adding(seconds: Int64(offset) * 9_000),
                outcome: .failed(status: nil))
        }
        story.delivery(
            event: "whatsapp.phone_number.created", webhook: hook(Webhook.projectCRM), contact: nil,
            createdAt: story.at("2026-11-12T17:40:05Z"), outcome: .delivered())
    }

    static func addAPILogs(to story: inout StoryBuilder) {
        let sends = "/meta/whatsapp/v24.0/\(support)/messages"
        for message in story.data.messages where message.json["kapso"]?["direction"]?.stringValue == "outbound" {
            guard !Story.scripted.contains(message.id),
                message.json["kapso"]?["phone_number_id"]?.stringValue == support
            else { continue }
            story.apiLog("POST", sends, status: 200, milliseconds: 180 + story.number(below: 400), at: message.sortTime, key: inboxKey)
        }
        story.apiLog(
            id: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d01", "POST", sends, status: 200, milliseconds: 412,
            at: story.at("2026-11-20T14:32:10Z"), key: inboxKey)
        story.apiLog(
            id: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02", "POST", sends, status: 422, milliseconds: 288,
            at: story.at("2026-11-20T09:15:00Z"), key: inboxKey, error: "(#131047) Re-engagement message")
        story.apiLog(
            id: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d03", "GET", "/platform/v1/whatsapp/phone_numbers/\(sales)/health",
            status: 429, milliseconds: 3, at: story.at("2026-11-20T08:59:58Z"), key: opsKey, error: "Rate limit exceeded")
        story.apiLog(
            id: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d04", "GET", "/platform/v1/whatsapp/messages", status: 200,
            milliseconds: 95, at: story.at("2026-11-20T08:58:40Z"), key: opsKey)
        // A history sync configured with the WABA id instead of a phone-number id: 404 every 30 minutes.
        for step in 0..<48 {
            let time = story.at("2026-11-20T12:05:00Z").adding(seconds: Int64(step) * 1_800)
            if step % 2 == 0 {
                story.apiLog(
                    "GET", "/meta/whatsapp/v24.0/\(waba)/messages", status: 404, milliseconds: 21, at: time,
                    key: syncKey,
                    error: "(#100) Unsupported get request. Object with ID '\(waba)' does not exist")
            } else {
                story.apiLog(
                    "GET", "/platform/v1/whatsapp/phone_numbers/\(waba)", status: 404, milliseconds: 14, at: time,
                    key: syncKey, error: SimulatorState.phoneNumberNotFound)
            }
        }
    }
}
