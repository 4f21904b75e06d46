internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - A template Meta re-categorised

extension TraceCommand {
    /// The line under a 131049 verdict on a template when the template's category now is not the one it was sent as
    /// (`TemplateRecategorisation`, probe26 P26-13). The template is read from `listing` (the WABA's templates `trace`
    /// loaded, `MessageTrace.templates`) when it holds the name or is complete; otherwise two more requests (the number's
    /// WABA, the template by name), only for such a failure. Nothing when the template cannot be read or nothing says its
    /// category changed.
    static func recategorised(_ message: Message, listing: TemplateMismatch.Listing?, in context: ShellContext) -> [Block] {
        let code = "131049"
        guard message.isOutbound, let name = ErrorTriage.templateName(of: message.json),
            StatusHistory(message: message).failures.contains(where: { $0.errors.contains { $0.code == code } })
        else { return [] }
        let named: [JSONObject]
        if let listing, listing.complete || listing.templates.contains(where: { $0.name == name }) {
            named = listing.templates.filter { $0.name == name }.map(\.json)
        } else {
            guard let number = message.phoneNumberID, let waba = try? TemplateLookup.businessAccountID(of: number, in: context),
                let page = try? context.client.templates(businessAccountID: waba, filters: [("name", name)], limit: 100)
            else { return [] }
            named = page.items.filter { $0["name"]?.string == name }
        }
        let language = message.json["template"]?["language"]?["code"]?.string
        guard let template = named.first(where: { $0["language"]?.string == language }) ?? (named.count == 1 ? named.first : nil),
            let change = TemplateRecategorisation(message: message.json, template: template)
        else { return [] }
        return [.line(StyledText("  " + change.text(code: code), style: .warn))]
    }
}
