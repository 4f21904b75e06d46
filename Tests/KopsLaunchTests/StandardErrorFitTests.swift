import KopsTerminal
import Testing

/// What kops writes to standard error outside the shell's renderer (a bad config, `kops check` of a missing file, a
/// script's summary) fits standard error's terminal at words too; a pipe, a question and styled lines are left alone.
@Suite struct StandardErrorFitTests {
    static let error = "error: no phone number in this project matches '100200300400599'; 100200300400599 is not a phone-number id\n"

    @Test func wholeLinesWrapAtWordsUnderTheMessage() {
        #expect(StandardOutput.fitted(Self.error, width: 60) == """
            error: no phone number in this project matches
                   '100200300400599'; 100200300400599 is not a
                   phone-number id

            """)
    }

    @Test(arguments: [
        (error, nil as Int?), (error, 200), ("run it? [y/N] " + String(repeating: "x ", count: 50), 60),
        ("\u{1B}[2m" + String(repeating: "dim ", count: 20) + "\u{1B}[0m\n", 60), ("", 60), ("\n\n", 60),
    ])
    func otherTextIsWrittenAsGiven(text: String, width: Int?) {
        #expect(StandardOutput.fitted(text, width: width) == text)
    }

    @Test func fittedLinesAreLeftAsTheyAreAndEmptyLinesStay() {
        let text = "error: short\n\nwarning: " + String(repeating: "word ", count: 20) + "end\n"
        let fitted = StandardOutput.fitted(text, width: 40)
        #expect(fitted.hasPrefix("error: short\n\nwarning: word word"))
        #expect(fitted.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 40 })
        #expect(StandardOutput.fitted(fitted, width: 40) == fitted, "fitting twice changes nothing")
    }
}
