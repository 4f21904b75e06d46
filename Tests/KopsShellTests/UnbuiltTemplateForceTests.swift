import Foundation
import KapsoSimulator
import KopsShell
import Testing

/// `reply --template NAME --force` on a template whose send-time component kops cannot build (a single-product header, an
/// MPM button): refused as without --force, never sent with a wrong component (a product header built as a media link)
/// or without it.
@Suite struct UnbuiltTemplateForceTests {
    static let seed = Probe28TemplateSendTests.seed

    @Test func aSingleProductTemplateIsRefusedWithForceToo() async throws {
        let ran = try await runDemo([
            "reply --to +14155550401 --template spm_offer --header-media https://x.example/p.jpg --force --dry-run",
            "reply --to +14155550401 --template spm_offer --force --dry-run",
        ], number: "100200300400501", seed: Self.seed, width: 300)
        for one in ran {
            #expect(one.status == 1, "\(one.out)\(one.err)")
            #expect(one.err.contains("reply: not sent: 132012: spm_offer: the template's header is a catalog PRODUCT"), "\(one.err)")
            #expect(!one.err.contains("--force: sending although"), "\(one.err)")
            #expect(!one.out.contains("\"components\"") && !one.out.contains("\"link\""), "\(one.out)")
            #expect(one.err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1, "\(one.err)")
        }
    }

    @Test func anMPMTemplateIsRefusedWithForceToo() async throws {
        let ran = try await runDemo(
            ["reply --to +14155550401 --template mpm_menu --force --dry-run"], number: "100200300400501", seed: Self.seed, width: 300)[0]
        #expect(ran.status == 1, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("reply: not sent: 132000: mpm_menu: the MPM button (button 0) needs the products"), "\(ran.err)")
        #expect(!ran.out.contains("\"components\""), "\(ran.out)")
    }
}
