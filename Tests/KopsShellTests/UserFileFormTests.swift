import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// What kops writes into or beside a user's file keeps it as the user has it: `record --append` onto a CRLF transcript
/// writes CRLF lines (probe36 P36-11); a long file name takes its temporary file beside it (probe36 P36-13); a quoted
/// `'~/x'` is a folder named `~`, as `sh` reads it, not the home folder.
@Suite(.serialized) struct UserFileFormTests {
    /// A fresh folder, removed after `body`.
    private func inFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-form-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    private static func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map(Array.init) ?? [] }

    /// Every LF of `bytes` after a CR: true when the file has no LF-only line.
    private static func allCRLF(_ bytes: [UInt8]) -> Bool {
        bytes.indices.allSatisfy { bytes[$0] != UInt8(ascii: "\n") || ($0 > 0 && bytes[$0 - 1] == UInt8(ascii: "\r")) }
    }

    @Test(arguments: [false, true])
    func anAppendedPartKeepsTheFilesCRLFLineEnds(cutShort: Bool) throws {
        try inFolder { folder in
            let path = folder + "/t.md"
            let first = OfflineShell()
            for line in ["record \(path)", "explain 131047", "record stop"] { first.shell.run(line: line) }
            // The file as an editor on Windows saves it; or as a kill left it, inside a block.
            var text = String(decoding: Self.bytes(path), as: UTF8.self)
            if cutShort { text = String(text.dropLast("```\n\n".count)) }
            let saved = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            try Data(saved).write(to: URL(fileURLWithPath: path))
            let second = OfflineShell()
            for line in ["record \(path) --append", "explain 131030", "explain 470", "record stop"] {
                #expect(second.shell.run(line: line) == .ok, "\(second.output.err)")
            }
            let after = Self.bytes(path)
            #expect(Array(after.prefix(saved.count)) == saved, "what was there stays byte for byte")
            #expect(Self.allCRLF(after), "\(String(decoding: after, as: UTF8.self).debugDescription)")
            let appended = String(decoding: after.dropFirst(saved.count), as: UTF8.self)
            #expect(appended.contains("> explain 131030\r\n"), "\(appended.debugDescription)")
            // No extra blank lines between the parts: the file's own line ends count as an LF file's do.
            #expect(appended.hasPrefix("<!-- "), "\(appended.debugDescription)")
            // It still checks clean.
            let outcome = try TranscriptChecker(
                expected: String(decoding: after, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"), path: path, restore: TranscriptRestore.load(besides: path)
            ).replay(on: OfflineShell().shell)
            #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        }
    }

    /// An LF transcript stays LF when appended to.
    @Test func anAppendedPartOfAnLFFileEndsInLF() throws {
        try inFolder { folder in
            let path = folder + "/t.md"
            let shell = OfflineShell().shell
            for line in ["record \(path)", "explain 131047", "record stop", "record \(path) --append", "explain 131030", "record stop"] {
                shell.run(line: line)
            }
            #expect(!Self.bytes(path).contains(UInt8(ascii: "\r")))
        }
    }

    /// A name of 243 bytes (and up to 255 less `.restore`) is recorded: the temporary file kops writes beside it has a
    /// short name of its own. Longer, one line says how long a name may be, and nothing is written.
    @Test(arguments: [
        (243, false, nil), (247, false, nil), (250, true, nil), (255, true, nil), (248, false, "restore"), (256, true, "name"),
        (256, false, "name"),
    ] as [(Int, Bool, String?)])
    func aLongNameIsRecordedOrRefusedInOneLine(length: Int, keepPII: Bool, refused: String?) throws {
        try inFolder { folder in
            let name = String(repeating: "n", count: length - 3) + ".md"
            let path = folder + "/" + name
            let offline = OfflineShell()
            let status = offline.shell.run(line: "record \(path)\(keepPII ? " --keep-pii" : "")")
            if refused == nil {
                offline.shell.run(line: "explain 131047")
                offline.shell.run(line: "record stop")
            }
            let listed = try FileManager.default.contentsOfDirectory(atPath: folder)
            if let refused {
                #expect(status != .ok)
                #expect(listed.isEmpty, "\(listed)")
                let err = offline.output.err.replacingOccurrences(of: path, with: "P")
                #expect(err.split(separator: "\n").count == 1, "\(err)")
                if refused == "restore" {
                    #expect(err.contains("its name is 248 bytes, and its restore file (the same name and '.restore', kept beside a masked transcript) would pass the 255 a file name may have there; shorten the name to 247 bytes or fewer"), "\(err)")
                } else {
                    #expect(err.contains("its name is 256 bytes, more than the 255 a file name may have there; shorten it"), "\(err)")
                }
            } else {
                #expect(status == .ok, "\(offline.output.err)")
                #expect(String(decoding: Self.bytes(path), as: UTF8.self).contains("> explain 131047"))
                // Nothing else beside it: no temporary file left.
                #expect(listed.allSatisfy { $0 == name || $0 == name + ".restore" }, "\(listed)")
            }
        }
    }

    /// A quoted or escaped `~` is a folder named `~` beside the script (read as any relative path); unquoted, the home
    /// folder. Single quotes, double quotes, a backslash, a quoted `/` after the `~`, and `--flag='~/x'`.
    @Test(arguments: [
        ("record '~/t.md'", true), ("record \"~/t.md\"", true), ("record \\~/t.md", true), ("record ~\"/t.md\"", true),
        ("record ~/t.md", false), ("record ~/'t.md'", false),
    ])
    func onlyAnUnquotedTildeIsTheHomeFolder(line: String, literal: Bool) throws {
        try inFolder { folder in
            let home = folder + "/home"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder + "/s/~", withIntermediateDirectories: true)
            try Data((line + "\nexplain 131047\nrecord stop\n").utf8).write(to: URL(fileURLWithPath: folder + "/s/r.kops"))
            let offline = OfflineShell()
            offline.shell.context.environment["HOME"] = home
            let outcome = try ScriptRunner.load(path: folder + "/s/r.kops").run(on: offline.shell)
            #expect(outcome.failed == 0, "\(offline.output.err)")
            #expect(FileManager.default.fileExists(atPath: folder + "/s/~/t.md") == literal)
            #expect(FileManager.default.fileExists(atPath: home + "/t.md") == !literal)
        }
    }

    @Test func aQuotedTildeInAFlagsValueIsNoHomeFolder() throws {
        let words = try Lexer.commands(in: "verify --file='~/b.json' --file \"~/c.json\" --file ~/d.json")[0]
        #expect(words.map(\.startsWithLiteralTilde) == [false, true, false, true, false, false])
        let arguments = try Arguments(command: VerifyCommand.self, words: ["--file=~/b.json"], literalHome: [0])
        #expect(try Shell.resolvingPaths(arguments, of: VerifyCommand.self, in: "/s", home: "/h").values["--file"] == "/s/~/b.json")
        let typed = try Arguments(command: VerifyCommand.self, words: ["--file", "~/b.json"])
        #expect(try Shell.resolvingPaths(typed, of: VerifyCommand.self, in: "/s", home: "/h").values["--file"] == "/h/b.json")
        let plain = try Lexer.commands(in: "record ~/x '~'/y \"a~\" ~'x'")[0]
        #expect(plain.map(\.startsWithLiteralTilde) == [false, false, true, false, true])
    }
}
