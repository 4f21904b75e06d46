internal import Foundation
public import KapsoClient

/// Meta's own words beside a Graph error's code, read one way for a refused send (`reply`) and a pasted body (`explain`):
/// `error_data.details`, `error_subcode`, `error_user_title` and `error_user_msg`.
///
/// Graph's error body is `{"error": {"message", "type", "code", "error_subcode", "error_user_title", "error_user_msg",
/// "error_data": {"details"}, "fbtrace_id"}}`: `error_subcode` is "additional information about the error",
/// `error_user_title` / `error_user_msg` the title and message of the dialog to show to the user (Meta, Graph API
/// "Handling errors", https://developers.facebook.com/docs/graph-api/guides/error-handling; kapso-api.md §9.4 for the
/// subcode and details). For a catch-all code such as 100 they are often the only text that names the parameter
/// (probe35 P35-9: `{"code": 100, "error_subcode": 2494010, "error_user_title": "Invalid WhatsApp number", …}`).
public struct GraphErrorWords: Sendable, Equatable {
    /// The most characters of one of Meta's texts quoted.
    public static let maxCharacters = 300

    public var message: String?
    public var details: String?
    public var subcode: Int?
    public var userTitle: String?
    public var userMessage: String?
    /// Graph's `is_transient` (`ErrorCatalog.transient(of:)`), nil when the error has none.
    public var transient: Bool?

    public init(
        message: String?, details: String? = nil, subcode: Int? = nil, userTitle: String? = nil, userMessage: String? = nil,
        transient: Bool? = nil
    ) {
        self.message = message
        self.details = details
        self.subcode = subcode
        self.userTitle = userTitle
        self.userMessage = userMessage
        self.transient = transient
    }

    /// Reads a Graph error object (the body's `error`, or an `errors[]` entry); a string subcode counts.
    public init(error: JSONValue) {
        self.init(
            // `error_data` may be the details string itself (YCloud's wrapped Graph errors; probe37 P37-7).
            message: error["message"]?.string ?? error["title"]?.string,
            details: error["error_data"]?["details"]?.string ?? error["error_data"]?.string,
            subcode: error["error_subcode"]?.int ?? error["error_subcode"]?.string.flatMap { Int($0) },
            userTitle: error["error_user_title"]?.string, userMessage: error["error_user_msg"]?.string,
            transient: ErrorCatalog.transient(of: error))
    }

    /// The details, the user title and the user message, each on one line, once, none that only repeats `message`, cut
    /// to `maxCharacters`; empty when Meta gave none of them.
    public var said: [String] {
        var said: [String] = []
        for text in [details, userTitle, userMessage] {
            let words = (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let cut = words.count > Self.maxCharacters ? String(words.prefix(Self.maxCharacters)) + "…" : words
            guard !words.isEmpty, words != message, !said.contains(cut) else { continue }
            said.append(cut)
        }
        return said
    }

    /// `Meta: "Param to must be a valid WhatsApp phone number"`, or the words of `said` quoted and joined by `; `; nil when
    /// Meta gave none.
    public var quoted: String? {
        let said = said
        return said.isEmpty ? nil : "Meta: " + said.map { "\"\($0)\"" }.joined(separator: "; ")
    }

    /// Meta's `message` without its `(#code)` prefix when it says more than the code's catalogue `title`: `Param
    /// text['body'] must be at most 4096 characters long.` beside 100's "Invalid parameter" (in Graph's body `message` is
    /// "a human-readable description of the error", Graph API "Handling errors"; for code 100 it is where Graph names the
    /// parameter, probe37 P37-7). Nil when there is no message or it only repeats the title; cut to `maxCharacters`.
    public func specificMessage(title: String?) -> String? {
        guard var text = message?.split(whereSeparator: \.isWhitespace).joined(separator: " ") else { return nil }
        if text.hasPrefix("(#"), let close = text.firstIndex(of: ")") { text = String(text[text.index(after: close)...]) }
        text = text.trimmingCharacters(in: .whitespaces)
        let bare = { (words: String) in words.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
        guard !text.isEmpty, bare(text) != bare(title ?? "") else { return nil }
        return text.count > Self.maxCharacters ? String(text.prefix(Self.maxCharacters)) + "…" : text
    }

    /// A catalogue fix as these words allow it: one that sends the reader to `error_data.details` when the error carries
    /// none points at the user message (or title) Meta gave instead, else at Meta's `message` when it says more than the
    /// code's `title` (P37-7), else drops that pointer and says no field was named ("fix the payload; error_data.details
    /// names the field" was said of bodies without details, P35-9). Any other fix is returned as it is.
    public func fix(_ fix: String, title: String? = nil) -> String {
        guard details.map({ $0.allSatisfy(\.isWhitespace) }) ?? true, fix.contains("error_data.details") else { return fix }
        if let field = userMessage != nil ? "error_user_msg" : userTitle != nil ? "error_user_title" : nil {
            return fix.replacingOccurrences(of: "error_data.details", with: "Meta's \(field)")
        }
        if title != nil, let said = specificMessage(title: title) {
            let kept = fix.components(separatedBy: "; ").filter { !$0.contains("error_data.details") }
            return (kept + ["Meta's message names what is wrong: \"\(said)\""]).joined(separator: "; ")
        }
        let kept = fix.components(separatedBy: "; ").filter { !$0.contains("error_data.details") }
        let none = "Meta named no field (the error has no error_data.details or user message): check the request against Meta's reference"
        return kept.isEmpty ? fix + " (this error has no error_data.details)" : (kept + [none]).joined(separator: "; ")
    }
}
