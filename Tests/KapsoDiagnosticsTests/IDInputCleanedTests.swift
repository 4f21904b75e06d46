import KopsTestSupport
import Testing

@testable import KapsoDiagnostics

/// `IDInput.cleaned` answers ids that start and end with an ASCII letter or digit without reading `Character`s
/// (docs/performance.md, "Session 8: per command"); on random pasted text made of the pieces that could tell them
/// apart, it gives what the `Character` reading gives.
@Suite struct IDInputCleanedTests {
    static let pieces = [
        "a", "Z", "7", "3d4e5f6a-7b8c", "wamid.HBgL", "=", " ", "\t", "\u{A0}", "\u{3000}", "\"", "'", "`", "<", ">", "[",
        "]", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", ".", ",", ";", ":", "!", "?", "\u{301}", "\u{600}", "\u{200D}",
        "\r\n", "é", "١",
    ]

    @Test func cleansAsTheCharacterReading() {
        var random = SplitMix(seed: 47)
        var fast = 0
        for _ in 0..<30_000 {
            let text = (0..<Int(random.next() % 6)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
                .joined()
            let expected = IDInput.cleanedByCharacters(text)
            #expect(Array(IDInput.cleaned(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
            if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, expected == text { fast += 1 }
        }
        #expect(fast > 1_000)
        #expect(IDInput.cleaned("\u{600}1") == "\u{600}1")
        #expect(IDInput.cleaned("'3d4e5f6a'.") == "3d4e5f6a")
    }
}
