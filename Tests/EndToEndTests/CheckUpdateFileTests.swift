import Foundation
import KopsTestSupport
import Testing

/// `kops check --update` rewrites a transcript as `record` wrote it: the file a link points to (the link stays), with
/// its mode, and the restore lines its masked command lines now need.
@Suite struct CheckUpdateFileTests {
    @Test func updateWritesThroughALinkKeepsTheModeAndTheRestoreLines() async throws {
        let outcome = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-update-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            func kops(_ arguments: String...) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--no-color"] + arguments,
                    environment: [
                        "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "XDG_STATE_HOME": folder + "/state",
                    ])
            }
            // The third newest message, listed among the five newest: it is `<message 3>` when recorded.
            let listed = try kops("-c", "use 100200300400501", "-c", "messages --limit 3").stdout
            let ids = listed.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasPrefix("wamid.") }
            let third = try #require(ids.count == 3 ? String(ids[2]) : nil, "\(listed)")
            // Recorded through a link (a shared folder's), which `record` follows.
            let path = folder + "/real.md"
            try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: "real.md")
            _ = try kops("-c", "record \(folder)/link.md; use 100200300400501; messages --limit 5; message \(third); record stop")
            chmod(path, 0o600)
            // One message more: the list numbers the third newest `<message 4>` now.
            _ = try kops("--allow-writes", "-c", "use 100200300400501; reply --to +14155550142 one more")
            let update = try kops("check", folder + "/link.md", "--update")
            let check = try kops("check", folder + "/link.md")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            return (
                update, check, try String(contentsOfFile: path, encoding: .utf8), mode,
                try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.md")
            )
        }
        let (update, check, written, mode, link) = outcome
        #expect(update.status == 0, "\(update.stderr)")
        #expect(written.contains("> message <message 4>\n"), "the linked file was rewritten: \(written)")
        #expect(link == "real.md", "the link stays")
        #expect(mode == 0o600, "a private transcript stays private")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("link.md: 3 commands, output unchanged\n"), "\(check.stderr)")
    }

    /// probe16 P16-12: `check --update` with no key, a rejected key or the API down stops at the first line with the
    /// status of that failure and one line, and leaves the transcript as it was (it wrote kops's error over every
    /// recorded output and exited 0; plain `check` called it "output changed").
    @Test func updateWithoutTheAPIStopsAndKeepsTheFile() async throws {
        let results = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-envfail-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            func kops(_ environment: [String: String], _ arguments: String...) throws -> ProcessResult {
                try ProcessRunner.run("kops", ["--no-color"] + arguments, environment: environment)
            }
            let live = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let path = folder + "/t.md"
            _ = try kops(live, "-c", "record \(path) --keep-pii; use 100200300400501; numbers; health; record stop")
            let recorded = try String(contentsOfFile: path, encoding: .utf8)
            var results: [(String, ProcessResult, Bool)] = []
            for (name, environment) in [
                ("no key", ["KAPSO_API_BASE_URL": simulator.baseURL]),
                ("wrong key", ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": "wrong_key_0123456789"]),
                ("nothing listens", ["KAPSO_API_BASE_URL": "http://127.0.0.1:1", "KAPSO_API_KEY": simulator.apiKey]),
            ] {
                let result = try kops(environment, "check", path, "--update")
                results.append((name, result, try String(contentsOfFile: path, encoding: .utf8) == recorded))
            }
            results.append(("plain check, no key", try kops(["KAPSO_API_BASE_URL": simulator.baseURL], "check", path), true))
            return (recorded, results)
        }
        let (recorded, runs) = results
        #expect(recorded.contains("> numbers\n"), "\(recorded)")
        let expected: [String: (Int32, String)] = [
            "no key": (64, "this command needs a Kapso project API key; "),
            "wrong key": (77, "the key from env KAPSO_API_KEY was rejected by 127.0.0.1 (401); "),
            "nothing listens": (69, "cannot connect to 127.0.0.1:1"),
            "plain check, no key": (64, "this command needs a Kapso project API key; "),
        ]
        for (name, result, unchanged) in runs {
            let (status, cause) = try #require(expected[name])
            #expect(result.status == status, "\(name): \(result.stderr)")
            #expect(unchanged, "\(name): the transcript was rewritten")
            #expect(result.stdout.isEmpty, "\(name): no diff: \(result.stdout)")
            #expect(result.stderr.contains("/t.md:"), "\(name): \(result.stderr)")
            #expect(result.stderr.contains(": check stopped at 'use 100200300400501' (the transcript is unchanged): " + cause), "\(name): \(result.stderr)")
            #expect(!result.stderr.contains("output changed"), "\(name): \(result.stderr)")
        }
    }

    /// probe16 P16-9: a hand edit that drops a block's closing fence is refused with the open block's line (exit 64) and
    /// the file is left as it is (`--update` deleted the next command, read as the open block's output).
    @Test func updateOfATranscriptMissingAFenceIsRefused() async throws {
        let (edited, update, after) = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fence-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let path = folder + "/h5u.md"
            _ = try ProcessRunner.run(
                "kops", ["-c", "record \(path) --keep-pii; use 100200300400501; numbers; record stop"], environment: environment)
            let recorded = try String(contentsOfFile: path, encoding: .utf8)
            let open = try #require(recorded.range(of: "```kops\n"))
            let close = try #require(recorded.range(of: "```\n", range: open.upperBound..<recorded.endIndex))
            let edited = String(recorded[..<close.lowerBound]) + String(recorded[close.upperBound...])
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            let update = try ProcessRunner.run("kops", ["check", path, "--update"], environment: environment)
            return (edited, update, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(update.status == 64, "\(update.stderr)")
        #expect(after == edited, "the file was rewritten")
        #expect(update.stdout.isEmpty, "\(update.stdout)")
        let line = try #require(edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "```kops" }) + 1
        #expect(update.stderr.contains("/h5u.md:\(line): the ```kops block of 'use 100200300400501' has no closing ```: the next block starts inside it; add a ``` line above line "), "\(update.stderr)")
    }
}
