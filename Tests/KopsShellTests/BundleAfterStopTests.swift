import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe33 P33-7: `bundle` after `record stop` said "No session was being recorded" and left the recording out, and
/// `bundle t.md --force` then replaced that very recording with a bundle that lacked it. The bundle holds the
/// session's last recording (or says in it why not), and never replaces a recording this session made.
@Suite struct BundleAfterStopTests {
    /// A fresh folder, removed after `body`.
    private static func inFolder<T: Sendable>(_ body: @escaping @Sendable (SimulatorFixture, String) throws -> T) async throws -> T {
        try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-stopped-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            return try body(fixture, folder)
        }
    }

    private static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func aBundleAfterRecordStopHoldsTheRecordingAndChecksClean() async throws {
        let (bundle, err, diff) = try await Self.inFolder { fixture, folder in
            let (shell, output) = try fixture.shell()
            for line in ["record \(folder)/r.md", "use 100200300400501", "explain 131047", "record stop", "bundle \(folder)/b.md"] {
                shell.run(line: line)
            }
            let bundle = Self.read(folder + "/b.md")
            let replay = try TranscriptChecker(
                expected: bundle, path: folder + "/b.md", restore: TranscriptRestore.load(besides: folder + "/b.md")
            ).replay(on: try fixture.shell().shell)
            return (bundle, output.err.replacingOccurrences(of: folder, with: "F"), replay.diff)
        }
        #expect(!bundle.contains("No session was being recorded"), "\(bundle)")
        #expect(bundle.contains("## Session transcript\n\n```kops\nkops(default)> use 100200300400501\n"), "\(bundle)")
        #expect(bundle.contains("> explain 131047\ncode:       131047\n"), "\(bundle)")
        #expect(!bundle.contains("> record stop"))
        #expect(bundle.contains("## Diagnostics\n\n```kops\nkops(default:…0501)> state\n"), "the diagnostics replay: \(bundle)")
        #expect(err.contains("wrote support bundle F/b.md with the stopped recording F/r.md (check it with "), "\(err)")
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }

    /// The stopped recording is refused as the running one is, --force or not, in one line; its bytes stay.
    @Test(arguments: ["", " --force"])
    func aBundleOverTheStoppedRecordingIsRefusedAndTheRecordingStays(_ force: String) async throws {
        let (before, after, err, status, restoreStatus) = try await Self.inFolder { fixture, folder in
            let (shell, output) = try fixture.shell()
            // `message WAMID` is masked, so the recording has a restore file too.
            for line in ["record \(folder)/t.md", "use 100200300400501", "message \(Demo.danaInbound)", "record stop"] {
                shell.run(line: line)
            }
            let before = Self.read(folder + "/t.md")
            let status = shell.run(line: "bundle \(folder)/t.md\(force)")
            let restoreStatus = shell.run(line: "bundle \(folder)/t.md.restore --force")
            return (before, Self.read(folder + "/t.md"), output.err.replacingOccurrences(of: folder, with: "F"), status, restoreStatus)
        }
        #expect(status == .failure && restoreStatus == .failure)
        #expect(before.contains("> message <message 1>") && after == before)
        #expect(
            err.contains(
                "error: bundle: 'F/t.md' is the transcript this session recorded, which a bundle must not replace, even with "
                    + "--force; name another file for the bundle, or leave out the name\n"), "\(err)")
        #expect(
            err.contains(
                "error: bundle: 'F/t.md.restore' is the restore file of the transcript this session recorded (F/t.md), which "
                    + "a bundle must not replace, even with --force; name another file for the bundle, or leave out the name\n"),
            "\(err)")
    }

    /// A value used as a secret only after `record stop` is redacted in the stopped recording as in a running one, so
    /// the bundle of it holds no secret either.
    @Test func aSecretLearnedAfterTheStopIsRedactedInTheRecordingAndTheBundle() async throws {
        let canary = "app_secret_canary_STOPPED_0123456789"
        let (recording, bundle) = try await Self.inFolder { fixture, folder in
            let (shell, _) = try fixture.shell()
            for line in [
                "record \(folder)/r.md", "set ms \(canary)", "explain 131047", "record stop",
                "verify --meta --secret ${ms} --signature sha256=\(String(repeating: "0", count: 64)) --body '{}'",
                "bundle \(folder)/b.md",
            ] {
                shell.run(line: line)
            }
            return (Self.read(folder + "/r.md"), Self.read(folder + "/b.md"))
        }
        #expect(recording.contains("set ms <redacted>") && !recording.contains("canary_STOPPED"), "\(recording)")
        #expect(bundle.contains("set ms <redacted>") && !bundle.contains("canary_STOPPED"), "\(bundle)")
    }

    /// A stopped `--keep-pii` recording is not copied into a masked bundle: the bundle says why, in its text and in
    /// the line that reports it, instead of "No session was being recorded".
    @Test func aStoppedRecordingTheBundleCannotHoldIsNamedWithWhy() async throws {
        let (bundle, err) = try await Self.inFolder { fixture, folder in
            let (shell, output) = try fixture.shell()
            for line in ["record \(folder)/k.md --keep-pii", "use 100200300400501", "messages --limit 1", "record stop", "bundle \(folder)/b.md"] {
                shell.run(line: line)
            }
            return (
                Self.read(folder + "/b.md").replacingOccurrences(of: folder, with: "F"),
                output.err.replacingOccurrences(of: folder, with: "F")
            )
        }
        let why = "F/k.md keeps personal data in clear (record --keep-pii) and this bundle masks it; add --keep-pii to include it as recorded"
        #expect(bundle.contains("The session's recording is not included: \(why).\n"), "\(bundle)")
        #expect(!bundle.contains("No session was being recorded") && !bundle.contains("## Session transcript"))
        #expect(err.contains("wrote support bundle F/b.md without the session's recording: \(why)\n"), "\(err)")
    }
}
