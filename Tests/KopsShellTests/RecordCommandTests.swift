import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// `record` and `source` inside the shell: the file is complete after every command.
@Suite struct RecordCommandTests {
    struct Files: Sendable {
        var afterFirst: String
        var final: String
        var err: String
        var script: String
    }

    @Test func recordsEachLineAndSourcedLinesInOneBlock() async throws {
        let files = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kops-record-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = folder.appendingPathComponent("s.kops")
            try Data("use 100200300400501\n#! error\nexplain 999999\n".utf8).write(to: script)
            let transcript = folder.appendingPathComponent("t.md").path
            shell.run(line: "record \(transcript) --keep-pii")
            shell.run(line: "numbers --per-page 1")
            let afterFirst = try String(contentsOfFile: transcript, encoding: .utf8)
            shell.run(line: "source \(script.path)")
            shell.run(line: "record stop")
            shell.run(line: "state")
            return Files(
                afterFirst: afterFirst, final: try String(contentsOfFile: transcript, encoding: .utf8), err: output.err,
                script: script.path)
        }
        #expect(files.afterFirst.contains("- personal data: kept\n\n```kops\nkops(default)> numbers --per-page 1\n"))
        #expect(
            files.afterFirst.hasSuffix(
                "  100200300400502  +1 415-555-0101  Sales Line  CONNECTED  YELLOW   no\n"
                    + "showing 1 of 2 items (more: next)\nselect one with 'use 100200300400502'\n```\n\n")
                || files.afterFirst.hasSuffix("select one with 'use 100200300400502'\n```\n\n"))
        #expect(
            files.final.hasSuffix(
                "```kops\nkops(default)> source \(files.script)\n"
                    + "kops(default)> use 100200300400501\nusing 100200300400501 (+1 415-555-0100, Support Line)\n"
                    + "kops(default:…0501)> explain 999999\nerror: unknown error code '999999': not in kops's catalogue; look it up in Meta's error codes (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) or, for a Kapso code, Kapso's API reference (docs.kapso.ai)\n"
                    + "2 commands, 0 failed\n```\n\n"))
        #expect(!files.final.contains("> record"))
        #expect(!files.final.contains("> state"), "nothing is recorded after 'record stop'")
        // The terminal says it was expected (probe22 P22-24); the transcript above keeps the command's own line.
        #expect(files.err.contains("s.kops:3: expected error: unknown error code '999999'"))
    }

    @Test func anUnwritablePathFailsAtOnce() async throws {
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            return (shell.run(line: "record /nonexistent/folder/t.md"), output.err)
        }
        #expect(status == .failure)
        // The culprit by name (probe22 P22-16; probe20 P20-15: the file is written whole or not at all, by `WholeFile`).
        #expect(err == "error: cannot write transcript '/nonexistent/folder/t.md': its folder /nonexistent/folder does not "
            + "exist; create it first\n")
    }

    /// probe29 P29-14: `bundle nodir/b.md` said "cannot write transcript"; the line names the bundle, with record's cause.
    @Test func anUnwritableBundlePathNamesTheBundle() async throws {
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            return (shell.run(line: "bundle /nonexistent/folder/b.md"), output.err)
        }
        #expect(status == .failure)
        #expect(err == "error: cannot write bundle '/nonexistent/folder/b.md': its folder /nonexistent/folder does not "
            + "exist; create it first\n")
    }

    /// A transcript moved away while recording: the next line fails once, naming it, the rest of that line does not run,
    /// and recording has stopped (probe16 P16-5's kind: a write that failed is never taken for recorded).
    @Test func aTranscriptRemovedWhileRecordingStopsTheRecordingWithOneError() async throws {
        let (statuses, err, out) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-gone-\(UUID().uuidString).md").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let first = shell.run(line: "record \(path) --keep-pii")
            try FileManager.default.removeItem(atPath: path)
            let second = shell.run(line: "numbers; explain 131047")
            let third = shell.run(line: "record stop")
            return ([first, second, third], output.err.replacingOccurrences(of: path, with: "T.md"), output.out)
        }
        #expect(statuses == [.ok, .failure, .failure])
        #expect(
            err.hasSuffix(
                // probe25 P25-11: said as moved or deleted, not as the full disk "free space" suggested.
                "\nerror: T.md was moved or deleted by another program (nothing is at that path now); recording stopped: the "
                    + "file, wherever it is now, holds what was recorded before this line; 'record NEW.md' to go on recording in a new file\n"
                    + "error: not recording; start with 'record FILE.md'\n"), "\(err)")
        #expect(out.contains("Sales Line") && !out.contains("131047"), "the line stops after the command that hit it: \(out)")
    }

    @Test func stopWithoutRecordingFails() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "record stop")
            return output.err
        }
        #expect(err == "error: not recording; start with 'record FILE.md'\n")
    }
}
