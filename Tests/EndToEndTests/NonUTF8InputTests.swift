import Foundation
import KopsTestSupport
import Testing

/// probe27 P27-6: a piped line with a byte that is not UTF-8 (a Latin-1 `á`, 0xE1) was decoded with U+FFFD in its
/// place and sent; now it is named, with its column, and nothing of it runs; piped input stops there as a script does.
@Suite struct NonUTF8InputTests {
    @Test func aPipedLineThatIsNotUTF8IsNamedAndNotRun() async throws {
        let result = try await offPool {
            try ProcessRunner.run(
                "/bin/sh", ["-c", #"printf 'explain 131047\nreply --to +14155550142 --dry-run Ol\341\nexplain 368\n' | "$KOPS" --demo"#],
                environment: ["KOPS": ProcessRunner.executable("kops").path])
        }
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(
            "<stdin>:2: error: this line holds the byte 0xE1 (column 37), which is not UTF-8 (typed or saved as Latin-1 or "
                + "Windows-1252?); nothing of it ran: send it as UTF-8"), "\(result.stderr)")
        #expect(!result.stdout.contains("\u{FFFD}") && !result.stdout.contains("POST"), "\(result.stdout)")
        // The line before ran, the line after did not.
        #expect(result.stdout.contains("code:       131047") && !result.stdout.contains("code:       368"), "\(result.stdout)")
    }

    /// probe27 P27-6: `-c` read the decoded argument, where the byte was already U+FFFD, and sent it; the raw argument
    /// is read now, and nothing of any `-c` command runs.
    @Test func aDashCByteThatIsNotUTF8IsNamedAndNothingRuns() async throws {
        let result = try await offPool {
            try ProcessRunner.run(
                "/bin/sh", ["-c", #""$KOPS" --demo -c "$(printf 'explain 131047; reply --to +14155550142 --dry-run Ol\341 x')""#],
                environment: ["KOPS": ProcessRunner.executable("kops").path])
        }
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr == "-c:2: error: this line holds the byte 0xE1 (column 37), which is not UTF-8 (typed or saved "
            + "as Latin-1 or Windows-1252?); nothing of it ran: send it as UTF-8\n", "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }
}
