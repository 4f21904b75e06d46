import Foundation
import KopsTestSupport
import Testing

/// The real binary with `--verbose`, piped input and a recording: a webhook secret typed after tabs, in
/// quotes and as `--flag=value`, and the API key, reach none of stdout, stderr (errors and the
/// `--verbose` log) or the transcript.
@Suite struct SecretSinkBinaryTests {
    static let secret = "whsec_binary_CANARY_51c"

    @Test func noSinkGetsTheSecretInAnyForm() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sinks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        let secret = Self.secret
        let input = """
            \u{FEFF}record \(transcript)\r
            use 100200300400501
            webhooks create --url https://example.com/a --events whatsapp.message.received\t--secret-key\t\(secret)
            webhooks create --url https://example.com/b --events whatsapp.message.received '--secret-key=\(secret)'
            verify --secret "\(secret)" --signature \(String(repeating: "0", count: 64)) --body '{}'
            set\thook_secret\t\(secret)
            set
            webhooks
            record stop

            """
        let (result, apiKey) = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let result = try ProcessRunner.run(
                "kops", ["--verbose", "--allow-writes"],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey], stdin: input)
            return (result, simulator.apiKey)
        }
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        for (sink, text) in [("stdout", result.stdout), ("stderr", result.stderr), ("transcript", recorded)] {
            #expect(!text.contains(secret), "the secret reached \(sink)")
            #expect(!text.contains(apiKey), "the API key reached \(sink)")
        }
        #expect(result.stderr.contains("> POST "), "the --verbose log ran")
        #expect(result.stderr.contains("X-API-Key: <redacted>"))
        #expect(recorded.contains("--secret-key\t<redacted>") && recorded.contains("--secret-key=<redacted>"))
        #expect(recorded.contains("created webhook"), "the writes ran: \(result.stderr)")
        #expect(!result.stderr.contains("unknown command"), "the BOM and CR were not part of a command: \(result.stderr)")
    }

    /// A secret given with `--var` reaches no output, as one typed with `set` (probe18 P18-15: `set` listed it in
    /// clear on stdout, where CI logs it), in -c, piped input and `run`.
    @Test func aSecretGivenWithVarIsListedRedacted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-var-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("vs.kops").path
        try Data("set\n".utf8).write(to: URL(fileURLWithPath: script))
        let secret = "whsec_VARSECRET_canary_16"
        let environment = ["XDG_CONFIG_HOME": folder.path, "XDG_STATE_HOME": folder.path]
        for (arguments, stdin) in [
            (["--var", "K=\(secret)", "-c", "set"], ""), (["--var", "K=\(secret)"], "set\n"),
            (["--var", "K=\(secret)", "run", script], ""), (["--var", "hook_token=0123456789abcdef", "-c", "set"], ""),
        ] {
            let result = try ProcessRunner.run("kops", arguments, environment: environment, stdin: stdin)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("0123456789abcdef"), "\(arguments): \(result.stdout)")
            #expect(result.stdout.contains(": <redacted>\n"), "\(arguments): \(result.stdout)")
        }
    }
}
