import KapsoDiagnostics
import Testing

/// tester56 Z2: whitespace inside a WAMID is read by the id's length and padding: a line wrapped where the id was shown
/// (a space or a line break where no character was) is offered without it; a '+' a URL's query decoding made a space only
/// when the '+' fits; both, hedged, when both fit. A line break is never a decoded '+'.
@Suite struct Z2WAMIDLineWrapTests {
    /// The tester's message W(07) (a made-up id, as seeds have: it opens with the contact's number).
    static let w07 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN07AAAAAAAAAAAAAAAAAAAA="
    /// A whole id (Kapso's fixtures).
    static let whole = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    static func split(_ id: String, at offset: Int, with blank: String) -> String {
        String(id.prefix(offset)) + blank + String(id.dropFirst(offset))
    }

    @Test(arguments: [
        (split(w07, at: 40, with: " "), "a space", w07),
        (split(w07, at: 36, with: "\n"), "a line break", w07),
        (split(w07, at: 36, with: "\n    "), "a line break", w07),
        (split(whole, at: 50, with: " "), "a space", whole),
        (split(whole, at: 30, with: "\r\n"), "a line break", whole),
    ])
    func aWrappedLineIsOfferedWithoutTheBlank(_ typed: String, _ what: String, _ id: String) {
        let damage = WAMID.damage(typed) ?? ""
        #expect(damage == "it holds \(what) inside it (a line wrapped where the id was shown, copied back): without it, it reads as a "
            + "WAMID: \(id)", "\(damage)")
        #expect(!damage.contains("put the '+' back"), "\(damage)")
    }

    /// A '+' made a space by a query's decoding, where only the '+' gives base64 a length it has.
    @Test func aSpaceWhereOnlyAPlusFitsIsThePlus() {
        let typed = "wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc OAA="
        #expect(WAMID.damage(typed) == "it holds a space where its base64 has a '+' (a URL's query decoding turns '+' into a "
            + "space): put the '+' back: wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc+OAA=")
    }

    /// No padding typed: both lengths are base64's; a whole record decides, else both are offered.
    @Test func bothReadingsAreHedgedWhenTheLengthFitsBoth() {
        let bare = String(Self.w07.prefix { $0 != "=" })
        let damage = WAMID.damage(Self.split(bare, at: 40, with: " ")) ?? ""
        #expect(damage.hasPrefix("it holds a space, and its length fits two readings"), "\(damage)")
        #expect(damage.contains("(without it: \(bare))") && damage.contains(Self.split(bare, at: 40, with: "+")), "\(damage)")
        let wholeBare = String(Self.whole.prefix { $0 != "=" })
        #expect(WAMID.damage(Self.split(wholeBare, at: 44, with: " "))?.hasSuffix("without it, it reads as a WAMID: \(wholeBare)") == true)
    }

    /// A line break, a tab or two spaces are no decoded '+', whatever the length says.
    @Test func aLineBreakIsNeverAPlus() {
        let typed = "wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc\nOAA="
        let damage = WAMID.damage(typed) ?? ""
        #expect(!damage.contains("'+'") || damage.contains("neither"), "\(damage)")
        #expect(damage.hasPrefix("it holds a line break, and the id reads as a WAMID neither without it"), "\(damage)")
    }

    /// The '+' version of a wrapped id (what the old advice led to) is one character too long: not only "an '=' was added".
    @Test func theTooLongPlusVersionIsNotCalledAnAddedEquals() {
        let damage = WAMID.damage(Self.split(Self.w07, at: 40, with: "+")) ?? ""
        #expect(damage.contains("or a character before it"), "\(damage)")
    }
}
