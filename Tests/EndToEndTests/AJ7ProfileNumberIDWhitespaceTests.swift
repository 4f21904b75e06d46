import Foundation
import KopsTestSupport
import Testing

/// tester61 AJ7: a profile's `phone_number_id` with a blank, tab or line end around it (`"100200300400501 "`) was sent as
/// written: `messages` listed 0 items (exit 0) and `health` called the id "not found" while listing it. It is read without
/// the whitespace, as `use` reads a pasted id, and said in one line at start.
@Suite struct AJ7ProfileNumberIDWhitespaceTests {
    @Test(arguments: [
        ("100200300400501 ", "with a trailing space"), ("\\t100200300400501", "with a tab before it"),
        ("100200300400501\\n", "with a trailing line feed"),
    ])
    func theProfilesNumberIsReadWithoutItsWhitespaceAndSaid(written: String, miss: String) async throws {
        let result = try await offPool {
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "demo_key_0123456789")
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-aj7-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = """
                default_profile = "acme"
                [profiles.acme]
                base_url = "\(simulator.baseURL)"
                api_key_env = "ACME_KEY"
                phone_number_id = "\(written)"

                """
            try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml"))
            return try ProcessRunner.run(
                "kops", ["-c", "state; messages --limit 3; health"],
                environment: ["XDG_CONFIG_HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state", "ACME_KEY": "demo_key_0123456789"])
        }
        #expect(result.status == 0, "\(result.stderr)")
        let warning = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("warning: ") }, "\(result.stderr)")
        #expect(warning.hasSuffix(
            ":5: profile 'acme' has phone_number_id = \"\(written)\", which is 100200300400501 \(miss); read as 100200300400501 here; "
                + "write phone_number_id = \"100200300400501\" in the file"), "\(warning)")
        #expect(result.stdout.contains("phone_number_id:      100200300400501  (profile acme)"), "\(result.stdout)")
        #expect(!result.stderr.contains("0 items") && result.stderr.contains("3 items"), "\(result.stderr)")
        #expect(result.stdout.contains("100200300400501: "), "\(result.stdout)")
        #expect(!(result.stdout + result.stderr).contains("was not found"), "\(result.stdout)\(result.stderr)")
    }
}
