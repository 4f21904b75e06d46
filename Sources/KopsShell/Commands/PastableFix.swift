internal import Foundation
internal import KapsoDiagnostics

/// A finding's fix as it can be pasted: a webhook's receiver URL that holds a secret (a `?token=…`, a key in its path:
/// what the `Redactor` masks) would print as `"https://hooks.example/in?token=<redacted>"`, a command that runs and
/// silently makes a webhook to the wrong URL (tester61 AH17). Such a URL word is replaced by the placeholder `URL`, and one
/// sentence says what to put there. URLs without a secret stay, quoted by the fix itself (`ShellWord`).
enum PastableFix {
    /// The placeholder a masked URL word becomes.
    static let placeholder = "URL"

    /// `fix` with each of `urls` (as written, or as the https URL a fix moves an http one to) that the redactor would
    /// mask replaced by `placeholder`, and the sentence that says so; `fix` itself when none is in it.
    static func text(_ fix: String, urls: some Sequence<String>, redactor: Redactor) -> String {
        var text = fix
        var masked = false
        for url in urls {
            let https = url.lowercased().hasPrefix("http://") ? "https://" + url.dropFirst(7) : url
            for form in Set([url, https]) where redactor.redact(form) != form {
                let word = ShellWord.quoted(form)
                guard text.contains(word) else { continue }
                text = text.replacingOccurrences(of: word, with: placeholder)
                masked = true
            }
        }
        guard masked else { return fix }
        return text + "; \(placeholder) stands for the receiver's URL, which holds a secret kops does not print: put it there "
            + "yourself, in double quotes"
    }
}
