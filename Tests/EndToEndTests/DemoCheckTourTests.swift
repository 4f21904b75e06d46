import Foundation
import KopsTestSupport
import Testing

/// probe34 P34-9: `kops --demo check tour.md` (the README's tour, recorded on kapso-sim) was refused because
/// "--allow-writes would send its writes to" the demo's simulator, a flag never given (--demo gives it), and the line
/// it suggested (`--allow-writes --base-url …`) kops refuses with --demo. The demo's own simulator harms nothing: the
/// transcript is replayed there.
@Suite struct DemoCheckTourTests {
    @Test func theTourIsReplayedOnTheDemo() async throws {
        let result = try await offPool { () -> ProcessResult in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-tour-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for name in ["tour.md", "tour.md.restore"] {
                let source = GoldenTranscript.folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: source) { try FileManager.default.copyItem(atPath: source, toPath: folder + "/" + name) }
            }
            return try ProcessRunner.run(
                "kops", ["--demo", "check", folder + "/tour.md"], environment: ["XDG_STATE_HOME": folder + "/state"], timeout: 120)
        }
        // probe36 P36-10: replayed on the demo's wall clock, every date "changed" and `--update` was offered over the
        // golden; the demo's simulator is now pinned at the recorded instant, as the deterministic simulator was.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("output unchanged"), "\(result.stderr)")
        #expect(!result.stderr.contains("--update"), "\(result.stderr)")
        #expect(!result.stderr.contains("--allow-writes would send"), "\(result.stderr)")
        #expect(!result.stderr.contains("--base-url"), "no line kops would refuse with --demo: \(result.stderr)")
        #expect(result.stderr.contains("tour.md: recorded against kapso-sim, replaying on "), "\(result.stderr)")
    }
}
