import Foundation
@testable import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester67b Z1 leftover: a reply whose `--to=` flag is quoted whole with its number (`'--to=+1 415 555 0171'`, as a
/// shell user quotes a joined flag) was recorded as `reply <body 2>`: the masker read the quoted flag as the first word of
/// the text, so the flag, `--dry-run` and the text became one body and the recorded line no longer parsed as typed. The
/// words are now read as the shell reads them: the flag stays a flag, its number masked inside its quotes.
@Suite struct Z1ToEqualsFormTests {
    @Test(arguments: [
        "reply '--to=+1 415 555 0171' --dry-run hi",
        "reply \"--to=+1 415 555 0171\" --dry-run hi",
        "reply --to='+1 415 555 0171' --dry-run hi",
        "reply '--to=+1 415 555 0171' hi --dry-run",
    ])
    func theJoinedFlagStaysAFlag(_ line: String) throws {
        let masked = PIIMasker().mask(commandLine: line)
        // The text's placeholder (`<body 1>`, two words as the lexer reads it) counted as the one word it stands for.
        #expect(masked.contains("<body 1>"), "\(masked)")
        let words = try #require(try Lexer.commands(in: masked.replacingOccurrences(of: "<body 1>", with: "BODY")).first).map(\.text)
        let typed = try #require(try Lexer.commands(in: line).first).map(\.text)
        // Parses into as many words as typed, the flag first and --dry-run kept.
        #expect(words.count == typed.count, "\(masked)")
        #expect(words.count > 1 && words[1].hasPrefix("--to=+1 "), "\(masked)")
        #expect(words.contains("--dry-run"), "\(masked)")
        #expect(!masked.contains("555 0171") && !masked.contains(" hi"), "\(masked)")
    }

    /// A quoted text that starts with dashes is no flag of reply's: it stays the text, masked.
    @Test func aQuotedTextWithLeadingDashesIsStillTheText() {
        let masked = PIIMasker().mask(commandLine: "reply --to '+1 415 555 0171' --dry-run '--hi there'")
        #expect(!masked.contains("hi there"), "\(masked)")
        #expect(masked.contains("--dry-run"), "\(masked)")
    }

    /// Over loopback: the recorded line keeps the flag and `--dry-run`, without the number's middle digits or the text.
    @Test func theRecordedLineKeepsTheFlag() async throws {
        let (page, _) = try await recordMasked(
            ["use 100200300400501", "reply '--to=+1 415 555 0171' --dry-run hi"], seed: .demo, width: nil)
        let line = try #require(page.split(separator: "\n").first { $0.contains("> reply ") })
        #expect(line.contains("--to=+1 ") && line.contains("--dry-run"), "\(line)")
        #expect(!line.contains("555 0171"), "\(line)")
    }
}
