@testable import KopsShell
import KopsTestSupport
import Testing

/// `TableRenderer.shown` cleans and measures a cell in one step, taking printable ASCII as it is: always the text
/// `cleaned` gives and its `TextWidth.displayWidth` (the two steps it stands in front of).
@Suite struct TableCellReadingTests {
    static let pieces = [
        "a", "webhook", " ", "  ", "\t", "\n", "\r\n", "\u{1B}[31m", "\u{7F}", "é", "e\u{301}", "中文", "👍🏽", "\u{200B}",
        "…", "~", "0", "\u{2028}", String(repeating: "x", count: 700), String(repeating: "é", count: 400),
    ]

    @Test func aCellIsShownAndMeasuredAsCleanedThenMeasured() {
        var generator = SplitMix(seed: 1011)
        var plain = 0
        for _ in 0..<30_000 {
            let text = (0..<(generator.next() % 9)).map { _ in
                // Mostly the short ASCII words a table shows; sometimes a piece a cell must clean or cut.
                generator.next() % 4 == 0
                    ? Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] : ["ok", "a-b", "200", "x y"][Int(generator.next() % 4)]
            }.joined()
            let cleaned = TableRenderer.cleaned(text)
            let shown = TableRenderer.shown(text)
            #expect(shown.text == cleaned && shown.width == TextWidth.displayWidth(cleaned), "\(text.debugDescription)")
            if cleaned == text { plain += 1 }
        }
        #expect(plain > 5_000)
    }
}
