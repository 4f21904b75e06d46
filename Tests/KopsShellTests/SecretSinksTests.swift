import Foundation
@testable import KopsShell
import KopsHTTP
import KopsTestSupport
import Testing

/// Probe24's secret leaks and data losses at the sinks a shell writes: the history file, the restore file beside a
/// transcript, a recording's own files.
@Suite struct SecretSinksTests {
    /// A line reader that keeps what a history file would get, through the same gate as the terminal's reader.
    final class HistoryProbe: LineReader {
        var lines: [String]
        var saved: [String] = []
        var notices: [String] = []
        private var gate = HistoryGate()

        init(_ lines: [String]) { self.lines = lines }

        func readLine(prompt: String) -> LineInput { lines.isEmpty ? .endOfInput : .line(lines.removeFirst()) }

        func remember(_ line: String) { keep(gate.admit(line), line) }

        func remember(_ line: String, redactor: Redactor) { keep(gate.admit(line, redactor: redactor), line) }

        private func keep(_ admitted: (save: Bool, notice: String?), _ line: String) {
            if admitted.save { saved.append(line) }
            if let notice = admitted.notice { notices.append(notice) }
        }
    }

    /// P24-3: a value kops knows as a secret (the API key, a webhook's `--secret-key`, a secret-named variable) typed in
    /// a later line is kept out of the history file, as it is redacted in `history`, the terminal and transcripts.
    @Test func knownSecretsNeverReachTheHistoryFile() async throws {
        let probe = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            let probe = HistoryProbe([
                "use 100200300400501",
                "webhooks create --url https://hooks.example.test/h --events whatsapp.message.received --secret-key MyPlainSecret2026",
                "logs search MyPlainSecret2026",
                "reply --to +14155550142 --dry-run 'is it MyPlainSecret2026?'",
                "set mysecret HUNTER2PASSWORD",
                "reply --to +14155550142 --dry-run 'my password is HUNTER2PASSWORD'",
                "whois \(fixture.apiKey)",
                "logs search \(fixture.apiKey.prefix(14))",
                "explain 131047",
            ])
            _ = shell.loop(reader: probe)
            return (probe.saved, probe.notices)
        }
        #expect(probe.0 == ["use 100200300400501", "explain 131047"])
        #expect(probe.1 == [HistoryPolicy.keptOutNotice])
    }

    /// P24-1: the restore file beside a transcript keeps a masked line's personal data, never a URL's password or
    /// query credentials, a `--secret-key` or `--headers` value (P24-17's names included).
    @Test func theRestoreFileHoldsNoSecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-restore-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let secrets = ["PASSWORDxyz123", "ACCESSTOK999", "APIKEY777", "SIGVAL555", "PWVAL333", "AZFUNCKEY1", "MYSECRETvalue0001",
                       "HDRBEARER4242", "HDRKEY8888"]
        let (restore, page) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            shell.run(line: "record \(folder)/s1.md")
            shell.run(line: "use 100200300400501")
            shell.run(line: "webhooks create --url 'https://u:PASSWORDxyz123@rx.example.test/h?access_token=ACCESSTOK999&apikey=APIKEY777"
                + "&sig=SIGVAL555&password=PWVAL333&code=AZFUNCKEY1' --events whatsapp.message.received --secret-key whsec_MYSECRETvalue0001 "
                + #"--headers '{"Authorization":"Bearer HDRBEARER4242","X-Api-Key":"HDRKEY8888"}'"#)
            shell.run(line: "reply --to +14155550142 --dry-run 'see https://u:PASSWORDxyz123@rx.example.test/h?code=AZFUNCKEY1'")
            shell.run(line: "record stop")
            return (
                try String(contentsOfFile: "\(folder)/s1.md.restore", encoding: .utf8),
                try String(contentsOfFile: "\(folder)/s1.md", encoding: .utf8))
        }
        // The masked line is there, with its phone number as typed.
        #expect(restore.contains("+14155550142"))
        for secret in secrets {
            #expect(!restore.contains(secret), "\(secret) in the restore file")
            #expect(!page.contains(secret), "\(secret) in the transcript")
        }
    }

    /// P24-9: `bundle` refuses the recording's restore file, existing or not, with or without --force.
    @Test(arguments: ["bundle $D/be.md.restore --force", "bundle $D/be.md.restore", "bundle $D/./be.md.restore --force"])
    func bundleRefusesTheRecordingsRestoreFile(_ line: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-own-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, err, restore) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "record \(folder)/be.md")
            shell.run(line: "use 100200300400501")
            shell.run(line: "reply --to +14155550142 --dry-run hi")
            let status = shell.run(line: line.replacingOccurrences(of: "$D", with: folder))
            shell.run(line: "reply --to +14155550142 --dry-run hello")
            shell.run(line: "record stop")
            return (status, output.err, try String(contentsOfFile: "\(folder)/be.md.restore", encoding: .utf8))
        }
        #expect(status == .failure)
        #expect(err.contains("is the restore file of the transcript being recorded"), "\(err)")
        #expect(err.contains("name another file, or 'record stop' first"))
        #expect(!err.split(separator: "\n").contains { $0.hasPrefix("error: bundle:") && $0.contains("--force") })
        #expect(restore.contains("--dry-run hi") && restore.contains("--dry-run hello"), "\(restore)")
        #expect(TranscriptRestore.problem(besides: "\(folder)/be.md") == nil)
    }

    /// P27-8: `record`/`bundle X.md.restore --force` from a session that is not recording X.md replaced X.md's private
    /// restore file (and X.md could no longer be checked); refused with one line naming whose it is, the file left as it
    /// was. Also where X.md was moved away and only its restore file is left, and where no restore file exists yet.
    @Test(arguments: [
        ("record $D/t.md.restore --force", true, true), ("bundle $D/t.md.restore --force", true, true),
        ("record $D/t.md.restore --force", false, true), ("record $D/t.md.restore", true, false),
    ])
    func anotherTranscriptsRestoreFileIsNeverWritten(line: String, transcriptKept: Bool, restoreExists: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-restore-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let restore = #"{"lines":{"reply --to <contact 1> --dry-run hi":["reply --to +14155550142 --dry-run hi"]}}"#
        if transcriptKept { try Data("# kops transcript\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/t.md")) }
        if restoreExists { try Data(restore.utf8).write(to: URL(fileURLWithPath: "\(folder)/t.md.restore")) }
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "explain 131047")
            return (shell.run(line: line.replacingOccurrences(of: "$D", with: folder)), output.err)
        }
        #expect(status == .failure)
        #expect(err.contains("it is where the private restore file of '\(folder)/t.md' is kept"), "\(err)")
        #expect(err.contains("even with --force; name another file"))
        let left = try? String(contentsOfFile: "\(folder)/t.md.restore", encoding: .utf8)
        #expect(left == (restoreExists ? restore : nil))
    }

    /// P27-22: `/dev/stdout` (and its spellings) leads to whatever the shell opened for the output (`>> mylog.txt`),
    /// a file kops did not write: `record`/`bundle` refuse it whatever the flags, and never suggest --force for it.
    @Test(arguments: [
        "record /dev/stdout --force", "record /dev/stdout", "bundle /dev/stdout", "bundle /dev/./stderr --force",
        "record /proc/self/fd/1 --append", "record /tmp/../dev/fd/1 --force",
    ])
    func aStreamOfThisProcessIsNoTranscript(line: String) async throws {
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "explain 131047")
            return (shell.run(line: line), output.err)
        }
        #expect(status == .failure)
        #expect(err.contains("it is a device or a stream of this process, not a file"), "\(err)")
        #expect(!err.contains("--force to replace it") && !err.contains("add --force"), "\(err)")
    }

    /// probe29 P29-3: a link to a stream of this process (`so.md -> /dev/stdout`, here `/proc/self/fd/N` of an open
    /// file, the redirect target) is judged where it leads: refused whatever the flags, --force never suggested, and
    /// the file behind it keeps its bytes; also through a second link.
    @Test(arguments: ["record $D/so.md --force", "record $D/so.md", "bundle $D/so.md --force", "record $D/two.md --force"])
    func aLinkToAStreamOfThisProcessIsNoTranscript(line: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-stream-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("user log line\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/mylog.txt"))
        let log = try #require(FileHandle(forUpdatingAtPath: "\(folder)/mylog.txt"))
        defer { try? log.close() }
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/so.md", withDestinationPath: "/proc/self/fd/\(log.fileDescriptor)")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/two.md", withDestinationPath: "so.md")
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "explain 131047")
            let status = shell.run(line: line.replacingOccurrences(of: "$D", with: folder))
            shell.run(line: "record stop")
            return (status, output.err)
        }
        #expect(status == .failure)
        #expect(err.contains("it links to /proc/self/fd/\(log.fileDescriptor), a device or a stream of this process, not a file"), "\(err)")
        #expect(!err.contains("--force to replace it") && !err.contains("add --force"), "\(err)")
        #expect(try String(contentsOfFile: "\(folder)/mylog.txt", encoding: .utf8) == "user log line\n")
    }

    /// P24-10: another program replaces the transcript being recorded; the session stops recording with one line and
    /// writes nothing into the new file.
    @Test func aReplacedTranscriptStopsTheRecording() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-replaced-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/two.md"
        let other = "# the other session's transcript\n"
        let (status, err, recording, text) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "record \(path)")
            shell.run(line: "explain 131047")
            // What `record two.md --force` in another kops does: a new file renamed over the path.
            try Data(other.utf8).write(to: URL(fileURLWithPath: path + ".new"))
            rename(path + ".new", path)
            let status = shell.run(line: "explain 131051")
            shell.run(line: "explain 470")
            return (status, output.err, shell.recorder != nil, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(text == other)
        #expect(status == .failure)
        #expect(!recording)
        #expect(err.contains("\(path) was replaced by another program; recording stopped (nothing more was written to it)"), "\(err)")
    }

    /// probe25 P25-11: a transcript moved away while recording was said to be cut by a full disk ("free space").
    @Test func aMovedTranscriptIsSaidToBeMoved() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-moved-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/t1.md"
        let (status, err, moved) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "record \(path)")
            shell.run(line: "explain 131047")
            rename(path, path + ".moved")
            let status = shell.run(line: "explain 131051")
            return (status, output.err, try String(contentsOfFile: path + ".moved", encoding: .utf8))
        }
        #expect(status == .failure)
        #expect(err.contains("\(path) was moved or deleted by another program (nothing is at that path now); recording stopped"), "\(err)")
        #expect(!err.contains("free space"), "\(err)")
        #expect(moved.contains("explain 131047") && !moved.contains("explain 131051"))
    }
}
