internal import KapsoDiagnostics
internal import KopsHTTP

/// The fix for a base URL typed without its scheme: `https://` for a host on the network, `http://` for a
/// loopback host (a local kapso-sim speaks plain http, the only place kops allows it; https there fails TLS).
public enum SchemeAdvice {
    /// What is wrong with a base URL without `://`: `has no scheme`, or `has a misspelt scheme ('http:/')`.
    public static func what(for typed: String) -> String {
        BaseURLShape.misspeltScheme(typed).map { "has a misspelt scheme ('\($0.written)')" } ?? "has no scheme"
    }

    /// `api.kapso.ai` → `add https://, e.g. https://api.kapso.ai`; `127.0.0.1:38141` → `add http:// (…), e.g. http://127.0.0.1:38141`;
    /// `http:/127.0.0.1:38141` → `write 'http://' instead of 'http:/', e.g. http://127.0.0.1:38141`.
    public static func text(for typed: String) -> String {
        if let misspelt = BaseURLShape.misspeltScheme(typed) {
            return "write '\(misspelt.written.prefix { $0.isLetter })://' instead of '\(misspelt.written)', e.g. \(Shortened.text(misspelt.fixed, limit: 100))"
        }
        let shown = Shortened.text(typed)
        if URLParts("http://" + typed)?.isLoopback == true {
            return "add http:// (a loopback host such as kapso-sim speaks plain http), e.g. http://\(shown)"
        }
        return "add https://, e.g. https://\(shown)"
    }
}
