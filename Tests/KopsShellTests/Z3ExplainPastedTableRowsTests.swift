import Testing

@testable import KopsShell

/// tester67b Z3: a row pasted from kops's own `deliveries` table was read by its TRIES column as a Graph code
/// (`delivered 200 1` → "code 1 … check Meta's status page", `pending 503 2` → "Meta's service is down"), a failed row's
/// 500 as the API's failure, and a `logs` row's 200 as Graph code 200 ("the app lacks a permission"). The delivery rows are
/// read as the JSON rows are (the receiver's answer), and a logs row's 2xx as the call's success.
@Suite struct Z3ExplainPastedTableRowsTests {
    static let time = "2026-11-20T14:30:06Z"

    static func row(_ event: String, _ status: String, _ answer: Int, _ tries: Int) -> String {
        "\(time)  \(event)  \(status)   \(answer)      \(tries)  \(time)  hooks.acme-demo.test/kapso/whatsapp"
    }

    @Test func aDeliveredRowIsDelivered() {
        let run = OfflineShell.run("explain", Self.row("whatsapp.message.received", "delivered", 200, 1))
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("delivered: the receiver answered 200 and Kapso counted the delivery as delivered, so nothing failed"), "\(run.out)")
        #expect(!run.out.contains("code:") && !run.out.contains("status page"), "\(run.out)")
        // 'explain 200' reads Graph code 200 (a permission): not offered for a row that is a delivery.
        #expect(!run.out.contains("'explain 200'"), "\(run.out)")
    }

    @Test(arguments: [("pending", 503, 2), ("failed", 500, 3), ("failed", 401, 1)])
    func aFailedOrPendingRowIsTheReceiversAnswer(_ status: String, _ answer: Int, _ tries: Int) {
        let run = OfflineShell.run("explain", Self.row("whatsapp.message.sent", status, answer, tries))
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains("HTTP status: \(answer)"), "\(run.out)")
        #expect(!run.out.contains("code:       \(tries)"), "\(run.out)")
        #expect(!run.out.contains("Meta's service is down") && !run.out.contains("the API (Kapso or Meta behind it) failed"), "\(run.out)")
    }

    @Test func aLogsRowsSuccessIsNoError() {
        let run = OfflineShell.run("explain", "2026-11-21T12:00:00Z  GET  /platform/v1/whatsapp/messages  200  1 ms  kapso-sim")
        #expect(run.err.contains("no Meta or Kapso error code"), "\(run.err)")
        #expect(run.err.contains("200 is an HTTP success status"), "\(run.err)")
        #expect(!run.out.contains("permission"), "\(run.out)")
    }
}
