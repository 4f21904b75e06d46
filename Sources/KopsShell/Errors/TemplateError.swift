public import KapsoDiagnostics

/// Why a template could not be shown or would not be accepted; found before anything is sent.
public enum TemplateError: KopsError, Equatable {
    /// The selected number has no `business_account_id`, so its templates cannot be listed.
    case noBusinessAccount(phoneNumberID: String)
    /// No template of that name on the WABA; `similar` are names that exist (closest first); `elsewhere` says which other
    /// WABA of the project has it and which number sends from there (`TemplateMismatch.elsewhere`), nil when none.
    case notFound(name: String, businessAccountID: String, similar: [String], elsewhere: String? = nil)
    /// A template's id given where its name goes: a send names a template by name and language.
    case templateID(id: String, name: String, language: String)
    /// The name exists, but not in the language asked; `available` are its languages.
    case languageMissing(name: String, language: String, available: [String])
    /// The name exists in several languages and none was chosen.
    case languageAmbiguous(name: String, available: [String])
    /// A check of `TemplateCheck` failed: the code the API would give, what is wrong and the fix.
    case refused(command: String, name: String, problem: TemplateCheck.Problem)

    public var message: String {
        switch self {
        case .noBusinessAccount(let id):
            return "number \(id) has no business_account_id (WABA), so its templates cannot be listed; check it with 'numbers'"
        case .notFound(let name, let waba, let similar, let elsewhere):
            let hint = similar.isEmpty ? "'templates' lists them" : "did you mean \(similar.map { "'\($0)'" }.joined(separator: ", "))?"
            return "no template named '\(name)' on WABA \(waba) (a send would fail with 132001); \(elsewhere ?? hint)"
        case .templateID(let id, let name, let language):
            return "\(id) is the id of the template \(name) (\(language)); a send names a template by its name and language: "
                + "reply --template \(name) --language \(language)"
        case .languageMissing(let name, let language, let available):
            return "template '\(name)' has no \(language) version (a send would fail with 132001); "
                + "use --language with \(available.joined(separator: ", "))"
        case .languageAmbiguous(let name, let available):
            return "template '\(name)' exists in \(available.joined(separator: ", ")); choose one with --language"
        case .refused(let command, let name, let problem):
            // Only a send is "not sent"; `template` reports what a send would meet.
            let lead = command == "reply" ? "reply: not sent: " : "\(command) \(name): a send would fail with "
            return lead + problem.codeLead + (command == "reply" ? "\(name): " : "") + "\(problem.statement); \(problem.fix)"
        }
    }

    public var exitStatus: ExitStatus { .failure }
}
