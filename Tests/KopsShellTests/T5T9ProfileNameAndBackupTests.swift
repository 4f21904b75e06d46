import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester53 T5: `profile add -x` saved a profile `kops --profile -x` could not select (read as another flag). T9: a second
/// `profile add NAME --force` replaced `config.toml~`, the only copy of the file before the first replace.
@Suite struct T5T9ProfileNameAndBackupTests {
    private func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "kops-t5t9-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Each line run in one shell on `path` as its config file: status, stdout, stderr.
    private func run(_ lines: [String], config path: String) async throws -> [(status: Int32, out: String, err: String)] {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["A1": fixture.apiKey, "A2": fixture.apiKey, "A3": fixture.apiKey]
            return lines.map { line in
                let (out, err) = (output.out.count, output.err.count)
                let status = shell.run(line: line.replacingOccurrences(of: "URL", with: fixture.baseURL))
                return (status.rawValue, String(output.out.dropFirst(out)), String(output.err.dropFirst(err)))
            }
        }
    }

    @Test(arguments: ["-x", "-", "-prod"])
    func aNameStartingWithADashIsRefused(name: String) async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ran = try await run(["profile add \(name) --base-url URL --key-env A1"], config: folder + "/config.toml")[0]
        #expect(ran.status == 64, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("invalid profile name '\(name)'; expected a name that starts with a letter, digit or _"), "\(ran.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/config.toml"))
    }

    @Test func eachReplaceKeepsItsOwnBackup() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let runs = try await run([
            "profile add p --base-url URL --key-env A1", "profile add p --base-url URL --key-env A2 --force",
            "profile add p --base-url URL --key-env A3 --force",
        ], config: path)
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        #expect(runs[1].out.contains("the previous file is \(path)~\n"), "\(runs[1].out)")
        #expect(runs[2].out.contains("the previous file is \(path).~1~\n"), "\(runs[2].out)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("api_key_env = \"A3\""))
        #expect(try String(contentsOfFile: path + "~", encoding: .utf8).contains("api_key_env = \"A1\""))
        #expect(try String(contentsOfFile: path + ".~1~", encoding: .utf8).contains("api_key_env = \"A2\""))
        let mode = try FileManager.default.attributesOfItem(atPath: path + ".~1~")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
