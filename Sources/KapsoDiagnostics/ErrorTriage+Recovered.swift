internal import KapsoClient

extension ErrorTriage {
    /// Ties a failure about the sending number (its token, billing, account: `LaterSuccess.codes`) to a later send from
    /// the same number that reached a phone, among the messages read (`reached`): the failure is past, so its meaning is
    /// `LaterSuccess.text` (resend; the account fix only if the code comes back), as `trace` reads it (probe39 P39-16:
    /// `errors` said "reconnect the number" of a 190 followed by deliveries). Run after each page; an entry once tied
    /// stays so.
    mutating func tieToLaterSuccess() {
        for index in entries.indices where entries[index].source == .message && !tied.contains(index) {
            guard entries[index].statusWord == nil, !entries[index].isReceived, let message = try? Message(json: entries[index].json),
                let recovered = LaterSuccess.of(message, among: reached)
            else { continue }
            tied.insert(index)
            let name = ErrorCatalog.entry(for: recovered.code)?.name ?? recovered.code
            entries[index].meaning = "\(name): " + recovered.text + entries[index].alsoGave
        }
    }

    /// The templates of the message entries refused as paused (132015): the sending number, the template's name and
    /// language, each once.
    public var pausedTemplates: [PausedTemplate] {
        var found: [PausedTemplate] = []
        for entry in entries where entry.source == .message && entry.error.hasPrefix("132015") {
            guard let name = Self.templateName(of: entry.json) else { continue }
            let template = PausedTemplate(
                phoneNumberID: entry.json["kapso"]?["phone_number_id"]?.string ?? entry.json["phone_number_id"]?.string, name: name,
                language: entry.json["template"]?["language"]?["code"]?.string)
            if !found.contains(template) { found.append(template) }
        }
        return found
    }

    /// A template a send was refused with 132015 for, on its number.
    public struct PausedTemplate: Sendable, Hashable {
        public var phoneNumberID: String?
        public var name: String
        public var language: String?
    }

    /// Reads the 132015 entries with their template's status now (`TemplatePause.advice`, as `trace` reads it; probe39
    /// P39-2): `statuses` gives the status of each of `pausedTemplates` that was read.
    public mutating func readPausedTemplates(_ statuses: [PausedTemplate: String]) {
        for index in entries.indices where entries[index].source == .message && entries[index].error.hasPrefix("132015") {
            guard let name = Self.templateName(of: entries[index].json) else { continue }
            let json = entries[index].json
            let template = PausedTemplate(
                phoneNumberID: json["kapso"]?["phone_number_id"]?.string ?? json["phone_number_id"]?.string, name: name,
                language: json["template"]?["language"]?["code"]?.string)
            guard let advice = TemplatePause.advice(name: name, language: template.language, status: statuses[template]) else { continue }
            entries[index].meaning = "template paused: " + advice + entries[index].alsoGave
        }
    }
}
