import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester63b AO6: four deliveries with the undocumented status `timeout`, `response_status` null and `attempt_count` 4
/// (the tester's al20c seed). Main's build left them out of every verdict: `deliveries stats` "4  0  0  -" and "their
/// answer says nothing of how they went", `webhooks check` "checked 1 webhook: 0 errors, 0 warnings, 0 info". A tried
/// delivery that got no HTTP response is a failed attempt (no 200 within Kapso's 10 s); what is not known (a timeout or
/// no connection, whether Kapso still retries) is said.
@Suite struct AO6UnansweredUndocumentedDeliveryTests {
    static let hook = AL20UndocumentedDeliveryStatusTests.hook

    static var al20c: [[String: Any]] {
        (0..<4).map { index in
            var row = AL20UndocumentedDeliveryStatusTests.row(index, "timeout", http: NSNull())
            row["attempt_count"] = 4
            return row
        }
    }

    @Test func triedWithNoAnswerIsAFailedAttempt() throws {
        var stats = DeliveryStats()
        var leftOut = DeliveriesLeftOut()
        var read: [WebhookVerdict.Delivery] = []
        for delivery in try AL20UndocumentedDeliveryStatusTests.deliveries(Self.al20c) {
            stats.add(delivery)
            if let delivery = leftOut.read(delivery) { read.append(delivery) }
        }
        let count = try #require(stats.byWebhook[Self.hook])
        #expect(count.failed == 4)
        #expect(count.failureRate == 100)
        #expect(stats.readAsFailedWithoutAnswer == 4)
        #expect(read.map(\.status) == ["failed", "failed", "failed", "failed"])
        let line = try #require(leftOut.line(command: "deliveries"))
        #expect(line.hasPrefix("4 deliveries with a status Kapso does not document (timeout) read as failed: their last attempt "
            + "got no HTTP response"), "\(line)")
        #expect(line.contains("whether Kapso still retries them is not known"), "\(line)")
    }

    @Test func statsAndCheckSayThem() async throws {
        let path = try WebhookAudienceTraceTests.seed(
            webhooks: [WebhookAudienceTraceTests.webhook(Self.hook)], deliveries: Self.al20c)
        let runs = try await WebhookAudienceTraceTests.run(["deliveries stats", "webhooks check"], path)
        let stats = runs[0].out + runs[0].err
        #expect(stats.contains("100 %"), "\(stats)")
        #expect(stats.contains("FAILED counts the 4 whose last attempt got no HTTP response"), "\(stats)")
        let check = runs[1].out + runs[1].err
        #expect(!check.contains("0 errors, 0 warnings, 0 info"), "\(check)")
        #expect(check.contains("(timeout) read as failed: their last attempt got no HTTP response"), "\(check)")
    }

    /// A status with a blank at its end is named quoted, so the blank shows.
    @Test func aStatusWithATrailingBlankIsQuoted() {
        #expect(DeliveriesLeftOut.shown("failed ") == "'failed '")
        #expect(DeliveriesLeftOut.shown("retrying") == "retrying")
    }
}
