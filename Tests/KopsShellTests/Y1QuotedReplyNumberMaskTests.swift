@testable import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester67 Y1: `reply --to '+1 415 555 0402' --dry-run hi` was recorded as `reply --to '+1 <body 1>`: the line was split
/// at spaces, so the quoted number's rest, the closing quote, `--dry-run` and the text were taken as the message's text
/// and masked as one body. The shared transcript read like a live send with a half-open quote. Now the number is masked
/// inside its quotes and every flag stays, with single and double quotes alike.
@Suite struct Y1QuotedReplyNumberMaskTests {
    @Test(arguments: [
        ("reply --to '+1 415 555 0402' --dry-run hi", "'"),
        ("reply --to \"+1 415 555 0402\" --dry-run hi", "\""),
        ("reply --dry-run --to '+1 (415) 555-0402' hi there", "'"),
    ])
    func theFlagsStayAndOnlyTheNumberAndTextAreMasked(_ line: String, quote: String) {
        let masked = PIIMasker().mask(commandLine: line)
        #expect(masked.contains("--dry-run"), "\(masked)")
        #expect(masked.contains("--to \(quote)+1 "), "\(masked)")
        #expect(!masked.contains("0402 "), "\(masked)")
        #expect(!masked.contains("555 0402") && !masked.contains("555-0402"), "\(masked)")
        #expect(masked.hasSuffix("<body 1>"), "\(masked)")
        // The quote closes where it did: an even count, as typed.
        #expect(masked.filter { String($0) == quote }.count == 2, "\(masked)")
    }

    /// The text itself is still the body, and a quoted text with a flag's words in it stays one body.
    @Test func aQuotedTextWithFlagWordsIsOneBody() {
        let masked = PIIMasker().mask(commandLine: "reply --to +14155550402 --dry-run 'hello there --force'")
        #expect(masked.contains("--dry-run"), "\(masked)")
        #expect(!masked.contains("hello") && !masked.contains("--force"), "\(masked)")
    }

    /// Over loopback: the recorded page's command line keeps `--dry-run` and shows no part of the number or the text.
    @Test func theRecordedLineKeepsDryRun() async throws {
        let (page, _) = try await recordMasked(
            ["use 100200300400501", "reply --to '+1 415 555 0171' --dry-run hi", "reply --to \"+1 415 555 0171\" --dry-run hello there"],
            seed: .demo, width: nil)
        let lines = page.split(separator: "\n").filter { $0.contains("reply --to") }
        #expect(lines.count == 2, "\(page)")
        for line in lines {
            #expect(line.contains("--dry-run"), "\(line)")
            #expect(!line.contains("<body") || line.hasSuffix(">"), "\(line)")
            #expect(!line.contains("555 0171"), "\(line)")
        }
        #expect(!page.contains("hello there"), "\(page)")
    }
}
