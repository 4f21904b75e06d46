import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kops check --update` keeps what a user recorded: the blocks after a line it does not run (a write not sent, a
/// `source`) as recorded (probe18 P18-5, P18-4), the file as it was on Ctrl-C (P18-12), and the previous version as a
/// backup beside the file it rewrites.
@Suite struct CheckUpdateKeepsTests {
    /// A folder with `kops` wired to a simulator, and another simulator of the same seed to record on, whose writes the
    /// first does not see (as the probe's fresh simulator did not); removed after `body`.
    private struct Folder {
        let path: String
        let environment: [String: String]
        var recording: [String: String] = [:]

        func kops(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run("kops", ["--no-color"] + arguments, environment: environment)
        }

        func record(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run("kops", ["--no-color"] + arguments, environment: environment.merging(recording) { $1 })
        }

        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }

        /// The 1-based line of the file's first line that ends with `suffix`.
        func line(in text: String, endingWith suffix: String) -> Int? {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix(suffix) }.map { $0 + 1 }
        }
    }

    private func withFolder<T: Sendable>(
        simulatorArguments: [String] = [], _ body: @escaping @Sendable (Folder) throws -> T
    ) async throws -> T {
        try await offPool {
            let simulator = try SimulatorProcess(extraArguments: simulatorArguments)
            defer { simulator.stop() }
            let recorder = try SimulatorProcess(extraArguments: simulatorArguments)
            defer { recorder.stop() }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-keeps-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try body(
                Folder(
                    path: path,
                    environment: [
                        "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey,
                        "XDG_STATE_HOME": path + "/state", "XDG_CONFIG_HOME": path + "/config",
                    ],
                    recording: ["KAPSO_API_BASE_URL": recorder.baseURL, "KAPSO_API_KEY": recorder.apiKey]))
        }
    }

    /// P18-5: a read after a write `check` does not send shows the state without it. Plain `check` names it and does
    /// not offer `--update`; `--update` leaves the file as it is, exit 1.
    @Test func aReadAfterAnUnsentWriteIsKeptAndNoUpdateIsOffered() async throws {
        let (recorded, check, update, after, backup) = try await withFolder { folder in
            let file = folder.path + "/w.md"
            _ = try folder.record([
                "--allow-writes", "-c",
                "record \(file); use 100200300400501; webhooks create --url https://hooks.example.test/keep --events whatsapp.message.received; webhooks; record stop",
            ])
            let recorded = try #require(folder.read("w.md"))
            let check = try folder.kops(["check", file])
            let update = try folder.kops(["check", file, "--update"])
            return (recorded, check, update, folder.read("w.md"), folder.read("w.md~"))
        }
        let folder = Folder(path: "", environment: [:])
        let create = try #require(folder.line(in: recorded, endingWith: "> webhooks create --url https://hooks.example.test/keep --events whatsapp.message.received"))
        let list = try #require(folder.line(in: recorded, endingWith: "> webhooks"))
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("keep"), "the diff is shown: \(check.stdout)")
        // The line is shortened as kops shortens what it echoes (its first 24 and last 12 characters).
        let why =
            "line \(list) as recorded: it follows 'webhooks create --url ht…age.received' (line \(create)), which was not "
            + "replayed, and may depend on it; 'kops check "
        #expect(check.stderr.contains("w.md: --update would keep " + why), "\(check.stderr)")
        #expect(check.stderr.contains(" --update' replays it; nothing else differs, so there is nothing to update\n"), "\(check.stderr)")
        #expect(!check.stderr.contains("then 'kops check"), "no --update is offered: \(check.stderr)")
        #expect(update.status == 1, "\(update.stderr)")
        #expect(update.stderr.contains("w.md: not rewritten: kept " + why), "\(update.stderr)")
        #expect(after == recorded, "the file is as recorded")
        #expect(backup == nil, "nothing was rewritten, so no backup")
    }

    /// P18-5 and the backup: a line before the unsent write that changed is updated, the blocks after it are kept as
    /// recorded (with the restore lines of their masked lines), and the previous version is kept as `FILE~`, then
    /// `FILE.~1~`: an existing backup is never replaced.
    @Test func updateRewritesTheLinesBeforeTheWriteKeepsTheRestAndABackup() async throws {
        let result = try await withFolder { folder in
            let file = folder.path + "/w.md"
            // A message id, which the transcript masks (`message <message 1>`): its line needs a restore line.
            let listed = try folder.record(["-c", "use 100200300400501", "-c", "messages --limit 1"]).stdout
            let id = try #require(listed.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("wamid.") })
            _ = try folder.record([
                "--allow-writes", "-c",
                "record \(file); use 100200300400501; numbers; webhooks create --url https://hooks.example.test/keep2 --events whatsapp.message.received; message \(id); health; record stop",
            ])
            let recorded = try #require(folder.read("w.md"))
            // A hand edit in the block of `numbers`, before the write: what --update is for.
            let numbers = try #require(recorded.range(of: "> numbers\n"))
            let close = try #require(recorded.range(of: "\n```\n", range: numbers.upperBound..<recorded.endIndex))
            var edited = recorded
            edited.insert(contentsOf: "\nedited by hand", at: close.lowerBound)
            try edited.write(toFile: file, atomically: true, encoding: .utf8)
            let first = try folder.kops(["check", file, "--update"])
            let afterFirst = try #require(folder.read("w.md"))
            let backup = folder.read("w.md~")
            try edited.write(toFile: file, atomically: true, encoding: .utf8)
            let second = try folder.kops(["check", file, "--update"])
            let check = try folder.kops(["check", file])
            return (
                recorded, edited, first, afterFirst, backup, second, folder.read("w.md~"), folder.read("w.md.~1~"), check,
                FileManager.default.fileExists(atPath: file + "~.restore") && FileManager.default.fileExists(atPath: file + ".restore")
            )
        }
        let (recorded, edited, first, afterFirst, backup, second, backupAfterSecond, numbered, check, restoreBackedUp) = result
        #expect(recorded.contains("> message <message 1>\n"), "\(recorded)")
        #expect(first.status == 1, "lines differ that were kept: \(first.stderr)")
        #expect(first.stderr.contains("w.md: output changed; rewrote it (the previous version is "), "\(first.stderr)")
        #expect(first.stderr.contains("w.md~); kept line"), "\(first.stderr)")
        #expect(afterFirst == recorded, "the edit is undone and every later block is as recorded: \(afterFirst)")
        #expect(backup == edited, "the backup is the file before --update")
        #expect(restoreBackedUp, "the restore lines are kept beside the backup")
        #expect(second.stderr.contains("(the previous version is "), "\(second.stderr)")
        #expect(second.stderr.contains("w.md.~1~); kept line"), "\(second.stderr)")
        #expect(backupAfterSecond == edited && numbered == edited, "the first backup stays")
        // Checked again, its masked lines still find their restore lines: only the kept lines differ.
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("nothing else differs, so there is nothing to update"), "\(check.stderr)")
    }

    /// P18-4: the lines after a `source` ran with what its commands did (a `use`); the replay cannot, so `--update`
    /// keeps them as recorded and says how to renew them.
    @Test func linesAfterASourceAreKept() async throws {
        let (recorded, update, after) = try await withFolder { folder in
            try Data("use 100200300400501\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/setup.kops"))
            let file = folder.path + "/s.md"
            _ = try folder.record(["-c", "record \(file); source \(folder.path)/setup.kops; health; record stop"])
            let recorded = try #require(folder.read("s.md"))
            let update = try folder.kops(["check", file, "--update"])
            return (recorded.replacingOccurrences(of: folder.path, with: "F"), update, folder.read("s.md"))
        }
        let folder = Folder(path: "", environment: [:])
        let source = try #require(folder.line(in: recorded, endingWith: "> source F/setup.kops"))
        let health = try #require(folder.line(in: recorded, endingWith: "> health"))
        #expect(recorded.contains("healthy"), "\(recorded)")
        #expect(update.status == 1, "\(update.stderr)")
        #expect(
            update.stderr.replacingOccurrences(of: FileManager.default.temporaryDirectory.path, with: "T").contains(
                "s.md: not rewritten: kept line \(health) as recorded: it follows 'source "),
            "\(update.stderr)")
        #expect(update.stderr.contains("(line \(source)), which was not replayed, and may depend on it; record the session again to renew it; nothing else differs\n"), "\(update.stderr)")
        #expect(after?.contains("healthy") == true, "the recorded health stays: \(after ?? "")")
    }

    /// P18-12: Ctrl-C while `check` (with or without `--update`) waits on a slow request stops the check: exit 130,
    /// nothing written, one line saying so.
    @Test(arguments: [false, true]) func ctrlCStopsTheCheckAndWritesNothing(update: Bool) async throws {
        let (edited, status, stderr, after, backup) = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let slow = try SimulatorProcess(extraArguments: ["--faults", "latency=20000ms"])
            defer { slow.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ctrlc-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let file = folder + "/c.md"
            _ = try ProcessRunner.run(
                "kops", ["-c", "record \(file); use 100200300400501; numbers; health; record stop"],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "XDG_STATE_HOME": folder + "/state"])
            // Something for --update to do.
            let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "healthy", with: "edited")
            try edited.write(toFile: file, atomically: true, encoding: .utf8)
            let errors = folder + "/err"
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            // The same seed on a slow simulator: `use` waits 20 s for its answer.
            let process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path,
                arguments: ["--no-color", "check", file] + (update ? ["--update"] : []),
                environment: [
                    "KAPSO_API_BASE_URL": slow.baseURL, "KAPSO_API_KEY": slow.apiKey, "HOME": folder, "XDG_STATE_HOME": folder + "/state",
                ],
                stderr: .file(errors))
            // Its note that it replays on another API than the recorded one comes just before the first request.
            let deadline = Date().addingTimeInterval(30)
            while ((try? String(contentsOfFile: errors, encoding: .utf8))?.contains("replaying on") != true) && Date() < deadline {
                usleep(20_000)
            }
            usleep(500_000)
            process.send(SIGINT)
            let status = process.wait(seconds: 30)
            return (
                edited, status, try String(contentsOfFile: errors, encoding: .utf8),
                try String(contentsOfFile: file, encoding: .utf8), FileManager.default.fileExists(atPath: file + "~")
            )
        }
        #expect(status == 130, "\(stderr)")
        #expect(stderr.contains("c.md:"), "\(stderr)")
        #expect(stderr.contains(": check stopped with Ctrl-C at 'use 100200300400501' (the transcript is unchanged)\n"), "\(stderr)")
        #expect(!stderr.contains("output changed"), "\(stderr)")
        #expect(after == edited, "the transcript is unchanged")
        #expect(!backup)
    }

    /// tester50 F4: after a create whose --secret-key was redacted, "record the session again" cannot renew the lines
    /// kept as recorded (a new recording redacts it again): the line says so and what makes the create replay.
    @Test func linesAfterACreateWithARedactedSecretGetNoAdviceThatCannotHelp() async throws {
        let (recorded, check) = try await withFolder { folder in
            let file = folder.path + "/k.md"
            _ = try folder.record([
                "--allow-writes", "-c",
                "record \(file); use 100200300400501; webhooks create --url https://hooks.example.test/k --events "
                    + "whatsapp.message.received --secret-key whsec_f4_0123456789abcdef; webhooks; record stop",
            ])
            return (try #require(folder.read("k.md")), try folder.kops(["check", file]))
        }
        #expect(recorded.contains("--secret-key <redacted>"), "\(recorded)")
        #expect(check.status == 1, "\(check.stderr)")
        #expect(!check.stderr.contains("record the session again"), "\(check.stderr)")
        #expect(
            check.stderr.contains(
                "the --secret-key value is redacted in every recording, so no recording of that line replays and none renews "
                    + "it; recorded without --secret-key (kops then generates the secret), it replays"),
            "\(check.stderr)")
    }
}
