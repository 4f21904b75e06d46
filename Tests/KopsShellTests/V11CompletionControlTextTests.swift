import KopsShell
import Testing

/// tester54 V11: Tab completion listed template names and languages from the API as they were: an escape sequence in a
/// template name set the window title or cleared the screen, and completing put its bytes into the line. Ids were
/// already filtered where lists are harvested; template names came in by another door. `IDCache.remember`, which every
/// source goes through, now keeps no id with control characters and escapes labels.
@Suite struct V11CompletionControlTextTests {
    @Test func aTemplateNameOrLanguageWithControlsIsNoCandidate() {
        var ids = IDCache()
        ids.remember("evil\u{1B}]0;TABPWN\u{07}name", as: .template)
        ids.remember("promo\u{1B}[2Jclear", as: .template)
        ids.remember("order_update", as: .template)
        ids.remember("en\u{1B}[31m", as: .templateLanguage)
        ids.remember("en_US", as: .templateLanguage)
        #expect(Completion.candidates(lineBeforeCursor: "reply --template ", registry: .standard, ids: ids) == ["order_update"])
        #expect(Completion.candidates(lineBeforeCursor: "template ", registry: .standard, ids: ids) == ["order_update"])
        #expect(Completion.candidates(lineBeforeCursor: "reply --language ", registry: .standard, ids: ids) == ["en_US"])
    }

    @Test func aLabelIsKeptWithItsControlsEscaped() {
        var ids = IDCache()
        ids.remember("100200300400501", as: .phoneNumber, label: "Support\u{1B}[2J Line")
        #expect(ids.labels["100200300400501"] == "Support\\x1b[2J Line")
    }
}
