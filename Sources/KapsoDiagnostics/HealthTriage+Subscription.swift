public import KapsoClient

extension HealthTriage {
    /// The failed `webhook_subscription` check's cause and fix. Without Meta's `messages` field Kapso hears none of the
    /// number's messages (`missingMessages`), but that is a consequence, not something the check saw: an inbound message
    /// on record shows events reached Kapso until then, so the subscription changed after it or Kapso's check is stale
    /// (cached up to 3 min, kapso-api.md §2.3) — said beside it, never "no message webhook fires" as present fact
    /// (tester58 AD8: said so 1 h 41 min after an inbound message and beside deliveries of it).
    static func readSubscription(_ finding: inout Finding, details: JSONObject, inbound: Inbound) {
        finding.fix = "reconnect the number in Kapso to resubscribe the app (subscribed_fields must include messages)"
        let newest: Int64? = if case .newest(let time) = inbound { time } else { nil }
        // With an inbound message on record the consequence is said as the rule's, not as what happens now.
        let so = newest == nil ? "so" : "without it"
        if details["subscribed"]?.bool != false, let fields = missingMessages(details) {
            finding.cause = "the app's subscription lacks Meta's messages field (it has: \(fields.isEmpty ? "none" : fields.joined(separator: ", "))), "
                + "\(so) Meta sends Kapso no incoming messages and no statuses for this number and no message webhook fires"
        } else {
            finding.cause = "the app is not subscribed to this WhatsApp account's events, \(so) nothing reaches Kapso"
        }
        if let newest { finding.cause = (finding.cause ?? "") + since(newest) }
    }

    /// Whether reading `health` needs the number's newest inbound message: Meta has not verified the webhook or Kapso
    /// fails the app's subscription, or passes it with `subscribed_fields` that lack `messages` (tester70 F7: read as
    /// failed, it said "Meta sends Kapso no incoming messages" beside 3 that Kapso stored).
    public static func readsInbound(_ health: PhoneNumberHealth) -> Bool {
        let failed = ["webhook_verified", "webhook_subscription"].contains { health.check($0).map { $0["passed"]?.bool != true } ?? false }
        let details = health.check("webhook_subscription")?["details"]?.object
        return failed || details.flatMap(missingMessages) != nil
    }

    /// `; yet an inbound message reached Kapso at …`: the evidence against the check's consequence, and what reconciles them.
    private static func since(_ time: Int64) -> String {
        "; yet an inbound message reached Kapso at \(KapsoTime.iso(time)), so either the subscription changed after it, or "
            + "Kapso's check is stale (cached up to 3 min): run 'health' again in 3 min before reconnecting"
    }
}
