import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Inside a script every relative path a line names is the script's folder's, as `source` reads it and psql's `\ir`
/// reads an included file (`verify --file body.json` was read from the current directory, so a playbook with its
/// body beside it failed when run from anywhere else); at the prompt it stays the current directory's.
@Suite(.serialized) struct ScriptPathTests {
    /// A fresh folder with `files` (relative names, subfolders made), removed after `body`.
    private func inFolder<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-paths-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return try body(folder)
    }

    static let body = #"{"event":"whatsapp.message.received"}"#
    static var signature: String { WebhookSignature.hmacSHA256Hex(key: Array("s3cret_path".utf8), message: Array(body.utf8)) }

    @Test func verifyFileIsReadBesideTheScript() throws {
        let name = "kops-body-\(UUID().uuidString).json"
        try inFolder(["sub/\(name)": Self.body, "sub/v.kops": "verify --secret s3cret_path --signature \(Self.signature) --file \(name)\n"]) { folder in
            #expect(FileManager.default.currentDirectoryPath != folder + "/sub")
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/sub/v.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            #expect(!offline.output.out.isEmpty)
            // At the prompt the same line reads the current directory, where there is no such file.
            let prompt = OfflineShell()
            #expect(prompt.shell.run(line: "verify --secret s3cret_path --signature \(Self.signature) --file \(name)") != .ok)
            #expect(prompt.output.err.contains(name), "\(prompt.output.err)")
        }
    }

    @Test func recordWritesBesideTheScript() throws {
        let name = "kops-rec-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: name) }
        try inFolder(["sub/r.kops": "record \(name)\nexplain 131047\nrecord stop\n"]) { folder in
            let offline = OfflineShell()
            let outcome = try ScriptRunner.load(path: folder + "/sub/r.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            let written = try String(contentsOfFile: folder + "/sub/" + name, encoding: .utf8)
            #expect(written.contains("explain 131047"))
            #expect(!FileManager.default.fileExists(atPath: name), "not in the current directory")
        }
    }

    @Test func listenSaveFolderIsBesideTheScript() throws {
        let name = "kops-saved-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: name) }
        try inFolder(["sub/l.kops": "listen --save \(name) --max-deliveries 1\n"]) { folder in
            let offline = OfflineShell()
            let request = IncomingRequest(
                method: "POST", target: "/", headers: [("x-webhook-event", "whatsapp.message.received")], body: Array("{}".utf8))
            offline.shell.context.openReceiver = { _, _, _ in ListenVerdictTests.ScriptedReceiver([.delivery(request) { _, _, _ in }]) }
            let outcome = try ScriptRunner.load(path: folder + "/sub/l.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            let saved = try FileManager.default.contentsOfDirectory(atPath: folder + "/sub/" + name)
            #expect(saved.count == 1 && saved[0].hasSuffix(".http"), "\(saved)")
            #expect(!FileManager.default.fileExists(atPath: name), "not in the current directory")
        }
    }

    /// The rule in one place: each command's path arguments, and nothing else, are resolved; absolute paths and
    /// `~` stay as typed; `record stop` names no file.
    @Test func onlyPathArgumentsAreResolved() throws {
        func resolved(_ words: [String], _ command: any Command.Type) throws -> Arguments {
            try Shell.resolvingPaths(try Arguments(command: command, words: words), of: command, in: "/scripts", home: "/home/u")
        }
        #expect(try resolved(["--file", "b.json", "--secret", "x"], VerifyCommand.self).values["--file"] == "/scripts/b.json")
        #expect(try resolved(["--file", "b.json", "--secret", "x"], VerifyCommand.self).values["--secret"] == "x")
        #expect(try resolved(["--file", "/tmp/b.json"], VerifyCommand.self).values["--file"] == "/tmp/b.json")
        #expect(try resolved(["--file", "~/b.json"], VerifyCommand.self).values["--file"] == "/home/u/b.json")
        #expect(try resolved(["--file", "~b.json"], VerifyCommand.self).values["--file"] == "~b.json")
        #expect(try resolved(["t.md"], RecordCommand.self).positionals == ["/scripts/t.md"])
        #expect(try resolved(["stop"], RecordCommand.self).positionals == ["stop"])
        #expect(try resolved(["b.md"], BundleCommand.self).positionals == ["/scripts/b.md"])
        #expect(try resolved(["saved/", "--to", "http://127.0.0.1:3000/"], ReplayCommand.self).positionals.first?.hasPrefix("/scripts/saved") == true)
        #expect(try resolved(["--save", "d"], ListenCommand.self).values["--save"] == "/scripts/d")
        #expect(try resolved(["131047"], ExplainCommand.self).positionals == ["131047"])
        // Outside a script nothing changes.
        let prompt = try Shell.resolvingPaths(
            try Arguments(command: VerifyCommand.self, words: ["--file", "b.json"]), of: VerifyCommand.self, in: nil, home: "/home/u")
        #expect(prompt.values["--file"] == "b.json")
    }

    /// probe34 P34-11: a leading `~` is the home folder for every path argument, at the prompt as in a script
    /// (`listen --save ~/caps` made a folder named `~`); without a home folder, one line says so.
    @Test func homeIsExpandedEverywhere() throws {
        func resolved(_ words: [String], _ command: any Command.Type, in folder: String?, home: String?) throws -> Arguments {
            try Shell.resolvingPaths(try Arguments(command: command, words: words), of: command, in: folder, home: home)
        }
        for folder in [nil, "/scripts"] {
            #expect(try resolved(["~/r.md"], RecordCommand.self, in: folder, home: "/h").positionals == ["/h/r.md"])
            #expect(try resolved(["~"], BundleCommand.self, in: folder, home: "/h").positionals == ["/h"])
            #expect(try resolved(["--save", "~/caps"], ListenCommand.self, in: folder, home: "/h").values["--save"] == "/h/caps")
            #expect(try resolved(["~/saved", "--to", "http://127.0.0.1:3000/"], ReplayCommand.self, in: folder, home: "/h").positionals.first == "/h/saved")
            #expect(throws: HomeFolderError(path: "~/r.md")) { try resolved(["~/r.md"], RecordCommand.self, in: folder, home: nil) }
            #expect(throws: HomeFolderError(path: "~")) { try resolved(["~"], RecordCommand.self, in: folder, home: "") }
            // Not a path argument: left alone.
            #expect(try resolved(["~/x"], ExplainCommand.self, in: folder, home: nil).positionals == ["~/x"])
        }
        #expect(
            HomeFolderError(path: "~/r.md").message
                == "'~/r.md' starts with '~', the home folder, but HOME is not set and this user has no home folder; give the full path, or set HOME")
    }
}
