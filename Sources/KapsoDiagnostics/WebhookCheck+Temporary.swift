public import KapsoClient

/// Webhooks meant to live only for a session (tester59 AF9): the one `listen --register` creates is deleted when
/// `listen` stops (Ctrl-C, the terminal closed), but a kops killed (`kill -9`, out of memory, a crash) leaves it active,
/// pointing at a tunnel URL, and every message event of the number goes on being delivered there.
extension WebhookCheck {
    /// The custom header `listen --register` gives its temporary webhook (custom headers: kapso-api.md §3.3), so a
    /// leftover one can be told from a webhook someone meant to keep.
    public static let temporaryHeader = "X-Kops-Listen"

    /// True when `webhook` carries `temporaryHeader` (header names in any case).
    public static func isTemporary(_ webhook: Webhook) -> Bool {
        webhook.headerNames.contains { $0.lowercased() == temporaryHeader.lowercased() }
    }

    /// A leftover temporary webhook (warning), or an active webhook at a Cloudflare quick tunnel (info): a
    /// trycloudflare.com name lives only while one cloudflared runs, and a new run gets a new name (`WebhookURL.Tunnel`).
    mutating func checkTemporary(_ webhook: Webhook) {
        guard webhook.active else { return }
        if Self.isTemporary(webhook) {
            add(
                .warning, webhook,
                "a temporary webhook of 'listen --register' (header \(Self.temporaryHeader)) still active: while that listen "
                    + "runs this is expected; if none runs now, the kops that made it stopped without deleting it (killed or "
                    + "crashed), and the number's message events go on being delivered to " + webhook.url,
                fix: "if no 'listen --register' runs now: webhooks delete \(webhook.id)")
        } else if WebhookURL.tunnel(webhook.url) == .cloudflareQuick {
            add(
                .info, webhook,
                "its URL is a Cloudflare quick tunnel (trycloudflare.com): it lives only while one cloudflared runs, and a new run "
                    + "gets a new name, so deliveries fail once that cloudflared stops",
                fix: "for a receiver meant to stay, register a URL that does not depend on one machine (a named tunnel, a "
                    + "deployed handler); for a test that is over, webhooks delete \(webhook.id)")
        }
    }
}
