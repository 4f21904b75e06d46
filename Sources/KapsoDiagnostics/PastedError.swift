internal import Foundation
public import KapsoClient

/// The error code in what a user pastes: `131047`, `#131047`, `(#131047) Re-engagement message`,
/// `error 131026`, `code: 131026`, a whole Graph error body `{"error": {"code": 131047, ...}}`, a
/// webhook or status `errors[]` entry, or a Kapso string code such as `insufficient_credits`.
public struct PastedError: Sendable, Equatable {
    /// The code found, as `ErrorCatalog.entry(for:)` takes it.
    public var code: String
    /// Meta's `message` and `error_data.details` when a JSON body was pasted.
    public var message: String?
    public var details: String?
    /// The id Graph names in "Unsupported get request. Object with ID 'N' does not exist, cannot be loaded
    /// due to missing permissions, or does not support this operation" (code 100, `error_subcode` 33,
    /// `GraphMethodException`): the request's path id is the cause, not its payload.
    public var objectID: String?

    /// Reads pasted text; nil when no code can be found in it.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        if trimmed.first == "{" || trimmed.first == "[", let json = try? JSONValue.parse(Array(trimmed.utf8)) {
            // Kapso's own refusals are `{"error": "text"}` without a code (kapso-api.md §9.3).
            let kapso = APIRefusal(status: nil, text: trimmed).map { PastedError(code: $0.code, message: json["error"]?.string, details: nil) }
            guard let found = Self.fromJSON(json) ?? kapso else { return nil }
            self = found
            return
        }
        guard let code = Self.code(inText: trimmed) ?? APIRefusal(status: nil, text: trimmed)?.code else { return nil }
        self.init(code: code, message: nil, details: nil)
        objectID = Self.objectID(in: trimmed)
    }

    /// Every error in pasted text: each entry of an `errors[]` array (a Graph body, a failed status, a bare
    /// array), else the one `init?(_:)` reads; empty when no code can be found.
    public static func all(_ text: String) -> [PastedError] {
        let trimmed = text.trimmingSpaces()
        if trimmed.first == "{" || trimmed.first == "[", let json = try? JSONValue.parse(Array(trimmed.utf8)) {
            let lists = [json["errors"], json["statuses"]?[0]?["errors"], json]
            if let list = lists.lazy.compactMap({ $0?.array }).first(where: { $0.count > 1 }) {
                let found = list.compactMap(fromJSON)
                if found.count > 1 { return found }
            }
        }
        return PastedError(text).map { [$0] } ?? []
    }

    /// What to do when the error names an object id (`objectID`), instead of the code's generic advice
    /// ("fix the payload"): the id is unknown to the key, of another project, or another kind of id.
    public var objectAdvice: String? {
        objectID.map { id in
            "the id \(id) in the request path is not an object this key can use: it does not exist, belongs to "
                + "another project, or is another kind of id (a WABA id where a phone-number id belongs is the usual "
                + "case); 'whois \(id)' says what it is and what to use"
        }
    }

    /// `N` in `Object with ID 'N' does not exist` (quotes optional); nil when the text has no such phrase.
    static func objectID(in text: String) -> String? {
        guard let range = text.range(of: "object with id", options: .caseInsensitive) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || "'\"`\u{2018}\u{2019}".contains($0) }
        let id = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        return id.isEmpty ? nil : String(id)
    }

    init(code: String, message: String?, details: String?) {
        self.code = code
        self.message = message
        self.details = details
    }

    // `{"error": {...}}`, `{"errors": [...]}`, a bare error object, or an array of them.
    private static func fromJSON(_ json: JSONValue) -> PastedError? {
        let candidates: [JSONValue?] = [json["error"], json["errors"]?[0], json["statuses"]?[0]?["errors"]?[0], json[0], json]
        for candidate in candidates.compactMap({ $0 }) where candidate.object != nil {
            let message = candidate["message"]?.string ?? candidate["title"]?.string
            let details = candidate["error_data"]?["details"]?.string
            var found: PastedError?
            if let error = MessageError(json: candidate), let code = error.code {
                found = PastedError(code: code, message: message, details: details)
            } else if let message, let code = Self.code(inText: message) {
                found = PastedError(code: code, message: message, details: details)
            }
            if var found {
                found.objectID = message.flatMap(objectID(in:))
                return found
            }
        }
        return nil
    }

    // `#131047` anywhere, else digits after `code`, else the first all-digit word, else a known string code.
    private static func code(inText text: String) -> String? {
        let characters = Array(text)
        if let hash = characters.firstIndex(of: "#") {
            let digits = characters[(hash + 1)...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        let lowered = text.lowercased()
        if let range = lowered.range(of: "code") {
            let after = lowered[range.upperBound...].drop { "\"': =".contains($0) }
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        let words = text.split { $0.isWhitespace || ",;()[]{}\"'".contains($0) }.map(String.init)
        if let number = words.first(where: { $0.allSatisfy { $0.isASCII && $0.isNumber } }) { return number }
        if words.count == 1, let word = words.first { return word }
        return words.first { ErrorCatalog.entry(for: $0) != nil }
    }
}
