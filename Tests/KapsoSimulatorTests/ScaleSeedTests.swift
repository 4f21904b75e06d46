import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct ScaleSeedTests {
    /// The two halves written at once equal the story written one record at a time.
    @Test func parallelSeed_EqualsTheSequentialStory() {
        let count = 400
        let now = SimulatorClock.reference
        let seed = ScaleSeed.make(count: count, now: now)

        var story = StoryBuilder(now: now, randomSeed: 7)
        story.phoneNumber(DemoSeed.supportLine(story), health: nil)
        let webhook = DemoSeed.webhooks(story)[0]
        story.webhook(webhook)
        let span: Int64 = 29 * 86_400
        let start = story.now.adding(seconds: -span)
        let contacts = count / 20
        var ids: [String] = []
        for index in 0..<contacts {
            ids.append(story.uuid())
            story.conversation(
                ConversationJSON.make(
                    id: ids[index], contact: "1415556" + String(index).leftPadded(to: 4),
                    contactName: "Contact \(index + 1)", phoneNumberID: DemoSeed.support, createdAt: start))
        }
        for index in 0..<count {
            let time = start.adding(seconds: span * Int64(index) / Int64(count))
            let message = story.message(
                in: ids[index % contacts], at: time, inbound: index % 2 == 0, MessageJSON.Content(body: "Message \(index + 1)"),
                status: index % 2 == 0 ? "delivered" : "read")
            story.delivery(
                event: index % 2 == 0 ? "whatsapp.message.received" : "whatsapp.message.sent", webhook: webhook,
                contact: message["kapso"]?["phone_number"]?.stringValue, createdAt: time.adding(seconds: 1),
                outcome: index % 10 == 9 ? .failed(status: 500) : .delivered())
        }
        let sequential = story.build()

        #expect(seed.messages.map(\.json) == sequential.messages.map(\.json))
        #expect(seed.messages.map(\.cursorID) == sequential.messages.map(\.cursorID))
        #expect(seed.deliveries.map(\.json) == sequential.deliveries.map(\.json))
        #expect(seed.conversations.map(\.json) == sequential.conversations.map(\.json))
        #expect(seed.apiLogs.count == count)
        #expect(Set(seed.apiLogs.map(\.id)).count == count)
    }

    @Test func scaleSeed_PagesThroughEveryDeliveryAndAPILogOnce() async throws {
        let (deliveries, logs) = try await withSimulator(seed: .scale(5_000)) { simulator in
            try await requests(to: simulator) { client -> ([String], [String]) in
                func walk(_ path: String) throws -> [String] {
                    var ids: [String] = []
                    var after: String?
                    repeat {
                        let query = after.map { "&after=\(QueryEncoding.escape($0))" } ?? ""
                        let page = try client.request("GET", path + query).json
                        ids += page["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                        after = page["paging"]?["next"]?.stringValue
                    } while after != nil
                    return ids
                }
                return (
                    try walk("\(platform)/webhook_deliveries?period=30d&limit=100"),
                    try walk("\(platform)/api_logs?period=30d&limit=100")
                )
            }
        }
        #expect(deliveries.count == 5_000)
        #expect(Set(deliveries).count == 5_000)
        // The seeded entries, plus those of the requests made while walking.
        #expect(logs.count >= 5_000)
        #expect(Set(logs).count == logs.count)
    }
}
