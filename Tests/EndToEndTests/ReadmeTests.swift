import Foundation
import Testing

/// The README's runnable tour must be exactly the commands of `transcripts/tour.kops`, whose recording
/// `TranscriptTests` replays against the simulator, so the README cannot show a command that fails.
@Suite struct ReadmeTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Lines of every fenced block whose info string is `kops runnable`.
    static func runnableCommands(in markdown: String) -> [String] {
        var commands: [String] = []
        var inside = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inside = !inside && line.dropFirst(3).split(separator: " ") == ["kops", "runnable"]
                continue
            }
            if inside && !line.isEmpty { commands.append(String(line)) }
        }
        return commands
    }

    @Test func tourBlockMatchesTheGoldenTranscriptScript() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: Self.root.appendingPathComponent("transcripts/tour.kops"), encoding: .utf8)
        let scripted = script.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let shown = Self.runnableCommands(in: readme)
        #expect(!shown.isEmpty)
        #expect(shown == scripted)
    }

    @Test func keepsTheTwoSetUpCommandsAtTheTop() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let firstBlock = readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first
        let commands = firstBlock?.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(commands == ["scripts/kops", "scripts/test"])
    }
}
