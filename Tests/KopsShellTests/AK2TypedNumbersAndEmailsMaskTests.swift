@testable import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester62 AK2: numbers and e-mail addresses the user typed (`logs search 07700900004`, `whois dana@example.com`,
/// `logs search eve@example.net`) stayed in clear in masked transcripts, on the command line and in the output echoing them.
@Suite struct AK2TypedNumbersAndEmailsMaskTests {
    @Test(arguments: [
        ("logs search 07700900004", "07700900004"), ("logs search 0044 7700 900004", "7700 900004"),
        ("whois dana@example.com", "dana@example.com"), ("logs search eve@example.net", "eve@example.net"),
    ])
    func aTypedValueIsMasked(_ line: String, canary: String) async throws {
        let (page, _) = try await recordMasked([line], seed: .demo, width: nil)
        #expect(page.contains(String(line.prefix { $0 != " " })), "\(page)")
        #expect(!page.contains(canary), "\(page)")
    }

    @Test func anAddressIsOneContactWhereverItStands() {
        let masker = PIIMasker()
        #expect(masker.mask(commandLine: "whois dana@example.com") == "whois <contact 1>")
        #expect(masker.mask("error: cannot read 'dana@example.com' as an id.") == "error: cannot read '<contact 1>' as an id.")
        #expect(masker.mask("/contacts/dana%40example.com") == "/contacts/<contact 1>")
    }

    /// A URL's user is no address; an `@handle` and a bare `@` are not addresses either.
    @Test(arguments: ["https://admin@hooks.example.com/kapso", "https://admin:<redacted>@hooks.example.com", "write to us @ the desk", "a@b"])
    func otherAtSignsStay(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }
}
