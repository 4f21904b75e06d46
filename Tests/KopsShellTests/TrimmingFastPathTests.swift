import KopsTestSupport
import Testing

@testable import KopsShell

/// `trimmingWhitespace` reads ASCII ends as bytes (docs/performance.md, "Session 11"); the `Character` reading it
/// stands in front of (`characterTrimmed`) is the reference: the same text, as bytes, on random texts made of the
/// pieces that could tell them apart (Unicode spaces, combining marks after a space, a Prepend scalar before one,
/// CR LF, controls that are no whitespace, emoji sequences), as `String` and as `Substring`.
@Suite struct TrimmingFastPathTests {
    static let pieces = [
        " ", " ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{200B}", "\u{301}", "\u{600}", "\u{200D}", "a", "numbers", "e\u{301}", "é", "\u{212A}", "\\",
        "\u{1F1FA}\u{1F1F8}", "\u{1F468}\u{200D}\u{1F469}", "#", "'",
    ]

    @Test func trimsLikeTheCharacterReading() {
        var random = SplitMix(seed: 47)
        for _ in 0..<30_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in
                Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            }.joined()
            #expect(Array(text.trimmingWhitespace.utf8) == Array(text.characterTrimmed.utf8), "\(text.debugDescription)")
            let slice = ("x" + text + "y").dropFirst().dropLast()
            #expect(Array(slice.trimmingWhitespace.utf8) == Array(slice.characterTrimmed.utf8), "\(text.debugDescription)")
        }
    }

    @Test(arguments: (0...0x7F).map { UInt8($0) })
    func asciiWhitespaceAsTheProperty(_ byte: UInt8) {
        #expect(isASCIIWhitespace(byte) == Unicode.Scalar(byte).properties.isWhitespace)
    }

    /// Texts where only the `Character` reading is right: the byte reading must leave them to it.
    @Test(arguments: [" \u{301}x", "x\u{A0}", "\u{3000}numbers", " \u{600} x", "numbers \u{85}", "\u{200B} x"])
    func leavesUnicodeEndsToTheCharacterReading(_ text: String) {
        #expect(Array(text.trimmingWhitespace.utf8) == Array(text.characterTrimmed.utf8))
    }
}
