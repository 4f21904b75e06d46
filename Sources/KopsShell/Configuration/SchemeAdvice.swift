internal import KopsHTTP

/// The fix for a base URL typed without its scheme: `https://` for a host on the network, `http://` for a
/// loopback host (a local kapso-sim speaks plain http, the only place kops allows it; https there fails TLS).
public enum SchemeAdvice {
    /// `api.kapso.ai` → `add https://, e.g. https://api.kapso.ai`; `127.0.0.1:38141` → `add http:// (…), e.g. http://127.0.0.1:38141`.
    public static func text(for typed: String) -> String {
        let shown = Shortened.text(typed)
        if URLParts("http://" + typed)?.isLoopback == true {
            return "add http:// (a loopback host such as kapso-sim speaks plain http), e.g. http://\(shown)"
        }
        return "add https://, e.g. https://\(shown)"
    }
}
