import Foundation
import KopsShell
import KopsTestSupport
import Testing

@testable import KopsShell

/// `source` inside a script: a relative path is read beside the sourcing script (probe18 P18-25), and the permission a
/// script runs with covers the scripts it sources (P18-30).
@Suite struct SourcedScriptTests {
    /// A fresh folder with `files` (relative names, subfolders made), removed after `body`.
    private func inFolder<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sourced-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return try body(folder)
    }

    /// probe42 P42-1: a sourced script's `set on_error continue` ends with it. The caller, which never said it, stops at
    /// the `source` line whose script had failing lines: its next line never runs. A caller that said it keeps it.
    @Test func aSourcedScriptsOnErrorEndsWithIt() throws {
        try inFolder(["main.kops": "source lib.kops\nset after yes\n", "lib.kops": "set on_error continue\nhealth --since 1h\nexplain 131047\n"]) {
            folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/main.kops").run(on: offline.shell)
            #expect(outcome.failedLine == 1 && outcome.stopped, "\(offline.output.err)")
            #expect(offline.shell.context.session.variables["after"] == nil)
            #expect(offline.shell.context.session.variables["on_error"] == nil)
        }
        try inFolder(["main.kops": "set on_error continue\nsource lib.kops\nset after yes\n", "lib.kops": "set on_error stop\nexplain 131047\n"]) {
            folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/main.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            #expect(offline.shell.context.session.variables["after"] == "yes")
            #expect(offline.shell.context.session.variables["on_error"] == "continue")
        }
    }

    /// The current directory is not the scripts' folder: `b.kops` and `../c.kops` are found beside `sub/a.kops`.
    @Test func aRelativeSourceIsReadBesideTheScriptThatSourcesIt() throws {
        try inFolder([
            "sub/a.kops": "source b.kops\n", "sub/b.kops": "set seen_b yes\nsource ../c.kops\n", "c.kops": "set seen_c yes\n",
        ]) { folder in
            #expect(FileManager.default.currentDirectoryPath != folder + "/sub")
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/sub/a.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            #expect(offline.shell.context.session.variables["seen_b"] == "yes")
            #expect(offline.shell.context.session.variables["seen_c"] == "yes")
            #expect(offline.shell.scriptFolder == nil)
        }
    }

    /// The error names the path kops tried, so the user sees which folder it looked in.
    @Test func aMissingSourcedScriptNamesThePathTried() throws {
        try inFolder(["sub/a.kops": "explain 131047\nsource missing.kops\n"]) { folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/sub/a.kops").run(on: offline.shell)
            #expect(outcome.failedLine == 2)
            #expect(
                offline.output.err
                    == "\(folder)/sub/a.kops:2: error: cannot read script 'missing.kops': no such file at "
                    + "\(folder)/sub/missing.kops; check the path\n")
        }
        // At the prompt a relative path is the current directory's, and the error names it too.
        let offline = OfflineShell()
        let name = "kops-missing-\(UUID().uuidString).kops"
        #expect(offline.shell.run(line: "source \(name)") == .noInput)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(offline.output.err == "error: cannot read script '\(name)': no such file at \(cwd)/\(name); check the path\n")
    }

    /// A loop through a relative path is still found: the running script is known by its resolved path.
    @Test func aRelativeSourceLoopStops() throws {
        try inFolder(["a.kops": "source b.kops\n", "b.kops": "source ./a.kops\n"]) { folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/a.kops").run(on: offline.shell)
            #expect(outcome.status == .usage)
            #expect(
                offline.output.err.hasPrefix("\(folder)/b.kops:1: error: source: ./a.kops is already running"),
                "\(offline.output.err)")
        }
    }

    /// probe36 P36-6: a failing line of a sourced script is located by the file kops read (`sub/lib.kops:2`, absolute
    /// when it is not under the current directory), not by the path as written in the `source` line, which from here
    /// names another file.
    @Test func aSourcedScriptsLineIsLocatedByTheFileRead() throws {
        try inFolder(["sub/main.kops": "explain 131047\nsource lib.kops\n", "sub/lib.kops": "explain 131047\nhealth --since 1h\n"]) {
            folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/sub/main.kops").run(on: offline.shell)
            #expect(outcome.failedLine == 2)
            #expect(offline.output.err.hasPrefix("\(folder)/sub/lib.kops:2: error: health:"), "\(offline.output.err)")
            #expect(ScriptRunner.displayed(FileManager.default.currentDirectoryPath + "/sub/./lib.kops") == "sub/lib.kops")
            #expect(ScriptRunner.displayed("/elsewhere/lib.kops") == "/elsewhere/lib.kops")
        }
    }

    private static let write = "webhooks update 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --active true"

    /// `kops run top.kops --allow-writes` lets the script top.kops sources change data; without it, a sourced
    /// script's own `--allow-writes` does not either, and at the prompt `source` without the flag still refuses.
    @Test(arguments: [
        (true, "source w.kops\n", KopsShell.ExitStatus.ok),
        (false, "source w.kops\n", .failure),
        (false, "source w.kops --allow-writes\n", .failure),
        (true, "source nested.kops\n", .ok),
    ])
    func allowWritesCoversSourcedScripts(_ allowWrites: Bool, _ top: String, _ status: KopsShell.ExitStatus) async throws {
        let files = ["top.kops": top, "w.kops": Self.write + "\n", "nested.kops": "source w.kops\n"]
        let (outcome, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            return try inFolder(files) { folder in
                (try ScriptRunner.load(path: folder + "/top.kops", allowWrites: allowWrites).run(on: shell), output.err)
            }
        }
        #expect(outcome.status == status, "\(err)")
        #expect(err.contains("changes data and scripts are read-only") == (status != .ok), "\(err)")
    }

    @Test func sourceAtThePromptStillNeedsItsFlag() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            return try inFolder(["w.kops": Self.write + "\n"]) { folder in
                #expect(shell.run(line: "source \(folder)/w.kops") == .failure)
                return output.err
            }
        }
        #expect(err.contains("'webhooks update' changes data and scripts are read-only"), "\(err)")
    }
}
