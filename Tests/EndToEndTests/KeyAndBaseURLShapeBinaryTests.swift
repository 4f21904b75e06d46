import Foundation
import KopsTestSupport
import Testing

/// Keys and base URLs whose shape is wrong, as a user meets them (probe9 P9-1, P9-3, P9-14, P9-17): the built `kops`
/// against a loopback server that records every request. Each check also holds a canary: the key never shows.
@Suite struct KeyAndBaseURLShapeBinaryTests {
    static let key = "kapso_test_ABCDEFGH12345"

    private func kops(_ arguments: [String], environment: [String: String], config: String? = nil, stdin: String = "")
        async throws -> (result: ProcessResult, folder: URL)
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-shape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml")) }
        let result = try await offPool {
            try ProcessRunner.run(
                "kops", arguments,
                environment: ["XDG_CONFIG_HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state"].merging(environment) { _, new in new },
                stdin: stdin)
        }
        return (result, folder)
    }

    /// A CR from a CRLF `.env`, and a CR LF that would inject a header line: refused before any request.
    @Test(arguments: [
        (key + "\r", "ends with a carriage return (U+000D)"),
        (key + "\r\nX-Injected: yes", "holds a carriage return (U+000D)"),
        ("\"" + key + "\"", "is wrapped in quotes"),
        ("Bearer " + key, "starts with 'Bearer '"),
        ("KAPSO_API_KEY=" + key, "is a whole 'KAPSO_API_KEY=...' line"),
        // probe42 P42-3: kops's own masked forms, copied back ("not plain ASCII" before, and `<redacted>` was sent).
        ("kapso_…45", "is 'kapso_…45', the masked form kops prints, not the key"),
        ("<redacted>", "is '<redacted>', the masked form kops prints, not the key"),
        // tester54 V21: a webhook secret was sent to the API host, and named only after its 401.
        ("whsec_p9_0009abcdef", "is a webhook signing secret (whsec_...), not an API key"),
        // tester61 AJ5: a Meta access token was sent to the API host, and named only after its 401.
        ("EAAGm0PX4ZCpsBAKZBqwertyuiopABCDEFGH", "is a Meta access token (EAA...), not a Kapso project API key"),
    ])
    func aKeyOfTheWrongShapeSendsNothing(value: String, named: String) async throws {
        let server = try HostileServer { _ in .json(status: 401, #"{"error":"Invalid API key"}"#) }
        defer { server.stop() }
        let (result, folder) = try await kops(["-c", "numbers"], environment: ["KAPSO_API_BASE_URL": server.baseURL, "KAPSO_API_KEY": value])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.requests.isEmpty)
        #expect(result.stderr.hasPrefix("-c:1: error: the key in env KAPSO_API_KEY \(named); "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!(result.stdout + result.stderr).contains("ABCDEFGH"))
        #expect(result.status == 64)
    }

    /// `state` says the key is there but will not be sent, and why (it said "not set").
    @Test func stateSaysAKeyOfTheWrongShapeIsSetButNotSent() async throws {
        let (result, folder) = try await kops(
            ["-c", "state"], environment: ["KAPSO_API_BASE_URL": "http://127.0.0.1:1", "KAPSO_API_KEY": Self.key + "\r"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.stdout.contains("key:                  set but not sent: it ends with a carriage return (U+000D)  (env KAPSO_API_KEY)\n"),
            "\(result.stdout)")
        #expect(!(result.stdout + result.stderr).contains("ABCDEFGH"))
        #expect(result.status == 0)
    }

    /// A rejected key: the 401 says so, never its text (a webhook secret or a Meta access token is refused before it is
    /// sent, above; a short `EAA…` value is sent, as any key).
    @Test(arguments: [
        ("EAAGm0PX4ZCpsBA", "check that it is a current Kapso project API key", "m0PX4ZCp"),
        (key, "check that it is a current Kapso project API key", "ABCDEFGH"),
    ])
    func aRejectedKeyThatIsAnotherCredentialIsNamed(value: String, named: String, canary: String) async throws {
        let server = try HostileServer { _ in .json(status: 401, #"{"error":"Invalid API key"}"#) }
        defer { server.stop() }
        let (result, folder) = try await kops(["-c", "numbers"], environment: ["KAPSO_API_BASE_URL": server.baseURL, "KAPSO_API_KEY": value])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.stderr.contains("the key from env KAPSO_API_KEY was rejected by 127.0.0.1 (401)"), "\(result.stderr)")
        #expect(result.stderr.contains(named), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains(canary))
        #expect(result.status == 77)
    }

    /// `api_key_command = "echo <key>"` is a key written into the file: refused like `api_key = ...`, and the key is
    /// in neither the error nor a masked transcript (it was, in full, when the command printed two words).
    @Test func aKeyEchoedByTheKeyCommandIsRefusedAndNeverShown() async throws {
        let server = try HostileServer { _ in .json(#"{"data":[],"meta":{"page":1,"per_page":20,"total_pages":1,"total_count":0}}"#) }
        defer { server.stop() }
        let config = "default_profile = \"a\"\n[profiles.a]\nbase_url = \"\(server.baseURL)\"\n"
            + "api_key_command = \"echo kapso_live_AAAA1111BBBB2222 extra\"\n"
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("kops-shape-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: transcript) }
        let (result, folder) = try await kops(
            [], environment: [:], config: config, stdin: "record \(transcript.path)\nnumbers\nrecord stop\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.stderr.contains("profile 'a' holds a literal secret in 'api_key_command' (the command prints a key written into it)"), "\(result.stderr)")
        #expect(server.requests.isEmpty)
        let recorded = try String(contentsOf: transcript, encoding: .utf8)
        for text in [result.stdout, result.stderr, recorded] { #expect(!text.contains("AAAA1111")) }
    }

    /// A key command that prints the key and more (read from the environment, not written in the file): the error
    /// names the profile and what the line holds, never the command or the line, on the terminal and in a transcript.
    @Test func aKeyCommandsBadLineIsNamedWithoutTheKey() async throws {
        let server = try HostileServer { _ in .json(status: 401, #"{"error":"Invalid API key"}"#) }
        defer { server.stop() }
        let config = "default_profile = \"a\"\n[profiles.a]\nbase_url = \"\(server.baseURL)\"\n"
            + "api_key_command = \"printf 'Bearer %s' \\\"$MYK\\\"\"\n"
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("kops-shape-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: transcript) }
        let (result, folder) = try await kops(
            [], environment: ["MYK": Self.key, "PATH": "/usr/bin:/bin"], config: config,
            stdin: "record \(transcript.path)\nnumbers\nrecord stop\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.stderr.contains(
                "error: the first line the api_key_command of profile 'a' printed starts with 'Bearer '; kops sends the key in the X-API-Key header itself; give the key alone"),
            "\(result.stderr)")
        #expect(server.requests.isEmpty)
        let recorded = try String(contentsOf: transcript, encoding: .utf8)
        #expect(recorded.contains("api_key_command of profile 'a' printed starts with 'Bearer '"))
        for text in [result.stdout, result.stderr, recorded] { #expect(!text.contains("ABCDEFGH") && !text.contains("printf")) }
    }

    /// `--base-url` with a query or fragment: refused, nothing sent (before, a 404 blamed the host and port).
    @Test(arguments: [("?x=1", "has a query ('?...')"), ("#frag", "has a fragment ('#...')")])
    func aBaseURLWithAQueryOrFragmentSendsNothing(suffix: String, named: String) async throws {
        let server = try HostileServer { _ in .json(status: 404, #"{"error":"Not found"}"#) }
        defer { server.stop() }
        let (result, folder) = try await kops(
            ["--base-url", server.baseURL + suffix, "-c", "numbers"], environment: ["KAPSO_API_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.requests.isEmpty)
        #expect(
            result.stderr == "error: the API base URL '\(server.baseURL + suffix)' (flag --base-url) \(named); kops adds "
                + "/platform/v1/... after the host, where it would land inside the \(suffix == "?x=1" ? "query" : "fragment"); "
                + "give the host only, e.g. https://api.kapso.ai (kops adds /platform/v1)\n")
        #expect(result.status == 64)
    }

    /// A refused base URL is named whole (its host too: cut at 40 characters it lost the host) with the credentials
    /// in its user part, query and fragment masked (`#access_token=…` was echoed in clear).
    @Test func aRefusedBaseURLKeepsItsHostAndMasksItsCredentials() async throws {
        let server = try HostileServer { _ in .json(status: 404, #"{"error":"Not found"}"#) }
        defer { server.stop() }
        let base = server.baseURL.replacingOccurrences(of: "://", with: "://ops:pw_hunter2@")
        let (result, folder) = try await kops(
            ["--base-url", base + "/#access_token=tok_fragment_0123&view=1", "-c", "numbers"],
            environment: ["KAPSO_API_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.requests.isEmpty)
        let shown = server.baseURL.replacingOccurrences(of: "://", with: "://ops:<redacted>@")
            + "/#access_token=<redacted>&view=1"
        #expect(result.stderr.hasPrefix("error: the API base URL '\(shown)' (flag --base-url) holds a user name"))
        #expect(!result.stderr.contains("pw_hunter2") && !result.stderr.contains("tok_fragment_0123"))
        #expect(result.status == 64)
    }

    /// `--base-url` holding a whole endpoint (a docs example's URL): refused up front with the base to give instead;
    /// before, the 404 of `.../phone_numbers/platform/v1/whatsapp/phone_numbers` explained it.
    @Test(arguments: ["/platform/v1/whatsapp/phone_numbers", "/meta/whatsapp/v24.0/100200300400501/messages"])
    func aBaseURLWithAnEndpointPathSendsNothing(path: String) async throws {
        let server = try HostileServer { _ in .json(status: 404, #"{"error":"Not found"}"#) }
        defer { server.stop() }
        let (result, folder) = try await kops(
            ["--base-url", server.baseURL + path, "-c", "numbers"], environment: ["KAPSO_API_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.requests.isEmpty)
        // The URL itself is shortened in the middle; the path it holds is named whole.
        #expect(result.stderr.hasPrefix("error: the API base URL 'http://127.0.0.1:"), "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix("' (flag --base-url) holds a whole endpoint path "
                + "(\(path)); kops adds /platform/v1/... and /meta/whatsapp/v24.0/... to the base URL itself, so nothing was "
                + "sent; give '\(server.baseURL)' instead\n"), "\(result.stderr)")
        #expect(result.status == 64)
    }

    /// A host that answers like Meta's Graph API is named as such, whatever its address (probe9's stand-in).
    @Test(arguments: [
        #"{"error":{"message":"Unknown path components: /platform/v1/whatsapp/phone_numbers","type":"OAuthException","code":2500,"fbtrace_id":"AbC"}}"#,
        #"{"error":{"message":"Unsupported get request. Object with ID 'platform' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbC"}}"#,
    ])
    func graphsAnswerSaysTheHostIsMetasGraphAPI(body: String) async throws {
        let server = try HostileServer { _ in .json(status: 400, body) }
        defer { server.stop() }
        let (result, folder) = try await kops(
            ["--base-url", server.baseURL, "-c", "numbers"], environment: ["KAPSO_API_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.stderr.hasPrefix("-c:1: error: \(server.baseURL)/platform/v1/whatsapp/phone_numbers answered like Meta's Graph API ("), "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix(
                ": \(server.baseURL) (flag --base-url) is Meta's Graph API or stands in front of it, not Kapso's API; Kapso's host is "
                    + "https://api.kapso.ai (kops adds /platform/v1), and a Kapso key is not a Meta access token; "
                    + "'state' shows the base URL, --base-url or 'profile' changes it\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("ABCDEFGH"))
        #expect(result.status == 1)
    }

    /// Meta's Graph API host itself is refused before the Kapso key is sent to it.
    @Test func metasGraphHostIsRefusedBeforeTheKeyIsSent() async throws {
        let (result, folder) = try await kops(
            ["--base-url", "https://graph.facebook.com/v24.0", "-c", "numbers"], environment: ["KAPSO_API_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.stderr == "error: the API base URL 'https://graph.facebook.com/v24.0' (flag --base-url) is Meta's Graph API "
                + "(graph.facebook.com), not Kapso's; nothing was sent (the Kapso key is not a Meta access token); Kapso's host "
                + "is https://api.kapso.ai, which serves its Meta proxy at /meta/whatsapp/v24.0 (kops adds the paths)\n")
        #expect(result.status == 64)
    }
}
