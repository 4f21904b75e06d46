import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56b, Z8's residual: the reading of a Meta field name ("`messages` is Meta's webhook field, not a Kapso event; …")
/// and "did you mean" existed only in `webhooks create|update`. `deliveries --event`, `payload sample` and `webhooks test
/// --event` gave a bare "invalid event …; expected an event name such as whatsapp.message.received", and Meta's other
/// fields (`message_template_status_update`) a generic "unknown event". One reader (`EventNameInput`) serves each.
@Suite struct Z8EventNameReaderTests {
    /// The same name gets the same reading wherever it is typed.
    @Test(arguments: [
        ("messages", "it is Meta's webhook field (what Meta's app subscribes the WABA to), not a Kapso event; "
            + "Kapso's message events are whatsapp.message.received"),
        ("whatsapp.message.status", "it is no Kapso event (a name third-party notes use); Kapso's status events are whatsapp.message.sent"),
        ("whatsapp.message.recieved", "did you mean 'whatsapp.message.received'?"),
        ("message_template_status_update", "it is Meta's webhook field (what Meta's app subscribes the WABA to), "
            + "not a Kapso event; Kapso's events (https://docs.kapso.ai/docs/platform/webhooks/message-events) have none for it"),
    ])
    func everyPlaceAnEventIsTypedReadsItAlike(name: String, reading: String) {
        let lines = [
            ["deliveries", "--event", name], ["payload", "sample", name],
            ["webhooks", "create", "--url", "https://x.example.com/h", "--events", name],
            ["webhooks", "test", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "--event", name],
        ]
        for line in lines {
            let run = OfflineShell.run(line)
            #expect(run.status == .usage, "\(line): \(run.err)")
            #expect(run.err.contains("\(line[0]): unknown event '\(name)'"), "\(line): \(run.err)")
            #expect(run.err.contains(reading), "\(line): \(run.err)")
            #expect(run.requests == 0, "\(line)")
        }
    }

    @Test func metaFieldsAreMetas() {
        for field in ["account_update", "phone_number_quality_update", "user_preferences", "messages"] {
            #expect(WebhookEvents.foreignReading(field)?.contains("Meta's webhook field") == true, "\(field)")
        }
        #expect(WebhookEvents.foreignReading("whatsapp.message.received") == nil)
    }
}
