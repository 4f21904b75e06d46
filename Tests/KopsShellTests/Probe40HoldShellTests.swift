import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe39 P39-3 and probe40 P40-8 on seeded simulators: template failures read against the WABA's templates in `trace`,
/// `message` and `errors`; `reply` (text and template, dry run included) held after the contact's recent failures whose
/// advice says not to resend now.
@Suite struct Probe40HoldShellTests {
    static func seed(_ name: String) -> SimulatorSeed {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return SimulatorSeed.file(folder.appendingPathComponent("Seeds/\(name).seed.json").path)
    }

    static func line(_ prefix: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }

    /// P39-3: the 132001 in `en` (order_update is APPROVED in en_US) and the 132000 with 2 body values (it takes 1).
    @Test func templateFailuresNameTheMismatch() async throws {
        let language = "wamid.HBgLMTQxNTU1NTA0MDUVAgASGBQ0RjU1NTQzMDM1MDAwMDAwMDAwMAA="
        let count = "wamid.HBgLMTQxNTU1NTA0MjAVAgASGBQ0RjU1NTQzMjMwMDAwMDAwMDAwMAA="
        let runs = try await runDemo(
            ["trace \(language)", "trace \(count)", "message \(language)", "errors"], number: "100200300400501",
            seed: Self.seed("probe39-paused"))
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let missing = "order_update exists in en_US (APPROVED), not in en"
        #expect(Self.line("verdict:", in: runs[0].out).contains(missing + " (Meta's language codes are exact"), "\(runs[0].out)")
        #expect(Self.line("verdict:", in: runs[0].out).contains("send with language en_US"), "\(runs[0].out)")
        let counted = "order_update (en_US): the body takes 1 parameter ({{1}}), the send gave 2"
        #expect(Self.line("verdict:", in: runs[1].out).contains(counted), "\(runs[1].out)")
        #expect(Self.line("template:", in: runs[2].out).contains(missing), "\(runs[2].out)")
        #expect(runs[3].out.contains(missing) && runs[3].out.contains(counted), "\(runs[3].out)")
        #expect(!runs[3].out.contains("check the template name, the language code and its approval"), "\(runs[3].out)")
    }

    /// P40-8: three replies to …1001 failed 131026 (text reply held), three template sends to …1002 failed 131056, the
    /// newest 6 s ago (template reply held for Meta's backoff), two to …1003 an hour ago (said, not held); --force sends.
    @Test func repliesAreHeldAfterFailuresThatSayWait() async throws {
        let runs = try await runDemo(
            [
                "reply --to +14155551001 --dry-run 'Are you there?'",
                "reply --to +14155551002 --template order_update --language en_US --param A-1 --dry-run",
                "reply --to +14155551003 --template order_update --language en_US --param A-1 --dry-run",
                "reply --to +14155551001 --dry-run --force 'Are you there?'",
                "reply --to +14155551004 --dry-run 'Are you there?'",
            ], number: "100200300400501", seed: Self.seed("probe40-holds"))
        #expect(runs[0].status != 0 && runs[0].err.split(separator: "\n").count == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains("reply: not sent: Contact 1001") && runs[0].err.contains("3 sends to this contact failed 131026"), "\(runs[0].err)")
        #expect(runs[0].err.contains("do not retry in a loop") && runs[0].err.contains("--force"), "\(runs[0].err)")
        #expect(runs[1].status != 0 && runs[1].err.contains("failed 131056 (pair rate limit)"), "\(runs[1].out)\(runs[1].err)")
        #expect(runs[1].err.contains("wait until 2026-11-21T12:00:11Z"), "\(runs[1].err)")
        #expect(runs[2].status == 0 && (runs[2].out + runs[2].err).contains("which has passed: this send may go"), "\(runs[2].out)\(runs[2].err)")
        #expect(runs[3].status == 0 && (runs[3].out + runs[3].err).contains("--force: sending although 131026"), "\(runs[3].out)\(runs[3].err)")
        #expect(runs[4].status == 0 && !(runs[4].out + runs[4].err).contains("131026"), "\(runs[4].out)\(runs[4].err)")
    }
}
