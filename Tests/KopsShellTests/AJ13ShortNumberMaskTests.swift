@testable import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester61 AJ13: a 7-digit number (Niue's `6831234`, `+683 1234` in E.164: national numbers run from 4 digits) typed to
/// `whois`, or standing in an API log's path, stayed in clear in masked transcripts.
@Suite struct AJ13ShortNumberMaskTests {
    @Test func aTypedShortNumberIsMaskedOnTheLineAndInTheOutput() async throws {
        let (page, _) = try await recordMasked(["whois 6831234"], seed: .demo, width: nil)
        #expect(page.contains("whois "), "\(page)")
        #expect(!page.contains("6831234") && !page.contains("+683 1234"), "\(page)")
    }

    @Test(arguments: [
        ("/contacts/6831234", "/contacts/683•••4"), ("/contacts%2F%2B6831234", "/contacts%2F%2B683•••4"),
        ("?phone=6831234&x=1", "?phone=683•••4&x=1"),
    ])
    func aShortNumberInAPathIsMasked(_ text: String, masked: String) {
        #expect(PIIMasker().mask(text) == masked)
    }

    /// So short a run elsewhere, or one no country's numbers have, is an error code, a count or an id.
    @Test(arguments: ["error 2494010 at /x", "/contacts/1234567", "took 6831234 ms", "/v24.0/6831234abc"])
    func otherShortRunsStay(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    @Test func theLogListMasksIt() async throws {
        let seed = SimulatorSeed.file(TestSeeds.path("ak1-national-numbers-in-path.seed.json"))
        let (page, _) = try await recordMasked(["logs --errors --period 7d"], seed: seed, width: nil)
        #expect(page.contains("/contacts/"), "\(page)")
        #expect(!page.contains("6831234"), "\(page)")
    }
}
