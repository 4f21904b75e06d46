import Foundation
import KopsHTTP
import KopsTestSupport
import Testing

/// `kops --demo` runs the `kapso-sim` executable beside kops as a child: it must be found, and it must not
/// outlive kops however kops ends.
@Suite struct DemoSimulatorTests {
    @Test func withoutKapsoSimBesideItTheDemoSaysWhatToBuild() async throws {
        let result = try await offPool {
            // A hard link beside the products, not a copy: a copy's write descriptor, inherited by a child another
            // test spawns meanwhile, would make exec fail with ETXTBSY.
            let folder = ProcessRunner.productsFolder.appendingPathComponent("kops-alone-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.linkItem(at: ProcessRunner.executable("kops"), to: folder.appendingPathComponent("kops"))
            let errors = folder.appendingPathComponent("stderr").path
            let kops = try ChildProcess(
                executable: folder.appendingPathComponent("kops").path, arguments: ["--demo", "-c", "numbers"],
                environment: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path], stderr: .file(errors))
            let status = kops.wait(seconds: 30)
            return (folder.path, status, try String(contentsOfFile: errors, encoding: .utf8))
        }
        #expect(result.2 == "error: --demo needs kapso-sim beside kops (\(result.0)/kapso-sim); build it with 'swift build --product kapso-sim'\n")
        #expect(result.1 == 69)
    }

    @Test func theDemoSimulatorStopsWhenKopsIsKilled() async throws {
        let (answeredBefore, answeredAfter) = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-kill-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let errors = folder.appendingPathComponent("stderr").path
            let input = try ChildPipe()
            defer { close(input.writeEnd) }
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["--demo"],
                environment: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path], stdin: .descriptor(input.readEnd),
                stderr: .file(errors))
            close(input.readEnd)
            var baseURL: String?
            for _ in 0..<300 where baseURL == nil {
                usleep(20_000)
                let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                if let range = text.range(of: " at http://") {
                    baseURL = "http://" + text[range.upperBound...].prefix { $0 != " " && $0 != ";" && !$0.isNewline }
                }
            }
            let url = try #require(baseURL) + "/platform/v1/whatsapp/phone_numbers"
            let before = answers(url)
            kops.send(SIGKILL)
            kops.wait()
            // The simulator sees its standard input close and stops; give it a few seconds on a loaded machine.
            var after = true
            for _ in 0..<100 where after {
                usleep(50_000)
                after = answers(url)
            }
            return (before, after)
        }
        #expect(answeredBefore)
        #expect(!answeredAfter)
    }

    /// True when something answers HTTP at `url` (any status).
    private func answers(_ url: String) -> Bool {
        guard let transport = try? CurlTransport(options: .init(connectTimeout: 2, timeout: 5)) else { return false }
        return (try? transport.send(HTTPRequest(url: url))) != nil
    }
}
