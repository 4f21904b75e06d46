import Foundation
import KopsTestSupport
import Testing

/// probe24 P24-18: `kops run -`, `kops run /dev/stdin` and `kops run <(…)` (a pipe) were refused as "not readable;
/// check the path", though readable; a device was called unreadable too.
@Suite struct ScriptFromPipeTests {
    @Test(arguments: ["-", "/dev/stdin"])
    func aScriptIsReadFromStandardInput(path: String) async throws {
        let result = try await offPool {
            try ProcessRunner.run("kops", ["--demo", "run", path], stdin: "explain 131047\nexplain 131026\n")
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("131047") && result.stdout.contains("131026"))
        #expect(result.stderr.contains("2 commands, 0 failed"), "\(result.stderr)")
    }

    @Test func aScriptIsReadFromAFIFO() async throws {
        let result = try await offPool { () -> ProcessResult in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fifo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let fifo = folder.appendingPathComponent("script.kops").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                let descriptor = open(fifo, O_WRONLY)
                let text = Array("explain 131047\n".utf8)
                _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
            }
            writer.start()
            return try ProcessRunner.run("kops", ["--demo", "run", fifo])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("131047"))
    }

    /// probe25 P25-14: `kops check` reads a transcript more than once and may write it back, so a pipe is said to be one
    /// (it was "it cannot be opened; check its permissions"), and `-` is said to be no file.
    @Test func checkNamesAPipeAsOneAndDashAsNoFile() async throws {
        let (status, errors, dash) = try await offPool { () -> (Int32, String, ProcessResult) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-check-pipe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = try ChildPipe()
            let text = Array("# kops transcript\n".utf8)
            _ = text.withUnsafeBytes { write(input.writeEnd, $0.baseAddress, $0.count) }
            close(input.writeEnd)
            let errorsPath = folder.appendingPathComponent("stderr").path
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["check", "/dev/stdin"],
                environment: ["HOME": folder.path], stdin: .descriptor(input.readEnd), stderr: .file(errorsPath))
            close(input.readEnd)
            let status = kops.wait(seconds: 30)
            return (status, try String(contentsOfFile: errorsPath, encoding: .utf8), try ProcessRunner.run("kops", ["check", "-"]))
        }
        #expect(status == 66)
        #expect(errors.contains("cannot read transcript '/dev/stdin': it is a pipe, not a file; kops check needs the transcript as a file"), "\(errors)")
        #expect(dash.status == 66)
        #expect(dash.stderr.contains("cannot read transcript '-': kops check reads a transcript file, not standard input"), "\(dash.stderr)")
    }

    @Test func aDeviceIsNamedAsOne() async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--demo", "run", "/dev/zero"]) }
        #expect(result.status == 66)
        #expect(result.stderr.contains("error: cannot read script '/dev/zero': it is a device, not a script file"), "\(result.stderr)")
    }
}
