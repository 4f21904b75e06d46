import KopsShell
import Testing

/// Errors and hints go to standard error and fit its terminal, which need not be standard output's: `kops -c … | less`
/// or `> out.txt` shows them on the terminal (they wrapped mid-word there, "m / ember"), and `2> err.log` must get
/// them as one line each, as a pipe or transcript does. Standard output's prose fits standard output's terminal only.
@Suite struct ErrorWidthTests {
    static let lines = ["payload sample whatsapp.message.received", "verify --secret x --body y", "explain 131047"]

    /// Each line's standard output and standard error in a fresh offline shell with the given widths.
    static func run(out: Int?, err: Int?, setsErrorWidth: Bool = true) -> [(out: String, err: String)] {
        lines.map { line in
            let offline = OfflineShell()
            if let out { offline.shell.terminalWidth = { out } }
            if setsErrorWidth { offline.shell.errorWidth = { err } }
            _ = offline.shell.run(line: line)
            return (offline.output.out, offline.output.err)
        }
    }

    /// The words of `text`, whatever its line breaks and indents.
    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

    @Test func aPipedOutputStillWrapsErrorsAndHintsToTheTerminal() {
        let plain = Self.run(out: nil, err: nil)
        let fitted = Self.run(out: nil, err: 60)
        for (index, (plain, fitted)) in zip(plain, fitted).enumerated() {
            #expect(fitted.out == plain.out, "standard output is a pipe: as written (\(Self.lines[index]))")
            #expect(Self.words(fitted.err) == Self.words(plain.err), "no word is cut or lost (\(Self.lines[index]))")
            for line in fitted.err.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
        }
        #expect(plain[0].err.split(separator: "\n").contains { $0.count > 60 }, "a long hint to fit")
        #expect(plain[1].err.split(separator: "\n").contains { $0.count > 60 }, "a long error to fit")
        #expect(fitted[1].err.hasPrefix("-c:1: error: verify: missing --signature HEX;") || fitted[1].err.hasPrefix("error: verify"),
            "\(fitted[1].err)")
    }

    @Test func standardErrorToAFileKeepsOneLineEachWhileTheTerminalFits() {
        let plain = Self.run(out: nil, err: nil)
        let fitted = Self.run(out: 60, err: nil)
        for (index, (plain, fitted)) in zip(plain, fitted).enumerated() {
            #expect(fitted.err == plain.err, "standard error is a file: as written (\(Self.lines[index]))")
        }
        #expect(fitted[2].out != plain[2].out && Self.words(fitted[2].out) == Self.words(plain[2].out), "explain's prose fits the terminal")
        for line in fitted[2].out.split(separator: "\n") where !line.contains("https://") { #expect(line.count <= 60, "\(line)") }
    }

    /// Without an error width (tests, embedders), errors and hints follow standard output's, as before.
    @Test func withoutAnErrorWidthErrorsFollowTheOutputWidth() {
        let fitted = Self.run(out: 60, err: nil, setsErrorWidth: false)
        for line in (fitted[0].err + fitted[1].err).split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
    }
}
