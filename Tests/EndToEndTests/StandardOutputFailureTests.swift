import Foundation
import KopsTestSupport
import Testing

/// Standard output that takes no more text (probe20 P20-1: a full disk, a reader gone while SIGPIPE is ignored, a
/// closed descriptor) is never a success: one line on stderr names standard output and the cause, the command stops
/// (no further page is fetched), a script or `-c` stops at that line, and kops exits 74 (EX_IOERR).
@Suite struct StandardOutputFailureTests {
    static let line = "error: cannot write to standard output: no space left on device; what was printed is cut short, so kops stopped"

    /// Runs `kops ARGUMENTS` through `/bin/sh -c SCRIPT` (which runs `"$KOPS" "$@"` as it likes) on the demo simulator.
    private func kops(_ script: String, _ arguments: [String], stdin: String = "", seed: String = "demo") async throws
        -> (result: ProcessResult, requests: Int?)
    {
        try await offPool {
            let simulator = try SimulatorProcess(seed: seed)
            defer { simulator.stop() }
            let environment = [
                "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey,
                "KOPS": ProcessRunner.executable("kops").path,
            ]
            let result = try ProcessRunner.run("/bin/sh", ["-c", script, "sh"] + arguments, environment: environment, stdin: stdin)
            // The requests the simulator answered, read with curl (its control endpoints are never counted).
            let counters = try ProcessRunner.run(
                "/bin/sh", ["-c", "curl -s -H \"X-API-Key: $KAPSO_API_KEY\" \"$KAPSO_API_BASE_URL/__sim/counters\""],
                environment: environment)
            let requests = counters.stdout.firstRange(of: #/"requests":(\d+)/#).flatMap {
                Int(counters.stdout[$0].split(separator: ":")[1])
            }
            return (result, requests)
        }
    }

    @Test(arguments: [
        (["--output", "json", "-c", "numbers"], "", "-c:1: "),
        (["-c", "use 100200300400501; messages; state"], "", "-c:1: "),
        ([], "numbers\nstate\n", "<stdin>:1: "),
        // A failing output ends piped input even where failures would not: every later line's output would be lost.
        ([], "set on_error continue\nnumbers\nexplain 131047\n", "<stdin>:2: "),
        (["-c", "set on_error continue", "-c", "numbers", "-c", "explain 131047"], "", "-c:2: "),
    ] as [([String], String, String)])
    func aFullDiskFailsTheLineWithOneError(arguments: [String], stdin: String, location: String) async throws {
        let (result, _) = try await kops("exec \"$KOPS\" \"$@\" > /dev/full", arguments, stdin: stdin)
        #expect(result.status == 74, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last.map(String.init) == location + Self.line, "\(result.stderr)")
        #expect(lines.filter { $0.contains("standard output") }.count == 1, "said once: \(result.stderr)")
        #expect(!result.stderr.contains("131047"), "the line after did not run: \(result.stderr)")
    }

    /// A reader that leaves after one line while SIGPIPE is ignored (some CI runners and supervisors do): each write
    /// then fails with EPIPE, and `--all` went on fetching all 50 pages for nobody, then exited 0.
    @Test func aReaderGoneStopsAnAllListAtOnce() async throws {
        let (result, requests) = try await kops(
            "trap '' PIPE; s=$(mktemp); ( \"$KOPS\" \"$@\"; echo $? > \"$s\" ) | head -1 > /dev/null; st=$(cat \"$s\"); rm -f \"$s\"; exit \"$st\"",
            ["--output", "json", "-c", "deliveries --all --period 30d"], seed: "scale:5000")
        #expect(result.status == 74)
        #expect(
            result.stderr == "-c:1: error: cannot write to standard output: broken pipe; what was printed is cut short, so kops stopped\n",
            "\(result.stderr)")
        let count = try #require(requests)
        #expect(count <= 4, "the first page and the one fetched beside it, not all 50: \(count)")
    }

    /// `kops … >&-`: the first file or socket kops opened took descriptor 1, so output went into the transcript (or
    /// the API connection) and kops exited 0. The transcript still closes its block, with the error in it.
    @Test func aClosedStandardOutputFailsAndTheTranscriptClosesItsBlock() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-closed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (result, _) = try await kops(
            "exec \"$KOPS\" \"$@\" >&-", ["-c", "record \(folder)/t.md; numbers; record stop"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix(
                "-c:2: error: cannot write to standard output: bad file descriptor; what was printed is cut short, so kops stopped\n"),
            "\(result.stderr)")
        let transcript = try String(contentsOfFile: folder + "/t.md", encoding: .utf8)
        #expect(
            transcript.contains(
                "\nerror: cannot write to standard output: bad file descriptor; what was printed is cut short, so kops stopped\n```\n"),
            "\(transcript)")
    }

    @Test func completionsToAFullDiskFail() async throws {
        let (result, _) = try await kops("exec \"$KOPS\" \"$@\" > /dev/full", ["completions", "bash"])
        #expect(result.status == 74)
        #expect(result.stderr == Self.line + "\n")
    }

    /// probe29 P29-15: `kops -c 'listen …' | head -1`, a real pipe whose reader takes the first line and leaves. listen
    /// ignores SIGPIPE for its receiver's pipe, so its next line failed with EPIPE: "broken pipe" and 74. It ends by
    /// SIGPIPE now, with no error line, as every other command does; a parent's `trap '' PIPE` still gets 74.
    @Test(arguments: [(["-c", "listen --port 0"], false), (["listen", "--port", "0"], false), (["-c", "listen --port 0"], true)])
    func listenWhoseReaderLeftEndsAsEveryCommandDoes(arguments: [String], parentIgnoresPipe: Bool) async throws {
        let (status, err) = try await offPool { () -> (Int32, String) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-pipe-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let pipe = try ChildPipe()
            let kops = try ChildProcess(
                executable: "/bin/sh",
                arguments: ["-c", (parentIgnoresPipe ? "trap '' PIPE; " : "") + "exec \"$0\" \"$@\"", ProcessRunner.executable("kops").path]
                    + arguments,
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder], stdout: .descriptor(pipe.writeEnd),
                stderr: .file(folder + "/err"))
            close(pipe.writeEnd)
            // `head -1`: the first line, then the reader leaves.
            var first: [UInt8] = []
            var byte: UInt8 = 0
            while first.last != 10, read(pipe.readEnd, &byte, 1) == 1 { first.append(byte) }
            close(pipe.readEnd)
            let line = String(decoding: first, as: UTF8.self)
            let port = try #require(line.range(of: "127.0.0.1:").map { Int(line[$0.upperBound...].prefix { $0.isNumber }) ?? 0 })
            for index in 1...2 {
                _ = try ProcessRunner.run(
                    "/bin/sh",
                    ["-c", "curl -s -o /dev/null -H 'X-Webhook-Event: whatsapp.message.received' --data \"$1\" \"$2\"", "sh",
                     #"{"i":\#(index)}"#, "http://127.0.0.1:\(port)/hook"])
            }
            let status = kops.wait(seconds: 20)
            return (status, (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "")
        }
        if parentIgnoresPipe {
            #expect(status == 74, "\(err)")
            #expect(err.contains("error: cannot write to standard output: broken pipe"), "\(err)")
        } else {
            #expect(status == SIGPIPE, "\(err)")
            #expect(!err.contains("standard output"), "\(err)")
        }
    }
}
