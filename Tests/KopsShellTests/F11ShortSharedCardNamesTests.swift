import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester70 F11: two-letter names of shared contact cards (Wu, Bo, Li: among the commonest surnames) stayed in clear in
/// transcripts (`shared 8 contacts: Wu, <contact 4>, …`) while longer ones were masked. Every item of the summary's list
/// is masked now. Seed `f11-short-shared-names.seed.json` (tester70's t70-short2): N05 shares Wu, Bob, Ana, Mei, …
@Suite struct F11ShortSharedCardNamesTests {
    @Test func aTwoLetterCardNameIsMaskedInTheTranscript() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kops-f11-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.md").path
        let page = try await withSimulator(seed: TestSeeds.file("f11-short-shared-names.seed.json")) { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .file(path), opening: .create,
                context: shell.context)
            shell.run(line: "message wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ05AAAAAAAAAAAAAAAAAAAA=")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let summary = page.split(separator: "\n").first { $0.contains("shared 8 contacts: ") }
        #expect(summary != nil, "\(page)")
        #expect(!(summary ?? "").contains("Wu"), "\(page)")
        #expect(!page.contains("Bob") && !page.contains("Mei"), "\(page)")
    }
}
