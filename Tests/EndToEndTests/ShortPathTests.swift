import Foundation
import KopsTestSupport
import Testing

/// probe34 P34-3 and P34-11: a path with a one-character part (`record x`, `record ~`, `record -`, `kops run … --record
/// t`) crashed kops (exit 132) in Foundation's path helpers, and `~/` was never read as the home folder (`record
/// ~/notes.md` crashed, `listen --save ~/caps` made a folder named `~`). Each now writes where it says, or says one line.
@Suite struct ShortPathTests {
    /// kops in a fresh folder (its current directory) with HOME at `folder/home`; no API is needed to record.
    private func kops(_ arguments: [String], files: [String: String] = [:]) async throws -> (ProcessResult, [String], String) {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-short-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
            let environment = [
                "HOME": folder + "/home", "XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/cfg",
                "KOPS": ProcessRunner.executable("kops").path, "FOLDER": folder,
            ]
            let result = try ProcessRunner.run(
                "/bin/sh", ["-c", "cd \"$FOLDER\" && exec \"$KOPS\" \"$@\"", "sh"] + arguments, environment: environment)
            let made = (FileManager.default.subpaths(atPath: folder) ?? []).filter { !$0.hasPrefix("state") }.sorted()
            return (result, made, folder)
        }
    }

    @Test(arguments: ["x", "-", "é", "b"])
    func aOneCharacterNameIsRecorded(name: String) async throws {
        let (result, made, _) = try await kops(["-c", "record \(name); explain 131047; record stop"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(made.contains(name), "\(made)")
        #expect(!made.contains { $0.hasSuffix(".tmp") }, "no temporary file left: \(made)")
    }

    @Test func aScriptRecordsToAOneCharacterName() async throws {
        let (result, made, _) = try await kops(["run", "s.kops", "--record", "t"], files: ["s.kops": "explain 131047\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(made.contains("t"), "\(made)")
    }

    /// `~/` is the home folder, at the prompt and for `--record=` (which the calling shell leaves as typed); no folder
    /// named `~` is made.
    @Test(arguments: [
        ["-c", "record ~/notes.md; explain 131047; record stop"],
        ["run", "s.kops", "--record=~/notes.md"],
    ])
    func aHomePathIsTheHomeFolder(arguments: [String]) async throws {
        let (result, made, folder) = try await kops(arguments, files: ["s.kops": "explain 131047\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(made.contains("home/notes.md"), "\(made)")
        #expect(!made.contains { $0 == "~" || $0.hasPrefix("~/") }, "\(made)")
        if arguments[0] == "-c" {
            #expect(result.stderr.contains(folder + "/home/notes.md"), "the message names the file written: \(result.stderr)")
        }
    }

    /// `record ~` and `record /` name a folder: one line, no crash.
    @Test(arguments: ["~", "/", ".", ".."])
    func aFolderIsRefusedInOneLine(path: String) async throws {
        let (result, _, _) = try await kops(["-c", "record \(path)"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("it is a folder; name a file"), "\(result.stderr)")
        #expect(!result.stderr.contains("crashed"), "\(result.stderr)")
    }
}
