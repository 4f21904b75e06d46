import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe46 P46-8 over loopback (`Seeds/probe46-later-seconds.seed.json`: X sent 11:59:55 with only `sent`, Y sent
/// 11:59:57 and delivered 11:59:59, the API's clock 12:00:00; `probe46-later-future.seed.json`: Y stamped an hour ahead):
/// a send 5 s old gets the patient verdict, not "its delivered status never reached Kapso, or it was sent while blocked".
@Suite struct LateStatusGraceSeedTests {
    static let x = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBR02AAAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: ["probe46-later-seconds.seed.json", "probe46-later-future.seed.json"])
    func aFreshSendIsNotDeclaredLostByALaterDelivery(_ seed: String) async throws {
        let ran = try await runDemo(
            ["trace \(Self.x)", "messages"], number: "100200300400501", seed: .file(TestSeeds.path(seed)), width: 400)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let verdict = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("verdict") }, "\(ran[0].out)")
        #expect(verdict.contains("sent 5 s ago, no delivery report yet"), "\(verdict)")
        #expect(!verdict.contains("never reached Kapso") && !verdict.contains("blocked"), "\(verdict)")
        #expect(!(ran[1].out + ran[1].err).contains("not the phone being offline"), "\(ran[1].out)\(ran[1].err)")
    }
}
