import Foundation
import KopsTestSupport
import Testing

/// `listen --save` on a disk that takes no more bytes (a 4 KiB file-size limit standing in for a full disk: probe20
/// P20-14) says "not saved" and leaves nothing of that delivery: it left a cut `.http` file, mode 0644, which
/// `replay` then sent with half its body.
@Suite struct ListenSaveFailureTests {
    @Test func aDeliveryThatDoesNotFitLeavesNoFile() async throws {
        let (out, files) = try await offPool { () -> (String, [String: Int]) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-save-full-\(UUID().uuidString)").path
            let save = folder + "/saved"
            try FileManager.default.createDirectory(atPath: save, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            // EFBIG past 8 blocks of 512 bytes, instead of SIGXFSZ (ignored before kops runs).
            let process = try ChildProcess(
                executable: "/bin/sh",
                arguments: ["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" listen --port 0 --save \"$1\"", ProcessRunner.executable("kops").path, save],
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder],
                stdout: .file(folder + "/out"), stderr: .file(folder + "/err"))
            var port = 0
            for _ in 0..<500 where port == 0 {
                let first = (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? ""
                if let range = first.range(of: "listening on http://127.0.0.1:") {
                    port = Int(first[range.upperBound...].prefix { $0.isNumber }) ?? 0
                }
                if port == 0 { usleep(10_000) }
            }
            for (name, size) in [("small", 100), ("large", 20_000)] {
                try Data((#"{"x":""# + String(repeating: "y", count: size) + #""}"#).utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
                _ = try ProcessRunner.run(
                    "/bin/sh",
                    ["-c", "curl -s -o /dev/null -H 'X-Webhook-Event: whatsapp.message.received' -H 'Content-Type: application/json' --data-binary @\"$1\" \"$2\"",
                     "sh", folder + "/" + name, "http://127.0.0.1:\(port)/hook"])
            }
            process.send(SIGINT)
            _ = process.wait(seconds: 10)
            var files: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: save) {
                let attributes = try FileManager.default.attributesOfItem(atPath: save + "/" + name)
                files[name] = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            }
            return ((try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "", files)
        }
        #expect(out.contains("not saved: file too large"), "\(out)")
        #expect(files.count == 1, "the small delivery only, no cut file and no temporary one: \(files)")
        #expect(files.keys.allSatisfy { $0.hasSuffix("-0001-whatsapp.message.received.http") }, "\(files)")
        #expect(files.values.allSatisfy { $0 == 0o600 }, "\(files)")
    }
}
