internal import KopsHTTP

/// Why Meta's servers cannot fetch a media `link` a send gives (a media message's `image.link`, …, or a template's
/// header media link), the one rule every command applies (`reply --template`'s note before a send, the advice for a
/// 131052/131053 in `trace`, `errors`, `messages`). Meta downloads a `link` from its own servers when it delivers
/// (kapso-api.md §9.5: "Meta couldn't fetch media (e.g. URL on localhost/private …) — host media on a public HTTPS
/// URL or upload first"): a loopback or private-network address (`WebhookURL.unreachable`) is out of its reach, and a
/// Dropbox share page (`?dl=0`, no `dl=1`/`raw=1`) or a Google Drive `/view` or `/edit` page answers HTML, not the
/// file (probe45 P45-12).
public enum MediaLinkReach: Sendable, Equatable {
    /// On `localhost (this machine)` or `a private-network address (10.0.0.5)`: Meta's servers cannot reach it.
    case unreachable(String)
    /// A Dropbox share page: HTML, not the file.
    case dropboxPage
    /// A Google Drive page: HTML, not the file.
    case googleDrivePage

    /// The reason Meta cannot fetch `link`; nil when it looks fetchable (which proves nothing: kops never fetches it).
    public static func of(_ link: String) -> MediaLinkReach? {
        if let unreachable = WebhookURL.unreachable(link) { return .unreachable(unreachable) }
        guard let parts = URLParts(link) else { return nil }
        let host = parts.host.lowercased()
        let lower = link.lowercased()
        if host == "dropbox.com" || host == "www.dropbox.com", !lower.contains("dl=1"), !lower.contains("raw=1") {
            return .dropboxPage
        }
        if host == "drive.google.com", lower.contains("/view") || lower.contains("/edit") { return .googleDrivePage }
        return nil
    }

    /// What the link is: `localhost (this machine)`, `a Dropbox share page (HTML), not the file`, ….
    public var what: String {
        switch self {
        case .unreachable(let place): place
        case .dropboxPage: "a Dropbox share page (HTML), not the file"
        case .googleDrivePage: "a Google Drive page (HTML), not the file"
        }
    }

    /// Why Meta fails it: its servers cannot reach it, or what they fetch is a page.
    public var why: String {
        switch self {
        case .unreachable: "Meta fetches it from its own servers when it delivers, which cannot reach it"
        case .dropboxPage, .googleDrivePage: "Meta's servers fetch that page when they deliver"
        }
    }

    /// What to do.
    public var fix: String {
        switch self {
        case .unreachable: "host the file on a public https:// URL, or upload it and send it by media id"
        case .dropboxPage: "end the link with ?dl=1 (or raw=1) for the file itself, or upload it and send it by media id"
        case .googleDrivePage: "use a direct download link or host the file on a public https:// URL, or upload it and send it by media id"
        }
    }
}
