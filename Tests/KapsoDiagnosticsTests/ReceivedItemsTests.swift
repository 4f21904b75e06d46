import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import Testing

/// probe26 P26-7: `listen` reads every message and status of a delivery (Meta's `entry[]`, `changes[]`, `statuses[]` are
/// arrays) and names errors at every level (`value.errors`, `statuses[].errors`, `messages[].errors`), not the first
/// status alone. The bodies are the tester's (`/tmp/p26/listen/bodies.py`).
@Suite struct ReceivedItemsTests {
    static let metadata = #""metadata":{"display_phone_number":"14155550100","phone_number_id":"100200300400501"}"#

    static func read(_ body: String, headers: [(String, String)] = [("content-type", "application/json")]) -> ReceivedDelivery {
        ReceivedDelivery(headers: headers, body: Array(body.utf8), secret: nil, metaSecret: nil)
    }

    static func change(_ value: String) -> String { #"{"value":{"messaging_product":"whatsapp",\#(metadata),\#(value)},"field":"messages"}"# }

    static func envelope(_ entries: [[String]]) -> String {
        #"{"object":"whatsapp_business_account","entry":["#
            + entries.map { #"{"id":"200300400500601","changes":["# + $0.joined(separator: ",") + "]}" }.joined(separator: ",") + "]}"
    }

    static let delivered = #"{"id":"wamid.A","status":"delivered","timestamp":"1795262301","recipient_id":"14155550142"}"#
    static let failed = #"{"id":"wamid.B","status":"failed","timestamp":"1795262302","recipient_id":"14155550143","errors":[{"code":131026,"title":"Message undeliverable"}]}"#

    /// b3: one change with a delivered and a failed status.
    @Test func everyStatusOfAChangeIsCountedAndNamed() {
        let reading = Self.read(Self.envelope([[Self.change(#""statuses":[\#(Self.delivered),\#(Self.failed)]"#)]]))
        #expect(reading.event == "meta: status")
        #expect(reading.batchSize == 2)
        #expect(reading.items.map(\.text) == ["wamid.A delivered", "wamid.B failed 131026"])
        #expect(reading.itemsText == "msg wamid.A delivered, msg wamid.B failed 131026")
        #expect(reading.items[1].errors == ["131026 Message undeliverable"])
    }

    /// b6: two entries, one status each.
    @Test func everyEntryIsRead() {
        let read = #"{"id":"wamid.C","status":"read","timestamp":"1795262301","recipient_id":"14155550142"}"#
        let failed = #"{"id":"wamid.D","status":"failed","timestamp":"1795262302","recipient_id":"14155550142","errors":[{"code":131047,"title":"Re-engagement message"}]}"#
        let reading = Self.read(Self.envelope([[Self.change(#""statuses":[\#(read)]"#)], [Self.change(#""statuses":[\#(failed)]"#)]]))
        #expect(reading.batchSize == 2)
        #expect(reading.itemsText == "msg wamid.C read, msg wamid.D failed 131047")
    }

    /// b1: a change with only value-level errors; b0: one failed status's code.
    @Test func errorsAtTheValueAndStatusLevelAreNamed() {
        let value = Self.read(Self.envelope([[Self.change(
            #""errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong","error_data":{"details":"Unknown error. Please retry."}}]"#)]]))
        #expect(value.event == "meta: messages")
        #expect(value.batchSize == 1)
        #expect(value.valueErrors == ["131000 Something went wrong"])
        #expect(value.itemsText == "error 131000 Something went wrong")
        let status = Self.read(Self.envelope([[Self.change(#""statuses":[\#(Self.failed)]"#)]]))
        #expect(status.batchSize == 1)
        #expect(status.itemsText == "msg wamid.B failed 131026")
    }

    /// A Kapso batch (`batch: true`, `data[]`): every event's message is named, a failed one with its code.
    @Test func everyEventOfAKapsoBatchIsNamed() {
        let body = #"{"batch":true,"data":["#
            + #"{"phone_number_id":"100200300400501","message":{"id":"wamid.K1","kapso":{"status":"delivered"}}},"#
            + #"{"phone_number_id":"100200300400501","message":{"id":"wamid.K2","kapso":{"status":"failed","statuses":[{"status":"failed","errors":[{"code":131047,"title":"Re-engagement message"}]}]}}}"#
            + "]}"
        let reading = Self.read(body, headers: [("X-Webhook-Event", "whatsapp.message.failed"), ("X-Batch-Size", "2")])
        #expect(reading.batchSize == 2)
        #expect(reading.itemsText == "msg wamid.K1 delivered, msg wamid.K2 failed 131047")
    }
}
