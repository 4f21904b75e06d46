import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTerminal
import KopsTestSupport
import Testing

/// tester62 AK3: `logs search 'Basic+<base64 user:pass>'` and `'Basic%20<base64>'` went to Kapso as a search term, where
/// a `Bearer` token written so was refused: the Basic credential was read only after a blank. And `history` listed the
/// line in clear. The Basic reading now decodes `+` and percent-escapes first, as the Bearer one does; a line refused for
/// the secret it holds is taken back from the session's history, recall and the history file.
@Suite struct AK3EncodedBasicCredentialTests {
    /// The base64 of `admin:hunter2pw`.
    static let credential = "YWRtaW46aHVudGVyMnB3"

    @Test(arguments: [
        ("Basic+\(credential)", credential), ("Basic%20\(credential)", credential), ("basic%2520\(credential)", credential),
        ("Basic%09\(credential)", credential), ("Basic%2B\(credential)", credential), ("Basic++\(credential)", credential),
        ("Basic+YWRtaW46cHc%3D", "YWRtaW46cHc"), ("query=x%20Basic%20YWRtaW46cHc%3D&limit=20", "YWRtaW46cHc"),
        // `ops:p>?~x`, whose base64 holds a `+`, written with it escaped.
        ("Basic%20b3BzOnA%2BP354", "P354"),
    ])
    func anEncodedBasicCredentialIsMasked(_ text: String, credential: String) {
        let redactor = Redactor()
        #expect(redactor.needsRedaction(text))
        let masked = redactor.redact(text)
        #expect(!masked.contains(credential) && masked.contains("<redacted>"), "\(masked)")
    }

    @Test(arguments: ["Basic+plan", "Basic%20information", "the+Basic+plan+costs+less", "Basic%5Fplan", "xBasic+YWRtaW46cHc="])
    func proseStays(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }

    @Test(arguments: ["logs search 'Basic+\(credential)'", "logs search 'Basic%20\(credential)'", "logs search x%20Basic%20YWRtaW46cHc%3D"])
    func theSearchIsRefusedBeforeSending(_ line: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().requests
            #expect(shell.run(line: line) == .usage, "\(output.err)")
            #expect(output.err.contains("logs search: the query holds") && output.err.contains("nothing was sent"), "\(output.err)")
            #expect(fixture.counters().requests == before)
        }
    }

    /// A refused line is neither listed by `history` nor kept by the reader; the lines around it are.
    @Test func aRefusedLineLeavesTheHistory() async throws {
        let refused = ["logs search 'Basic+\(Self.credential)'", "logs search 'Bearer 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'"]
        let (out, history, reader) = try await withSimulator { fixture -> (String, [String], ForgettingReader) in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let reader = ForgettingReader(["state"] + refused + ["explain 131047", "history"])
            _ = shell.loop(reader: reader)
            return (output.out, shell.context.history, reader)
        }
        #expect(history == ["state", "explain 131047", "history"])
        #expect(reader.kept == ["state", "explain 131047", "history"])
        #expect(out.hasSuffix("1  state\n2  explain 131047\n"), "\(out)")
        #expect(!out.contains(Self.credential) && !out.contains("logs search"), "\(out)")
    }

    /// The history file gives back the newest entry that is the refused line, and keeps the rest.
    @Test func theHistoryFileForgetsTheLastEntryThatIsTheLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ak3-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = HistoryFile(path: folder.path + "/kops/history", limit: 10)
        #expect(file.load().isEmpty)
        for line in ["numbers", "logs search x", "state", "logs search x"] { file.append(line) }
        file.forgetLast("logs search x")
        #expect(file.load() == ["numbers", "logs search x", "state"])
        file.forgetLast("not there")
        #expect(file.load() == ["numbers", "logs search x", "state"])
    }

    /// A transcript records the refused line with its credential masked.
    @Test func aTranscriptMasksTheRefusedLine() async throws {
        let (page, _) = try await recordMasked(["logs search 'Basic+\(Self.credential)'"], seed: .demo, width: nil)
        #expect(!page.contains(Self.credential) && page.contains("Basic+<redacted>"), "\(page)")
    }
}

/// Lines from a list, keeping what the shell remembers and takes back, as the line editor does.
final class ForgettingReader: LineReader, @unchecked Sendable {
    private var lines: [String]
    private(set) var kept: [String] = []

    init(_ lines: [String]) {
        self.lines = lines
    }

    func readLine(prompt: String) -> LineInput {
        lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func remember(_ line: String) { kept.append(line) }

    func forget(line: String) {
        if let last = kept.lastIndex(of: line) { kept.remove(at: last) }
    }
}
