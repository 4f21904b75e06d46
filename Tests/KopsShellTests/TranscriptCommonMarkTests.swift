import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// `kops check` reads ```` ```kops ```` blocks as CommonMark does (probe18 P18-18): a fence with trailing spaces,
/// indented up to 3 spaces, with words after `kops`, or of tildes is a block; one that looks like a kops block but
/// is not read is named by its line.
@Suite struct TranscriptCommonMarkTests {
    private static let prompt = "kops(default)> explain 131047"

    @Test(arguments: [
        ("```kops \n\(prompt)\nout\n```\n", "```kops\n\(prompt)\nout\n```\n"),
        ("  ```kops\n  \(prompt)\n  out\n   ```\n", "```kops\n\(prompt)\nout\n```\n"),
        ("   ```kops\n \(prompt)\n    out\n```  \n", "```kops\n\(prompt)\n out\n```\n"),
        ("```kops title\n\(prompt)\n```\n", "```kops\n\(prompt)\n```\n"),
        ("~~~kops\n\(prompt)\n```\n~~~~\n", "````kops\n\(prompt)\n```\n````\n"),
        ("```kops\n\(prompt)\n```\t\n", "```kops\n\(prompt)\n```\n"),
    ])
    func aBlockMarkdownReadsIsReadInTheRecordersForm(_ text: String, _ read: String) {
        let result = TranscriptParser.commonMarkRead(text)
        #expect(result.text == read)
        #expect(result.unread.isEmpty)
    }

    /// Text already in the recorder's form comes back as it is, a `````` ```` `````` output line of an old 3-backtick
    /// block included (it stays output).
    @Test func theRecordersFormIsKept() {
        let text = "# kops transcript\n\n```kops\n\(Self.prompt)\n````\nout\n```\n\nnote\n"
        #expect(TranscriptParser.commonMarkRead(text).text == text)
        #expect(TranscriptParser.commonMarkRead(text).unread.isEmpty)
    }

    @Test(arguments: [
        ("    ```kops\n    \(prompt)\n    ```\n", "a kops block indented 4 spaces, which Markdown shows as text, not a block; indent its fence 3 spaces at most"),
        ("\t```kops\n\(prompt)\n```\n", "a kops block indented with a tab, which Markdown shows as text, not a block; indent its fence 3 spaces at most"),
        ("```Kops\n\(prompt)\n```\n", "a block marked 'Kops', not 'kops'; mark it 'kops' to have it replayed"),
        ("```kops`\n\(prompt)\n```\n", "a kops block whose fence has a backtick after 'kops', which makes it no fence in Markdown; remove it"),
        ("```kops\nhealth\n```\n", "a kops block whose first line is not a prompt ('kops(PROFILE)> COMMAND'); give it one, or mark the block as another language"),
    ])
    func aBlockThatLooksLikeKopsButIsNotReadIsNamed(_ block: String, _ reason: String) {
        let text = "# kops transcript\n\n" + block
        #expect(TranscriptParser.commonMarkRead(text).unread == [TranscriptParser.UnreadBlock(line: 3, reason: reason)])
    }

    /// Other languages are no kops blocks and say nothing.
    @Test func otherBlocksAreLeftAlone() {
        let text = "```json\n{}\n```\n~~~\nx\n~~~\n```kopsfile\nx\n```\n"
        #expect(TranscriptParser.commonMarkRead(text).text == text)
        #expect(TranscriptParser.commonMarkRead(text).unread.isEmpty)
    }

    /// A recorded transcript pasted under a list item (every line indented 2 spaces), or with a trailing space after
    /// one fence, checks clean: every block replays.
    @Test(arguments: ["indent", "trailing"])
    func aTouchedTranscriptReplaysEveryBlock(_ edit: String) async throws {
        let lines = ["use 100200300400501", "health", "explain 131047"]
        let (recorded, replayed) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            let text = recorder.text
            let touched: String
            if edit == "indent" {
                let parts = text.components(separatedBy: "\n```kops\n")
                touched = parts[0] + "\n" + parts.dropFirst().map { "```kops\n" + $0 }.joined(separator: "\n")
                    .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
                    .joined(separator: "\n")
            } else {
                touched = text.replacingOccurrences(of: "```kops\nkops(default)> use", with: "```kops \nkops(default)> use")
            }
            #expect(touched != text)
            let (fresh, _) = try fixture.shell()
            return (text, try TranscriptChecker(expected: touched, path: "t.md").replay(on: fresh))
        }
        #expect(replayed.commands == lines.count)
        #expect(replayed.diff.isEmpty, "\(replayed.diff)")
        #expect(replayed.unreadBlocks.isEmpty)
        #expect(replayed.actual == recorded)
    }
}

/// What `kops check` says of a file it cannot read, and `record --append`'s count of an edited file's blocks.
@Suite struct TranscriptFileReadTests {
    @Test func aTranscriptThatIsNotUTF8IsNamedAsOneThatExists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-read-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.md", good = folder + "/good.md"
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: bad))
        try Data("\u{FEFF}# kops transcript\n".utf8).write(to: URL(fileURLWithPath: good))
        #expect(throws: ScriptError.unreadableTranscript(
            path: bad,
            reason: "line 1 holds the byte 0xFF (column 3), which is not UTF-8 (saved as Latin-1 or Windows-1252?); save the "
                + "file as UTF-8, as kops writes transcripts")) { try TranscriptFile.read(bad) }
        #expect(throws: ScriptError.unreadableTranscript(path: folder + "/none.md", reason: "no such file; check the path")) {
            try TranscriptFile.read(folder + "/none.md")
        }
        #expect(throws: ScriptError.unreadableTranscript(path: folder, reason: "it is a folder; name the transcript's file")) {
            try TranscriptFile.read(folder)
        }
        #expect(try TranscriptFile.read(good).unicodeScalars.first == "\u{FEFF}")
        #expect(ScriptError.unreadableTranscript(path: bad, reason: "r").exitStatus == .noInput)
    }

    @Test func anIndentedBlockCountsForAppend() {
        let text = "# kops transcript\n\n  ```kops\n  kops(default)> health\n  ```\n\n```kops \nkops(default)> health\n```\n"
        #expect(TranscriptRestore.occurrences(in: text) == ["health": 2])
    }
}

/// probe22 P22-11: after a block `kops check` could not read (indented 4 spaces), `--update` rewrote the recorded output
/// of the later blocks (an unread `output json` made `messages` come out as a table), dropped the unread block's clock
/// line, and exited 0. An unread block is now like a line not replayed: every later block that differs is kept as
/// recorded, and its clock line stays with it.
@Suite struct UnreadBlockUpdateTests {
    @Test func blocksAfterAnUnreadBlockAreKeptAsRecordedWithItsClockLine() async throws {
        let lines = ["use 100200300400501", "explain 131047", "output json", "messages --limit 2", "output table", "state"]
        let (touched, replayed) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            // A simulator clock, so each block follows its `<!-- clock: … -->` line.
            shell.context.simulatorClock = { 1_795_000_000_000_000 }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            var text = recorder.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The `output json` block indented 4 spaces, as a ticket system's "indent" does.
            let prompt = try #require(text.firstIndex { $0.hasSuffix("> output json") })
            for index in (prompt - 1)...(prompt + 2) { text[index] = "    " + text[index] }
            // And one change before it, so --update has something to write.
            let meaning = try #require(text.firstIndex { $0.hasPrefix("code:") && $0.hasSuffix("131047") })
            text[meaning] += " (edited)"
            let touched = text.joined(separator: "\n")
            let (fresh, _) = try fixture.shell()
            fresh.context.simulatorClock = { 1_795_000_000_000_000 }
            return (touched, try TranscriptChecker(expected: touched, path: "t.md").replay(on: fresh))
        }
        let unread = try #require(replayed.unreadBlocks.first)
        #expect(replayed.dependedOn?.line == unread.line && replayed.dependedOnIsUnread)
        #expect(replayed.dependedOn?.command == "output json")
        let messages = try #require(TranscriptParser(touched).commands.first { $0.command == "messages --limit 2" })
        #expect(replayed.keptAfterUnreplayed.contains(messages.line), "\(replayed.keptAfterUnreplayed)")
        // What --update writes: the edit before the unread block renewed, everything from it on as recorded.
        #expect(replayed.updated.contains(messages.block), "the recorded JSON of 'messages' is kept")
        let fromUnread = try #require(touched.range(of: "    ```kops")?.lowerBound)
        #expect(replayed.updated.hasSuffix(String(touched[fromUnread...])), "from the unread block on, the file as it was")
        #expect(!replayed.updated.contains("(edited)"))
        let clocks = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("<!-- clock: ") }.count }
        #expect(clocks(touched) > 0)
        #expect(clocks(replayed.updated) == clocks(touched), "no clock line is dropped")
        #expect(clocks(replayed.actual) == clocks(touched))
    }
}
