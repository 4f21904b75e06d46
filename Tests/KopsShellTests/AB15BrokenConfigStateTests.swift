import KopsShell
import Testing

/// tester57 AB15: with a config.toml kops could not read, `state` showed `api: https://api.kapso.ai (default)` and
/// advised `profile add` (which refuses to write over the broken file), and `profile show` showed the default profile
/// and API, while no request is sent and the file's default profile may name another API. They now say the file could
/// not be read (where, and what was wrong), that the profile's settings are unknown, and to fix the file.
@Suite struct AB15BrokenConfigStateTests {
    static let problem = "/home/u/.config/kops/config.toml:2:15: error while parsing table header: expected ']'; fix the TOML syntax"

    /// A shell started as `kops` starts with a broken config.toml: kops's defaults, said to come from nowhere else.
    private static func shell(api source: String = "default", key: Bool = false) -> OfflineShell {
        let offline = OfflineShell()
        offline.shell.context.configProblem = problem
        offline.shell.context.session.sources["api"] = source
        offline.shell.context.session.sources["profile"] = "default"
        if !key { offline.shell.context.session.sources["key"] = "env KAPSO_API_KEY" }
        return offline
    }

    @Test(arguments: ["state", "profile show"])
    func theDefaultsAreNotShownAsTheSettings(_ command: String) {
        let offline = Self.shell()
        offline.shell.run(line: command)
        let out = offline.output.out
        #expect(!out.contains("https://api.kapso.ai"), "\(out)")
        #expect(!out.contains("profile add"), "\(out)")
        #expect(out.contains("unknown: config.toml could not be read"), "\(out)")
        #expect(out.contains("not read: \(Self.problem); until it is fixed by hand the profile's settings are unknown"), "\(out)")
    }

    /// An API typed with `--base-url` is shown, as unused until the file is fixed; JSON says the same.
    @Test func aTypedAPIIsShownAsUnused() {
        let offline = Self.shell(api: "flag --base-url")
        offline.shell.run(line: "state")
        #expect(offline.output.out.contains("https://api.kapso.ai  (flag --base-url); unused until config.toml is fixed"), "\(offline.output.out)")
        let json = Self.shell()
        json.shell.run(line: "state --output json")
        #expect(json.output.out.contains("\"config_problem\""), "\(json.output.out)")
        #expect(json.output.out.contains("\"api\": null"), "\(json.output.out)")
    }
}
