import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 (item 6): a typed line `logs --endpoint 07700900001` (a contact's number, typed by the user in national form)
/// was recorded in clear in a masked transcript, while the output masked the same contact: typed lines get the output's
/// masking (unless `--keep-pii`), and `kops check` still replays them from the restore file.
@Suite struct TypedEndpointNumberMaskTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ah1-contact-in-path.seed.json"))

    @Test(arguments: [
        ["conversations", "logs --endpoint 07700900001 --period 7d"], ["logs --endpoint 07700900001 --period 7d"],
        ["logs --endpoint /contacts/07700900001 --period 7d"], ["logs --endpoint=07700900001 --period 7d"],
        ["logs --endpoint 447700900001 --period 7d"], ["logs --endpoint 0447700900001 --period 7d"],
    ])
    func aTypedNumberIsMaskedAndReplays(_ lines: [String]) async throws {
        let (page, restore) = try await recordMasked(lines, seed: Self.seed, width: nil)
        for canary in ["7700900001"] { #expect(!page.contains(canary), "\(page)") }
        #expect(page.contains("logs --endpoint"), "\(page)")
        let diff = try await withSimulator(seed: Self.seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    /// The project's own phone-number id stays in clear.
    @Test func anOwnIDStays() async throws {
        let (page, _) = try await recordMasked(["logs --endpoint 100200300400501 --period 7d"], seed: Self.seed, width: nil)
        #expect(page.contains("logs --endpoint 100200300400501"), "\(page)")
    }
}
