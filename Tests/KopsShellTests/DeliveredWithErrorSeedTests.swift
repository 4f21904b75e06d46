import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe46 P46-4 over loopback (`Seeds/probe46-delivered-error.seed.json`: message P37 has `sent`, then `delivered` with
/// `errors: [131000 Something went wrong]`): every command reads it the same way, delivered with an error attached =
/// uncertain, do not resend; `errors` never advises "retry" for it nor counts it among the failures.
@Suite struct DeliveredWithErrorSeedTests {
    static let p37 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP37AAAAAAAAAAAAAAAAAAAA="
    static let seed = SimulatorSeed.file(TestSeeds.path("probe46-delivered-error.seed.json"))

    @Test func everyCommandSaysUncertainNeverRetry() async throws {
        let ran = try await runDemo(
            ["trace \(Self.p37)", "errors --period 7d --flat", "messages --limit 5", "output json", "errors --period 7d --flat"],
            number: "100200300400501", seed: Self.seed, width: 400)
        let verdict = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("verdict") }, "\(ran[0].out)")
        #expect(verdict.contains("131000") && verdict.contains("do not resend"), "\(verdict)")
        let row = try #require(ran[1].out.split(separator: "\n").first { $0.contains("delivered 131000") }, "\(ran[1].out)")
        #expect(!row.contains("retry"), "\(row)")
        let listed = try #require(ran[2].out.split(separator: "\n").first { $0.contains("P37") }, "\(ran[2].out)")
        #expect(listed.contains("error 131000 attached"), "\(listed)")
        // Counted apart from the failures, as a warning is.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ran[4].out.utf8)) as? [String: Any], "\(ran[4].out)")
        let data = try #require(json["data"] as? [[String: Any]])
        let mine = data.filter { "\($0)".contains("P37") }
        #expect(!mine.isEmpty && mine.allSatisfy { $0["status_word"] as? String == "delivered" }, "\(mine)")
        for entry in mine {
            let meaning = try #require(entry["meaning"] as? String)
            #expect(meaning.contains("do not resend") && !meaning.contains("retry"), "\(meaning)")
        }
    }
}
