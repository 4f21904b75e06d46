internal import KapsoClient
internal import KapsoDiagnostics

extension TemplatePause {
    /// The status now of template `name` (in `language`, else its only version) on the WABA of `phoneNumberID`: two reads
    /// (the number, the WABA's templates by name); nil when either fails or no such template is found.
    static func status(name: String, language: String?, phoneNumberID: String, client: KapsoClient) -> String? {
        guard let waba = (try? client.phoneNumber(phoneNumberID))?.businessAccountID, !waba.isEmpty,
            let page = try? client.templates(businessAccountID: waba, filters: [("name", name)], limit: 100)
        else { return nil }
        let found = page.items.map(MessageTemplate.init(json:)).filter { $0.name == name }
        let match = language.map { code in found.filter { $0.language == code } } ?? found
        return match.count == 1 ? match[0].status : nil
    }
}
