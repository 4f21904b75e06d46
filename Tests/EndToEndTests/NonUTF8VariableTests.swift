import Foundation
import KopsTestSupport
import Testing

/// probe29 P29-5: a byte that is not UTF-8 (a Latin-1 `á`, 0xE1) reaching a line through `--var x=…` or `${env:NAME}`
/// became U+FFFD and was sent; now it is named (the variable, the byte, its column) and nothing is sent.
@Suite struct NonUTF8VariableTests {
    @Test func aVarValueThatIsNotUTF8IsNamedAndNothingRuns() async throws {
        let result = try await offPool {
            try ProcessRunner.run(
                "/bin/sh", ["-c", #""$KOPS" --demo --var x="$(printf 'Ol\341 var')" -c 'explain 131047; reply --to +14155550142 --dry-run "${x}"'"#],
                environment: ["KOPS": ProcessRunner.executable("kops").path])
        }
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(
            "invalid --var x: its value holds the byte 0xE1 (column 3), which is not UTF-8 (typed or saved as Latin-1 or "
                + "Windows-1252?); nothing ran: pass it as UTF-8"), "\(result.stderr)")
        #expect(!result.stdout.contains("131047") && !result.stdout.contains("\u{FFFD}"), "\(result.stdout)")
    }

    @Test func anEnvironmentValueThatIsNotUTF8IsNamedAndItsLineDoesNotRun() async throws {
        let result = try await offPool {
            try ProcessRunner.run(
                "/bin/sh", ["-c", #"GREETING="$(printf 'Ol\341 env')" "$KOPS" --demo -c 'reply --to +14155550142 --dry-run "${env:GREETING}"'"#],
                environment: ["KOPS": ProcessRunner.executable("kops").path])
        }
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(
            "environment variable GREETING holds the byte 0xE1 (column 3 of its value), which is not UTF-8 (set as Latin-1 or "
                + "Windows-1252?); nothing of this line ran: export it as UTF-8"), "\(result.stderr)")
        #expect(!result.stdout.contains("\u{FFFD}") && !result.stdout.contains("Ol"), "\(result.stdout)")
    }
}
