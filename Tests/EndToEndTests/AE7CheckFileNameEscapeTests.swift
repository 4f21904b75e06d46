import Foundation
import KopsTestSupport
import Testing

/// tester58b AE7: `kops check` wrote the transcript's file name as it was in the lines it writes itself (`FILE: 1 command,
/// output unchanged`, `FILE: output changed; rewrote it (the previous version is FILE~)`): a file saved from a ticket or
/// unpacked from an archive keeps whatever name it was given, and `ESC ] 0 ; … BEL` in it set the terminal's title. Every
/// line `run` and `check` write themselves now shows it escaped, as errors already did.
@Suite struct AE7CheckFileNameEscapeTests {
    static let name = "t\u{1B}]0;owned\u{07}\u{1B}[2J.md"
    static let shown = "t\\x1b]0;owned\\x07\\x1b[2J.md"

    /// `kops --demo check FILE ARGUMENTS` of a transcript of `explain 131047` whose output line `old` became `new`.
    private func check(_ arguments: [String] = [], replacing old: String = "", with new: String = "") async throws
        -> (result: ProcessResult, folder: String)
    {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ae7-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            let path = folder + "/" + Self.name
            let recorded = try ProcessRunner.run(
                "kops", ["--demo", "-c", "record '\(path)'", "-c", "explain 131047", "-c", "record stop"], environment: environment)
            #expect(recorded.status == 0, "\(recorded.stderr)")
            if !old.isEmpty {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
            }
            return (try ProcessRunner.run("kops", ["--demo", "check", path] + arguments, environment: environment), folder)
        }
    }

    @Test func anUnchangedTranscriptsNameIsShownEscaped() async throws {
        let (result, folder) = try await check()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr)")
        #expect(result.stderr.contains(Self.shown + ": 1 command, output unchanged"), "\(result.stderr)")
    }

    @Test func aRewrittenTranscriptsNameIsShownEscaped() async throws {
        let (result, folder) = try await check(["--update"], replacing: "name:       re-engagement", with: "name:       edited")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let printed = result.stdout + result.stderr
        #expect(!printed.contains("\u{1B}") && !printed.contains("\u{07}"), "\(printed)")
        #expect(printed.contains(Self.shown + ": output changed; rewrote it (the previous version is /"), "\(printed)")
        #expect(printed.contains(Self.shown + "~)"), "\(printed)")
        // The file itself is the one named: rewritten in place, its backup beside it.
        #expect(FileManager.default.fileExists(atPath: folder + "/" + Self.name + "~"))
    }
}
