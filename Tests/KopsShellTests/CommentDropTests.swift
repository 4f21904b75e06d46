import KopsShell
import KopsTestSupport
import Testing

/// probe29 P29-19: the "'#' starts a comment" hint was wired to `explain`'s missing code (shown with no `#` typed) and
/// missing where a `#` did drop the argument. Now it comes from the lexer: a missing argument after a `#` touching a
/// word names that word, for every command, and no other line mentions '#'.
@Suite struct CommentDropTests {
    static func hint(_ word: String) -> String { "('#' starts a comment, so '\(word)' was dropped: quote it or drop the '#')" }

    @Test(arguments: [
        ("whois #100200300400501", "whois: missing id " + hint("#100200300400501")),
        ("use #100200300400501", "use: missing phone number id or display number " + hint("#100200300400501")),
        ("reply --to #14155550142 hi", "reply: missing value for --to (E164|BSUID|@USERNAME) " + hint("#14155550142")),
        ("messages --phone-number #14155550142", "messages: missing value for --phone-number (E164|BSUID) " + hint("#14155550142")),
        ("explain #131047", "explain: missing error code " + hint("#131047")),
        ("numbers; whois #100200300400501", "whois: missing id " + hint("#100200300400501")),
    ])
    func aDroppedArgumentIsNamed(line: String, message: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(ran.err.contains("error: " + message), "\(ran.err)")
    }

    /// No `#` typed, or a comment written as one (`# note`): no word about '#'.
    @Test(arguments: ["explain", "whois", "whois # who is this", "use", "reply --to"])
    func noDroppedWordNoHint(line: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(ran.err.contains("missing"), "\(ran.err)")
        #expect(!ran.err.contains("'#'"), "\(ran.err)")
    }

    /// probe34 P34-7: `reply Your order #1042 is ready` sent "Your order": the words after the `#` were a comment and
    /// what was left was still a text. A command that sends or writes is refused, naming the words cut off, before
    /// anything is sent; a dry run (which shows what would be sent) too.
    @Test(arguments: [
        "reply --to +14155550142 Your order #1042 is ready",
        "reply --dry-run --to +14155550142 Your order #1042 is ready",
        "use 100200300400501; reply --to +14155550142 Your order #1042 is ready  ",
    ])
    func aSendCutByACommentIsRefused(line: String) async throws {
        let ran = try await runDemo([line, "messages --limit 1"])
        #expect(ran[0].status == 64, "\(ran[0].err)")
        #expect(
            ran[0].err.contains(
                "error: reply: '#' starts a comment, so '#1042 is ready' was cut off and would not be sent; quote the whole text "
                    + "(\"… #1042 is ready\") or write \\# for a '#'; nothing was sent"), "\(ran[0].err)")
        #expect(!ran[0].out.contains("Your order"), "\(ran[0].out)")
        #expect(!ran[1].out.contains("Your order"), "nothing was sent: \(ran[1].out)")
    }

    /// Quoted or escaped, the `#` is text and the whole text is sent; a comment written as one (`# note`) cuts no word.
    @Test(arguments: [
        ("use 100200300400501; reply --dry-run --to +14155550142 'Your order #1042 is ready'", "Your order #1042 is ready"),
        ("use 100200300400501; reply --dry-run --to +14155550142 Your order \\#1042 is ready", "Your order #1042 is ready"),
        ("use 100200300400501; reply --dry-run --to +14155550142 Your order # a note", "Your order"),
    ])
    func aQuotedHashIsSent(line: String, body: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.out.contains("\"body\": \"\(body)\""), "\(ran.out)")
    }
}
