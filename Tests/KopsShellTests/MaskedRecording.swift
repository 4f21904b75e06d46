import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport

/// Runs `lines` in a shell `width` columns wide on a fresh simulator seeded with `seed`, recording them into a masked
/// transcript as `record FILE` does; returns the page and the restore lines kops wrote beside it (the folder is
/// removed afterwards).
func recordMasked(_ lines: [String], seed: SimulatorSeed, width: Int? = 80) async throws -> (
    page: String, restore: TranscriptRestore
) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kops-masked-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("t.md").path
    return try await withSimulator(seed: seed) { fixture in
        let (shell, _) = try fixture.shell()
        shell.renderer = Renderer(width: width)
        shell.recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context, keepPII: false), destination: .file(path),
            opening: .create, context: shell.context)
        for line in lines { shell.run(line: line) }
        return (try String(contentsOfFile: path, encoding: .utf8), TranscriptRestore.load(besides: path) ?? TranscriptRestore())
    }
}
