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

    /// Reads pasted text; nil when no code can be found in it.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        if trimmed.first == "{" || trimmed.first == "[", let json = try? JSONValue.parse(Array(trimmed.utf8)) {
            guard let found = Self.fromJSON(json) else { return nil }
            self = found
            return
        }
        guard let code = Self.code(inText: trimmed) else { return nil }
        self.init(code: code, message: nil, details: nil)
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
            if let error = MessageError(json: candidate), let code = error.code {
                return PastedError(code: code, message: message, details: details)
            }
            if let message, let code = Self.code(inText: message) {
                return PastedError(code: code, message: message, details: details)
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
