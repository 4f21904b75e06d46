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

    @Test func aDeviceIsNamedAsOne() async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--demo", "run", "/dev/zero"]) }
        #expect(result.status == 66)
        #expect(result.stderr.contains("error: cannot read script '/dev/zero': it is a device, not a script file"), "\(result.stderr)")
    }
}
