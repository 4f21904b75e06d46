import KopsShell
import Testing

/// tester58b AE5: with a config.toml whose `default_profile` names a profile it does not have (a typo, a profile removed
/// by hand), `state` showed `api: https://api.kapso.ai (default)`, `profile: default` and advised `profile add`, as if
/// nothing were wrong, while every request was refused "unknown profile 'prod' …". `state` and `profile show` now say
/// the profile is missing, with the start's own line (what to do).
@Suite struct AE5MissingProfileStateTests {
    /// A shell started as `kops` starts when default_profile names `prod` and config.toml has only `a`.
    private static func shell(api source: String = "default", key: Bool = false) -> OfflineShell {
        let offline = OfflineShell()
        offline.shell.context.startProblem = .unknownProfile("prod", source: "config.toml default_profile", known: ["a"])
        offline.shell.context.session.sources["api"] = source
        offline.shell.context.session.sources["profile"] = "default"
        if !key { offline.shell.context.session.sources["key"] = "env KAPSO_API_KEY" }
        return offline
    }

    @Test(arguments: ["state", "profile show", "profile"])
    func theMissingProfileIsSaidNotTheDefaults(_ command: String) {
        let offline = Self.shell()
        offline.shell.run(line: command)
        let out = offline.output.out
        #expect(!out.contains("https://api.kapso.ai"), "\(out)")
        #expect(!out.contains("profile add"), "\(out)")
        #expect(out.contains("none: the profile config.toml default_profile names is not in config.toml"), "\(out)")
        #expect(out.contains("unknown profile 'prod' (config.toml default_profile); profiles: a; kops sends no request until it is fixed"), "\(out)")
        #expect(out.contains("'profile use NAME'"), "\(out)")
    }

    /// An API typed with `--base-url` is shown as unused; JSON has no profile and says the problem.
    @Test func aTypedAPIIsShownAsUnusedAndJSONHasNoProfile() {
        let offline = Self.shell(api: "flag --base-url")
        offline.shell.run(line: "state")
        #expect(offline.output.out.contains("https://api.kapso.ai  (flag --base-url); unused while the profile"), "\(offline.output.out)")
        let json = Self.shell()
        json.shell.run(line: "state --output json")
        #expect(json.output.out.contains("\"start_problem\""), "\(json.output.out)")
        #expect(json.output.out.contains("\"api\": null"), "\(json.output.out)")
        #expect(json.output.out.contains("\"profile\": null"), "\(json.output.out)")
    }

    /// Another start problem (a malformed base URL) is no missing profile: `state` shows what it did.
    @Test func anotherStartProblemLeavesStateAsItWas() {
        let offline = OfflineShell()
        offline.shell.context.startProblem = StartProblem(problem: "invalid base URL", otherProfiles: [])
        offline.shell.run(line: "state")
        #expect(!offline.output.out.contains("none: the profile"), "\(offline.output.out)")
    }
}
