import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL20: four deliveries of one webhook with statuses Kapso does not document (`retrying`, `queued`, `FAILED`,
/// `cancelled`), each answered HTTP 500 after 2 attempts (the tester's crafted22 seed). Main's build read them as
/// neither delivered nor failed: `deliveries stats` showed "4  0  0  0 %" beside "HTTP 5xx 4", and `webhooks check`
/// said "checked 1 webhook: 0 errors, 0 warnings, 0 info" with only a left-out line. An answer other than 2xx is a failed
/// attempt whatever the status word says; `FAILED` is failed in any case; a status with no telling answer stays unknown.
@Suite struct AL20UndocumentedDeliveryStatusTests {
    static let hook = WebhookAudienceTraceTests.first

    /// A delivery of `hook` with `status`, answered `http` after 2 attempts, at 11:5`minute`.
    static func row(_ index: Int, _ status: String, http: Any = 500) -> [String: Any] {
        var row = WebhookAudienceTraceTests.delivery(index, webhook: hook, at: "2026-11-21T11:5\(index):00Z")
        row["status"] = status
        row["response_status"] = http
        row["attempt_count"] = 2
        row["delivered_at"] = NSNull()
        return row
    }

    static var crafted22: [[String: Any]] { [row(0, "retrying"), row(1, "queued"), row(2, "FAILED"), row(3, "cancelled")] }

    static func deliveries(_ rows: [[String: Any]]) throws -> [WebhookDelivery] {
        try rows.map { row in
            let data = try JSONSerialization.data(withJSONObject: row)
            return try WebhookDelivery(json: try #require(try JSONValue.parse(Array(data)).object))
        }
    }

    @Test func aNon2xxAnswerBesideAnUndocumentedStatusIsAFailure() throws {
        var stats = DeliveryStats()
        var leftOut = DeliveriesLeftOut()
        var read: [WebhookVerdict.Delivery] = []
        for delivery in try Self.deliveries(Self.crafted22) {
            stats.add(delivery)
            if let delivery = leftOut.read(delivery) { read.append(delivery) }
        }
        let count = try #require(stats.byWebhook[Self.hook])
        #expect(count.failed == 4)
        #expect(count.failureRate == 100)
        #expect(stats.undocumented == ["retrying": 1, "queued": 1, "cancelled": 1])
        #expect(stats.readAsFailed == 3)
        #expect(read.map(\.status) == ["failed", "failed", "failed", "failed"])
        #expect(leftOut.count == 0)
        #expect(
            leftOut.line(command: "deliveries --period 7d")
                == "3 deliveries with a status Kapso does not document (cancelled, queued, retrying) read as failed: the last "
                + "attempt was answered HTTP 500, and any answer but 2xx is a failed attempt; 'deliveries --period 7d' lists them")
    }

    /// No attempt yet, or a 2xx, says nothing of a status kops does not know: left out, and no rate is made of them alone
    /// (a tried delivery with no answer is a failed attempt: tester63b AO6, `AO6UnansweredUndocumentedDeliveryTests`).
    @Test func anUndocumentedStatusWithNoTellingAnswerStaysUnknown() throws {
        var stats = DeliveryStats()
        var leftOut = DeliveriesLeftOut()
        var untried = Self.row(0, "retrying", http: NSNull())
        untried["attempt_count"] = 0
        for delivery in try Self.deliveries([untried, Self.row(1, "succeeded", http: 204)]) {
            stats.add(delivery)
            #expect(leftOut.read(delivery) == nil)
        }
        let count = try #require(stats.byWebhook[Self.hook])
        #expect(count.failed == 0)
        #expect(count.judged == 0)
        #expect(stats.json["webhooks"]?[0]?["failure_rate_percent"] == .null)
        #expect(leftOut.count == 2)
    }

    @Test func statsAndCheckSayTheFailures() async throws {
        let path = try WebhookAudienceTraceTests.seed(
            webhooks: [WebhookAudienceTraceTests.webhook(Self.hook)], deliveries: Self.crafted22)
        let runs = try await WebhookAudienceTraceTests.run(["deliveries stats", "webhooks check"], path)
        let stats = runs[0].out + runs[0].err
        #expect(stats.contains("100 %"), "\(stats)")
        #expect(
            stats.contains("3 deliveries have a status Kapso does not document (cancelled, queued, retrying): FAILED counts the 3 "
                + "whose last attempt was answered with an HTTP status other than 2xx"), "\(stats)")
        let check = runs[1].out + runs[1].err
        #expect(!check.contains("0 errors, 0 warnings, 0 info"), "\(check)")
        #expect(check.contains("read as failed: the last attempt was answered HTTP 500"), "\(check)")
    }
}
