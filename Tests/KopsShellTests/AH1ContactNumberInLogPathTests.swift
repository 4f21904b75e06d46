import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester60 AH1: a contact's number in an API log's phone-number-id slot (`POST /meta/whatsapp/v24.0/447700900001/messages`,
/// the common mistake) was left in clear in masked transcripts and support bundles by `logs --errors --ids` and `logs search
/// --problems`, while `errors` masked it: the masker learned the number as the project's own id (a `phone_number_id` the
/// call named) and never masked an own id. A value that can be a phone number is no Meta id, and a contact's number is
/// personal data wherever it stands. (The live terminal shows personal data by design: only transcripts mask it.)
@Suite struct AH1ContactNumberInLogPathTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ah1-contact-in-path.seed.json"))
    static let canary = "447700900001"

    @Test(arguments: ["logs --errors --ids", "logs search --period 7d --problems", "logs --period 7d", "logs --period 7d --errors --flat"])
    func aRecordedLogListMasksTheNumber(_ command: String) async throws {
        let (page, _) = try await recordMasked([command], seed: Self.seed, width: nil)
        #expect(page.contains("/messages"), "\(page)")
        #expect(!page.contains(Self.canary), "\(page)")
    }

    @Test func aBundleMasksTheNumber() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ah1-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "bundle \(path) --period 7d")
            return output.out + output.err
        }
        let bundle = try String(contentsOfFile: path, encoding: .utf8)
        #expect(bundle.contains("personal data: masked") && bundle.contains("v24.0/"), "\(out)\n\(bundle)")
        #expect(!bundle.contains(Self.canary), "\(bundle)")
    }

    /// The project's own phone-number ids stay in clear.
    @Test func ownIDsStayInClear() async throws {
        let (page, _) = try await recordMasked(["logs --errors --ids"], seed: Self.seed, width: nil)
        #expect(page.contains("/v24.0/100200300400501/messages"), "\(page)")
    }
}
