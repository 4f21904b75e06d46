import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import Testing

/// fix48c's leftover of tester48 F8: `listen` said "signature ok" and nothing else for a signature whose hex was upper
/// case, where `verify` names it (`SignatureCheck.caseNote`, one rule for both).
@Suite struct ReceivedDeliveryHexCaseTests {
    @Test(arguments: [false, true])
    func upperCaseHexIsValidAndNoted(meta: Bool) throws {
        var delivery = try ReceivedDeliveryTests.plan("whatsapp.message.received", meta: meta)
        let name = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let index = try #require(delivery.headers.firstIndex { $0.name == name })
        let value = delivery.headers[index].value
        let hex = value.hasPrefix("sha256=") ? String(value.dropFirst(7)) : value
        delivery.headers[index].value = (meta ? "sha256=" : "") + hex.uppercased()
        let reading = ReceivedDeliveryTests.read(delivery)
        #expect(reading.signature.isValid)
        #expect(reading.signature == .validNoted(header: name, note: SignatureCheck.upperCaseHexNote))
        #expect(reading.signature.text == "signature ok: " + SignatureCheck.upperCaseHexNote)
    }

    /// Lowercase hex, as Kapso and Meta send it, stays plain "signature ok".
    @Test func lowercaseHexHasNoNote() throws {
        let reading = ReceivedDeliveryTests.read(try ReceivedDeliveryTests.plan("whatsapp.message.received"))
        #expect(reading.signature.text == "signature ok")
    }
}
