import KapsoDiagnostics
import KopsTestSupport
import Testing

/// The one list of credential prefixes (`TokenPrefix.all`) and the 401 reading it feeds (`APIKeyShape.kind(of:)`).
@Suite struct TokenPrefixTests {
    /// The byte test in front of the redactor folds ASCII only, and `kind(of:)` takes the first prefix that fits.
    @Test func eachPrefixIsPrintableASCIIAndNoneStartsAnother() {
        for prefix in TokenPrefix.all {
            #expect(!prefix.text.isEmpty && prefix.text.utf8.allSatisfy { (0x21...0x7E).contains($0) }, "\(prefix.text)")
            for other in TokenPrefix.all where other != prefix {
                #expect(!other.folded.hasPrefix(prefix.folded), "\(prefix.text) starts \(other.text)")
            }
        }
    }

    /// A value with a prefix that has a kind is named from `kindMinimumCount` characters on, in the issued case only;
    /// one whose prefix has none (or no prefix) may be a Kapso key.
    @Test func aKindIsNamedByItsPrefixInTheIssuedCase() {
        for prefix in TokenPrefix.all {
            let long = prefix.text + String(repeating: "Zq7", count: 10)
            #expect(APIKeyShape.kind(of: long) == prefix.kind, "\(long)")
            if prefix.kind != nil, prefix.folded != prefix.text {
                #expect(APIKeyShape.kind(of: prefix.folded + String(repeating: "Zq7", count: 10)) == nil)
            }
            if prefix.kindMinimumCount > prefix.text.count {
                let short = prefix.text + String(repeating: "z", count: prefix.kindMinimumCount - prefix.text.count - 1)
                #expect(APIKeyShape.kind(of: short) == nil, "\(short)")
            }
        }
    }

    /// The reading from the list names what the two literal checks before it named (EAA from 20 characters, `whsec_`
    /// at any length, both in their case), on random values made of the pieces that could tell them apart.
    @Test func kindReadsAsTheLiteralChecksItReplaced() {
        func literal(_ value: String) -> APIKeyShape.Kind? {
            if value.hasPrefix("EAA"), value.count >= 20 { return .metaAccessToken }
            if value.hasPrefix("whsec_") { return .webhookSecret }
            return nil
        }
        let pieces = ["EAA", "eaa", "EA", "whsec_", "WHSEC_", "whsec", "sk_", "kapso_", "kops_", "Bearer", "G", "1234567",
                      "e\u{301}", "_", " "]
        var random = SplitMix(seed: 41)
        for _ in 0..<20_000 {
            let value = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(APIKeyShape.kind(of: value) == literal(value), "\(value.debugDescription)")
        }
    }
}
