import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// closing note 59 ("left"): a bare `Bearer <hex token>` (no `Authorization:` before it, no known prefix) was masked only
/// by `Shortened`, in a cut echo; the terminal, JSON, transcripts and the history file kept it. The redactor now reads the
/// word after an authorization scheme (`Bearer`, `Basic`) as after a label: masked when it looks like a key, so prose
/// after the word `bearer` stays.
@Suite struct BareBearerTokenTests {
    static let hex = "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
    static let basic = "dXNlcjpodW50ZXIyMDI0IQ"
    static let message = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjAxQjBDMUQyRTNGNEE1QjZDNwA="
    static let seed = SimulatorSeed.file(TestSeeds.path("bearer-token.seed.json"))

    @Test(arguments: [
        ("got 401 for Bearer \(hex)", "got 401 for Bearer <redacted>"),
        ("curl -H 'Bearer \(hex)' https://api.example.com", "curl -H 'Bearer <redacted>' https://api.example.com"),
        ("BEARER \(hex).", "BEARER <redacted>."),
        ("Basic \(basic)==", "Basic <redacted>=="),
        ("(bearer \(hex))", "(bearer <redacted>)"),
        ("token=\(hex)", "token=<redacted>"),
        ("X-Webhook-Secret: \(hex)", "X-Webhook-Secret: <redacted>"),
    ])
    func aKeyAfterASchemeIsMasked(_ text: String, masked: String) {
        let redactor = Redactor()
        #expect(redactor.redact(text) == masked)
        #expect(redactor.needsRedaction(text))
        #expect(redactor.redact(errorLine: text) == masked)
    }

    /// Ordinary words after `bearer` or `basic` stay: only a key-like word is masked.
    @Test(arguments: [
        "the bearer of the number must confirm it", "Bearer authentication failed", "Basic information about the account",
        "send Bearer <your token>", "Bearer abc123", "Bearer 123456789012345", "Bearer 0a1b2c3d-0000-4000-8000-000000000171",
        "unBearer \(hex)", "my_bearer \(hex)",
    ])
    func proseAfterTheWordStays(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }

    /// The history file keeps out a typed line the redactor changes.
    @Test func theHistoryKeepsOutATypedBearerToken() {
        var gate = HistoryGate()
        #expect(gate.admit("explain 'Bearer \(Self.hex) failed'", redactor: Redactor()).save == false)
        #expect(Redactor().redact(commandLine: "explain 'Bearer \(Self.hex) failed'") == "explain 'Bearer <redacted> failed'")
        #expect(gate.admit("explain 'the bearer of the number'", redactor: Redactor()).save)
    }

    @Test func theTerminalJSONAndTranscriptsMaskIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bearer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (kept, masked) = (directory.appendingPathComponent("kept.md").path, directory.appendingPathComponent("masked.md").path)
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            for (path, flag) in [(kept, " --keep-pii"), (masked, "")] {
                shell.run(line: "record \(path)\(flag)")
                shell.run(line: "use 100200300400501")
                shell.run(line: "message \(Self.message)")
                shell.run(line: "output json")
                shell.run(line: "message \(Self.message)")
                shell.run(line: "output table")
                shell.run(line: "messages")
                shell.run(line: "record stop")
            }
            return output.out + output.err
        }
        for text in [out, try String(contentsOfFile: kept, encoding: .utf8), try String(contentsOfFile: masked, encoding: .utf8)] {
            #expect(!text.contains(Self.hex) && !text.contains(Self.basic), "\(text)")
        }
        #expect(out.contains("Bearer <redacted> and Basic <redacted>== ok, the bearer of the number"), "\(out)")
    }
}
