/// What a send refused with 132015 ("template paused") needs now, read with the template's status now. Meta pauses a
/// template for low quality and unpauses it by itself: "1st instance: Paused for 3 hours; 2nd instance: Paused for 6
/// hours; 3rd instance: Disabled", and when a paused template is unpaused its status goes back to APPROVED (an `APPROVED`
/// template status webhook); editing a template resubmits it for review, after which "it can't be sent to customers again
/// until it has been re-approved" (Meta, Template pausing, developers.facebook.com/docs/whatsapp/business-management-api/
/// message-templates/template-pausing; YCloud's template-reviewed webhook guide, docs.ycloud.com/en/api-reference/guides/
/// examples/webhook-examples/whatsapp-template-reviewed-webhook-examples). So a template APPROVED now takes the same send
/// again, and "use another template; edit this one" sent the on-call the wrong way (probe39 P39-2).
public enum TemplatePause {
    /// The advice for a 132015 on template `name` (`language`, when known), given its `status` read now from the WABA's
    /// templates; nil when the status was not read (the catalogue's fix stands then).
    public static func advice(name: String, language: String?, status: String?) -> String? {
        guard let status else { return nil }
        let label = name + (language.map { " (\($0))" } ?? "")
        switch status.uppercased() {
        case "APPROVED":
            return "\(label) is APPROVED again now (Meta unpauses a paused template by itself): resend as is; do not edit it "
                + "for this (an edit sends it back to review)"
        case "PAUSED":
            return "\(label) is still PAUSED now: Meta unpauses it by itself (3 h after a first pause, 6 h after a second); "
                + "resend then, or use another template meanwhile; an edit would send it back to review"
        case "DISABLED":
            return "\(label) is DISABLED now (a third pause disables it for good): create a new template with different content"
        default:
            return "\(label) is \(status) now, so it cannot be sent until it is APPROVED ('template \(name)' shows it)"
        }
    }
}
