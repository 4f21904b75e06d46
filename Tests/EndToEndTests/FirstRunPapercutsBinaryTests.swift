import Foundation
import KopsTestSupport
import Testing

/// probe38 P38-15: first-run papercuts of the built `kops`, run in a fresh folder as a new user does (relative names).
@Suite struct FirstRunPapercutsBinaryTests {
    /// Runs the built kops with `arguments` in `folder`.
    private func kops(_ arguments: [String], in folder: URL) throws -> ProcessResult {
        try ProcessRunner.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", folder.path, ProcessRunner.executable("kops").path] + arguments)
    }

    /// A fresh empty folder, removed after `body`.
    private func inFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-papercuts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// a) `record "   "` recorded to a file named three spaces; a name of spaces is refused like an empty one, and
    /// `kops run`/`check` refuse one too. Nothing is written.
    @Test func aFileNameOfSpacesIsRefused() async throws {
        try await offPool {
            try inFolder { folder in
                let record = try kops(["-c", "record '   '"], in: folder)
                #expect(
                    record.stderr
                        == "-c:1: error: record: the file name is only spaces; name a file; usage: record [FILE.md] [--keep-pii] [--append|--force] | record stop\n")
                #expect(record.status == 64)
                let empty = try kops(["-c", "record ''"], in: folder)
                #expect(empty.stderr.hasPrefix("-c:1: error: record: the file name is empty; name a file; usage: "), "\(empty.stderr)")
                let check = try kops(["check", "  "], in: folder)
                #expect(check.stderr == "error: kops check: the file name is only spaces; name a file; usage: kops check FILE.md [--update]\n")
                #expect(check.status == 64)
                try Data("explain 131047\n".utf8).write(to: folder.appendingPathComponent("s.kops"))
                let run = try kops(["run", "s.kops", "--record", " "], in: folder)
                #expect(run.stderr.hasPrefix("error: kops run: the file name after --record is only spaces; name a file"), "\(run.stderr)")
                #expect(names(in: folder) == ["s.kops"])
            }
        }
    }

    /// b) A transcript kops itself names `-x.md` (`record -x.md`) is checked with `--` or `./`, and a name starting
    /// with '-' taken for an option says how to name it.
    @Test func aFileStartingWithADashIsNamedAfterDashDash() async throws {
        try await offPool {
            try inFolder { folder in
                let recorded = try kops(["--demo", "-c", "record -x.md; explain 131047"], in: folder)
                #expect(recorded.status == 0, "\(recorded.stderr)")
                let typed = try kops(["check", "-x.md"], in: folder)
                // Said by the argument parser, as every unknown option of kops's own is ("Error: …" and the usage).
                #expect(
                    typed.stderr.hasPrefix(
                        "Error: unknown option '-x.md'; to name a file starting with '-', write ./-x.md or use -- (kops check -- -x.md)\n"),
                    "\(typed.stderr)")
                #expect(typed.status == 64)
                let ended = try kops(["check", "--", "-x.md"], in: folder)
                #expect(ended.status == 0, "\(ended.stdout)\(ended.stderr)")
                #expect(ended.stderr.contains("-x.md: ") && ended.stderr.hasSuffix("output unchanged\n"), "\(ended.stderr)")
                try Data("explain 131047\n".utf8).write(to: folder.appendingPathComponent("-s.kops"))
                let run = try kops(["run", "--", "-s.kops"], in: folder)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stdout.contains("131047"))
            }
        }
    }

    /// d) A folder where the restore file goes is named as the restore file, with why it exists and that --keep-pii
    /// needs none; `kops run --record` (always masked) is told to pick another name.
    @Test func aRestoreFileInTheWayIsNamedAsTheRestoreFile() async throws {
        try await offPool {
            try inFolder { folder in
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("e.md.restore"), withIntermediateDirectories: false)
                let record = try kops(["-c", "record e.md"], in: folder)
                #expect(
                    record.stderr
                        == "-c:1: error: cannot record to 'e.md': its restore file 'e.md.restore' is a folder (where a masked recording "
                        + "keeps the command lines that masking changed, for 'kops check'); move it away, name another transcript, "
                        + "or add --keep-pii (nothing is masked, so no restore file is needed)\n")
                #expect(record.status != 0)
                let kept = try kops(["-c", "record e.md --keep-pii; explain 131047"], in: folder)
                #expect(kept.status == 0, "\(kept.stderr)")
                #expect(names(in: folder).contains("e.md"))
                try Data("explain 131047\n".utf8).write(to: folder.appendingPathComponent("s.kops"))
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("r.md.restore"), withIntermediateDirectories: false)
                let run = try kops(["run", "s.kops", "--record", "r.md"], in: folder)
                #expect(run.stderr.contains("its restore file 'r.md.restore' is a folder") && !run.stderr.contains("--keep-pii"), "\(run.stderr)")
                #expect(run.stderr.contains("give --record another name"), "\(run.stderr)")
            }
        }
    }
}
