internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - reply --template

extension ReplyCommand {
    /// `reply --template NAME [--language CODE] [--param ...] [--header-media URL]`: looks the template up on the
    /// number's WABA, checks it and the values as Meta and Kapso would (`TemplateCheck`, Kapso's marketing
    /// pre-check), then sends it like any reply. No 24-hour window applies to templates.
    static func sendTemplate(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let templateName = arguments.value("--template") ?? ""
        let typedTo = arguments.value("--to")
        let to = try recipient(arguments)
        // Templates are not quoted: the reply goes to the contact, not as an answer to one message.
        let target = try typedTo.flatMap { BusinessScopedUserID.isValid($0) ? $0 : nil }
            .map { try resolve(userID: $0, in: context) }
            ?? resolve(to: to, quote: false, in: context)
        let force = arguments.has("--force")
        let waba = try TemplateLookup.businessAccountID(of: target.phoneNumberID, in: context)
        let template = try TemplateLookup.template(
            named: templateName, language: arguments.value("--language"), businessAccountID: waba, command: name,
            in: context)
        let values = arguments.all("--param").map { TemplateCheck.Argument(typed: $0, named: template.isNamed) }
        let media = arguments.value("--header-media")
        var warnings: [String] = []
        let checked: TemplateCheck.Send
        do throws(TemplateCheck.Problem) {
            checked = try TemplateCheck.check(template, arguments: values, headerMedia: media)
        } catch {
            guard force else { throw TemplateError.refused(command: name, name: template.name, problem: error) }
            warnings.append("--force: sending although \(error.code): \(error.statement)")
            checked = TemplateCheck.unchecked(template, arguments: values, headerMedia: media)
        }
        if template.category == "MARKETING",
            try context.client.marketingPreference(contact: target.contact, phoneNumberID: target.phoneNumberID) == "stopped"
        {
            let problem = TemplateCheck.Problem.marketingStopped
            guard force else { throw TemplateError.refused(command: name, name: template.name, problem: problem) }
            warnings.append("--force: sending although \(problem.code): \(problem.statement)")
        }
        let body = TemplateCheck.message(
            to: target.contact, template: template, send: checked, byUserID: BusinessScopedUserID.isValid(target.contact))
        let request = context.client.metaRequest(phoneNumberID: target.phoneNumberID, body: body)
        let rendered = "template \(template.name) (\(template.language)): \"\(checked.bodyText)\""
        if arguments.has("--dry-run") {
            return dryRunResult(request, body: body, hints: warnings + ["renders: \(rendered)"], in: context)
        }
        for warning in warnings { context.emit(CommandResult(blocks: [.hint(warning)])) }
        guard context.confirm("send \(rendered) to \(target.label) from \(target.phoneNumberID)? [y/N] ") else {
            return .line("not sent", style: .warn)
        }
        return try send(request, to: target, what: rendered, in: context)
    }
}
