import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import Testing

/// A limited-time offer template (Meta's `LIMITED_TIME_OFFER` component, seeded as `lto_caribe` with an image header, a
/// copy-code and a URL button): `template` describes the offer, and `reply --template` refuses it, --force included,
/// instead of sending it without its expiration.
@Suite struct LimitedTimeOfferSendTests {
    @Test func templateDescribesTheOfferAndReplyRefusesIt() async throws {
        let send = "reply --to +14155550401 --template lto_caribe --param Pablo --param CARIBE25 --header-media https://x.example/a.jpg --dry-run"
        let ran = try await runDemo(
            ["template lto_caribe", "template lto_caribe --output json", send, send + " --force"],
            number: "100200300400501", seed: Probe28TemplateSendTests.seed, width: 300)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("offer:      limited-time offer \"Expiring offer!\" with an expiration (a countdown)"), "\(ran[0].out)")
        #expect(ran[0].out.contains("offer expiration (expiration_time_ms)"), "\(ran[0].out)")
        #expect(ran[0].out.contains("send:       cannot be sent: 132000: the template is a limited-time offer ('Expiring offer!')"), "\(ran[0].out)")
        // The simulator lists the component as Graph does.
        let json = try JSONValue.parse(Array(ran[1].out.utf8))
        let offer = json["components"]?.array?.first { $0["type"]?.string == "LIMITED_TIME_OFFER" }
        #expect(offer?["limited_time_offer"]?["has_expiration"]?.bool == true, "\(ran[1].out)")
        for refused in ran[2...] {
            #expect(refused.status == 1, "\(refused.out)\(refused.err)")
            #expect(refused.err.contains("reply: not sent: 132000: lto_caribe: the template is a limited-time offer ('Expiring offer!'), "
                + "and every send gives its expiration (a limited_time_offer component with expiration_time_ms) and its offer code"), "\(refused.err)")
            #expect(!refused.out.contains("\"components\""), "\(refused.out)")
        }
    }
}
