import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// A contact whose profile name is one word (`Support`) is masked where kops names the contact (the `contact:` field,
/// the `NAME` cell, JSON names, "the contact …"), never inside the business's own `Support Line` or kops's advice
/// ("open a Meta Direct Support ticket"): the one-word-body design of probe7 P7-2, for names (session 16's note).
///
/// Seed: `mask-forms.seed.json` with Contact A renamed `Support` (and its one-word body `Support` reworded, so the
/// word is only the name); its number is `Support Line`, and N53 failed 131000, whose advice names Meta Direct Support.
@Suite struct OneWordNameMaskTests {
    static let lines = [
        "use 100200300400501", "messages --limit 3", "message \(BodyFormsMaskTests.wamid(17))",
        "trace \(BodyFormsMaskTests.wamid(53))", "conversations", "conversations --output json --all", "errors",
        "whois +14155550171", "numbers",
    ]

    private func withSeed<T: Sendable>(_ body: @Sendable (SimulatorSeed) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kops-oneword-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = try String(contentsOfFile: BodyFormsMaskTests.seed, encoding: .utf8)
            .replacingOccurrences(of: "\"Contact A\"", with: "\"Support\"")
            .replacingOccurrences(of: "\"body\": \"Support\"", with: "\"body\": \"Hello there\"")
        let path = directory.appendingPathComponent("oneword.seed.json").path
        try seed.write(toFile: path, atomically: true, encoding: .utf8)
        return try await body(.file(path))
    }

    @Test func aOneWordNameIsMaskedWhereItNamesTheContactOnly() async throws {
        try await withSeed { seed in
            let (page, restore) = try await recordMasked(Self.lines, seed: seed)
            #expect(!page.contains("> Line"), "the number's name was masked: \(page)")
            #expect(page.contains("Support Line  200300400500601"))
            #expect(page.contains("open a Meta Direct Support ticket"))
            #expect(page.contains("  message  Support Line  "), "errors' WHO: \(page)")
            #expect(page.contains("contact:      <contact "))
            #expect(page.contains("outbound text to <contact "))
            // `conversations --all --output json` prints NDJSON: compact, one conversation a line (P20-2).
            #expect(page.contains("\"contact_name\":\"<contact "))
            #expect(page.contains("is the contact <contact "))
            for line in page.split(separator: "\n") where line.contains("Support") {
                #expect(line.contains("Support Line") || line.contains("Direct Support ticket"), "\(line)")
            }
            let diff = try await withSimulator(seed: seed) { fixture in
                try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell).diff
            }
            #expect(diff.isEmpty, "\(diff)")
        }
    }
}
