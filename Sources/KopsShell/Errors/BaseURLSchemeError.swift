internal import KapsoDiagnostics

/// A base URL without `://`: `api.kapso.ai` "has no scheme; add https://, e.g. https://api.kapso.ai", and
/// `http:/127.0.0.1:8080` "has a misspelt scheme ('http:/')" (`SchemeAdvice`). One line naming the URL, where it came
/// from and the fix.
public struct BaseURLSchemeError: KopsError, Equatable {
    public var base: String
    /// Where the base URL came from: `env KAPSO_API_BASE_URL`, `profile acme`.
    public var source: String?

    public var message: String {
        let origin = source.map { " (\($0))" } ?? ""
        // The URL and the advice built from it are masked as an error line is (probe34 P34-2: a key after `#` or `?`).
        let shown = Redactor().redact(errorLine: base)
        return "the API base URL '\(VisibleText.escaped(Shortened.text(shown)))'\(origin) \(SchemeAdvice.what(for: base)); "
            + Redactor().redact(errorLine: SchemeAdvice.text(for: base))
    }

    public var exitStatus: ExitStatus { .usage }

    /// Throws the first problem of `base` as a base URL (a `KopsError`): its scheme missing or misspelt (`BaseURLSchemeError`), then its
    /// shape (`BaseURLShapeError`: a query, an unknown scheme, a port that is none…). One check for every place a base
    /// URL comes in (start, `profile use`), so none lets through a URL the first request would refuse as "invalid URL".
    public static func check(_ base: String, source: String?) throws {
        guard base.contains("://") else { throw BaseURLSchemeError(base: base, source: source) }
        try BaseURLShapeError.check(base, source: source)
    }
}
