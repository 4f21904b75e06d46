import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `printed`: its output is the lines of `PRINTED` in the shell's environment, as a message text or a template body
/// holding a line of backticks prints them; it calls no API.
enum PrintedCommand: Command {
    static let name = "printed"
    static let summary = "prints PRINTED (tests)"
    static let sendsRequests = false
    static let usage = "printed"

    static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let text = context.environment["PRINTED"] ?? ""
        return CommandResult(blocks: text.split(separator: "\n", omittingEmptySubsequences: false).map { .data(String($0)) })
    }
}

/// A transcript whose ```` ```kops ```` block lost its closing fence (probe16 P16-9): `kops check` read the next command
/// as output of the open block and `--update` deleted it. Such a file is refused, naming the open block, before anything
/// runs. And a block whose output holds a line of backticks, which closed the block early: it gets a longer fence.
@Suite struct TranscriptFenceTests {
    static let number = "100200300400501"

    /// `use`, `numbers`, `health` recorded on a fresh simulator, personal data kept.
    private static func record() async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in ["use \(number)", "numbers", "health"] { shell.run(line: line) }
            return recorder.text
        }
    }

    /// The 1-based number of the first line that is `text`, after `after`.
    private static func lineNumber(of text: String, in transcript: String, after: Int = 0) -> Int? {
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.first { $0 >= after && lines[$0] == text }.map { $0 + 1 }
    }

    /// The transcript without the closing fence of the block whose prompt line ends with `command`.
    private static func dropClosingFence(of command: String, in transcript: String) throws -> String {
        var lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        let prompt = try #require(lines.firstIndex { $0.hasSuffix("> " + command) })
        let fence = try #require(lines[prompt...].firstIndex { $0 == "```" })
        lines.remove(at: fence)
        return lines.joined(separator: "\n")
    }

    /// A shell whose API is nowhere: a replay that sent anything would fail on it.
    private static func offlineShell(registry: CommandRegistry = .standard) throws -> Shell {
        let transport = try CurlTransport(options: .init(connectTimeout: 1, timeout: 1, userAgent: "kops-tests"))
        let client = KapsoClient(baseURL: "http://127.0.0.1:1", apiKey: Secret("test_key_0123456789"), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: registry)
        return Shell(context: context, renderer: Renderer(), output: BufferOutput())
    }

    @Test func aWholeTranscriptHasNoUnclosedBlock() async throws {
        let transcript = try await Self.record()
        let parsed = TranscriptParser(transcript)
        #expect(parsed.commands.map(\.command) == ["use \(Self.number)", "numbers", "health"])
        #expect(parsed.unclosedBlock == nil)
    }

    @Test func aMissingClosingFenceNamesTheOpenBlockAndTheNextOne() async throws {
        let transcript = try await Self.record()
        let edited = try Self.dropClosingFence(of: "use \(Self.number)", in: transcript)
        let open = try #require(Self.lineNumber(of: "```kops", in: edited))
        let next = try #require(Self.lineNumber(of: "```kops", in: edited, after: open))
        let block = try #require(TranscriptParser(edited).unclosedBlock)
        #expect(block.line == open)
        #expect(block.command == "use \(Self.number)")
        // Above the blank line before the next block: the fence goes back where it was.
        #expect(block.next == next - 1)
        var lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        lines.insert("```", at: next - 2)
        #expect(lines.joined(separator: "\n") == transcript)
        let error = try #require(
            throws: ScriptError.self,
            performing: { _ = try TranscriptChecker(expected: edited, path: "h5u.md").replay(on: try Self.offlineShell()) })
        #expect(error.exitStatus == .usage)
        #expect(
            error.message
                == "h5u.md:\(open): the ```kops block of 'use \(Self.number)' has no closing ```: the next block starts "
                + "inside it; add a ``` line above line \(next - 1) (nothing was run or written)")
    }

    /// A file cut off inside its last block (kops killed with SIGKILL while it ran, a copy stopped half-way): the block is
    /// read as cut short there and kept as recorded, named so, and the blocks before it replay (probe22 P22-22: the
    /// whole file was refused).
    @Test func aFileEndingInsideItsLastBlockKeepsItAsCutShortAndReplaysTheRest() async throws {
        let transcript = try await Self.record()
        let cut = String(transcript.prefix(upTo: try #require(transcript.range(of: "```\n", options: .backwards)).lowerBound))
        let last = try #require(cut.split(separator: "\n", omittingEmptySubsequences: false).lastIndex { $0 == "```kops" }) + 1
        let block = try #require(TranscriptParser(cut).unclosedBlock)
        #expect(block.line == last && block.command == "health" && block.next == nil)
        // Cut mid-line too: the marker starts a line of its own.
        for text in [cut, String(cut.dropLast(3))] {
            let outcome = try await withSimulator { fixture in
                try TranscriptChecker(expected: text, path: "t.md").replay(on: try fixture.shell().shell)
            }
            #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
            #expect(outcome.keptAsRecorded.map(\.command) == ["health"])
            #expect(outcome.keptAsRecorded.first?.reason == "the file ends inside it: kops was killed while it ran, or the file was cut")
            #expect(
                outcome.actual.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\n" + TranscriptRecorder.cutShortLine + "\n```"),
                "\(outcome.actual.suffix(300))")
        }
    }

    /// `record --append` to a file cut off inside its last block closes that block first (with the cut-short line), so
    /// the appended blocks are not written inside it and the file checks (probe22 P22-22); a block left open elsewhere is
    /// refused, naming where its fence belongs.
    @Test func anAppendClosesALastBlockCutShortFirst() async throws {
        let transcript = try await Self.record()
        let cut = String(transcript.prefix(upTo: try #require(transcript.range(of: "```\n", options: .backwards)).lowerBound))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cut-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = try Self.dropClosingFence(of: "use \(Self.number)", in: transcript)
        let recordedHost = TranscriptParser(transcript).header.host
        let (appended, outcome, refused, written) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            // Appended on this simulator's host, as its header must name (probe40 P40-7: another host is refused).
            let host = TranscriptHeader.label(baseURL: shell.context.client.baseURL)
            let written = (
                cut: cut.replacingOccurrences(of: "- api: \(recordedHost)\n", with: "- api: \(host)\n"),
                open: open.replacingOccurrences(of: "- api: \(recordedHost)\n", with: "- api: \(host)\n"))
            #expect(written.cut != cut && written.open != open, "the header names the recording's host")
            try Data(written.cut.utf8).write(to: URL(fileURLWithPath: folder + "/k9.md"))
            try Data(written.open.utf8).write(to: URL(fileURLWithPath: folder + "/open.md"))
            shell.run(line: "record \(folder)/k9.md --append --keep-pii")
            shell.run(line: "explain 131047")
            shell.run(line: "record stop")
            let appended = try String(contentsOfFile: folder + "/k9.md", encoding: .utf8)
            let outcome = try TranscriptChecker(expected: appended, path: "k9.md").replay(on: try fixture.shell().shell)
            shell.run(line: "record \(folder)/open.md --append --keep-pii")
            return (appended, outcome, output.err, written)
        }
        // The file as written, then the cut-short mark and the fence that close its last block, then the appended part.
        #expect(appended.hasPrefix(written.cut + TranscriptRecorder.cutShortLine + "\n```\n\n<!-- appended: "), "\(appended)")
        #expect(TranscriptParser(appended).unclosedBlock == nil)
        #expect(TranscriptParser(appended).commands.map(\.command).suffix(2) == ["health", "explain 131047"])
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(refused.contains("open.md:"), "\(refused)")
        #expect(refused.contains("has no closing ```: the next block starts inside it"), "\(refused)")
        #expect(try String(contentsOfFile: folder + "/open.md", encoding: .utf8) == written.open, "nothing is appended to it")
    }

    /// An offline shell (`offlineShell`) that also knows `printed`, printing `printed`.
    private static func printingShell(_ printed: String) throws -> Shell {
        let shell = try offlineShell(registry: CommandRegistry(commands: CommandRegistry.standard.commands + [PrintedCommand.self]))
        shell.context.environment["PRINTED"] = printed
        return shell
    }

    /// `lines` recorded on `printingShell(printed)` (personal data kept), into memory or into `file`.
    private static func recordPrinting(_ printed: String, lines: [String], file: String? = nil) throws -> String {
        let shell = try printingShell(printed)
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context, keepPII: true), destination: file.map { .file($0) } ?? .memory,
            context: shell.context)
        shell.recorder = recorder
        for line in lines { shell.run(line: line) }
        return recorder.text
    }

    /// Output with a line of three backticks, one of four after indentation, and the start of a pasted transcript.
    static let backticks = "before\n```\n  ````\n```kops\nkops(default)> health\nafter"

    /// A line of backticks in a command's output closed its block early: the transcript did not replay. The block gets
    /// a fence one longer than the longest run of backticks that starts one of its lines, in memory and in a file.
    @Test func outputWithBackticksGetsALongerFenceAndReplays() throws {
        let transcript = try Self.recordPrinting(Self.backticks, lines: ["printed", "explain 131047"])
        #expect(transcript.contains("\n`````kops\nkops(default)> printed\n" + Self.backticks + "\n`````\n\n```kops\n"), "\(transcript)")
        let parsed = TranscriptParser(transcript)
        #expect(parsed.commands.map(\.command) == ["printed", "explain 131047"])
        #expect(parsed.unclosedBlock == nil)
        #expect(parsed.commands.first?.block == "`````kops\nkops(default)> printed\n" + Self.backticks + "\n`````\n\n")
        let outcome = try TranscriptChecker(expected: transcript).replay(on: try Self.printingShell(Self.backticks))
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")

        // The file is written as the block goes, then its block again with the longer fence.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fence-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.recordPrinting(Self.backticks, lines: ["printed", "explain 131047"], file: folder + "/f.md")
        let written = try String(contentsOfFile: folder + "/f.md", encoding: .utf8)
        #expect(written == transcript)

        // Without its closing fence, the block runs to the file's end: the inner ```kops is its output.
        let cut = transcript.replacingOccurrences(of: "after\n`````\n", with: "after\n")
        let block = try #require(TranscriptParser(cut).unclosedBlock)
        #expect(block.next == nil && block.fence == "`````" && block.command == "printed")
        // Read as cut short there (probe22 P22-22): kept as recorded, closed with its own fence.
        let cutOutcome = try TranscriptChecker(expected: cut, path: "t.md").replay(on: try Self.offlineShell())
        #expect(cutOutcome.keptAsRecorded.map(\.command) == ["printed"])
        #expect(
            cutOutcome.actual.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(TranscriptRecorder.cutShortLine + "\n`````"),
            "\(cutOutcome.actual)")
    }

    /// Output that quotes backticks inside a line cannot close a fence: the block keeps its 3-backtick fence.
    @Test func backticksInsideALineKeepTheFence() throws {
        let transcript = try Self.recordPrinting("text: ```code``` and ````", lines: ["printed"])
        #expect(transcript.contains("\n```kops\nkops(default)> printed\ntext: ```code``` and ````\n```\n"), "\(transcript)")
    }

    /// A transcript recorded with 3-backtick fences reads as it did: a block closes at a line of exactly ```` ``` ````,
    /// so a longer line of backticks in its output stays output.
    @Test func aThreeBacktickTranscriptReadsAsBefore() throws {
        let transcript = try Self.recordPrinting("", lines: ["printed", "explain 131047"])
        let old = transcript.replacingOccurrences(of: "kops(default)> printed\n\n```", with: "kops(default)> printed\n````\n```")
        #expect(old != transcript)
        let parsed = TranscriptParser(old)
        #expect(parsed.commands.map(\.command) == ["printed", "explain 131047"])
        #expect(parsed.commands.first?.block == "```kops\nkops(default)> printed\n````\n```\n\n")
        #expect(parsed.unclosedBlock == nil)
    }

    /// `check --update` of a block whose output now holds a line of backticks writes it with the longer fence, and the
    /// file it writes checks clean.
    @Test func updateWritesANewFenceWhenTheOutputNowHoldsBackticks() throws {
        let transcript = try Self.recordPrinting("plain", lines: ["printed", "explain 131047"])
        #expect(transcript.contains("\n```kops\nkops(default)> printed\nplain\n```\n"))
        let outcome = try TranscriptChecker(expected: transcript).replay(on: try Self.printingShell(Self.backticks))
        #expect(!outcome.diff.isEmpty)
        #expect(outcome.actual.contains("\n`````kops\nkops(default)> printed\n" + Self.backticks + "\n`````\n\n```kops\n"))
        #expect(TranscriptParser(outcome.actual).commands.map(\.command) == ["printed", "explain 131047"])
        let again = try TranscriptChecker(expected: outcome.actual).replay(on: try Self.printingShell(Self.backticks))
        #expect(again.diff.isEmpty, "\(again.diff)")
    }
}
