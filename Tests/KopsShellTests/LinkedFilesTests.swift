import Foundation
import KopsShell
import KopsTerminal
import KopsTestSupport
import Testing

/// Files kops writes (history, config.toml) behind symbolic or hard links, and a key command that
/// hangs or floods: each is followed deliberately, refused with one line, or stopped at its limit.
@Suite struct LinkedFilesTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kops-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSymlinkedHistoryIsFollowedAndStaysALink() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let real = base.appendingPathComponent("dotfiles-history").path
        let link = base.appendingPathComponent("history").path
        try Data("numbers\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let file = HistoryFile(path: link)
        #expect(file.refusal == nil)
        #expect(file.load() == ["numbers"])
        file.append("state")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "numbers\nstate\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    }

    @Test func aHardLinkedHistoryIsNeitherWrittenNorChmoded() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let other = base.appendingPathComponent("shared-notes").path
        let path = base.appendingPathComponent("history").path
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: other))
        chmod(other, 0o644)
        #expect(link(other, path) == 0)
        let file = HistoryFile(path: path)
        #expect(file.refusal == "it has 2 hard links")
        #expect(file.load() == [])
        file.append("verify --secret x")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "notes\n")
        let mode = try FileManager.default.attributesOfItem(atPath: other)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func aConfigPathThatIsAFolderIsOnePlainLine() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let path = base.appendingPathComponent("config.toml").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: ConfigError.unreadable(path: path, reason: "it is a folder, not a file")) {
            try ConfigFile(path: path).load()
        }
        #expect(ConfigError.unreadable(path: path, reason: "it is a folder, not a file").message.hasPrefix("cannot read \(path): it is a folder"))
        #expect(throws: ConfigError.unwritable(path: path, reason: "it is a folder, not a file")) {
            try ConfigFile(path: path).save(Profile(name: "acme", baseURL: "https://api.kapso.ai"))
        }
    }

    @Test func aSymlinkedConfigIsFollowedAndTheLinkKept() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let real = base.appendingPathComponent("real.toml").path
        let link = base.appendingPathComponent("config.toml").path
        try Data("[profiles.old]\nbase_url = \"https://api.kapso.ai\"\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try ConfigFile(path: link).save(Profile(name: "acme", baseURL: "https://api.kapso.ai"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        let text = try String(contentsOfFile: real, encoding: .utf8)
        #expect(text.contains("[profiles.old]") && text.contains("[profiles.acme]"))
    }

    @Test func aHardLinkedConfigIsRefused() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let other = base.appendingPathComponent("backup.toml").path
        let path = base.appendingPathComponent("config.toml").path
        try Data("[profiles.old]\nbase_url = \"https://api.kapso.ai\"\n".utf8).write(to: URL(fileURLWithPath: other))
        #expect(link(other, path) == 0)
        #expect(throws: ConfigError.self) { try ConfigFile(path: path).save(Profile(name: "acme", baseURL: "https://api.kapso.ai")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[profiles.old]\nbase_url = \"https://api.kapso.ai\"\n")
    }

    @Test func aKeyCommandThatHangsIsStoppedAtItsLimit() throws {
        let started = ContinuousClock.now
        #expect(throws: KeyCommand.Failure.timedOut(seconds: 0.5)) {
            try KeyCommand.run("echo partial; sleep 30", timeout: 0.5, maxOutputBytes: 1024)
        }
        // The group was killed: the sleeping child does not hold the pipe open for 30 s.
        #expect(started.duration(to: .now) < .seconds(10))
        #expect(
            ConfigError.keyCommandStopped(profile: "acme", failure: .timedOut(seconds: 10)).message
                == "the api_key_command of profile 'acme' gave no key within 10 s (the limit) and was stopped; with no terminal to answer on, it may be waiting for a passphrase: unlock it first (run it once by hand), then try again")
    }

    @Test func aKeyCommandThatFloodsIsStoppedAtItsLimit() throws {
        #expect(throws: KeyCommand.Failure.outputTooLarge(bytes: 1024)) {
            try KeyCommand.run("yes", timeout: 5, maxOutputBytes: 1024)
        }
    }

    @Test func aKeyCommandsKeyAndStatusComeBack() throws {
        let result = try KeyCommand.run("printf 'sk_test_1\\nmore'; exit 3", timeout: 5, maxOutputBytes: 1024)
        #expect(result.status == 3)
        #expect(result.output == "sk_test_1\nmore")
        #expect(try KeyCommand.run("printf key", timeout: 5, maxOutputBytes: 1024) == (0, "key", ""))
    }
}

/// Transcripts follow the same link policy as config.toml and history (probe finding F13): a link is followed
/// deliberately, also a dangling one, whatever the opening; the link stays; a hard-linked file is refused.
@Suite struct TranscriptLinkTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-tlink-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func record(_ path: String, _ flags: String = "") -> (KopsShell.ExitStatus, String) {
        let offline = OfflineShell()
        let status = offline.shell.run(line: "record \(path) \(flags); explain 131047; record stop")
        return (status, offline.output.combined)
    }

    @Test(arguments: ["", "--append", "--force"])
    func aLinkIsFollowedAndStays(flags: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/target.md"
        if !flags.isEmpty { #expect(record(target).0 == .ok) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.md", withDestinationPath: "target.md")
        let (status, output) = record(dir + "/link.md", flags)
        #expect(status == .ok, "\(output)")
        #expect(output.contains("recording to \(dir)/link.md (a link: writing \(dir)/target.md)"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.md")) == "target.md")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.components(separatedBy: "> explain 131047").count - 1 == (flags == "--append" ? 2 : 1))
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.md", withDestinationPath: dir + "/missing.md")
        #expect(record(dir + "/link.md").0 == .ok)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.md")) == dir + "/missing.md")
        #expect(FileManager.default.fileExists(atPath: dir + "/missing.md"))
    }

    @Test func aHardLinkedFileIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(record(dir + "/a.md").0 == .ok)
        try FileManager.default.linkItem(atPath: dir + "/a.md", toPath: dir + "/b.md")
        let before = try String(contentsOfFile: dir + "/a.md", encoding: .utf8)
        let (status, output) = record(dir + "/b.md", "--force")
        #expect(status != .ok)
        #expect(output.contains("it has 2 hard links"))
        #expect(try String(contentsOfFile: dir + "/a.md", encoding: .utf8) == before)
    }
}
