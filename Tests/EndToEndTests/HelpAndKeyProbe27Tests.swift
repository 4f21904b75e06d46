import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe27 P27-11 (help drift, a look-alike key variable) and P27-1 (`state`'s key line with a broken config.toml).
@Suite struct HelpAndKeyProbe27Tests {
    /// The exit codes `help topics` lists are those of the `help exit-codes` page, read from it: they cannot drift
    /// apart again (141 was on the page, not in the list).
    @Test func theTopicIndexListsEveryExitCodeOfItsPage() throws {
        let page = try #require(HelpTopics.text("exit-codes"))
        let rows = page.split(separator: "\n").compactMap { line in Int(line.prefix { $0.isNumber }) }
        let summary = try #require(HelpTopics.summaries["exit-codes"])
        let listed = summary.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(listed == rows, "\(summary)")
        #expect(listed.contains(141))
        for status in ExitStatus.allCases { #expect(listed.contains(Int(status.rawValue)), "\(status)") }
    }

    /// Every environment variable and option `kops --help` names for the session is on the `help configuration` page.
    @Test func helpConfigurationNamesEveryVariableAndOptionOfKopsHelp() async throws {
        let (help, page) = try await offPool {
            (try ProcessRunner.run("kops", ["--help"]), try ProcessRunner.run("kops", ["-c", "help configuration"]))
        }
        let environment = try #require(help.stdout.components(separatedBy: "Environment:").dropFirst().first?
            .components(separatedBy: "Precedence").first)
        let variables = environment.split { !($0.isUppercase || $0 == "_") }.filter { $0.count > 3 }.map(String.init)
        #expect(variables.contains("KOPS_PROFILE"), "\(environment)")
        for variable in variables { #expect(page.stdout.contains(variable), "help configuration lacks \(variable)") }
        for option in ["--profile", "--base-url", "--output", "--no-color", "--timeout"] {
            #expect(help.stdout.contains(option))
            #expect(page.stdout.contains(option), "help configuration lacks \(option)")
        }
    }

    /// A set `KOPS_API_KEY` is named once at start; the key is still looked for where kops reads it.
    @Test func aLookalikeKeyVariableIsNamedOnce() async throws {
        let (set, unset) = try await offPool {
            (
                try ProcessRunner.run(
                    "kops", ["-c", "explain 131047", "-c", "state"], environment: ["KOPS_API_KEY": "kapso_test_KEY1234567890abcdef"]),
                try ProcessRunner.run("kops", ["-c", "explain 131047"], environment: [:])
            )
        }
        let warning = "warning: KOPS_API_KEY is set, but kops reads the API key from KAPSO_API_KEY (or a profile's "
            + "api_key_env); export KAPSO_API_KEY instead"
        #expect(set.stderr.components(separatedBy: warning).count == 2, "\(set.stderr)")
        #expect(!set.stderr.contains("kapso_test_KEY"), "the value is never shown")
        #expect(!unset.stderr.contains("KOPS_API_KEY"), "\(unset.stderr)")
    }

    /// P27-1: with config.toml broken, `state` said the key was "not set" while KAPSO_API_KEY was exported.
    @Test func stateSaysTheKeyIsSetWhileConfigIsBroken() async throws {
        let result = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p27key-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/kops", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data("[profiles.a]\nbase_url = 5\n".utf8).write(to: URL(fileURLWithPath: folder + "/kops/config.toml"))
            return try ProcessRunner.run(
                "kops", ["-c", "state"],
                environment: [
                    "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder + "/state", "KAPSO_API_KEY": "kapso_test_KEY1234567890abcdef",
                    "KAPSO_API_BASE_URL": "http://127.0.0.1:9",
                ])
        }
        #expect(result.stderr.contains("config.toml"), "\(result.stderr)")
        let key = result.stdout.split(separator: "\n").first { $0.hasPrefix("key:") }.map(String.init) ?? ""
        #expect(key.contains("set, never shown; unused until config.toml is fixed"), "\(result.stdout)")
        #expect(key.hasSuffix("(env KAPSO_API_KEY)"), "\(key)")
        #expect(!result.stdout.contains("kapso_test_KEY"))
    }
}
