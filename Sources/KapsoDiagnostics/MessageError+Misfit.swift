// MARK: - A code that cannot be about the message as stored (tester62 AL18)

extension MessageError {
    /// Codes Meta documents for template sends alone (its error-codes page, "Template errors" 132000–132016; 131049 has
    /// its own reading), and for media alone: 131053 the media of a send, 131052 media the contact sent
    /// (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes).
    static let templateOnlyCodes: Set<String> = ["132000", "132001", "132005", "132007", "132012", "132015", "132016"]

    /// Message types that carry no media of their own and no template (a template or an interactive message may carry a
    /// header image).
    static let mediaLessTypes: Set<String> = ["text", "reaction", "location", "contacts"]

    /// What to say when the code cannot be about `send` as Kapso stored it: a template-only code on a message that is no
    /// template, 131053 on a message with no media, 131052 (media the contact sent) on a send. The stock fix is kept,
    /// behind the word that it may not apply, as for 131047 on a template (`ErrorCatalog.reengagementOnTemplate`;
    /// tester62 AL18: a text failed 132001 was told "check the template name, the language code and its approval").
    /// Nil when the code fits or the type is not known.
    func misfit(for send: FailedSend?) -> String? {
        guard let code, let send, let type = send.messageType else { return nil }
        let what: String
        if Self.templateOnlyCodes.contains(code), type != "template" {
            what = "for template sends, and this message is a \(type), no template, as Kapso stored it"
        } else if code == "131053", Self.mediaLessTypes.contains(type) {
            what = "for a message's media, and this message is a \(type), with no media, as Kapso stored it"
        } else if code == "131052", send.isSent == true {
            what = "for media a contact sent, and this message is one the business sent"
        } else {
            return nil
        }
        let name = ErrorCatalog.entry(for: code).map { " (\($0.name))" } ?? ""
        return "Meta documents \(code)\(name) \(what): the code does not fit it, so the stored type or this status may "
            + "belong to another send; check the send's API call ('trace' lists it) before acting on Meta's fix (\(next))"
    }
}
