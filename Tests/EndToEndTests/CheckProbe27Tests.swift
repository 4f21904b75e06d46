import Foundation
import KopsTestSupport
import Testing

/// probe27: what `kops check` says of a demo transcript edited by hand, of flags it does not use, and of an update the
/// disk does not take.
@Suite struct CheckProbe27Tests {
    private func inFolder<T: Sendable>(
        _ body: @escaping @Sendable (_ folder: String, _ kops: ([String]) throws -> ProcessResult) throws -> T
    ) async throws -> T {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p27-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            return try body(folder) { arguments in try ProcessRunner.run("kops", arguments, environment: environment) }
        }
    }

    /// P27-21: `--record`, `--var` and `--output` were ignored by `kops check` without a word (`--force` is refused).
    @Test(arguments: [
        (["--record", "z.md"], "--record goes with 'kops run FILE.kops'; 'kops check' compares with the transcript itself ('--update' rewrites it)"),
        (["--var", "x=1"], "--var goes with 'kops run', -c and the shell; 'kops check' replays each line as recorded, with the values it ran with"),
        (["--output", "table"], "--output does not go with 'kops check': it replays with the transcript's own output mode, as recorded"),
    ])
    func aFlagCheckDoesNotUseIsRefused(_ flag: [String], _ message: String) async throws {
        let result = try await inFolder { folder, kops in
            try Data("# kops transcript\n".utf8).write(to: URL(fileURLWithPath: folder + "/t.md"))
            return try kops(["--demo"] + flag + ["check", folder + "/t.md"])
        }
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("output unchanged"))
    }

    /// P27-7 and P27-14: a trailing space and a no-break space put in by hand are marked in the diff, and a block added
    /// by hand does not show kops's own clock comment as a changed output line.
    @Test func aHandEditedTranscriptsDiffShowsWhatDiffersAndNoClockLine() async throws {
        let (check, edited) = try await inFolder { folder, kops in
            let path = folder + "/t.md"
            let recorded = try kops(["--demo", "-c", "record \(path); explain 131047"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The first output line of the block, spaces in it changed: one at its end, one turned into a no-break space.
            let prompt = try #require(lines.firstIndex { $0.hasSuffix("> explain 131047") })
            let output = lines[prompt + 1]
            try #require(output.contains(" "), "\(text)")
            var edited = lines
            edited[prompt + 1] = output.replacingOccurrences(of: " ", with: "\u{00A0}", options: [], range: output.range(of: " ")) + " "
            let added = "```kops\nkops(default)> explain 131026\n```\n"
            let file = edited.joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n") + added
            try Data(file.utf8).write(to: URL(fileURLWithPath: path))
            Thread.sleep(forTimeInterval: 1.1)
            return (try kops(["check", path]), output)
        }
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("\\u00a0"), "\(check.stdout)")
        #expect(check.stdout.contains("␠\n"), "\(check.stdout)")
        #expect(check.stdout.contains("+" + edited + "\n"), "the replay's line as it is: \(check.stdout)")
        #expect(check.stdout.contains("note: characters that look alike are shown in the diff"), "\(check.stdout)")
        #expect(check.stdout.contains("(in 'explain 131026')"), "the hand-added block's output is shown: \(check.stdout)")
        #expect(!check.stdout.contains("<!-- clock:"), "\(check.stdout)")
    }

    /// P27-2: an update the disk does not take (a file-size limit: EFBIG, as ENOSPC on a full disk) names the cause,
    /// leaves the transcript as it was and leaves no backup or half-written file behind.
    @Test func anUpdateTheDiskDoesNotTakeNamesTheCauseAndKeepsTheFile() async throws {
        let (update, before, after, files) = try await inFolder { folder, kops in
            let path = folder + "/up.md"
            _ = try kops(["--demo", "-c", "record \(path); explain 131047; explain 131026; explain 131049"])
            // Every output line of the blocks removed: the replay writes a file much longer than this one.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var kept: [Substring] = []
            var inBlock = false, afterPrompt = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```kops") { (inBlock, afterPrompt) = (true, false) } else if line == "```" { inBlock = false }
                if inBlock, afterPrompt { continue }
                if inBlock, line.contains("> explain") { afterPrompt = true }
                kept.append(line)
            }
            let edited = kept.joined(separator: "\n")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
            Thread.sleep(forTimeInterval: 1.1)
            // Files may grow to the edited file's size (rounded up to 512-byte blocks), not to the replay's.
            let blocks = (edited.utf8.count + 511) / 512
            let limited = "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" check \"$1\" --update > /dev/null"
            let update = try ProcessRunner.run(
                "/bin/sh", ["-c", limited, ProcessRunner.executable("kops").path, path],
                environment: ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"])
            return (
                update, edited, try String(contentsOfFile: path, encoding: .utf8),
                try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("up") }.sorted()
            )
        }
        #expect(update.status == 1, "\(update.stderr)")
        #expect(
            update.stderr.contains("error: cannot write transcript '") && update.stderr.contains("up.md': writing it failed (file too large)"),
            "\(update.stderr)")
        #expect(update.stderr.contains("so it was left as it was"), "\(update.stderr)")
        #expect(after == before, "the transcript is intact")
        #expect(files == ["up.md"], "no backup or new file is left: \(files)")
    }
}
