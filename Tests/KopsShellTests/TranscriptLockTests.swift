import Foundation
@testable import KopsShell
import Testing

/// probe38 P38-7: two sessions recording to one transcript at once (`record team.md --append` in two terminals)
/// interleaved their blocks silently; the file no longer replayed and `kops check` advised an `--update` over the
/// evidence. While one session records to a file, another is refused in one line; after `record stop` it may continue it.
@Suite struct TranscriptLockTests {
    static let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "127.0.0.1", phoneNumberID: nil, keepPII: true)

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [TranscriptRecorder.Opening.append, .replace])
    func aSecondSessionIsRefusedWhileTheFirstRecords(opening: TranscriptRecorder.Opening) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/team.md"
        let first = try TranscriptRecorder(header: Self.header, destination: .file(path))
        first.begin(prompt: "kops(default)> ", line: "state")
        first.write("profile: default\n", to: .out)
        first.end()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect {
            _ = try TranscriptRecorder(header: Self.header, destination: .file(path), opening: opening)
        } throws: { error in
            ErrorReport(error).message.contains("cannot record to '\(path)': another kops session is recording to it now")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before, "nothing was written by the refused session")
        // `record stop` in the first session lets the second continue it.
        first.releaseFile()
        let second = try TranscriptRecorder(header: Self.header, destination: .file(path), opening: opening)
        second.releaseFile()
    }

    /// The same session may record to the file again after its own `record stop`.
    @Test func recordStopReleasesTheFile() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.md"
        let offline = OfflineShell()
        for line in ["record \(path) --keep-pii", "explain 131047", "record stop", "record \(path) --append --keep-pii", "explain 131026", "record stop"] {
            #expect(offline.shell.run(line: line) == .ok, "\(line): \(offline.output.err)")
        }
    }
}
