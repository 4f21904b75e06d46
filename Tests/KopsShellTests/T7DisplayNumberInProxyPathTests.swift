import KapsoDiagnostics
import KopsTestSupport
import Testing

/// tester64 T7: `whois` of a Meta-proxy path holding a number's display number where its phone-number id goes named the
/// number and warned of nothing, while the same path with the WABA id, an old version or Graph's host got a warning.
/// Every proxy route takes the phone-number id, and Kapso answers the display number 404.
@Suite struct T7DisplayNumberInProxyPathTests {
    @Test func thePathIsNamedWrong() async throws {
        let ran = try await runDemo("whois https://api.kapso.ai/meta/whatsapp/v24.0/14155550100/messages")
        #expect(
            ran.out.contains(
                "warning: this path takes the phone-number id, not the display number: Kapso answers /14155550100/messages "
                    + "404 (it has no look-up by display number); call /100200300400501/messages"),
            "\(ran.out)\(ran.err)")
    }

    @Test func onlyForADisplayNumberInTheNumbersSlot() {
        #expect(PastedURL.displayNumberNote("/meta/whatsapp/v24.0/14155550100", display: "14155550100", phoneNumberID: "1") == nil)
        #expect(
            PastedURL.displayNumberNote("/platform/v1/whatsapp/phone_numbers/14155550100", display: "14155550100", phoneNumberID: "1")
                == nil)
        #expect(
            PastedURL.displayNumberNote("/v24.0/14155550100/message_templates", display: "14155550100", phoneNumberID: "1") == nil)
    }
}
