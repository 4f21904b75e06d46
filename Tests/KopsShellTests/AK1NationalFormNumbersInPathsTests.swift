import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester62 AK1: phone numbers kops never saw as a contact's, written in national or dialled form in an API log's path
/// (`/contacts/07700900011`, `0044%207700%20900019`, `(0)7700900018`, `06%2012%2034…`, `(555)%20123-4567`), stayed in clear
/// in masked transcripts and bundles; `0%37700900022` (an escaped `7`) was masked in the path, yet the advice beside it
/// (`'whois 07700900022' says what the id is`) printed it decoded and in clear.
@Suite struct AK1NationalFormNumbersInPathsTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ak1-national-numbers-in-path.seed.json"))
    static let canaries = [
        "7700900011", "7700%20900019", "7700 900019", "7700900018", "12%2034%2056", "12 34 56", "123-4567", "7700900022",
        "%37700900022",
    ]

    @Test(arguments: [
        ("/contacts/07700900011", "/contacts/0770•••0011"), ("/contacts/0044%207700%20900019", "/contacts/00 44 770 ••• 0019"),
        ("/contacts/(0)7700900018", "/contacts/(0) 770 ••• 0018"), ("/contacts/06%2012%2034%2056%2078", "/contacts/0 ••• 5678"),
        ("/contacts/(555)%20123-4567", "/contacts/(555) ••• 4567"), ("/contacts/0%37700900022", "/contacts/0770•••0022"),
        ("'whois 07700900022' says", "'whois 0770•••0022' says"), ("call 0044 7700 900019 now", "call 00 44 770 ••• 0019 now"),
        ("call 555-123-4567", "call 555 ••• 4567"), ("/contacts/00447700900019", "/contacts/0044770•••0019"),
    ])
    func aNationalOrDialledFormIsMasked(_ text: String, masked: String) {
        #expect(PIIMasker().mask(text) == masked)
    }

    /// Not phone numbers by their form: ids, dates, decimals, timestamps, a date and a time, counts, error codes.
    @Test(arguments: [
        "/v24.0/100200300400501/messages", "2026-11-21 10:00:01", "01-12-2026 10:00", "0.12345678", "1795258800",
        "req_cccccccc000040008000000000000108", "cccccccc-0000-4000-8000-000000000108", "code 131047, subcode 2494010",
        "00000000-0000-0000-0000-000000000000", "took 1234567 ms",
    ])
    func otherDigitsStay(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    /// The business's own number in national form stays, as in international form.
    @Test func theOwnNumbersNationalFormStays() {
        let masker = PIIMasker()
        masker.learnOwnNumbers(["+44 7700 900100"])
        #expect(masker.mask("/contacts/07700900100") == "/contacts/07700900100")
    }

    @Test(arguments: ["logs --period 7d", "logs --errors --ids --period 7d", "errors --period 7d"])
    func aRecordedLogListMasksThem(_ command: String) async throws {
        let (page, _) = try await recordMasked([command], seed: Self.seed, width: nil)
        #expect(page.contains("/contacts/"), "\(page)")
        for canary in Self.canaries { #expect(!page.contains(canary), "\(canary)\n\(page)") }
    }

    @Test func aBundleMasksThem() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ak1-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "bundle \(path) --period 7d")
            return output.out + output.err
        }
        let bundle = try String(contentsOfFile: path, encoding: .utf8)
        #expect(bundle.contains("personal data: masked") && bundle.contains("/contacts/"), "\(out)\n\(bundle)")
        for canary in Self.canaries { #expect(!bundle.contains(canary), "\(canary)\n\(bundle)") }
    }
}
