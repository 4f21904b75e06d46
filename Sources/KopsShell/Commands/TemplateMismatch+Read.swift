internal import KapsoClient
internal import KapsoDiagnostics

extension TemplateMismatch {
    /// The most pages of templates one reading walks (100 a page): Meta allows a WABA up to 250 templates (error codes
    /// page, 2388019), so three pages hold them; past ten the listing is said incomplete.
    static let maxPages = 10

    /// The templates of the WABA of `phoneNumberID`, for reading a template failure (`TemplateMismatch.advice`): the number
    /// (its WABA), then every page of the WABA's templates, unfiltered, so a name in another case or language is seen too.
    /// Nil when the number has no WABA or a read fails: the catalogue's hedge stands then. With `name`, a WABA that
    /// lacks it has the project's other WABAs read for it too (`others`, tester54 V20).
    static func listing(phoneNumberID: String, name: String? = nil, client: KapsoClient) -> Listing? {
        guard let waba = (try? client.phoneNumber(phoneNumberID))?.businessAccountID, !waba.isEmpty else { return nil }
        var templates: [MessageTemplate] = []
        do {
            try CursorPages.forEach(limit: maxPages, { after in
                try client.templates(businessAccountID: waba, limit: 100, after: after.first?.1)
            }) { page in templates += page.map(MessageTemplate.init(json:)) }
        } catch ListError.tooManyPages {
            return Listing(businessAccountID: waba, templates: templates, complete: false)
        } catch {
            return nil
        }
        guard let name, !templates.contains(where: { $0.name == name }) else { return Listing(businessAccountID: waba, templates: templates) }
        return Listing(businessAccountID: waba, templates: templates, others: others(holding: name, besides: waba, client: client))
    }

    /// The project's WABAs other than `waba` that have a template named `name`, each with its numbers: a number of the
    /// project list, then one filtered template read per other WABA. Empty when none has it or a read fails.
    static func others(holding name: String, besides waba: String, client: KapsoClient) -> [OtherWABA] {
        guard let numbers = try? client.allPhoneNumbers() else { return [] }
        return OtherWABA.wabas(besides: waba, numbers: numbers).compactMap { other, owners in
            guard let page = try? client.templates(businessAccountID: other, filters: [("name", name)]) else { return nil }
            let templates = page.items.map(MessageTemplate.init(json:)).filter { $0.name == name }
            return templates.isEmpty ? nil : OtherWABA(businessAccountID: other, numbers: owners, templates: templates)
        }
    }

    /// The code of `message`'s failure when it is one `TemplateMismatch` reads (132000, 132001, 132015, 132016), nil otherwise.
    static func failureCode(of message: Message) -> String? {
        guard message.isOutbound else { return nil }
        let history = StatusHistory(message: message)
        let primary = MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code
        if let primary, codes.contains(primary) { return primary }
        return history.failures.flatMap(\.errors).compactMap(\.code).first { codes.contains($0) }
    }
}
