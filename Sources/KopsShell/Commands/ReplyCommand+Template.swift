internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - reply --template

extension ReplyCommand {
    /// `reply --template NAME [--language CODE] [--param ...] [--header-media URL | --header-location LAT,LON]`: looks the template up on the
    /// number's WABA, checks it and the values as Meta and Kapso would (`TemplateCheck`, Kapso's marketing
    /// pre-check), then sends it like any reply. No 24-hour window applies to templates.
    static func sendTemplate(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let templateName = arguments.value("--template") ?? ""
        let typedTo = typedTo(arguments)
        let to = try recipient(arguments, in: context)
        // Templates are not quoted: the reply goes to the contact, not as an answer to one message.
        let target = try typedTo.flatMap { try userID(to: $0, in: context) }
            .map { try resolve(userID: $0, in: context) }
            ?? resolve(to: to, message: try message(arguments), quote: false, in: context)
        let force = arguments.has("--force")
        // A value or link holding a secret, before any lookup: the contact would get it in clear (tester59 AF10).
        let typedParts = arguments.all("--param").enumerated().map { ("--param \($0.offset + 1)", $0.element) }
            + (arguments.value("--header-media").map { [("--header-media", $0)] } ?? [])
        let secretNotes = try refuseSecrets(typedParts, to: target, sending: arguments.has(OutgoingSecret.sendFlag), in: context)
        // A contact who changed their number or business-scoped user id is refused as a text reply refuses them (P26-4).
        // The sending number's own state first, as a text reply reads it: one that sends nothing is refused (P39-8).
        let window = try contactWindow(target, elsewhere: false, template: true, in: context)
        let changes = [senderRefusal(window)].compactMap { $0 } + contactChanges(window, of: target)
        if let change = changes.first, !force { throw change }
        let waba = try TemplateLookup.businessAccountID(of: target.phoneNumberID, in: context)
        var warnings: [String] = [window.senderState].compactMap { $0?.cannotSend == false ? $0?.line : nil } + changes.compactMap(\.forcedNote)
            + secretNotes
        let template: MessageTemplate
        do {
            template = try TemplateLookup.template(
                named: templateName, language: arguments.value("--language"), businessAccountID: waba, command: name,
                in: context)
        } catch let error as TemplateError where force {
            // Meta's own answer (132001) is what --force is for: send the name and language as typed.
            guard let standIn = forcedStandIn(for: error, language: arguments.value("--language"), arguments: arguments)
            else { throw error }
            warnings.append(standIn.warning)
            template = standIn.template
        }
        let values = arguments.all("--param").map { TemplateCheck.Argument(typed: $0, named: template.isNamed) }
        let media = arguments.value("--header-media")
        let location = arguments.value("--header-location").flatMap(HeaderLocation.init)
        let checked: TemplateCheck.Send
        do throws(TemplateCheck.Problem) {
            checked = try TemplateCheck.check(template, arguments: values, headerMedia: media, headerLocation: location)
        } catch {
            // A component kops cannot build is refused with --force too: the request would lack it, or carry a wrong one
            // (a product header sent as a media link), so what the API answered would be about kops's request, not the template.
            guard force, !error.isUnbuilt else { throw TemplateError.refused(command: name, name: template.name, problem: error) }
            warnings.append("--force: sending although \(error.code): \(error.statement)")
            checked = TemplateCheck.unchecked(template, arguments: values, headerMedia: media, headerLocation: location)
        }
        // A link Meta's servers cannot fetch is accepted and fails later with 131053 (probe45 P45-12).
        if let media, let note = TemplateCheck.headerMediaNote(media, format: template.header?.format) { warnings.append(note) }
        if template.category == "MARKETING",
            try context.client.marketingPreference(contact: target.contact, phoneNumberID: target.phoneNumberID) == "stopped"
        {
            let problem = TemplateCheck.Problem.marketingStopped
            guard force else { throw TemplateError.refused(command: name, name: template.name, problem: problem) }
            warnings.append("--force: sending although \(problem.codeLead)\(problem.statement)")
        }
        // Meta accepts a marketing template to a US number and fails it later (131049): refused like the checks above
        // (probe14 P14-3); a +1 number kops cannot place gets a note. A business-scoped user id has no number, and Meta
        // sends it no authentication template (131062, probe41 P41-6).
        if let problem = TemplateCheck.userIDReach(template, recipient: target.contact) {
            guard force else { throw TemplateError.refused(command: name, name: template.name, problem: problem) }
            warnings.append("--force: sending although \(problem.codeLead)\(problem.statement)")
        } else if !BusinessScopedUserID.isValid(target.contact) {
            if let problem = TemplateCheck.marketingReach(template, recipient: target.contact) {
                guard force else { throw TemplateError.refused(command: name, name: template.name, problem: problem) }
                warnings.append("--force: sending although \(problem.codeLead)\(problem.statement)")
            } else if let note = TemplateCheck.marketingReachNote(template, recipient: target.contact) {
                warnings.append(note)
            }
            if let note = TemplateCheck.authenticationToIndiaNote(template, recipient: target.contact) { warnings.append(note) }
        }
        // The contact's recent failures that say not to resend now (`ResendHold`: a marketing template Meta refused lately,
        // 131049 within 24 h or 131050, probe39 P39-14; 131056 within Meta's backoff, 131026 repeated, probe40 P40-8):
        // refused like the checks above, as 'errors' and 'trace' advise; one listing of the contact's messages.
        let recent = contactMessages(target, in: context)
        if let messages = recent {
            if let problem = TemplateCheck.recentMarketingRefusal(template, sends: messages, now: context.now()) {
                guard force else { throw TemplateError.refused(command: name, name: template.name, problem: problem) }
                warnings.append("--force: sending although \(problem.codeLead)\(problem.statement)")
            } else {
                if let note = TemplateCheck.sameTemplateRefusedNote(template, sends: messages, now: context.now()) { warnings.append(note) }
                let hold = ResendHold.of(messages, sending: .template(category: template.category), now: context.now())
                warnings += try resendHold(hold.flatMap { $0.rule.marketingOnly ? nil : $0 }, target: target, force: force)
            }
        }
        let body = TemplateCheck.message(
            to: target.contact, template: template, send: checked, byUserID: BusinessScopedUserID.isValid(target.contact))
        let request = context.client.metaRequest(phoneNumberID: target.phoneNumberID, body: body)
        let rendered = TemplateCheck.rendered(template, send: checked)
        // The form of the number it goes to, as a text reply names it: a template to the wrong form fails with 131026 too.
        let more = values.isEmpty && media == nil && location == nil ? "" : " …"
        let otherForm = formNote(target, typed: to, recent: recent, again: "--template \(template.name)\(more)", in: context)
        if arguments.has("--dry-run") {
            let sender = otherSender(target, in: context).map { ["it would be sent from " + $0] } ?? []
            return dryRunResult(
                request, body: body, hints: warnings + ["renders: \(rendered)"] + (otherForm.map { [$0] } ?? []) + sender, in: context)
        }
        for warning in warnings { context.emit(CommandResult(blocks: [.hint(warning)])) }
        let sender = otherSender(target, in: context) ?? target.phoneNumberID
        guard context.confirm("send \(rendered) to \(target.label) from \(sender)? [y/N] ") else {
            return .line("not sent", style: .warn)
        }
        var result = try send(request, to: target, what: rendered, template: template.name, in: context)
        if let otherForm { result.blocks.append(.hint(otherForm)) }
        return result
    }

    /// With `--force`, a template kops could not find (unknown name, a language it lacks, an unknown code) is sent
    /// as typed so the API gives its own answer (132001): a stand-in with that name and language, named values
    /// when every `--param` is `name=VALUE`. Nil for errors --force cannot override (no WABA, ambiguous language).
    static func forcedStandIn(for error: TemplateError, language: String?, arguments: Arguments)
        -> (template: MessageTemplate, warning: String)?
    {
        let name: String
        let statement: String
        switch error {
        case .notFound(let missing, let waba, _, _):
            name = missing
            statement = "no template named '\(missing)' on WABA \(waba)"
        case .languageMissing(let missing, let code, _):
            name = missing
            statement = "template '\(missing)' has no \(code) version"
        case .refused(_, let missing, let problem):
            guard case .unknownLanguage = problem else { return nil }
            name = missing
            statement = problem.statement
        default:
            return nil
        }
        let code = language ?? "en_US"
        let params = arguments.all("--param")
        let named = !params.isEmpty && params.allSatisfy { TemplateCheck.Argument(typed: $0, named: true).name != nil }
        let template = MessageTemplate(json: [
            "name": .string(name), "language": .string(code), "status": "UNKNOWN",
            "parameter_format": .string(named ? "NAMED" : "POSITIONAL"), "components": [],
        ])
        let chosen = language == nil ? " (language en_US, as none was given)" : ""
        return (template, "--force: sending although 132001: \(statement)\(chosen)")
    }
}
