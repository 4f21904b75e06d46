import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// A transcript whose ```` ```kops ```` block lost its closing fence (probe16 P16-9): `kops check` read the next command
/// as output of the open block and `--update` deleted it. Such a file is refused, naming the open block, before anything
/// runs.
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
    private static func offlineShell() throws -> Shell {
        let transport = try CurlTransport(options: .init(connectTimeout: 1, timeout: 1, userAgent: "kops-tests"))
        let client = KapsoClient(baseURL: "http://127.0.0.1:1", apiKey: Secret("test_key_0123456789"), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
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

    /// A file cut off inside its last block (a full disk, a copy stopped half-way).
    @Test func aFileEndingInsideABlockIsRefused() async throws {
        let transcript = try await Self.record()
        let cut = String(transcript.prefix(upTo: try #require(transcript.range(of: "```\n", options: .backwards)).lowerBound))
        let last = try #require(cut.split(separator: "\n", omittingEmptySubsequences: false).lastIndex { $0 == "```kops" }) + 1
        let block = try #require(TranscriptParser(cut).unclosedBlock)
        #expect(block.line == last && block.command == "health" && block.next == nil)
        let error = try #require(
            throws: ScriptError.self,
            performing: { _ = try TranscriptChecker(expected: cut, path: "t.md").replay(on: try Self.offlineShell()) })
        #expect(error.message.hasSuffix("has no closing ```: the file ends inside it (cut off?); add a ``` line at its end, or record it again (nothing was run or written)"))
    }
}
