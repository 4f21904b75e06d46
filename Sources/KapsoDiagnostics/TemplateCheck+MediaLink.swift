internal import KopsHTTP

extension TemplateCheck {
    /// A note for a header media link Meta cannot fetch, nil otherwise. Meta downloads a `link` from its own servers
    /// when it delivers: a loopback or private-network address (`https://localhost:3000/promo.jpg`, `192.168.1.10`,
    /// `*.local`: `WebhookURL.unreachable`) is out of its reach, and a Dropbox share page (`?dl=0`) or a Google Drive
    /// `/view` page answers HTML, not the file; the send is accepted and fails later with 131053 (kapso-api.md §9.5:
    /// "Meta couldn't fetch media (e.g. URL on localhost/private …) — host media on a public HTTPS URL or upload
    /// first"). A note, not a refusal: the API accepts the request (probe45 P45-12).
    public static func headerMediaNote(_ link: String) -> String? {
        if let unreachable = WebhookURL.unreachable(link) {
            return "the header media link is \(unreachable): Meta fetches it from its own servers when it delivers, which "
                + "cannot reach it, so the message fails with 131053; host the file on a public https:// URL"
        }
        guard let parts = URLParts(link) else { return nil }
        let host = parts.host.lowercased()
        let lower = link.lowercased()
        if host == "dropbox.com" || host == "www.dropbox.com", !lower.contains("dl=1"), !lower.contains("raw=1") {
            return "the header media link is a Dropbox share page (HTML), not the file: Meta fails it with 131053; end it "
                + "with ?dl=1 (or raw=1) for the file itself"
        }
        if host == "drive.google.com", lower.contains("/view") || lower.contains("/edit") {
            return "the header media link is a Google Drive page (HTML), not the file: Meta fails it with 131053; use a "
                + "direct download link or host the file on a public https:// URL"
        }
        return nil
    }
}
