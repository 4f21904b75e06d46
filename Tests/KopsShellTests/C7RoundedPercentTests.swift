import Foundation
import KapsoDiagnostics
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C7: shares were cut, not rounded: 6 of 9 read `66 %`, 5 of 9 `55 %`, 1 of 8 `12 %` (`deliveries stats`,
/// `webhooks check`).
@Suite struct C7RoundedPercentTests {
    @Test func sharesAreRoundedToTheNearestWholePercent() {
        #expect(Percent.shown(6, of: 9) == "67 %")
        #expect(Percent.shown(5, of: 9) == "56 %")
        #expect(Percent.shown(1, of: 8) == "13 %")
        #expect(Percent.shown(1, of: 3) == "33 %")
        #expect(Percent.shown(1, of: 2) == "50 %")
        #expect(Percent.shown(0, of: 5) == "0 %")
        #expect(Percent.shown(9, of: 9) == "100 %")
        #expect(Percent.shown(0, of: 0) == "0 %")
    }

    @Test func aFailureNeverReadsNoneNorAllOfThem() {
        #expect(Percent.shown(1, of: 201) == "<1 %")
        #expect(Percent.shown(200, of: 201) == ">99 %")
        // Every share of up to 300 rows: never 0 % beside a part, never 100 % short of the whole, and within half a point.
        for total in 1...300 {
            for part in 0...total {
                let text = Percent.shown(part, of: total)
                if part > 0 { #expect(text != "0 %", "\(part) of \(total)") }
                if part < total { #expect(text != "100 %", "\(part) of \(total)") }
                if let whole = Int(text.dropLast(2)) {
                    #expect(abs(Double(whole) - Double(part) * 100 / Double(total)) <= 0.5, "\(part) of \(total): \(text)")
                }
            }
        }
    }

    @Test func deliveryStatsShowTheRoundedShare() async throws {
        let ran = try await runDemo(["deliveries stats --period 7d"], number: "100200300400501", seed: TestSeeds.file("webhook-story.seed.json"), width: 200)
        #expect(ran[0].out.contains("66 %") == false, "\(ran[0].out)")
        #expect(ran[0].out.contains("67 %"), "\(ran[0].out)")
        #expect(ran[0].out.contains("56 %"), "\(ran[0].out)")
    }
}
