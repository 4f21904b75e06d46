import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// A new user's first minutes: no `KAPSO_API_KEY`, an empty config folder, no demo.
@Suite struct FirstMinutesTests {
    /// Runs kops with an empty `XDG_CONFIG_HOME` (kept across calls in `folder`) and no key.
    private func kops(_ arguments: [String], folder: URL, environment: [String: String] = [:], stdin: String = "")
        async throws -> ProcessResult
    {
        try await offPool {
            try ProcessRunner.run(
                "kops", arguments, environment: ["XDG_CONFIG_HOME": folder.path].merging(environment) { _, new in new },
                stdin: stdin)
        }
    }

    private func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-first-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [
        "help", "help exit-codes", "explain 131047", "payload sample whatsapp.message.received", "state", "history",
        "output json", "set ticket 4411", "profile", "profile list", "record stop; help", "unset ticket; help",
    ])
    func offlineCommandsNeedNoKey(command: String) async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await kops(["-c", command.replacingOccurrences(of: "record stop; ", with: "")], folder: folder)
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(!result.stderr.contains("API key"), "\(command): \(result.stderr)")
    }

    @Test func theFirstRequestAsksForTheKeyNamingTheProfilesThatExist() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[profiles.sim]\nbase_url = \"http://127.0.0.1:9\"\napi_key_env = \"SIMKEY\"\n".utf8).write(to: config)
        let result = try await kops(["-c", "help; numbers"], folder: folder)
        #expect(result.stdout.contains("explain"), "help ran first")
        #expect(
            result.stderr.hasSuffix(
                "-c:2: error: this command needs a Kapso project API key; export KAPSO_API_KEY=..., or use a profile that names one: "
                + "profile 'sim' exists: kops --profile sim, or 'profile default sim'\n"))
        #expect(result.status == 64)
    }

    @Test func addThenDefaultThenPlainKopsListsNumbers() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let config = folder.appendingPathComponent("kops/config.toml").path
            let environment = ["XDG_CONFIG_HOME": folder.path, "SIMKEY": simulator.apiKey]
            let first = try ProcessRunner.run(
                "kops", ["-c", "profile add sim --base-url \(simulator.baseURL) --key-env SIMKEY"], environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "saved profile sim in \(config)\nprofile sim is the default: kops starts with it (default_profile) "
                + "as the first profile; 'profile default NAME' changes it\n"
                // A session without a profile or key takes the first one added (probe29 P29-8).
                + "using profile sim (\(simulator.baseURL)) for this session\n", "\(first.stdout)")

            let second = try ProcessRunner.run(
                "kops", ["-c", "profile add other --base-url https://api.kapso.ai --key-env OTHER_KEY"], environment: environment)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout == "saved profile other in \(config)\n", "only the first profile becomes the default")

            let switched = try ProcessRunner.run("kops", ["-c", "profile default other; profile default sim"], environment: environment)
            #expect(switched.status == 0, "\(switched.stderr)")
            let text = try String(contentsOfFile: config, encoding: .utf8)
            #expect(text.components(separatedBy: "default_profile").count == 2, "one default_profile line:\n\(text)")

            let numbers = try ProcessRunner.run("kops", ["-c", "numbers"], environment: environment)
            #expect(numbers.status == 0, "\(numbers.stderr)")
            #expect(numbers.stdout.contains("100200300400501"))
        }
    }

    @Test func profileUseSaysItIsForThisSession() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await kops(
            ["-c", "profile add a --base-url https://api.kapso.ai --key-env A_KEY; profile add b --base-url https://api.kapso.ai --key-env B_KEY; profile use b"],
            folder: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("using profile b (https://api.kapso.ai) for this session\n"))
        #expect(result.stderr.contains("'profile default b' makes it the default for every kops\n"))
    }

    /// probe24 P24-16: `profile use` while recording made the transcript uncheckable, and nothing said so until `check`.
    @Test func profileUseWhileRecordingWarnsThatTheTranscriptStopsCheckingThere() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("pu.md").path
        let result = try await kops(
            ["-c", "profile add a --base-url https://api.kapso.ai --key-env A_KEY; profile add b --base-url https://api.kapso.ai --key-env B_KEY",
             "-c", "record \(transcript)", "-c", "profile use b"],
            folder: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // probe25 P25-10: it says what check does, which is now what check does (ProfileUseCheckTests).
        #expect(result.stderr.contains(
            "warning: 'kops check \(transcript)' will replay the blocks before this line and stop here: it does not switch"),
            "\(result.stderr)")
        let plain = try await kops(["-c", "profile add a --base-url https://api.kapso.ai --key-env A_KEY", "-c", "profile use a"], folder: folder)
        #expect(!plain.stderr.contains("will replay the blocks before"), "\(plain.stderr)")
    }

    @Test(arguments: [
        ("profile default nope", "-c:1: error: unknown profile 'nope'; profiles: keep\n"),
        ("profile add x --base-url api.kapso.ai --key-env X_KEY",
         "-c:1: error: profile: invalid --base-url 'api.kapso.ai'; expected a URL with its scheme: add https://, e.g. https://api.kapso.ai\n"),
        ("profile add x --base-url https://api.kapso.ai --key-env PATH",
         "-c:1: error: the key in env PATH is a path, not a key; put the key itself there, not a path (KAPSO_API_KEY=\"$(cat FILE)\" reads a file)\n"),
    ])
    func badProfileInputIsOneLineAndWritesNothing(command: String, stderr: String) async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = "# our team's profiles\n[profiles.keep]\nbase_url = \"https://api.kapso.ai\" # prod\napi_key_env = \"KEEP_KEY\"\n"
        try Data(original.utf8).write(to: config)
        let result = try await kops(["-c", command], folder: folder)
        #expect(result.stderr == stderr)
        #expect(result.status == 64)
        #expect(try String(contentsOf: config, encoding: .utf8) == original)
    }

    @Test func profileDefaultKeepsCommentsAndTheRestOfTheFile() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = """
            # our team's profiles
            default_profile = "a"   # prod first

            [profiles.a]
            base_url = "https://api.kapso.ai" # prod
            api_key_env = "A_KEY"

            # staging
            [profiles.b]
            api_key_env = "B_KEY"

            """
        try Data(original.utf8).write(to: config)
        let result = try await kops(["-c", "profile default b"], folder: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == original.replacingOccurrences(of: "default_profile = \"a\"   # prod first", with: "default_profile = \"b\"   # prod first"))
    }

    @Test(arguments: [
        ("[profiles.a\nbase_url = 1\n", "error while parsing table header"),
        ("[profiles.a]\ncolor = \"yes\"\n", "config.toml:2: invalid value for 'color'; expected true or false"),
    ])
    func aBrokenConfigIsOneLineHelpStillRunsAndNothingIsWritten(text: String, fragment: String) async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: config)
        let help = try await kops(["-c", "explain 131047"], folder: folder)
        #expect(help.status == 0)
        #expect(help.stderr.split(separator: "\n").count == 1 && help.stderr.contains(fragment), "\(help.stderr)")
        let add = try await kops(["-c", "profile add b --base-url https://api.kapso.ai --key-env B_KEY"], folder: folder)
        #expect(add.status == 64)
        #expect(try String(contentsOf: config, encoding: .utf8) == text)
    }

    @Test func tenThousandProfilesAreListedShortInErrors() async throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = (0..<10_000).map { "[profiles.p\($0)]\napi_key_env = \"P\($0)_KEY\"\n" }.joined()
        try Data(text.utf8).write(to: config)
        let result = try await kops(["-c", "profile default nope"], folder: folder)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("-c:1: error: unknown profile 'nope'; profiles: "))
        #expect(result.stderr.hasSuffix(" and 9995 more\n"))
        #expect(try String(contentsOf: config, encoding: .utf8) == text)
    }
}

/// Every exit status is documented where a user looks: `kops --help` and `help exit-codes`.
@Suite struct ExitStatusDocsTests {
    @Test func kopsHelpAndHelpExitCodesListEveryStatus() async throws {
        let (help, topic) = try await offPool {
            (try ProcessRunner.run("kops", ["--help"]), try ProcessRunner.run("kops", ["-c", "help exit-codes"]))
        }
        #expect(help.status == 0 && topic.status == 0)
        for status in ExitStatus.allCases {
            let code = String(status.rawValue)
            #expect(
                topic.stdout.split(separator: "\n").contains { $0.hasPrefix(code + " ") }, "help exit-codes lacks \(code)")
            #expect(help.stdout.split(separator: "\n").contains { $0.hasPrefix(code + " ") }, "kops --help lacks \(code)")
        }
    }
}

/// probe24 P24-14: `help exit-codes` promised 74 for "a closed pipe" while `kops … | head` ends by SIGPIPE (141), as git
/// and psql do; the help says 141 now, and this pins what a pipe whose reader left does.
@Suite struct ClosedPipeTests {
    @Test func aPipeWhoseReaderLeftEndsKopsBySIGPIPEAsTheHelpSays() async throws {
        let (signal, help) = try await offPool { () -> (Int32, String) in
            let pipe = try ChildPipe()
            close(pipe.readEnd)
            defer { close(pipe.writeEnd) }
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["-c", "help exit-codes", "-c", "help"],
                environment: ["HOME": NSTemporaryDirectory()], stdout: .descriptor(pipe.writeEnd), stderr: .null)
            return (kops.wait(seconds: 30), try ProcessRunner.run("kops", ["-c", "help exit-codes"]).stdout)
        }
        #expect(signal == SIGPIPE)
        #expect(help.contains("141  the reader of a pipe left ('kops ... | head'): kops ends silently by"))
        #expect(!help.contains("a closed pipe"))
    }
}

/// Small manners: values kops cannot use are refused at start with one line.
@Suite struct StartUpMannersTests {
    @Test(arguments: [
        (["--timeout", "0", "-c", "help"], [:], "invalid --timeout '0.0'; expected seconds above 0, e.g. --timeout 30"),
        // probe18 P18-29: a timeout whose milliseconds pass Int.max crashed kops at its first request.
        (["--timeout", "1e16", "-c", "numbers"], [:], "invalid --timeout '1e+16'; at most 86400 seconds (a day) per request"),
        (["--timeout", "10000000000000000", "-c", "numbers"], [:], "invalid --timeout '1e+16'; at most 86400 seconds"),
        // probe20 P20-12: under 1 ms libcurl got 0 ms, its "no timeout at all"; refused in every mode, by both parsers.
        (["--timeout", "0.0009", "-c", "numbers"], [:], "invalid --timeout '0.0009'; at least 0.001 seconds"),
        (["--timeout", "1e-300", "-c", "numbers"], [:], "invalid --timeout '1e-300'; at least 0.001 seconds"),
        (["--timeout", "0.0009", "run", "probe.kops"], [:], "invalid --timeout '0.0009'; at least 0.001 seconds"),
        (["--timeout", "0.0009", "check", "probe.md"], [:], "invalid --timeout '0.0009'; at least 0.001 seconds"),
        (["--timeout", "0.0009", "--demo"], [:], "invalid --timeout '0.0009'; at least 0.001 seconds"),
        (["--timeout", "-1", "-c", "numbers"], [:], "invalid --timeout '-1.0'; expected seconds above 0"),
        // probe33 P33-1: the flag's URL is said as the environment's is, in one line without a usage block.
        (["--base-url", "api.kapso.ai", "-c", "help"], [:],
         "error: the API base URL 'api.kapso.ai' (flag --base-url) has no scheme; add https://, e.g. https://api.kapso.ai\n"),
        (["--base-url", "127.0.0.1:38141", "-c", "help"], [:],
         "error: the API base URL '127.0.0.1:38141' (flag --base-url) has no scheme; add http:// (a loopback host such as kapso-sim speaks plain http), e.g. http://127.0.0.1:38141\n"),
        (["--base-url", "htp:/127.0.0.1:47201", "-c", "numbers"], [:],
         "error: the API base URL 'htp:/127.0.0.1:47201' (flag --base-url) has a misspelt scheme ('htp:/'); write 'http://' instead of 'htp:/' (a loopback host such as kapso-sim speaks plain http), e.g. http://127.0.0.1:47201\n"),
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "htps:/api.kapso.ai"],
         "error: the API base URL 'htps:/api.kapso.ai' (env KAPSO_API_BASE_URL) has a misspelt scheme ('htps:/'); write 'https://' instead of 'htps:/' (kops speaks https to a host on the network), e.g. https://api.kapso.ai;"),
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "localhost:8080"],
         "error: the API base URL 'localhost:8080' (env KAPSO_API_BASE_URL) has no scheme; add http:// (a loopback host such as kapso-sim speaks plain http), e.g. http://localhost:8080"),
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "api.kapso.ai"],
         "error: the API base URL 'api.kapso.ai' (env KAPSO_API_BASE_URL) has no scheme; add https://, e.g. https://api.kapso.ai"),
        // probe22 P22-1, P22-2: a misspelt scheme is named with the URL meant, not given another scheme in front; a scheme
        // kops does not speak and a port that is none are refused at start, not as the first request's "invalid URL".
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "http:/127.0.0.1:8080"],
         "error: the API base URL 'http:/127.0.0.1:8080' (env KAPSO_API_BASE_URL) has a misspelt scheme ('http:/'); write 'http://' instead of 'http:/', e.g. http://127.0.0.1:8080"),
        (["--base-url", "https//api.kapso.ai", "-c", "help"], [:],
         "error: the API base URL 'https//api.kapso.ai' (flag --base-url) has a misspelt scheme ('https//'); write 'https://' instead of 'https//', e.g. https://api.kapso.ai\n"),
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "htp://127.0.0.1:8080"],
         "error: the API base URL 'htp://127.0.0.1:8080' (env KAPSO_API_BASE_URL) has the scheme 'htp://', which is neither https nor http"),
        (["-c", "numbers"], ["KAPSO_API_BASE_URL": "http://127.0.0.1:99999"],
         "error: the API base URL 'http://127.0.0.1:99999' (env KAPSO_API_BASE_URL) has the port '99999', which is no port (1-65535)"),
        // probe22 P22-15: a setting from the environment no longer ends kops before the shell opens (help, profile work:
        // StartProblemTests); a command that sends a request is still refused with the line, 64.
    ] as [([String], [String: String], String)])
    func refusedAtStartWithOneLine(arguments: [String], environment: [String: String], message: String) async throws {
        let result = try await offPool { try ProcessRunner.run("kops", arguments, environment: environment) }
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout == "")
        if message.hasPrefix("error: the API base URL") { #expect(!result.stderr.contains("Usage:"), "\(result.stderr)") }
    }

    /// probe22 P22-15: the demo talks to its own simulator, so a base URL in the environment it does not use cannot stop it.
    @Test(arguments: ["api.kapso.ai", "http:/127.0.0.1:8080", "https://api.kapso.ai?x=1"])
    func theDemoStartsWhateverTheEnvironmentsBaseURL(url: String) async throws {
        let result = try await offPool {
            try ProcessRunner.run("kops", ["--demo", "-c", "explain 131047"], environment: ["KAPSO_API_BASE_URL": url])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("131047"))
        #expect(!result.stderr.contains("base URL"), "\(result.stderr)")
    }

    @Test func webhooksShowIsGet() async throws {
        let result = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            return try ProcessRunner.run(
                "kops", ["-c", "webhooks show 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"))
    }
}
