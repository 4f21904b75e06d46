@testable import KopsShell
import Testing

/// tester67b Z1: a `reply` line with a flag after its text (`reply --to '+1 415 555 0402' hi --dry-run`) was recorded
/// as `… <body 6>`: `--dry-run` was masked into the body, so the transcript read like a live send; after `--`, a first
/// word of text that starts with `--` stayed in clear. The flags after the text stay, and everything after `--` is text.
@Suite struct Z1ReplyFlagsAfterTextMaskTests {
    @Test(arguments: [
        "reply --to '+1 415 555 0402' hi --dry-run",
        "reply --to +14155550402 hello there --dry-run",
        "reply hi there --dry-run --to +14155550402",
    ])
    func flagsAfterTheTextStay(_ line: String) {
        let masked = PIIMasker().mask(commandLine: line)
        #expect(masked.contains(" --dry-run"), "\(masked)")
        #expect(!masked.contains("hi ") && !masked.contains("hello"), "\(masked)")
        #expect(!masked.contains("555"), "\(masked)")
        #expect(masked.contains("<body 1>"), "\(masked)")
    }

    @Test func everythingAfterTheSeparatorIsText() {
        let masked = PIIMasker().mask(commandLine: "reply --to +14155550402 --dry-run -- --not-a-flag secret words")
        #expect(masked.contains("--dry-run -- "), "\(masked)")
        #expect(!masked.contains("not-a-flag") && !masked.contains("secret words"), "\(masked)")
    }

    /// A text word after a flag that follows text: the whole rest stays the text, masked (more, never less).
    @Test func textAfterAFlagKeepsTheRestMasked() {
        let masked = PIIMasker().mask(commandLine: "reply --to +14155550402 hi --dry-run there")
        #expect(!masked.contains("hi ") && !masked.contains("there"), "\(masked)")
    }
}
