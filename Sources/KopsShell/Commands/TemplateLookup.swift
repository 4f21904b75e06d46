internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Finding a number's WABA and one template on it by name and language, as `template` and `reply --template` do.
enum TemplateLookup {
    /// The WABA id of `phoneNumberID`, read from the number itself (never asked of the user).
    static func businessAccountID(of phoneNumberID: String, in context: ShellContext) throws -> String {
        guard let id = try context.client.phoneNumber(phoneNumberID).businessAccountID, !id.isEmpty else {
            throw TemplateError.noBusinessAccount(phoneNumberID: phoneNumberID)
        }
        return id
    }

    /// The template `name` in `language` (or its only language), with every language it has; throws when it
    /// does not exist, lacks that language, the language code is unknown, or the choice is ambiguous.
    static func template(
        named name: String, language: String?, businessAccountID: String, command: String, in context: ShellContext
    ) throws -> MessageTemplate {
        var found: [MessageTemplate] = []
        try CursorPages.forEach({ after in
            try context.client.templates(
                businessAccountID: businessAccountID, filters: [("name", name)], limit: 100, after: after.first?.1)
        }) { page in found += page.map(MessageTemplate.init(json:)).filter { $0.name == name } }
        for template in found { remember(template, in: context) }
        // A template's id where its name goes (Meta's `message_template_id`, WhatsApp Manager): `template` shows it by
        // id; a send, which names a template by name, says which name (tester60 AH18: "no template named … 132001").
        if found.isEmpty, name.allSatisfy(\.isNumber), let byID = try template(id: name, businessAccountID: businessAccountID, in: context) {
            let error = TemplateError.templateID(id: name, name: byID.name, language: byID.language)
            guard command == TemplateCommand.name else { throw error }
            context.emit(CommandResult(blocks: [.hint(error.message)]))
            return byID
        }
        let languages = found.map(\.language)
        if let language {
            do throws(TemplateCheck.Problem) {
                try TemplateCheck.language(language, available: languages)
            } catch {
                throw TemplateError.refused(command: command, name: name, problem: error)
            }
        }
        guard !found.isEmpty else {
            let others = TemplateMismatch.others(holding: name, besides: businessAccountID, client: context.client)
            throw TemplateError.notFound(
                name: name, businessAccountID: businessAccountID,
                similar: try similarNames(to: name, businessAccountID: businessAccountID, in: context),
                elsewhere: TemplateMismatch.elsewhere(name, on: others, notOn: businessAccountID))
        }
        if let language {
            guard let template = found.first(where: { $0.language == language }) else {
                throw TemplateError.languageMissing(name: name, language: language, available: languages)
            }
            return template
        }
        guard found.count == 1 else {
            // Prefer the one approved version when only one is; else make the user choose.
            let approved = found.filter { $0.status == "APPROVED" }
            if approved.count == 1 { return approved[0] }
            throw TemplateError.languageAmbiguous(name: name, available: languages)
        }
        return found[0]
    }

    /// The template of the WABA whose id is `id`, read through its list (every page); nil when none is.
    private static func template(id: String, businessAccountID: String, in context: ShellContext) throws -> MessageTemplate? {
        var found: MessageTemplate?
        try CursorPages.forEach({ after in
            try context.client.templates(businessAccountID: businessAccountID, limit: 100, after: after.first?.1)
        }) { page in found = found ?? page.map(MessageTemplate.init(json:)).first { $0.id == id } }
        if let found { remember(found, in: context) }
        return found
    }

    /// Up to three template names close to `name` (first page of the WABA's list only).
    private static func similarNames(to name: String, businessAccountID: String, in context: ShellContext) throws -> [String] {
        let page = try context.client.templates(businessAccountID: businessAccountID, limit: 100)
        var names: [String] = []
        for template in page.items.map(MessageTemplate.init(json:)) where !names.contains(template.name) {
            names.append(template.name)
            remember(template, in: context)
        }
        if let closest = Suggestion.closest(to: name, in: names) { return [closest] }
        return names.filter { $0.contains(name) || name.contains($0) }.prefix(3).map { $0 }
    }

    /// Offers the template's name and language to Tab completion.
    static func remember(_ template: MessageTemplate, in context: ShellContext) {
        context.ids.remember(template.language, as: .templateLanguage)
        context.ids.remember(template.name, as: .template)
    }

    /// `2 named`, `image header + 1 positional + URL button`, `coupon code`, `none`: everything a send must give, as
    /// `template NAME`'s `parameters:` line lists it (probe46 P46-14: a coupon code template was `none` and a dynamic URL
    /// button was left out, while the send needs both: 132000).
    static func parameterSummary(_ template: MessageTemplate) -> String {
        var parts: [String] = []
        if let header = template.header, header.format != "TEXT" { parts.append("\(header.format.lowercased()) header") }
        let names = template.headerVariables + template.bodyVariables.filter { !template.isNamed || !template.headerVariables.contains($0) }
        if !names.isEmpty { parts.append(template.isNamed ? "\(names.count) named" : "\(names.count) positional") }
        let urls = template.dynamicURLButtons.count
        if urls > 0 { parts.append(urls == 1 ? "URL button" : "\(urls) URL buttons") }
        if template.couponButtonIndex != nil { parts.append("coupon code") }
        if template.limitedTimeOffer?.hasExpiration == true { parts.append("offer expiration") }
        if !template.carousel.isEmpty { parts.append("carousel cards") }
        if let button = template.actionButton { parts.append(button.type == "MPM" ? "products" : "order details") }
        return parts.isEmpty ? "none" : parts.joined(separator: " + ")
    }
}

extension TemplateLookup {
    /// The approved templates a closed window leaves, for verdicts: `part_ready (en_US, es)`, utility first,
    /// then marketing (authentication templates carry codes, not replies); at most three names. Empty when the
    /// number has no WABA or the list cannot be read: the verdict then names the command without names.
    ///
    /// Two round trips: the number (its WABA) and, with `contact`, the contact's marketing preference at once
    /// (marketing templates are left out when the contact stopped marketing on the number); then the list.
    static func fitting(_ phoneNumberID: String, contact: String?, in context: ShellContext) -> [String] {
        (try? fittingRead(phoneNumberID, contact: contact, in: context)) ?? []
    }

    /// `fitting`, throwing when the number or the template list could not be read (a number without a WABA is none).
    static func fittingRead(_ phoneNumberID: String, contact: String?, in context: ShellContext) throws(KapsoAPIError) -> [String] {
        let client = context.client
        var requests = [client.phoneNumberRequest(phoneNumberID)]
        if let contact { requests.append(client.marketingPreferenceRequest(contact: contact, phoneNumberID: phoneNumberID)) }
        let responses = client.sendAll(requests)
        let number: HTTPResponse
        switch responses[0] {
        case .success(let response): number = response
        case .failure(let error): throw .transport(error)
        }
        guard let waba = try client.decode(number, for: requests[0])["data"]?["business_account_id"]?.string else { return [] }
        var stopped = false
        if responses.count > 1, case .success(let preference) = responses[1] {
            stopped = (try? client.marketingPreference(from: preference, for: requests[1])) == "stopped"
        }
        return try fittingRead(businessAccountID: waba, marketingStopped: stopped, contact: contact, in: context)
    }

    /// The same from a known WABA and marketing preference: one request. Only templates `reply --template` would send
    /// are named (probe14 P14-14): none with a button value kops cannot give (`TemplateCheck.sendable`), and no
    /// marketing template to a US `contact` (`TemplateCheck.marketingReach`).
    static func fitting(
        businessAccountID waba: String, marketingStopped: Bool, contact: String? = nil, in context: ShellContext
    ) -> [String] {
        (try? fittingRead(businessAccountID: waba, marketingStopped: marketingStopped, contact: contact, in: context)) ?? []
    }

    /// `fitting(businessAccountID:…)`, throwing when the template list could not be read.
    static func fittingRead(
        businessAccountID waba: String, marketingStopped: Bool, contact: String? = nil, in context: ShellContext
    ) throws(KapsoAPIError) -> [String] {
        let page = try context.client.templates(businessAccountID: waba, filters: [("status", "APPROVED")], limit: 100)
        let templates = page.items.map(MessageTemplate.init(json:)).filter { template in
            template.status == "APPROVED" && template.category != "AUTHENTICATION"
                && !(marketingStopped && template.category == "MARKETING")
                && (try? TemplateCheck.sendable(template)) != nil
                && contact.map { TemplateCheck.marketingReach(template, recipient: $0) == nil } != false
        }
        var names: [String] = []
        var languages: [String: [String]] = [:]
        for category in ["UTILITY", "MARKETING"] {
            for template in templates where template.category == category {
                if languages[template.name] == nil { names.append(template.name) }
                languages[template.name, default: []].append(template.language)
            }
        }
        for template in templates where languages[template.name] == nil {
            names.append(template.name)
            languages[template.name] = [template.language]
        }
        return names.prefix(3).map { "\($0) (\((languages[$0] ?? []).sorted().joined(separator: ", ")))" }
    }
}
