import Foundation
import KopsTestSupport
import Testing

/// probe38 P38-4: Ctrl-C during `deliveries --follow` or `listen` inside a script ended only that line: the script ran on
/// (a write included) and exited 0. Ctrl-C in a script (`run`, `-c`, piped lines) stops the script there, as at any
/// other line: `cancelled at FILE:LINE`, status 130, no later line runs. A real SIGINT, sent to the process.
@Suite(.serialized) struct ScriptCtrlCFollowTests {
    /// How the script is given to kops.
    enum Form: String, CaseIterable, Sendable {
        case run, dashC, piped
    }

    /// The lines (the last one must not run), the line Ctrl-C stops, and what shows the stopping line runs.
    static let cases: [(lines: [String], stopped: Int, running: String)] = [
        (["explain 131047", "use 100200300400502", "deliveries --follow --interval 1", "explain 131026"], 3, "webhook_deliveries"),
        (["explain 131047", "listen --port 0", "explain 131026"], 2, "listening on "),
    ]

    @Test(arguments: Form.allCases, [0, 1])
    func ctrlCDuringAFollowOrListenStopsTheScript(form: Form, index: Int) async throws {
        let (lines, stopped, running) = Self.cases[index]
        let (status, out, err) = try await offPool { () -> (Int32, String, String) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-follow-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = folder.appendingPathComponent("f.kops")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script)
            let stdout = folder.appendingPathComponent("out").path, stderr = folder.appendingPathComponent("err").path
            let arguments: [String] = switch form {
            case .run: ["--demo", "--verbose", "run", script.path]
            case .dashC: ["--demo", "--verbose", "-c", lines.joined(separator: "; ")]
            case .piped: ["--demo", "--verbose"]
            }
            let process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: arguments,
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path],
                stdin: form == .piped ? .file(script.path) : .null, stdout: .file(stdout), stderr: .file(stderr))
            let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
            let deadline = Date().addingTimeInterval(60)
            while !(read(stdout) + read(stderr)).contains(running) && Date() < deadline { usleep(20_000) }
            usleep(700_000)
            process.send(SIGINT)
            let status = process.wait(seconds: 30)
            return (status, read(stdout), read(stderr).replacingOccurrences(of: folder.path + "/", with: ""))
        }
        let name = switch form {
        case .run: "f.kops"
        case .dashC: "-c"
        case .piped: "<stdin>"
        }
        #expect(err.contains("cancelled at \(name):\(stopped)\n"), "\(err)")
        #expect(out.contains("131047"), "the first line ran: \(out)")
        #expect(!out.contains("131026"), "the line after the follow did not run: \(out)")
        #expect(status == 130, "Ctrl-C stops a script with 128 + SIGINT: \(err)")
    }
}
