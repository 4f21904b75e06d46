import Foundation
import KopsTestSupport
import Testing

/// tester59b AG14: AE7 escaped ESC and BEL in a transcript's file name, but `kops check` still wrote a line break in it
/// as one, so `nl\nverdict: ok.md` printed a line `verdict: ok.md: 1 command, output unchanged` of its own. Every line
/// `check` writes names the file escaped, and the `--update` it suggests quotes it as `$'…'`, one line that pastes.
@Suite struct AG14CheckFileNameLineBreakTests {
    static let name = "nl\nverdict: ok.md"
    static let shown = "nl\\x0averdict: ok.md"

    private func check(editing: Bool) async throws -> ProcessResult {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ag14-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            let recorded = try ProcessRunner.run(
                "kops", ["--demo", "-c", "record \(folder)/t.md", "-c", "explain 131047", "-c", "record stop"], environment: environment)
            #expect(recorded.status == 0, "\(recorded.stderr)")
            var text = try String(contentsOfFile: folder + "/t.md", encoding: .utf8)
            if editing { text = text.replacingOccurrences(of: "name:       re-engagement", with: "name:       edited") }
            let path = folder + "/" + Self.name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return try ProcessRunner.run("kops", ["--demo", "check", path], environment: environment)
        }
    }

    /// No printed line starts with the part of the name after its line break.
    static func forged(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("verdict: ok.md") }
    }

    @Test func anUnchangedTranscriptsNameIsOneLine() async throws {
        let result = try await check(editing: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!Self.forged(result.stderr), "\(result.stderr)")
        #expect(result.stderr.contains(Self.shown + ": 1 command, output unchanged"), "\(result.stderr)")
    }

    @Test func aChangedTranscriptsNameAndItsUpdateAreOneLine() async throws {
        let result = try await check(editing: true)
        #expect(result.status == 1, "\(result.stderr)")
        let printed = result.stdout + result.stderr
        #expect(!Self.forged(printed), "\(printed)")
        #expect(printed.contains(Self.shown + ": output changed; review the diff"), "\(printed)")
        #expect(printed.contains("check $'/"), "\(printed)")
        #expect(printed.contains("/" + Self.shown + "' --update"), "\(printed)")
    }
}
