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
        if Self.looksLikeKey(base) {
            // Not echoed, and not advised as a host (`e.g. https://<key>`): the API key put where the base URL goes.
            return "the API base URL\(origin) does not look like a host (\(base.count) characters, no dot, no ':'): is it the API "
                + "key? the key goes in KAPSO_API_KEY, the base URL is https://api.kapso.ai (or unset it)"
        }
        // The URL and the advice built from it are masked as an error line is (probe34 P34-2: a key after `#` or `?`).
        let shown = Redactor().redact(errorLine: base)
        return "the API base URL '\(VisibleText.escaped(Shortened.text(shown)))'\(origin) \(SchemeAdvice.what(for: base)); "
            + Redactor().redact(errorLine: SchemeAdvice.text(for: base))
    }

    public var exitStatus: ExitStatus { .usage }

    /// True for a base URL that cannot be a host and reads as a key: no `://`, no `.`, `:` or `/`, not `localhost`,
    /// 16 characters or more of letters, digits, `_` and `-` with a digit in them (`Zx81kQ2mP0sLw9TrAb12Cd34`, a hex
    /// key). The variables swapped (`KAPSO_API_BASE_URL=<key>`) is a first-run slip; Kapso publishes no key format
    /// (`APIKeyShape`), so the test is that it is no host name (probe38 P38-2).
    public static func looksLikeKey(_ base: String) -> Bool {
        let text = base
        guard !text.contains("://"), text.count >= 16, text.lowercased() != "localhost" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            && text.contains { $0.isNumber }
    }

    /// Throws the first problem of `base` as a base URL (a `KopsError`): its scheme missing or misspelt (`BaseURLSchemeError`), then its
    /// shape (`BaseURLShapeError`: a query, an unknown scheme, a port that is none…). One check for every place a base
    /// URL comes in (start, `profile use`), so none lets through a URL the first request would refuse as "invalid URL".
    public static func check(_ base: String, source: String?) throws {
        // Quotes first: `"http://127.0.0.1:8080"` has "://" and a scheme `"http` that is none (probe44 P44-4).
        if case .quoted? = BaseURLShape.problem(in: base) { try BaseURLShapeError.check(base, source: source) }
        guard base.contains("://") else { throw BaseURLSchemeError(base: base, source: source) }
        try BaseURLShapeError.check(base, source: source)
    }
}
