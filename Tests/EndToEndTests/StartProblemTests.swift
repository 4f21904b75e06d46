import Foundation
import KopsTestSupport
import Testing

/// probe22 P22-15: a setting kops reads at start from the environment or config.toml and cannot use (a malformed base
/// URL, an unknown profile in KOPS_PROFILE) ended kops before the shell opened, so `help`, `profile` and the other
/// profiles were out of reach. Now the shell opens, says the problem once in one line, and refuses with that same line
/// only the commands that send a request (64 for a script, `-c` or piped input, as before). Tester47 L6: a script, `-c`
/// or piped input says it once, in the line of the command it refuses (or at the end when none needed the API), not
/// at start and again for the command.
@Suite struct StartProblemTests {
    private static let refusal = "; kops sends no request until it is fixed and kops started again"

    @Test(arguments: [
        ("api.kapso.ai", "has no scheme; add https://, e.g. https://api.kapso.ai"),
        ("http:/127.0.0.1:8080", "has a misspelt scheme ('http:/'); write 'http://' instead of 'http:/', e.g. http://127.0.0.1:8080"),
        ("https://api.kapso.ai?x=1", "has a query"),
        ("htp://127.0.0.1:8080", "has the scheme 'htp://', which is neither https nor http"),
        // probe44 P44-4: a .env value with its quotes kept was "the scheme '\"http://'".
        ("\"http://127.0.0.1:8080\"", "is wrapped in quotes; the quotes are not part of the URL (docker --env-file and some .env readers keep them); nothing was sent; give 'http://127.0.0.1:8080'"),
    ])
    func aBadBaseURLFromTheEnvironmentKeepsTheShell(url: String, what: String) async throws {
        let environment = ["KAPSO_API_BASE_URL": url, "KAPSO_API_KEY": "sk_test_0123456789"]
        let (piped, help) = try await offPool {
            (
                try ProcessRunner.run("kops", [], environment: environment, stdin: "help state\nexplain 131047\nprofile list\nstate\nnumbers\nhelp\n"),
                try ProcessRunner.run("kops", ["-c", "help state"], environment: environment)
            )
        }
        let line = "the API base URL '\(url)' (env KAPSO_API_BASE_URL) \(what)"
        // Said once, by the one command that needs the API, with its location; nothing else refused.
        let lines = piped.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("<stdin>:5: error: " + line) && $0.hasSuffix(Self.refusal) }, "\(piped.stderr)")
        #expect(lines.filter { $0.contains(line) }.count == 1, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("usage: state") && piped.stdout.contains("131047"), "\(piped.stdout)")
        #expect(!piped.stdout.contains("CONNECTED"), "numbers must not run")
        // The key is read all the same (nothing is sent): `state` says it is set.
        #expect(piped.stdout.contains("key:                  set, never shown  (env KAPSO_API_KEY)"), "\(piped.stdout)")
        #expect(piped.status == 64)
        // No command needed the API: help runs and kops exits 0, the problem said once.
        #expect(help.status == 0 && help.stdout.hasPrefix("usage: state"), "\(help.stderr)")
        #expect(help.stderr.hasPrefix("error: " + line) && help.stderr.hasSuffix(Self.refusal + "\n"), "\(help.stderr)")
        #expect(help.stderr.split(separator: "\n").count == 1, "\(help.stderr)")
    }

    /// config.toml with a default profile whose base_url has no scheme and a working one: the working one is reachable
    /// with `profile use`, and a KOPS_PROFILE that differs in case opens the shell with "did you mean".
    @Test func theOtherProfilesStayReachable() async throws {
        let runs = try await offPool { () -> [ProcessResult] in
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "good_key_0123456789")
            defer { _ = simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-start-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = """
                default_profile = "acme"

                [profiles.acme]
                base_url = "api.kapso.ai/"
                api_key_env = "GOOD_KEY"

                [profiles.good]
                base_url = "\(simulator.baseURL)"
                api_key_env = "GOOD_KEY"

                """
            try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml"))
            let environment = ["XDG_CONFIG_HOME": folder.path, "GOOD_KEY": "good_key_0123456789"]
            let typo = environment.merging(["KOPS_PROFILE": "GOOD"]) { _, new in new }
            return try [
                (["-c", "profile list; numbers"], environment), (["-c", "profile use good; numbers"], environment),
                (["-c", "profile use acme"], environment.merging(["KOPS_PROFILE": "good"]) { _, new in new }),
                (["-c", "explain 131047; numbers"], typo), (["-c", "profile use good; numbers"], typo),
                (["--demo", "-c", "explain 131047"], typo),
            ].map { try ProcessRunner.run("kops", $0.0, environment: $0.1) }
        }
        let acme = "the API base URL 'api.kapso.ai/' (profile acme) has no scheme; add https://, e.g. https://api.kapso.ai/"
        #expect(runs[0].status == 64, "\(runs[0].stderr)")
        #expect(runs[0].stdout.contains("acme") && runs[0].stdout.contains("good"), "profile list ran: \(runs[0].stdout)")
        #expect(runs[0].stderr.contains("-c:2: error: " + acme + Self.refusal + ", or 'profile use NAME' (or kops --profile NAME) picks another profile\n"), "\(runs[0].stderr)")
        #expect(runs[0].stderr.components(separatedBy: acme).count == 2, "said once: \(runs[0].stderr)")
        #expect(runs[1].status == 0, "\(runs[1].stderr)")
        #expect(runs[1].stdout.contains("100200300400501"), "\(runs[1].stdout)")
        // `profile use` of a profile whose base_url has no scheme is refused there too (it was taken, and every
        // request then failed as "invalid URL").
        #expect(runs[2].status == 64 && runs[2].stderr == "-c:1: error: " + acme + "\n", "\(runs[2].stderr)")
        let unknown = "unknown profile 'GOOD' (env KOPS_PROFILE); did you mean 'good'? (profiles: acme, good)" + Self.refusal
        #expect(runs[3].stdout.contains("131047") && runs[3].status == 64, "\(runs[3].stderr)")
        #expect(runs[3].stderr.hasPrefix("-c:2: error: " + unknown) && runs[3].stderr.split(separator: "\n").count == 1, "\(runs[3].stderr)")
        #expect(runs[4].status == 0 && runs[4].stdout.contains("100200300400501"), "\(runs[4].stderr)")
        // The demo uses no profile: a KOPS_PROFILE it would not use cannot stop it.
        #expect(runs[5].status == 0 && !runs[5].stderr.contains("unknown profile"), "\(runs[5].stderr)")
    }
}
