import KapsoDiagnostics
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG3: the 202 that rules a failed 204's status out was cited as "a 202 of another webhook of the project
/// (hooks.example.com/v2/kapso)", the URL its delivery was sent to, which was the failing webhook's OWN URL: the
/// engineer sent to "the other webhook's" receiver log opened the failing one's. The other webhook is now named by
/// id with the delivery's id, and a delivery sent to the failing webhook's URL is said to be that: two webhooks, one
/// URL. Seed: ae4-other-202 with the 202 of webhook …f2 sent to …f1's URL (tester58b's dl2 shape).
@Suite struct AG3OtherWebhookSameURLTests {
    static let sameURL =
        "yet a 202 of another webhook of the project, sent to this same URL (webhook 11111111-0000-4000-8000-0000000000f2, "
        + "delivery 22222222-0000-4000-8000-000000000002: two webhooks, one URL) was counted delivered"

    @Test(arguments: ["errors", "webhooks check"])
    func aDeliveryToTheSameURLIsSaidToBeOne(command: String) async throws {
        let reading = try await AE4AcceptedStatusAgreeTests.reading(command, seed: "ag3-same-url-202.seed.json")
        #expect(reading.contains(Self.sameURL), "\(reading)")
        #expect(!reading.contains("(hooks.example.com/v2/kapso)"), "\(reading)")
        #expect(reading.contains("the status is likely not the cause"), "\(reading)")
    }

    /// Pure: the same URL is told from another by the failing webhook's URL; the ids name whose delivery it was.
    @Test func theFailingWebhooksURLDecidesSameURL() {
        let other = WebhookVerdict.Delivery(
            id: "d2", event: "whatsapp.message.received", status: "delivered", http: 202, created: 1_000,
            url: "https://hooks.example.com/in", webhookID: "w2")
        let same = AcceptedAnswer.among(own: [], project: [other], url: "https://hooks.example.com/in")
        #expect(same?.whose == "a 202 of another webhook of the project, sent to this same URL (webhook w2, delivery d2: two webhooks, one URL)")
        let elsewhere = AcceptedAnswer.among(own: [], project: [other], url: "https://mine.example.com/in")
        #expect(elsewhere?.whose == "a 202 of another webhook of the project (webhook w2, delivery d2, to hooks.example.com/in)")
    }
}
