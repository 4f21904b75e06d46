import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe34 P34-2: a Kapso key pasted after `#` or a bare `?` of the API base URL (a dashboard URL copied whole) was
/// printed in clear by the launch refusal, from the flag, the environment or a profile, while the `-c:1:` line below it
/// masked it. Every line naming the URL masks it as an error line is masked.
@Suite struct BaseURLKeyEchoTests {
    static let key = "kapso_live_abcdef1234567890ABCDEF"

    @Test(arguments: [
        "http://127.0.0.1:9/#\(key)", "http://127.0.0.1:9/?\(key)", "127.0.0.1:9/#\(key)", "htp:/127.0.0.1:9/?\(key)",
        "https://https://127.0.0.1:9/#\(key)",
        // probe36 P36-9: after an endpoint path, the path quoted again in parentheses and the base advised.
        "http://127.0.0.1:9/platform/v1/\(key)", "http://127.0.0.1:9/meta/whatsapp/v24.0/\(key)/messages",
        "http://127.0.0.1:9/\(key)/platform/v1/whatsapp/phone_numbers", "http://127.0.0.1:9/platform/v1/whsec_Zx81kQp0LmN4vB7tR2yWq",
    ])
    func theRefusalMasksTheKey(base: String) throws {
        let error = try #require(throws: (any Error).self) { try BaseURLSchemeError.check(base, source: "env KAPSO_API_BASE_URL") }
        let line = ErrorReport(error).line()
        #expect(!line.contains("abcdef1234567890"), "\(line)")
        #expect(!line.contains("Zx81kQp0LmN4vB7tR2yWq"), "\(line)")
        #expect(line.contains("<redacted>"), "\(line)")
    }

    /// The endpoint path of an ordinary URL is still quoted as written, and the base to give instead.
    @Test func anOrdinaryEndpointPathStaysReadable() throws {
        let base = "http://127.0.0.1:9/platform/v1/whatsapp/phone_numbers"
        let error = try #require(throws: (any Error).self) { try BaseURLSchemeError.check(base, source: "env KAPSO_API_BASE_URL") }
        let line = ErrorReport(error).line()
        #expect(line.contains("(/platform/v1/whatsapp/phone_numbers)"), "\(line)")
        #expect(line.contains("give 'http://127.0.0.1:9' instead"), "\(line)")
    }

    /// probe36 P36-9: a `;api_key=` path parameter is masked as the same name in a query is, in any text.
    @Test func aCredentialPathParameterIsMasked() {
        let text = "GET http://127.0.0.1:9/;api_key=Zq8vR2mN4pL6xT9wB3cDkx/platform/v1/whatsapp/phone_numbers answered 404"
        #expect(Redactor().redact(text) == "GET http://127.0.0.1:9/;api_key=<redacted>/platform/v1/whatsapp/phone_numbers answered 404")
        let plain = "see http://127.0.0.1:9/a;v=2/b;lang=en and https://x.example/p; then"
        #expect(Redactor().redact(plain) == plain)
    }

    /// Through the binary: the flag and the environment, `-c numbers`; no line of stderr or stdout holds the key.
    @Test(arguments: [
        ["--base-url", "http://127.0.0.1:9/#\(key)"], ["--base-url", "http://127.0.0.1:9/?\(key)"], [],
        ["--base-url", "http://127.0.0.1:9/platform/v1/\(key)"], ["endpoint-env"], ["endpoint-config"],
    ])
    func noLaunchLineHoldsTheKey(flags: [String]) async throws {
        let result = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p34-2-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var environment = ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state", "KAPSO_API_KEY": "test_key_1"]
            if flags.isEmpty { environment["KAPSO_API_BASE_URL"] = "http://127.0.0.1:9/#\(Self.key)" }
            if flags == ["endpoint-env"] { environment["KAPSO_API_BASE_URL"] = "http://127.0.0.1:9/platform/v1/\(Self.key)" }
            if flags == ["endpoint-config"] {
                try FileManager.default.createDirectory(atPath: folder + "/config/kops", withIntermediateDirectories: true)
                try "default_profile = \"p\"\n[profiles.p]\nbase_url = \"http://127.0.0.1:9/platform/v1/\(Self.key)\"\napi_key_env = \"KAPSO_API_KEY\"\n"
                    .write(toFile: folder + "/config/kops/config.toml", atomically: true, encoding: .utf8)
            }
            let given = flags.first == "--base-url" ? flags : []
            return try ProcessRunner.run("kops", given + ["-c", "numbers"], environment: environment)
        }
        #expect(result.status != 0)
        #expect(!(result.stdout + result.stderr).contains("abcdef1234567890"), "\(result.stderr)")
        #expect(result.stderr.contains("<redacted>"), "\(result.stderr)")
    }
}
