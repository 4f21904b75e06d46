import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe45 P45-12 (trace part), on `Tests/Seeds/probe45-header-media.seed.json`: four `spring_promo` sends that failed
/// with 131053, their header image at localhost, a Dropbox `?dl=0` page, a Google Drive `/view` page and a public CDN.
/// `trace` and `errors` named no link; they now name it and why Meta could not fetch it, by the rule the dry run's
/// note uses, and call the public one no cause.
@Suite struct HeaderMediaTraceTests {
    static var seed: SimulatorSeed { TestSeeds.file("probe45-header-media.seed.json") }
    static func wamid(_ tag: String) -> String { "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgU\(tag)AAAAAAAAAAAAAAAAAAAAA=" }

    @Test(arguments: [
        ("TEEwMQ", "https://localhost:3000/promo.jpg is on localhost (this machine), which Meta's servers cannot reach"),
        ("TEEwMg", "https://www.dropbox.com/s/abc/promo.jpg?dl=0 is a Dropbox share page (HTML), not the file"),
        ("TEEwMw", "https://drive.google.com/file/d/1AbC/view?usp=sharing is a Google Drive page (HTML), not the file"),
    ])
    func traceNamesTheHeaderLinkAndWhy(tag: String, named: String) async throws {
        let ran = try await runDemo(["trace \(Self.wamid(tag))"], number: "100200300400501", seed: Self.seed)[0]
        #expect(ran.out.contains("the template's header media link \(named)"), "\(ran.out)")
    }

    @Test func aPublicLinkIsNamedAsNoCause() async throws {
        let ran = try await runDemo(["trace \(Self.wamid("TEEwNA"))"], number: "100200300400501", seed: Self.seed)[0]
        #expect(ran.out.contains("https://cdn.example.com/promo.jpg"), "\(ran.out)")
        #expect(ran.out.contains("kops sees nothing wrong with the link"))
        #expect(!ran.out.contains("likely cause") && !ran.out.contains("cannot reach"))
    }

    @Test func errorsNamesTheLinks() async throws {
        let ran = try await runDemo(["errors --flat"], number: "100200300400501", seed: Self.seed)[0]
        let text = ran.out + ran.err
        #expect(text.contains("https://localhost:3000/promo.jpg"), "\(text)")
    }
}
