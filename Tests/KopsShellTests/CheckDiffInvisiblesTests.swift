import KopsShell
import Testing

/// probe27 P27-7: `kops check`'s diff showed a trailing space, a tab or a no-break space as two lines that look alike.
@Suite struct CheckDiffInvisiblesTests {
    @Test(arguments: [
        ("+2 items", "-2\titems", "+2 items", "-2\\titems"),
        ("+GREEN", "-GREEN  ", "+GREEN", "-GREEN␠␠"),
        ("+Sales Line, Support Line", "-Sales\u{00A0}Line, Support Line", "+Sales Line, Support Line", "-Sales\\u00a0Line, Support Line"),
        ("+a\u{3000}b", "-a b", "+a\\u3000b", "-a b"),
    ])
    func aDifferenceTheTerminalDoesNotShowIsMarked(_ added: String, _ removed: String, _ shownAdded: String, _ shownRemoved: String) {
        let (lines, marked) = LineDiff.visible(["@@ line 18 (in 'numbers')", added, removed])
        #expect(lines == ["@@ line 18 (in 'numbers')", shownAdded, shownRemoved])
        #expect(marked)
        #expect(lines[1] != lines[2], "the two lines no longer look the same")
    }

    @Test func plainLinesAreLeftAsTheyAre() {
        let diff = ["@@ line 3 (in 'health')", "+status: ok", "-status: degraded", "+   indented  words"]
        #expect(LineDiff.visible(diff).lines == diff)
        #expect(!LineDiff.visible(diff).marked)
    }
}
