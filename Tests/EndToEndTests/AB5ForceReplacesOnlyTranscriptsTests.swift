import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB5: `record FILE --force` and `bundle FILE --force` replaced any file: `record session.kops --force` (a user
/// who thought `record` writes a script) lost the script, no copy kept. `--force` replaces only a kops transcript.
@Suite struct AB5ForceReplacesOnlyTranscriptsTests {
    /// Runs `lines` in one shell on the demo simulator with a fresh folder holding `files`; the folder's files after.
    static func run(_ lines: @escaping @Sendable (String) -> [String], files: [String: String]) async throws
        -> (statuses: [KopsShell.ExitStatus], err: String, files: [String: String])
    {
        try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ab5-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let (shell, output) = try fixture.shell()
            let statuses = lines(folder.path).map { shell.run(line: $0) }
            var after: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                after[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
            return (statuses, output.err.replacingOccurrences(of: folder.path + "/", with: ""), after)
        }
    }

    @Test(arguments: ["record", "bundle"])
    func aScriptIsNeverReplaced(_ command: String) async throws {
        let ran = try await Self.run({ ["\(command) '\($0)/y.kops' --force"] }, files: ["y.kops": "numbers\n"])
        #expect(ran.files == ["y.kops": "numbers\n"])
        #expect(ran.err == "error: 'y.kops' exists and is not a kops transcript (no '# kops transcript' first line): --force "
            + "replaces only a transcript, so it was left as it is; move it away or pick another name\n")
        #expect(ran.statuses == [.usage])
    }

    @Test func aTranscriptIsReplacedAsBefore() async throws {
        let ran = try await Self.run(
            { ["record '\($0)/t.md' --keep-pii", "explain 131047", "record stop", "record '\($0)/t.md' --force --keep-pii",
               "explain 131026", "record stop"] }, files: [:])
        #expect(ran.statuses.allSatisfy { $0 == .ok }, "\(ran.err)")
        #expect(ran.files["t.md"]?.contains("explain 131026") == true)
        #expect(ran.files["t.md"]?.contains("explain 131047") == false)
    }
}
