/// What to do about an entity Meta reports `LIMITED`, from what Meta listed: the entity's `additional_info` lines and
/// its `entity_type` (kapso-api.md §2.3 `messaging_health.details.entities[]`). Generic only when Meta listed nothing;
/// a text kops has no rule for is said to be so, never answered with another cause's fix (probe17 P17-14: a 250
/// tier limit and an app in development mode both got "fix the listed entity (display name, payment, quality)").
///
/// Sources: Meta, "Messaging and calling health status" (LIMITED = meets messaging requirements but has some
/// limitations, explained by `additional_info`; developers.facebook.com/docs/whatsapp/cloud-api/health-status,
/// docs.360dialog.com/partner/integrations-and-api-development/messaging-health-status); Meta, "Messaging limits"
/// (the limit counts business-initiated messages outside a customer service window, per business portfolio, and
/// rises through a scaling path such as business verification, then automatic scaling with good quality;
/// developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits.md).
public enum LimitedMessaging {
    /// The fix for one LIMITED entity (`entityType` as Meta wrote it, e.g. `APP`; `info` its `additional_info` lines),
    /// e.g. `switch the Meta app to Live mode …` for `["Your app is in development mode"]`. `nameStatus` is the number's
    /// `name_status` when its record was read: a display name Meta DECLINED is never approved by waiting (tester67 Y5,
    /// `DisplayNameStatus.limitFix`).
    public static func fix(entityType: String?, info: [String], nameStatus: DisplayNameStatus? = nil) -> String {
        let text = info.joined(separator: " ").lowercased()
        let type = entityType ?? "entity"
        if text.isEmpty {
            return "Meta listed no reason for the \(type)'s limit (no additional_info), and kops knows none; WhatsApp Manager "
                + "shows the account's limits"
        }
        if text.contains("display name") { return DisplayNameStatus.limitFix(nameStatus) }
        if text.contains("development mode") {
            return "switch the Meta app to Live mode in Meta's App Dashboard (App Mode); an app in development mode is "
                + "limited whatever the number's state"
        }
        if text.contains("payment") {
            return "add or fix the payment method of the WhatsApp account in Meta Business Manager"
        }
        if text.contains("messaging limit") || text.contains("business-initiated") || text.contains("business initiated") {
            return "nothing is broken: this is Meta's messaging limit on business-initiated conversations (replies inside an "
                + "open 24-hour window are not counted); it rises after a scaling path (business verification) and then with "
                + "volume at Medium or High quality (Meta, Messaging limits)"
        }
        if text.contains("verif") {
            return "complete Meta's business verification for the portfolio (Meta Business Manager, Security Center)"
        }
        return "kops has no fix for Meta's text above; WhatsApp Manager shows the \(type)'s limitation"
    }
}
