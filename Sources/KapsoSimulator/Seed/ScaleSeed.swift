/// `scale:N`: the Support Line with N messages and N webhook deliveries spread over 29 days, for benchmarks.
enum ScaleSeed {
    static func make(count: Int, now: Timestamp) -> SeedData {
        var story = StoryBuilder(now: now, randomSeed: 7)
        story.phoneNumber(DemoSeed.supportLine(story), health: nil)
        let webhook = DemoSeed.webhooks(story)[0]
        story.webhook(webhook)
        let span: Int64 = 29 * 86_400
        let start = story.now.adding(seconds: -span)
        let contacts = max(1, count / 20)
        var conversationIDs: [String] = []
        for index in 0..<contacts {
            let id = story.uuid()
            conversationIDs.append(id)
            story.conversation(
                ConversationJSON.make(
                    id: id, contact: "1415556" + String(index % 10_000).leftPadded(to: 4), contactName: "Contact \(index + 1)",
                    phoneNumberID: DemoSeed.support, createdAt: start))
        }
        for index in 0..<count {
            let time = start.adding(seconds: span * Int64(index) / Int64(max(count, 1)))
            let inbound = index % 2 == 0
            let message = story.message(
                in: conversationIDs[index % contacts], at: time, inbound: inbound,
                MessageJSON.Content(body: "Message \(index + 1)"), status: inbound ? "delivered" : "read")
            let outcome: DeliveryOutcome = index % 10 == 9 ? .failed(status: 500) : .delivered()
            story.delivery(
                event: inbound ? "whatsapp.message.received" : "whatsapp.message.sent", webhook: webhook,
                contact: message["kapso"]?["phone_number"]?.stringValue, createdAt: time.adding(seconds: 1),
                outcome: outcome)
        }
        var data = story.build()
        data.projectID = DemoSeed.projectID
        return data
    }
}
