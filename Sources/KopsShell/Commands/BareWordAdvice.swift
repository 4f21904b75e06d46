internal import KapsoDiagnostics

/// What a bare word most likely meant where a command takes no such word (tester47 F9: `messages 14155550142`,
/// `deliveries <webhook id>`, `templates part_ready` got the usage line, and the user had to map the id to its flag).
///
/// Read from the word's shape and the command's own flags, so the advice names only a flag the command has: a UUID is
/// a conversation (`--conversation`) or webhook (`--webhook`) id, a WAMID a message, 8 to 15 digits a contact's number
/// (`--phone-number`) or a business number (`use`), a short number given to `errors` a Graph error code (`explain`), a
/// name given to `templates` a template's (`--name`, `template`). Nil for anything else: the usage line stays.
enum BareWordAdvice {
    static func advice(for word: String, command: String, flags: [String]) -> String? {
        if IDInput.isUUID(word) {
            if flags.contains("--conversation") { return "a conversation id? \(command) --conversation \(word)" }
            if flags.contains("--webhook") { return "a webhook id? \(command) --webhook \(word)" }
            if command == "webhooks" { return "a webhook id? webhooks get \(word)" }
            return "'whois \(word)' says what the id is"
        }
        if word.hasPrefix("wamid.") { return "a message id (WAMID)? 'message \(word)' shows the message, 'trace \(word)' follows it" }
        let digits = word.hasPrefix("+") ? word.dropFirst() : word[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            if command == "templates", flags.contains("--name"), word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                return "a template's name? 'template \(word)' shows it, 'templates --name \(word)' lists its languages"
            }
            return nil
        }
        if command == "errors", digits.count <= 6 {
            return "a Graph error code? 'explain \(digits)' says what it means ('errors' lists every failure; it has no code filter)"
        }
        guard (8...15).contains(digits.count) else { return nil }
        var readings: [String] = []
        if flags.contains("--phone-number") { readings.append("a contact's number? \(command) --phone-number \(word)") }
        // A WABA id has the same shape (tester64 T9: "a business number (phone-number id)? use 200300400500601", which
        // `use` then refused as the WABA's id): `use` tells them apart and lists a WABA's numbers.
        if !word.hasPrefix("+") {
            readings.append("a phone-number id or a WABA id? 'use \(digits)' selects the number or lists the WABA's, then \(command)")
        }
        return readings.isEmpty ? nil : readings.joined(separator: "; ")
    }

    /// The error for `word` where `command` takes none: the advice when there is one, else nil.
    static func error(for word: String, command: String, flags: [String]) -> ShellError? {
        advice(for: word, command: command, flags: flags).map {
            .syntax("\(command): '\(Shortened.text(word))' is no argument of \(command); \($0)")
        }
    }
}
