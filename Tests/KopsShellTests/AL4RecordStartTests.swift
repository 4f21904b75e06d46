import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL4: `record start`, as asciinema's and script's users type it, recorded to a file named `start` (and
/// `start.restore`), and `record start /tmp/rec1.md` answered "record: unexpected argument '/tmp/rec1.md'", blaming the
/// path. Both are one line naming `start` now, and no file is written; a second file name is still one too many.
@Suite struct AL4RecordStartTests {
    @Test(arguments: [
        "record start", "record start rec1.md", "record START rec1.md", "record begin",
        // tester63b AO4: the other verbs recorders take.
        "record off", "record on", "record pause", "record end", "record status",
    ])
    func startIsNamedAndNothingIsRecorded(line: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-al4-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, err, recording) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let words = line.split(separator: " ").map { $0.hasSuffix(".md") ? "\(folder)/\($0)" : String($0) }
            let status = shell.run(line: words.joined(separator: " "))
            return (status, output.err, shell.recorder != nil)
        }
        #expect(status == .usage, "\(err)")
        #expect(err.split(separator: "\n").count == 1, "\(err)")
        #expect(err.contains("record: invalid word '") && err.contains("'record FILE.md' starts recording"), "\(err)")
        #expect(!recording)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func twoFileNamesAreStillOneTooMany() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            _ = shell.run(line: "record a.md b.md")
            return output.err
        }
        #expect(err.contains("record: unexpected argument 'b.md'"), "\(err)")
    }
}
