import Foundation
import KapsoClient
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AI8: a contact's number right after a percent-escape in an API log's path (`contacts%2F447700900005`,
/// `%3D…`, `%2C…`, `wa.me%2F…`) stayed in clear in masked transcripts and bundles: the escape's hex digits (`2F`) read as
/// a word the number was glued to. So did an e-mail address or an `@handle` in a path, plainly or encoded (`%40`), and a
/// known contact's number in national form with its trunk `0` (`07700900005`). AH1 (session 60) covered the unescaped
/// number only.
@Suite struct AI8PercentEscapedContactTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ai8-escaped-contact-in-path.seed.json"))
    static let canaries = ["447700900005", "7700900005", "dana.g@example.com", "dana.g%40example.com", "dana.gomez"]

    @Test(arguments: [
        "/v24.0/100200300400501/contacts%2F447700900005", "GET /x/%3D447700900005", "a=1%2C447700900005", "wa.me%2F447700900005",
        "/contacts/%252F447700900005", "%2b447700900005",
    ])
    func aNumberAfterAnEscapeIsMasked(_ text: String) {
        let masked = PIIMasker().mask(text)
        #expect(!masked.contains("447700900005") && masked.contains("•••0005"), "\(masked)")
    }

    /// An escaped letter or joiner still joins the word: an id is no number.
    @Test(arguments: ["abc%41447700900005", "abc%5F447700900005", "wamid%2E447700900005x"])
    func anEscapedWordCharacterJoins(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    @Test(arguments: [
        ("/contacts/dana.g@example.com", "/contacts/<contact 1>"), ("/contacts/dana.g%40example.com", "/contacts/<contact 1>"),
        ("?email=dana.g%40example.com&x=1", "?email=<contact 1>&x=1"), ("/contacts/@dana.gomez", "/contacts/<contact 1>"),
        ("/contacts%2F%40dana.gomez", "/contacts/<contact 1>"), ("/contacts/%40dana.gomez/messages", "/contacts/<contact 1>/messages"),
    ])
    func anAddressOrHandleInAPathIsMasked(_ text: String, masked: String) {
        #expect(PIIMasker().mask(text) == masked)
    }

    /// A URL's user (`https://admin@host`), an `@` in prose and a path of words stay.
    @Test(arguments: ["https://admin@hooks.example.com/kapso", "write to us @ the desk", "/v24.0/100200300400501/messages", "/a/@"])
    func otherTextStays(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    @Test func aKnownContactsNationalFormIsMasked() {
        let masker = PIIMasker()
        masker.learn(from: ["phone_number": "447700900005"])
        #expect(masker.mask("/contacts/07700900005") == "/contacts/770•••0005")
    }

    @Test(arguments: ["logs --period 7d", "logs --errors --ids --period 7d", "logs search --period 7d --problems", "errors --period 7d"])
    func aRecordedLogListMasksThem(_ command: String) async throws {
        let (page, _) = try await recordMasked(["conversations", command], seed: Self.seed, width: nil)
        #expect(page.contains("contacts"), "\(page)")
        for canary in Self.canaries { #expect(!page.contains(canary), "\(canary)\n\(page)") }
    }

    @Test func aBundleMasksThem() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ai8-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "bundle \(path) --period 7d")
            return output.out + output.err
        }
        let bundle = try String(contentsOfFile: path, encoding: .utf8)
        #expect(bundle.contains("personal data: masked") && bundle.contains("contacts"), "\(out)\n\(bundle)")
        for canary in Self.canaries { #expect(!bundle.contains(canary), "\(canary)\n\(bundle)") }
    }
}
