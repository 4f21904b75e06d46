internal import KapsoClient

extension WebhookVerdict {
    /// What `overview` says of the webhooks behind a period's deliveries, by the same reading as `webhooks check`:
    /// which webhooks fail now, which are paused after failures in the period (nothing reaches them, P15-4: never
    /// "history"), and how many failed deliveries are history (sent to a previous URL, of an event no longer
    /// subscribed, or before a receiver recovered) or went to webhooks that no longer exist (`orphans`, failed
    /// deliveries whose webhook id the list lacks). Nil when nothing failed or is stuck.
    public static func overview(_ verdicts: [WebhookVerdict], orphans: Int = 0) -> String? {
        let failing = verdicts.filter(\.failsNow)
        let paused = verdicts.filter { $0.pause != nil && $0.failed > 0 }
        let history = verdicts.reduce(0) { sum, verdict in
            var count = verdict.previousURLs.reduce(0) { $0 + $1.failed } + (verdict.unsubscribed?.failed ?? 0)
            if verdict.webhook.active, case .recovered = verdict.state { count += verdict.failed }
            return sum + count
        }
        let stuck = verdicts.reduce(0) { $0 + $1.stuck.count }
        var parts: [String] = []
        if !failing.isEmpty {
            let names = failing.prefix(3).map { WebhookURL.short($0.webhook.url) }.joined(separator: ", ")
                + (failing.count > 3 ? ", …" : "")
            parts.append("\(failing.count) \(failing.count == 1 ? "webhook fails" : "webhooks fail") now (\(names))")
        }
        if !paused.isEmpty {
            let names = paused.prefix(3).map { verdict in
                let failed = "\(verdict.failed) of \(verdict.current.count) deliveries failed"
                let why = verdict.pause == .matchesAutoPause ? "\(failed), which matches Kapso's automatic pause" : failed
                return "\(WebhookURL.short(verdict.webhook.url)): \(why)"
            }.joined(separator: "; ") + (paused.count > 3 ? "; …" : "")
            let one = paused.count == 1
            parts.append(
                "\(paused.count) \(one ? "webhook is" : "webhooks are") paused, so nothing reaches \(one ? "its receiver" : "their receivers") "
                    + "(\(names))")
        }
        if history > 0 {
            parts.append(
                "\(history) failed \(history == 1 ? "delivery is" : "deliveries are") history (a previous URL or events, or a "
                    + "receiver that recovered since)")
        }
        if orphans > 0 { parts.append("\(orphans) went to webhooks deleted since") }
        if stuck > 0 { parts.append("\(stuck) \(stuck == 1 ? "delivery is" : "deliveries are") stuck in pending") }
        guard !parts.isEmpty else { return nil }
        let quiet = failing.isEmpty && paused.isEmpty && (history > 0 || orphans > 0)
        return (quiet ? "no webhook fails now; " : "") + parts.joined(separator: "; ")
    }
}
