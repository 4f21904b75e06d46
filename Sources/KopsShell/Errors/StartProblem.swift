/// A setting kops read at start from where it was not typed this time (the environment, config.toml) and cannot use:
/// a malformed base URL, a profile `KOPS_PROFILE` or `default_profile` names that is not there. The shell still
/// opens and says this line once; `help`, `explain`, `profile`, `state`… run, and each command that sends a request is
/// refused with the same line (its status, 64, is what a script or `-c` exits with), until `profile use NAME` picks a
/// usable profile (probe22 P22-15: kops ended before the shell opened, so help and the other profiles were out of
/// reach). A value typed on the command line (`--base-url`, `--profile`) is still refused at once.
public struct StartProblem: KopsError, Equatable {
    /// What is wrong, where it came from and its fix, as one line (the problem's own error message).
    public var problem: String
    public var exitStatus: ExitStatus
    /// The profiles `profile use` could switch to; empty when there are none.
    public var otherProfiles: [String]
    /// Where the name of a profile config.toml does not have came from (`config.toml default_profile`, `env
    /// KOPS_PROFILE`), for `state` and `profile show` (`MissingProfile`); nil for another problem.
    public var missingProfileSource: String?

    public init(problem: String, exitStatus: ExitStatus = .usage, otherProfiles: [String]) {
        self.problem = problem
        self.exitStatus = exitStatus
        self.otherProfiles = otherProfiles
    }

    /// The problem `error` is, in its own words and status (`ErrorReport`).
    public init(_ error: any Error, otherProfiles: [String]) {
        let report = ErrorReport(error)
        self.init(problem: report.message, exitStatus: report.status, otherProfiles: otherProfiles)
    }

    /// A profile named by `source` (`env KOPS_PROFILE`, `config.toml default_profile`) that config.toml does not have,
    /// with the profile meant when one is close (`ACME` → `acme`, a case slip in a shell rc file).
    public static func unknownProfile(_ name: String, source: String, known: [String]) -> StartProblem {
        let meant = Suggestion.closest(to: name, in: known)
        let listed = known.isEmpty ? "no profiles are configured" : Suggestion.advice(meant, listing: "profiles: " + NameList.text(known))
        var problem = StartProblem(
            problem: "unknown profile '\(VisibleText.escaped(Shortened.text(name)))' (\(source)); \(listed)",
            otherProfiles: known)
        problem.missingProfileSource = source
        return problem
    }

    public var message: String {
        problem + "; kops sends no request until it is fixed and kops started again"
            + (otherProfiles.isEmpty ? "" : ", or 'profile use NAME' (or kops --profile NAME) picks another profile")
    }
}
