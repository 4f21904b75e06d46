/// `scale:N`: the Support Line with N messages, N webhook deliveries and N API log entries spread over 29
/// days, for benchmarks.
///
/// Messages, and deliveries then API logs, are written by two copies of one story at once, each skipping the
/// other's random draws, so the result is the same as writing message 1, delivery 1, message 2, ... in turn,
/// then the API logs.
enum ScaleSeed {
    // Random draws per message (its WAMID's hex) and per delivery (its UUID).
    private static let messageDraws = 20
    private static let deliveryDraws = 32

    static func make(count: Int, now: Timestamp) -> SeedData {
        var story = StoryBuilder(now: now, randomSeed: 7)
        story.phoneNumber(DemoSeed.supportLine(story), health: nil)
        let webhook = DemoSeed.webhooks(story)[0]
        story.webhook(webhook)
        let span: Int64 = 29 * 86_400
        let start = story.now.adding(seconds: -span)
        let contacts = max(1, count / 20)
        var conversationIDs: [String] = []
        var contactNumbers: [String] = []
        for index in 0..<contacts {
            let id = story.uuid()
            let contact = "1415556" + String(index % 10_000).leftPadded(to: 4)
            conversationIDs.append(id)
            contactNumbers.append(contact)
            story.conversation(
                ConversationJSON.make(
                    id: id, contact: contact, contactName: "Contact \(index + 1)", phoneNumberID: DemoSeed.support,
                    createdAt: start))
        }
        @Sendable func time(_ index: Int) -> Timestamp {
            start.adding(seconds: span * Int64(index) / Int64(max(count, 1)))
        }
        let shared = story
        let (messages, deliveries) = concurrently(
            {
                var story = shared
                story.reserve(messages: count, deliveries: 0, apiLogs: 0)
                for index in 0..<count {
                    let inbound = index % 2 == 0
                    story.message(
                        in: conversationIDs[index % contacts], at: time(index), inbound: inbound,
                        MessageJSON.Content(body: "Message \(index + 1)"), status: inbound ? "delivered" : "read")
                    story.skipDraws(deliveryDraws)
                }
                return story.build()
            },
            { [contactNumbers] in
                var story = shared
                story.reserve(messages: 0, deliveries: count, apiLogs: count)
                let target = story.target(webhook)
                for index in 0..<count {
                    story.skipDraws(messageDraws)
                    let outcome: DeliveryOutcome = index % 10 == 9 ? .failed(status: 500) : .delivered()
                    story.delivery(
                        event: index % 2 == 0 ? "whatsapp.message.received" : "whatsapp.message.sent", to: target,
                        contact: contactNumbers[index % contacts], createdAt: time(index).adding(seconds: 1),
                        outcome: outcome)
                }
                for index in 0..<count { addAPILog(index, at: time(index).adding(micros: 400_000), to: &story) }
                return (story.data.deliveries, story.data.apiLogs)
            })
        var data = messages
        (data.deliveries, data.apiLogs) = deliveries
        data.projectID = DemoSeed.projectID
        return data
    }

    private static let inbox = (id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", name: "inbox-backend", ip: "203.0.113.24")
    private static let ops = (id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e02", name: "ops-laptop", ip: "198.51.100.7")

    // Mostly sends from the inbox backend (1 in 25 refused with 131047), with reads and health checks between.
    private static func addAPILog(_ index: Int, at time: Timestamp, to story: inout StoryBuilder) {
        let sends = "/meta/whatsapp/v24.0/\(DemoSeed.support)/messages"
        switch index % 5 {
        case 0, 1, 2:
            let refused = index % 25 == 0
            story.apiLog(
                "POST", sends, status: refused ? 422 : 200, milliseconds: 150 + story.number(below: 400), at: time,
                key: inbox, error: refused ? "(#131047) Re-engagement message" : nil)
        case 3:
            story.apiLog(
                "GET", "/platform/v1/whatsapp/messages", status: 200, milliseconds: 40 + story.number(below: 120),
                at: time, key: ops)
        default:
            let limited = index % 50 == 4
            story.apiLog(
                "GET", "/platform/v1/whatsapp/phone_numbers/\(DemoSeed.support)/health", status: limited ? 429 : 200,
                milliseconds: limited ? 3 : 600 + story.number(below: 900), at: time, key: ops,
                error: limited ? "Rate limit exceeded" : nil)
        }
    }
}
