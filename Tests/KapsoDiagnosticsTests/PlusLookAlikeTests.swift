import KapsoDiagnostics
import Testing

/// probe25 P25-15: a plus sign of another form before a phone number (the full-width ＋ a CJK keyboard types with its
/// full-width digits, a small, superscript, subscript or heavy plus) is read as `+`, named as the full-width digits
/// are, and the ASCII number given.
@Suite struct PlusLookAlikeTests {
    @Test(arguments: ["\u{FF0B}", "\u{FE62}", "\u{207A}", "\u{208A}", "\u{2795}"])
    func aPlusWithFullWidthDigitsReadsAsTheDigits(_ plus: String) {
        let typed = plus + "１４１５５５５０１４２"
        #expect(IDInput.read(typed) == .failure(.nonASCIIDigits(ascii: "+14155550142", script: "full-width")))
        #expect(IDInput.read("+１４１５５５５０１４２") == .failure(.nonASCIIDigits(ascii: "+14155550142", script: "full-width")))
    }

    @Test(arguments: ["\u{FF0B}", "\u{FE62}", "\u{207A}", "\u{208A}", "\u{2795}"])
    func aPlusWithASCIIDigitsIsNamedWithTheASCIINumber(_ plus: String) throws {
        guard case .failure(let problem) = IDInput.read(plus + "14155550142") else {
            Issue.record("read as an id")
            return
        }
        let reason = try #require(problem.otherKeyboardReason)
        #expect(reason.contains("at position 1 (it looks like '+') is not ASCII"), "\(reason)")
        #expect(reason.contains("typed in ASCII it is +14155550142: use that"), "\(reason)")
    }

    @Test func aPlusInsideANumberOrAloneIsNoNumber() {
        #expect(IDInput.read("１４\u{FF0B}１５５５５０１４２") != .failure(.nonASCIIDigits(ascii: "14+155550142", script: "full-width")))
        #expect(IDInput.read("\u{FF0B}") == .failure(.nonASCII))
        #expect(IDInput.Problem.nonASCII.otherKeyboardReason == nil)
    }
}
