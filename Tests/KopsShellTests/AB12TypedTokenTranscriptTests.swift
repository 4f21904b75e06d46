import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB12: a word the history file keeps out as token-shaped (an API key pasted where an id goes, `use kx9F…`)
/// was written in clear into the transcript, on its prompt line and in the error that echoed it; now `<redacted>` there,
/// in later output and in the restore file, and `kops check` names it as a redacted value it cannot run again.
@Suite struct AB12TypedTokenTranscriptTests {
    static let token = "kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz"

    @Test func aTokenShapedWordTypedReachesNoFileOfTheRecording() async throws {
        let token = Self.token
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ab12-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("t.md").path
            for line in ["record \(path)", "use \(token)", "set x \(token)", "set", "explain \(token)", "record stop"] {
                shell.run(line: line)
            }
            #expect(!HistoryPolicy.allows("use \(token)"))
            let transcript = try String(contentsOfFile: path, encoding: .utf8)
            let restore = (try? String(contentsOfFile: path + ".restore", encoding: .utf8)) ?? ""
            #expect(!transcript.contains(token), "\(transcript)")
            #expect(!restore.contains(token), "\(restore)")
            #expect(transcript.contains("> use <redacted>\n"), "\(transcript)")
            #expect(transcript.contains("> set x <redacted>\n"), "\(transcript)")
            // The terminal is the user's own: `set` lists what they typed (error lines mask it: AB12UseTokenTerminalTests).
            #expect(output.combined.contains(token))
        }
    }

    @Test func checkNamesTheRedactedWordAsOneItCannotRunAgain() {
        let what = TranscriptChecker.redactedValues(in: "use <redacted>")
        #expect(what?.contains("a word shaped like a key or token") == true, "\(what ?? "nil")")
    }

    /// Ids and a Kapso cursor stay, as the history file keeps them.
    @Test(arguments: [
        "trace wamid.HBgLMTQxNTU1NTAxNDIVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
        "logs search --ids req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02",
        "conversation 7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a",
        "logs search --cursor eyJ2YWx1ZXMiOlsiMjAyNi0wMy0yNlQxNTowNTowMC4wMDAwMDBaIiwiMzQzMCJdfQ",
    ])
    func anIDStaysOnThePromptLine(line: String) throws {
        let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "127.0.0.1", phoneNumberID: nil, keepPII: true)
        let recorder = try TranscriptRecorder(header: header, destination: .memory)
        recorder.begin(prompt: "kops> ", line: line)
        recorder.end()
        #expect(recorder.text.contains("kops> " + line + "\n"), "\(recorder.text)")
    }
}
