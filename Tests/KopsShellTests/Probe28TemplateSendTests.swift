import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe28's template kinds through `template` and `reply --template --dry-run`: an MPM or ORDER_DETAILS template names
/// what its button needs and is not sent with `"components": []` (P28-1); a single-product template's header is a
/// catalog product, not a `--header-media` link (P28-14); `--param` refusals say what was typed (P28-18).
@Suite struct Probe28TemplateSendTests {
    static let seed = TestSeeds.file("probe28-product-templates.seed.json")

    static func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: seed, width: 300)
    }

    @Test func anMPMTemplateNamesItsProductsAndIsNotSentEmpty() async throws {
        let ran = try await Self.run(["template mpm_menu", "reply --to +14155550401 --template mpm_menu --dry-run"])
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("parameters: button 0 products (a thumbnail and sections)"), "\(ran[0].out)")
        #expect(ran[0].out.contains("send:       cannot be sent: 132000: the MPM button (button 0) needs the products at every send"), "\(ran[0].out)")
        #expect(ran[1].status == 1, "\(ran[1].out)")
        #expect(ran[1].err.contains("reply: not sent: 132000: mpm_menu: the MPM button (button 0) needs the products at every send "
            + "(a thumbnail product_retailer_id and 1 to 10 sections of product_items), which kops cannot send yet"), "\(ran[1].err)")
        #expect(!ran[1].out.contains("\"components\""), "\(ran[1].out)")
    }

    @Test func anOrderDetailsTemplateNamesTheOrder() async throws {
        let ran = try await Self.run(["template order_pay", "reply --to +14155550401 --template order_pay --dry-run"])
        #expect(ran[0].out.contains("parameters: button 0 order details"), "\(ran[0].out)")
        #expect(ran[1].status == 1 && ran[1].err.contains("the ORDER_DETAILS button (button 0) needs the order"), "\(ran[1].err)")
    }

    @Test func aProductHeaderIsNotAMediaLink() async throws {
        let ran = try await Self.run([
            "template spm_offer",
            "reply --to +14155550401 --template spm_offer --header-media https://x.example/p.jpg --dry-run",
        ])
        #expect(ran[0].out.contains("parameters: header product (a catalog product_retailer_id and catalog_id)"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("--header-media"), "\(ran[0].out)")
        #expect(ran[1].status == 1, "\(ran[1].out)")
        #expect(ran[1].err.contains("132012: spm_offer: the template's header is a catalog PRODUCT"), "\(ran[1].err)")
        #expect(!ran[1].out.contains("\"link\""), "\(ran[1].out)")
    }

    @Test func paramRefusalsSayWhatWasTyped() async throws {
        let ran = try await Self.run([
            "reply --to +14155550401 --template text_header_var --param 1=A-1 --dry-run",
            "reply --to +14155550401 --template named_greeting --param First_Name=Ana --param order_id=A1 --dry-run",
        ])
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("\"type\": \"header\"") && ran[0].out.contains("\"text\": \"A-1\""), "\(ran[0].out)")
        #expect(ran[1].status == 1, "\(ran[1].out)")
        #expect(ran[1].err.contains("'First_Name' is not a variable of the template: its names are lower case "
            + "({{first_name}}, {{order_id}}), and kops does not match them ignoring case; write it as the template does: "
            + "--param first_name=…"), "\(ran[1].err)")
    }
}
