internal import KapsoClient
internal import KapsoDiagnostics

/// `template NAME [--language CODE]`: one template in full: status, category, quality, the body with its
/// variables marked, what a send needs, and why it cannot be sent when it cannot.
public enum TemplateCommand: Command {
    public static let name = "template"
    public static let summary = "show one template: status, quality, body with variables, what a send needs"
    public static let usage = "template NAME [--language CODE]"
    public static let details = """
        Looks the template up on the selected number's WABA. Variables show as {{1}} or {{name}};
        'send' is the reply that would send it, or why it cannot be sent (paused, rejected, in review,
        no BODY). With several languages, --language picks one.
        Examples:
          template order_update
          template part_ready --language es
        """
    public static let maxArguments: Int? = 1
    public static let flags = [FlagSpec("--language", value: "CODE", help: "the language version (en_US, es, ...)")]

    public static func validate(_ arguments: Arguments) throws { _ = try arguments.required(0, "template name") }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let templateName = try arguments.required(0, "template name")
        // A token or secret pasted as the name would go out in the request's query (tester70 F15).
        try IDArgument.refuseCredential(templateName, command: name, expected: nil)
        let phoneNumberID = try context.session.requirePhoneNumber()
        let waba = try TemplateLookup.businessAccountID(of: phoneNumberID, in: context)
        let template = try TemplateLookup.template(
            named: templateName, language: arguments.value("--language"), businessAccountID: waba, command: name, in: context)
        var fields = [
            Field("name", template.name), Field("language", template.language), Field("category", template.category),
            Field("status", TemplatesCommand.status(template.status).text, style: TemplatesCommand.status(template.status).style),
            Field("quality", TemplatesCommand.quality(template.quality).text, style: TemplatesCommand.quality(template.quality).style),
            Field("id", template.id), Field("format", template.isNamed ? "NAMED" : "POSITIONAL"),
        ]
        if let reason = template.rejectedReason { fields.append(Field("rejected", reason, style: .bad)) }
        if let header = template.header {
            fields.append(Field("header", header.format != "TEXT" ? header.format : TemplateText.marked(header.text ?? "")))
        }
        if let offer = template.limitedTimeOffer {
            // The offer's own component (Meta's limited-time offer templates): its text and whether it counts down.
            fields.append(Field("offer", "limited-time offer" + (offer.text.map { " \"\($0)\"" } ?? "")
                + (offer.hasExpiration ? " with an expiration (a countdown)" : " without an expiration")))
        }
        fields.append(
            Field(
                "body", template.body.map { TemplateText.marked($0) } ?? "(none)", style: template.body == nil ? .bad : .plain,
                multiLine: true))
        if let footer = template.footer { fields.append(Field("footer", footer)) }
        for button in template.buttons {
            // A COPY_CODE button has no text of its own (WhatsApp writes "Copy code"): its example code says more than "".
            let example = button.type == "COPY_CODE" ? button.example.map { "(example code \($0))" } : nil
            let detail = [button.otpType, button.url, example].compactMap { $0 }.joined(separator: " ")
            let label = button.text.isEmpty && example != nil ? "" : " \"\(button.text)\""
            fields.append(Field("button", "\(button.type)\(label)" + (detail.isEmpty ? "" : " \(detail)")))
        }
        fields.append(Field("parameters", parameters(template)))
        fields.append(sendField(template))
        return CommandResult(blocks: [.fields(fields)], json: .object(template.json))
    }

    /// `customer_name, order_id (named: --param customer_name=VALUE)` or `header {{1}}, body {{1}} {{2}} {{3}}`.
    static func parameters(_ template: MessageTemplate) -> String {
        var parts: [String] = []
        if let header = template.header, header.isMedia { parts.append("header \(header.format.lowercased()) (--header-media URL)") }
        if template.header?.isLocation == true { parts.append("header location (--header-location LAT,LON[,NAME[,ADDRESS]])") }
        if template.header?.isProduct == true { parts.append("header product (a catalog product_retailer_id and catalog_id)") }
        if !template.headerVariables.isEmpty {
            parts.append("header " + template.headerVariables.map { "{{\($0)}}" }.joined(separator: " "))
        }
        if !template.bodyVariables.isEmpty {
            parts.append("body " + template.bodyVariables.map { "{{\($0)}}" }.joined(separator: " "))
        }
        if let otp = template.otpButtonIndex { parts.append("button \(otp) repeats the code") }
        for index in template.dynamicURLButtons {
            let variables = TemplateText.variables(in: template.buttons[index].url ?? "").map { "{{\($0)}}" }.joined(separator: " ")
            parts.append("button \(index) URL \(variables) (the URL's end)")
        }
        if template.limitedTimeOffer?.hasExpiration == true { parts.append("offer expiration (expiration_time_ms)") }
        if let coupon = template.couponButtonIndex { parts.append("button \(coupon) coupon code") }
        if !template.carousel.isEmpty { parts.append("carousel: " + TemplateCheck.cardNeeds(template.carousel)) }
        if let button = template.actionButton {
            parts.append("button \(button.index) " + (button.type == "MPM" ? "products (a thumbnail and sections)" : "order details"))
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// The `reply --template` line that would send it, or why it cannot be sent.
    static func sendField(_ template: MessageTemplate) -> Field {
        do throws(TemplateCheck.Problem) {
            try TemplateCheck.sendable(template)
        } catch {
            return Field("send", "cannot be sent: \(error.code): \(error.statement); \(error.fix)", style: .bad)
        }
        let names = template.headerVariables + template.bodyVariables.filter { !template.isNamed || !template.headerVariables.contains($0) }
        let media = template.header?.isMedia == true
        var command = "reply --template \(template.name) --language \(template.language)"
        if media { command += " --header-media URL" }
        if template.header?.isLocation == true { command += " --header-location LAT,LON" }
        for name in names { command += template.isNamed ? " --param \(name)=VALUE" : " --param VALUE" }
        return Field("send", command, style: .good)
    }
}
