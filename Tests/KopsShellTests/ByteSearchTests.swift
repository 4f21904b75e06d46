@testable import KopsShell
import Testing

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("sk_live_123", "key sk_live_123 here", false, true),
        ("sk_live_123", "key sk_live_12", false, false),
        ("x-api-key:", "X-API-Key: abc", true, true),
        ("x-api-key:", "X-API-Key: abc", false, false),
        ("é", "café", false, true),
        ("", "anything", false, true),
        ("longer than text", "short", false, false),
    ])
    func findsSubstringsByBytes(needle: String, text: String, ignoringCase: Bool, expected: Bool) {
        #expect(ByteSearch.contains(needle, in: text, ignoringASCIICase: ignoringCase) == expected)
    }
}
