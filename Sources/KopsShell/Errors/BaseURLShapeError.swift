public import KapsoDiagnostics

/// A base URL refused before anything is sent, for its shape (`BaseURLShape`): a query, a fragment, `user@`, a
/// control character, Meta's Graph API host. One line naming the URL (credentials masked, controls escaped), where
/// it came from and the fix.
public struct BaseURLShapeError: KopsError, Equatable {
    public var base: String
    /// Where the base URL came from: `flag --base-url`, `env KAPSO_API_BASE_URL`, `profile acme`.
    public var source: String?
    public var problem: BaseURLShape.Problem

    /// Throws when `base` has a shape problem.
    public static func check(_ base: String, source: String?) throws(BaseURLShapeError) {
        if let problem = BaseURLShape.problem(in: base) { throw BaseURLShapeError(base: base, source: source, problem: problem) }
    }

    public var message: String {
        // A base URL is kept whole up to 100 characters: cut at 40, `http://user:<redacted>@127.0.0.1:8080/#x`
        // lost its host, the part a reader checks first.
        // Masked as an error line is before it is cut (a key pasted after `#` or a bare `?` is no `name=` value:
        // probe34 P34-2 saw the launch refusal print it while the `-c:1:` line below masked it).
        let shown = VisibleText.escaped(Shortened.text(Redactor().redact(errorLine: base), limit: 100))
        let origin = source.map { " (\($0))" } ?? ""
        let shownProblem = problem.masked(by: Redactor())
        return "the API base URL '\(shown)'\(origin) \(shownProblem.what); \(shownProblem.fix)"
    }

    public var exitStatus: ExitStatus { .usage }
}

extension BaseURLShape.Problem {
    /// The problem with each piece of the URL it quotes again (the endpoint path and the base before it, a scheme, a
    /// port, the doubled scheme and its fix) masked as an error line is, before `what` and `fix` cut it to fit: the URL
    /// itself was masked, the piece in parentheses was not (probe36 P36-9: `…(/platform/v1/kapso_live_…)` from the
    /// flag, the environment and config.toml).
    func masked(by redactor: Redactor) -> Self {
        let mask = { (text: String) in redactor.redact(errorLine: text) }
        switch self {
        case .quoted(let unquoted, let bothEnds): return .quoted(unquoted: mask(unquoted), bothEnds: bothEnds)
        case .endpointPath(let path, let base): return .endpointPath(path: mask(path), base: mask(base))
        case .unknownScheme(let scheme): return .unknownScheme(mask(scheme))
        case .badPort(let port): return .badPort(mask(port))
        case .twoPorts(let ports): return .twoPorts(mask(ports))
        case .doubledScheme(let written, let fixed): return .doubledScheme(written: mask(written), fixed: mask(fixed))
        case .controlCharacter, .whitespace, .query, .fragment, .userInfo, .metaGraphAPI, .kapsoWebsite, .unclosedBracket, .noHost: return self
        }
    }
}
