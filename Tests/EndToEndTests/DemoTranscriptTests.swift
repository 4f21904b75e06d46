import Foundation
import KopsTestSupport
import Testing

/// Recording on `kops --demo` and checking the transcript later, as a new user does: no API key, the
/// demo's wall clock moved on, a fresh simulator on another port.
@Suite struct DemoTranscriptTests {
    private static let danaInbound = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    /// Runs kops in a fresh folder (no API key in the environment); `files` are written there first.
    private func inFolder<T: Sendable>(
        _ body: @escaping @Sendable (_ folder: String, _ kops: ([String], String) throws -> ProcessResult) throws -> T
    ) async throws -> T {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let environment = ["XDG_CONFIG_HOME": folder.path + "/config"]
            return try body(folder.path) { arguments, stdin in
                try ProcessRunner.run("kops", arguments, environment: environment, stdin: stdin)
            }
        }
    }

    @Test func aPipedDemoRecordingPassesCheckLater() async throws {
        let session = """
            record TRANSCRIPT
            use 100200300400501
            messages --limit 3
            message \(Self.danaInbound)
            trace
            reply --dry-run Thanks, on its way
            reply Thanks, your order ships today
            trace
            state
            record stop

            """
        let (recorded, transcript, check) = try await inFolder { folder, kops in
            let path = folder + "/t.md"
            let recorded = try kops(["--demo"], session.replacingOccurrences(of: "TRANSCRIPT", with: path))
            // The demo's data follows the wall clock: a second later, a fresh demo would show other times.
            Thread.sleep(forTimeInterval: 1.2)
            let check = try kops(["check", path], "")
            return (recorded, try String(contentsOfFile: path, encoding: .utf8), check)
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(transcript.contains("kops(default:…0501)> reply <body "))
        #expect(transcript.contains(">\nsent <message "))
        #expect(!transcript.contains("ships today"))
        #expect(transcript.contains("- api: kapso-demo\n- api kind: demo simulator\n- simulator seeded: "))
        #expect(transcript.components(separatedBy: "<!-- clock: ").count == 9)
        #expect(transcript.contains("POST http://kapso-demo/meta/whatsapp/"))
        #expect(!transcript.contains("127.0.0.1"))
        #expect(!transcript.contains("wamid.") && !transcript.contains("14155550142"))
        #expect(check.stderr.hasSuffix(": 8 commands, output unchanged\n"), "\(check.stdout)\n\(check.stderr)")
        #expect(check.status == 0)
    }

    @Test func aChangedDemoTranscriptFailsNamingTheCommand() async throws {
        let check = try await inFolder { folder, kops in
            let path = folder + "/t.md"
            _ = try kops(["--demo", "-c", "record \(path); use 100200300400502; health"], "")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "Sales Line", with: "Sales Lime").utf8).write(
                to: URL(fileURLWithPath: path))
            return try kops(["check", path], "")
        }
        // `-c` commands run (and are recorded) one at a time, as a script's lines are. Line 16: the header's `sources`
        // line is one of the 15 above it (probe22 P22-8).
        #expect(check.stdout.split(separator: "\n").dropFirst().first == "@@ line 16 (in 'use 100200300400502')", "\(check.stdout)")
        #expect(check.status == 1)
    }

    @Test func aDemoBundlePassesCheck() async throws {
        let (bundle, check) = try await inFolder { folder, kops in
            let session = "record \(folder)/s.md\nuse 100200300400501\nhealth\nbundle \(folder)/b.md\n"
            _ = try kops(["--demo"], session)
            Thread.sleep(forTimeInterval: 1.1)
            return (try String(contentsOfFile: folder + "/b.md", encoding: .utf8), try kops(["check", folder + "/b.md"], ""))
        }
        #expect(bundle.contains("## Support bundle\n\n- project: 5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21 (the project_id of the API key's webhooks)\n"))
        #expect(bundle.contains("> logs --errors --ids --period 24h\n"))
        #expect(check.stderr.hasSuffix("b.md: 6 commands, output unchanged\n"), "\(check.stdout)\n\(check.stderr)")
    }

    /// The bundle's "check it with '…'" line starts with the launch flags given, as kops's other suggested lines do
    /// (session 26: it said 'kops check …' whatever flags the session was started with), and pasted back it checks.
    @Test func theBundlesCheckLineRepeatsTheLaunchFlags() async throws {
        let (made, check) = try await inFolder { folder, kops in
            let made = try kops(["--demo", "--timeout", "20"], "record \(folder)/s.md\nuse 100200300400501\nbundle \(folder)/b.md\n")
            let line = (made.stdout + made.stderr).components(separatedBy: "check it with '").dropFirst().first?
                .prefix { $0 != "'" }
            let words = line.map { $0.split(separator: " ").map(String.init) } ?? []
            return (made, words.first == "kops" ? try kops(Array(words.dropFirst()), "") : nil)
        }
        #expect(
            (made.stdout + made.stderr).contains("(check it with 'kops --demo --timeout 20 check "),
            "\(made.stdout)\n\(made.stderr)")
        #expect(check?.status == 0, "\(check?.stderr ?? "no check line")")
    }

    /// Session 33: a bundle made with nothing recorded said only "wrote support bundle b.md": not that it holds no
    /// session, nor how to start one that would, with the launch flags that reach the same API.
    @Test func aBundleWithNothingRecordedSaysHowToRecordOneWithTheLaunchFlags() async throws {
        let made = try await inFolder { folder, kops in try kops(["--demo", "--timeout", "20", "bundle", folder + "/b.md"], "") }
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.stderr.contains(
                "/b.md without a session transcript (nothing was being recorded); to include what you did, start the shell "
                    + "with 'kops --demo --timeout 20', run 'record FILE.md', reproduce the problem, then 'bundle'\n"),
            "\(made.stderr)")
    }

    @Test func appendingContinuesOnlyTheSameDemoSession() async throws {
        let (same, other, check) = try await inFolder { folder, kops in
            let path = folder + "/t.md"
            let same = try kops(
                ["--demo"], "record \(path)\nexplain 131047\nrecord stop\nrecord \(path) --append\nexplain 131026\n")
            let other = try kops(["--demo", "-c", "record \(path) --append"], "")
            return (same, other, try kops(["check", path], ""))
        }
        #expect(same.status == 0, "\(same.stderr)")
        #expect(other.status == 1)
        #expect(other.stderr.hasSuffix("t.md': it was recorded on another demo session; record to a new file\n"))
        #expect(check.stderr.hasSuffix("t.md: 2 commands, output unchanged\n"), "\(check.stdout)\n\(check.stderr)")
    }

    @Test func recordInACommandLineRecordsTheCommandsAfterIt() async throws {
        let transcript = try await inFolder { folder, kops in
            _ = try kops(["--demo", "-c", "record \(folder)/c.md; use 100200300400501; explain 131047"], "")
            return try String(contentsOfFile: folder + "/c.md", encoding: .utf8)
        }
        // `-c` commands run (and are recorded) one at a time, as a script's lines are.
        #expect(transcript.contains("> use 100200300400501\nusing 100200300400501 (+1 415-555-0100, Support Line)\n```\n"))
        #expect(transcript.contains("> explain 131047\n"))
        #expect(transcript.contains("131047"))
    }

    @Test func recordInAScriptRecordsTheLinesAfterIt() async throws {
        let transcript = try await inFolder { folder, kops in
            let script = folder + "/s.kops"
            try Data("record \(folder)/s.md\nuse 100200300400501\nexplain 131047\n".utf8).write(
                to: URL(fileURLWithPath: script))
            _ = try kops(["--demo", "run", script], "")
            return try String(contentsOfFile: folder + "/s.md", encoding: .utf8)
        }
        #expect(transcript.contains("> use 100200300400501\nusing 100200300400501"))
        #expect(transcript.contains("> explain 131047\n"))
    }

    @Test(arguments: [["check", "README.md"], ["check", "README.md", "--update"]])
    func checkLeavesAFileThatIsNotATranscriptAlone(_ arguments: [String]) async throws {
        let readme = "# Project\n\nSome notes.\n"
        let (result, after) = try await inFolder { folder, kops in
            let path = folder + "/README.md"
            try Data(readme.utf8).write(to: URL(fileURLWithPath: path))
            let result = try kops(arguments.map { $0 == "README.md" ? path : $0 }, "")
            return (result, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(after == readme)
        #expect(result.status == 64)
        #expect(result.stderr.hasSuffix("README.md' is not a kops transcript (no '# kops transcript' first line), so it was left as it is; transcripts are what 'record' writes, and a script of kops commands runs with 'kops run FILE'\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
