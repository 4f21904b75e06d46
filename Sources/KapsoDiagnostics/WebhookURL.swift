/// Facts about a webhook receiver's URL that checks and tables share.
public enum WebhookURL {
    /// A URL without its `https://` or `http://` scheme, for narrow columns.
    public static func short(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }
}
