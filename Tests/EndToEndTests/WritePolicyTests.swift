import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One write policy for every input that is not a person at the prompt: scripts, `-c` and piped stdin.
@Suite struct WritePolicyTests {
    private static let conversation = "e5a6c7d8-4f5b-4c6d-8e7f-901234567890"

    /// Runs kops against a fresh simulator; `after` runs next against the same simulator (to see what was sent).
    private func kops(_ arguments: [String], stdin: String = "", after: [String]? = nil, files: [String: String] = [:])
        async throws -> (result: ProcessResult, after: ProcessResult?)
    {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-writes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let absolute = arguments.map { files[$0] != nil ? folder.appendingPathComponent($0).path : $0 }
            var result = try ProcessRunner.run("kops", absolute, environment: environment, stdin: stdin)
            result.stderr = result.stderr.replacingOccurrences(of: folder.path + "/", with: "")
            let next = try after.map { try ProcessRunner.run("kops", $0, environment: environment) }
            return (result, next)
        }
    }

    @Test func aPipedReplyWithoutAllowWritesSendsNothing() async throws {
        let (result, after) = try await kops(
            [], stdin: "use 100200300400501\nreply --to +14155550142 hello\n",
            after: ["--output", "json", "-c", "use 100200300400501; messages --direction outbound --limit 50"])
        #expect(
            result.stderr
                == "<stdin>:2: error: 'reply' changes data and scripts are read-only; run with --allow-writes to let it\n")
        #expect(result.status == 1)
        #expect(after?.status == 0)
        #expect(after?.stdout.contains("\"hello\"") == false, "the message was not sent")
    }

    @Test func aPipedReplyWithAllowWritesSends() async throws {
        let (result, after) = try await kops(
            ["--allow-writes"], stdin: "use 100200300400501\nreply --to +14155550142 hello there\n",
            after: ["--output", "json", "-c", "use 100200300400501; messages --direction outbound --limit 50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(after?.stdout.contains("hello there") == true)
    }

    @Test func dashCWritesNeedAllowWritesAndNameTheirCommand() async throws {
        let (result, _) = try await kops(["-c", "use 100200300400501; reply --to +14155550142 hello"])
        #expect(
            result.stderr
                == "-c:2: error: 'reply' changes data and scripts are read-only; run with --allow-writes to let it (nothing ran: not the command before it either)\n")
        #expect(result.stdout == "", "nothing ran, not even line 1")
        #expect(result.status == 1)
    }

    @Test func aDryRunIsNeverAWrite() async throws {
        let (result, _) = try await kops(["-c", "use 100200300400501; reply --to +14155550142 --dry-run hello"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("dry run: nothing sent\n"))
    }

    @Test func aScriptWithABadLineSevenRunsNothing() async throws {
        let script = "use 100200300400501\nnumbers\nhealth\nwebhooks\nstate\nexplain 131047\nreply \"unterminated\n"
        let (result, _) = try await kops(["run", "t.kops", "--allow-writes"], files: ["t.kops": script])
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "t.kops:7: error: unterminated \" quote starting at column 7; close it or escape it with \\\nnothing ran\n")
        #expect(result.status == 64)
    }

    @Test func ctrlCInAScriptSaysWhereItStopped() async throws {
        let (status, stdout, stderr) = try await offPool { () -> (Int32, String, String) in
            let simulator = try SimulatorProcess(extraArguments: ["--faults", "latency=20000ms"])
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cancel-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = folder.appendingPathComponent("slow.kops")
            try Data("explain 131047\nnumbers\nhelp state\n".utf8).write(to: script)
            let stdout = folder.appendingPathComponent("out")
            let stderr = folder.appendingPathComponent("err")
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            let process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["run", script.path],
                environment: [
                    "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "HOME": folder.path,
                ],
                stdout: .file(stdout.path), stderr: .file(stderr.path))
            // Line 1 prints at once; line 2 then waits on the slow API.
            let deadline = Date().addingTimeInterval(30)
            while ((try? Data(contentsOf: stdout))?.isEmpty ?? true) && Date() < deadline { usleep(20_000) }
            usleep(500_000)
            process.send(SIGINT)
            let status = process.wait(seconds: 30)
            return (status,
                try String(contentsOf: stdout, encoding: .utf8),
                try String(contentsOf: stderr, encoding: .utf8).replacingOccurrences(of: folder.path + "/", with: "")
            )
        }
        #expect(stderr.hasPrefix("cancelled at slow.kops:2"), "\(stderr)")
        #expect(!stderr.contains("fix that line"))
        #expect(!stdout.contains("usage: help"), "line 3 did not run")
        #expect(status == 130, "Ctrl-C exits 128 + SIGINT, as shells report it")
    }

    /// Piped input stopped with Ctrl-C exits 130, as a script and -c do (probe20 P20-4: it exited 1, which a
    /// wrapper reads as a failed check, not an operator's abort).
    @Test func ctrlCInPipedInputExits130() async throws {
        let (status, stderr) = try await offPool { () -> (Int32, String) in
            let simulator = try SimulatorProcess(extraArguments: ["--faults", "latency=20000ms"])
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cancel-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            try Data("explain 131047\nnumbers\nhelp state\n".utf8).write(to: input)
            let stdout = folder.appendingPathComponent("out")
            let stderr = folder.appendingPathComponent("err")
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            let process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: [],
                environment: [
                    "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "HOME": folder.path,
                ],
                stdin: .file(input.path), stdout: .file(stdout.path), stderr: .file(stderr.path))
            // Line 1 prints at once; line 2 then waits on the slow API.
            let deadline = Date().addingTimeInterval(30)
            while ((try? Data(contentsOf: stdout))?.isEmpty ?? true) && Date() < deadline { usleep(20_000) }
            usleep(500_000)
            process.send(SIGINT)
            let status = process.wait(seconds: 30)
            return (status, try String(contentsOf: stderr, encoding: .utf8))
        }
        #expect(stderr.hasPrefix("cancelled at <stdin>:2"), "\(stderr)")
        #expect(status == 130, "Ctrl-C exits 128 + SIGINT, as for a script: \(stderr)")
    }
}
