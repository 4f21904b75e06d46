@testable import KapsoDiagnostics
import KopsHTTP
import KopsTestSupport
import Testing

/// `MaskedInput.read` answers a value with no byte of a mark from its bytes (`mayHoldMark`: issue #16, session 41; a
/// webhook's URL and secret at every `webhooks get` cost about 80,000 instructions each in the `Character` reading).
@Suite struct MaskedInputByteTestTests {
    /// What kops reads most: ASCII URLs and secrets with no mark, answered without the `Character` reading.
    @Test(arguments: [
        "https://example.com/webhooks/kapso", "whsec_demo_123", "mysecret_1234", "https://x.test/a.b/c?d=e.f", "Bearer abc.def",
    ])
    func anASCIIValueWithNoMarkIsAnsweredFromItsBytes(value: String) {
        #expect(!MaskedInput.mayHoldMark(value))
        #expect(MaskedInput.read(value) == nil && MaskedInput.readByCharacter(value) == nil)
    }

    /// Random values of marks whole and cut (`<redacted>`, `…`, `•`, `...`), lookalikes (`‥`, `．`, `⋯`), prefixes,
    /// combining marks (on `.`, `<` and `…`), `\r\n` and ASCII words: `read` answers as `readByCharacter` does; both a
    /// mark found and none common, and many values answered from the bytes.
    @Test func theByteTestAnswersAsTheCharacterReading() {
        let pieces = [
            "<redacted>", "<", "redacted>", "<redac", ">", "…", "•", "•••", ".", "..", "...", "whsec_", "Bearer ", "sk_", "EAA",
            "abc", "23", "\u{301}", "é", "e\u{301}", "\r\n", "https://example.com/hook", "‥", "．", "⋯", "/", " ", "_", "x",
        ]
        var generator = SplitMix(seed: 4117)
        var (found, none, fromBytes) = (0, 0, 0)
        for _ in 0..<20_000 {
            let value = (0..<(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let expected = MaskedInput.readByCharacter(value)
            if expected == nil { none += 1 } else { found += 1 }
            if !MaskedInput.mayHoldMark(value) { fromBytes += 1 }
            #expect(MaskedInput.read(value) == expected, "\(value.debugDescription)")
        }
        #expect(found > 3_000 && none > 3_000 && fromBytes > 1_000, "\(found) found, \(none) none, \(fromBytes) from bytes")
    }
}
