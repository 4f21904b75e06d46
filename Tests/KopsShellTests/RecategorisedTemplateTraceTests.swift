import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe26 P26-13 (`/tmp/p26/s13.seed.json`): `order_followup` sent as UTILITY (Kapso's `message_type_data.category`)
/// failed 131049; the WABA's template is MARKETING now. `trace` names the change under the verdict.
@Suite struct RecategorisedTemplateTraceTests {
    static var seed: SimulatorSeed { TestSeeds.file("probe26-s13.seed.json") }

    static let wamid = "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUSzFUUEwAAAAAAAAAAAAAAAAAAAA="

    @Test func a131049OnARecategorisedTemplateNamesTheChange() async throws {
        let ran = try await runDemo(["trace \(Self.wamid)"], number: "100200300400501", seed: Self.seed)[0]
        #expect(ran.out.contains(
            "order_followup was sent as UTILITY (Kapso's record of the send), but is MARKETING now: Meta re-categorised it, "
                + "so marketing's per-user limit (131049)"), "\(ran.out)")
    }
}

/// `trace` of a marketing-only failure on a template of no recorded category loads the WABA's templates for the verdict
/// (`MessageTrace.templates`); the re-categorisation line read the number and the template by name again (two more
/// requests). The list read once serves both.
@Suite struct RecategorisedTemplateListReadOnceTests {
    @Test func traceListsTheWABAsTemplatesOnce() async throws {
        let urls = try await withSimulator(seed: .file(TestSeeds.path("tester49-category.seed.json"))) { fixture -> [String] in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let seen = TestLocked<[String]>([])
            shell.context.client.transport.observer = { exchange in seen.update { $0.append(exchange.method + " " + exchange.url) } }
            #expect(shell.run(line: "trace \(TemplateCategoryVerdictTests.utility)") == .ok)
            return seen.value
        }
        let templateReads = urls.filter { $0.hasPrefix("GET ") && $0.contains("/message_templates") }
        #expect(templateReads.count == 1, "\(templateReads)")
        #expect(urls.filter { $0.hasPrefix("GET ") && $0.hasSuffix("/whatsapp/phone_numbers/100200300400501") }.count <= 1, "\(urls)")
    }
}
