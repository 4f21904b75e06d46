import Foundation
import KapsoSimulator
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
