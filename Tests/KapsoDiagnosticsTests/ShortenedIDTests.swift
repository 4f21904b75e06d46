import KapsoDiagnostics
import Testing

/// tester46 F4: an id kops's own table cut in the middle (`…`), pasted into `use` or `trace`, was "ids and phone numbers
/// use ASCII letters and digits only", false of the UUID or WAMID it was cut from; it now says what the `…` is.
@Suite struct ShortenedIDTests {
    @Test(arguments: ["0a1b2c3d-0…0000000305", "wamid.HBgLMTQxNTU1NTAx…MTcyOAA=", "1002003…0501"])
    func aCutIdIsNamedAsKopssOwnCut(_ text: String) {
        #expect(IDInput.read(text) == .failure(.shortenedByTable))
        #expect(IDInput.Problem.shortenedByTable.reason.hasPrefix("it was shortened by kops's table (the '…'); press Tab"))
    }

    @Test func otherNonASCIIIsAsBefore() {
        #expect(IDInput.read("100200300400501é") != .failure(.shortenedByTable))
        #expect(IDInput.read("100200300400501\u{00A0}😀") != .failure(.shortenedByTable))
    }
}
