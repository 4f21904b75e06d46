internal import KapsoDiagnostics
internal import KopsHTTP

/// The fix for a base URL typed without its scheme: `https://` for a host on the network, `http://` for a
/// loopback host (a local kapso-sim speaks plain http, the only place kops allows it; https there fails TLS).
public enum SchemeAdvice {
    /// What is wrong with a base URL without `://`: `has no scheme`, or `has a misspelt scheme ('http:/')`.
    public static func what(for typed: String) -> String {
        misspelt(typed).map { "has a misspelt scheme ('\($0.written)')" } ?? "has no scheme"
    }

    /// `api.kapso.ai` → `add https://, e.g. https://api.kapso.ai`; `127.0.0.1:38141` → `add http:// (…), e.g. http://127.0.0.1:38141`;
    /// `http:/127.0.0.1:38141` → `write 'http://' instead of 'http:/', e.g. http://127.0.0.1:38141`; `htp:/127.0.0.1:38141`
    /// → `write 'http://' instead of 'htp:/' (…), e.g. http://127.0.0.1:38141`.
    public static func text(for typed: String) -> String {
        if let misspelt = misspelt(typed) {
            let scheme = misspelt.fixed.prefix { $0.isLetter }
            let why = misspelt.strange ? " (\(scheme == "http" ? loopbackNote : "kops speaks https to a host on the network"))" : ""
            return "write '\(scheme)://' instead of '\(misspelt.written)'\(why), e.g. \(Shortened.text(misspelt.fixed, limit: 100))"
        }
        let shown = Shortened.text(typed)
        if URLParts("http://" + typed)?.isLoopback == true {
            return "add http:// (\(loopbackNote)), e.g. http://\(shown)"
        }
        return "add https://, e.g. https://\(shown)"
    }

    private static let loopbackNote = "a loopback host such as kapso-sim speaks plain http"

    /// The scheme as written and the URL meant: https or http as written (`https//…`), else (`htp:/…`, `strange`) http for
    /// a loopback host and https for any other, the schemes kops sends to each.
    static func misspelt(_ typed: String) -> (written: String, fixed: String, strange: Bool)? {
        if let misspelt = BaseURLShape.misspeltScheme(typed) { return (misspelt.written, misspelt.fixed, false) }
        guard let strange = BaseURLShape.strangeScheme(typed) else { return nil }
        let scheme = URLParts("http://" + strange.rest)?.isLoopback == true ? "http" : "https"
        return (strange.written, scheme + "://" + strange.rest, true)
    }
}
