internal import Foundation

/// An HTTP client library's own error line, pasted where the answer's body was meant (tester49 L3): axios's and ky's
/// `Request failed with status code 400` (axios `AxiosError.message`, often printed as `Error: …` or `AxiosError: …`;
/// ky adds the reason and `: POST https://…`), got's `Response code 400 (Bad Request)`, Python requests'
/// `400 Client Error: Bad Request for url: https://…`.
///
/// Such a line is the library's, not the API's: it holds the status and at most the URL, never why the call was refused,
/// and nothing in it says which API answered unless a URL does. `explain` read it as "HTTP 400 from Kapso: the request was
/// refused as written"; it now says what the line is and that the body holds the reason (axios keeps it in
/// `error.response.data`, ky in `error.response`, requests in `response.text`).
public struct ClientErrorLine: Sendable, Equatable {
    /// The HTTP status the line reports.
    public var status: Int
    /// Whose wording the line is in: `axios or ky`, `got`, `Python requests`.
    public var library: String
    /// The host of a URL in the line (`api.kapso.ai`), nil when it names none.
    public var host: String?

    /// Reads a pasted line; nil when it is none of the libraries' wordings.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        let phrases: [(phrase: String, library: String)] = [
            ("request failed with status code ", "axios or ky"), ("response code ", "got"), (" client error: ", "Python requests"),
            (" server error: ", "Python requests"),
        ]
        for (phrase, library) in phrases {
            guard let range = lowered.range(of: phrase) else { continue }
            // The status follows the phrase (axios, ky, got) or starts the line (requests: `400 Client Error: …`).
            let digits = library == "Python requests"
                ? lowered[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                : String(lowered[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
            guard digits.count == 3, let status = Int(digits), (400...599).contains(status) else { continue }
            guard library != "got" || lowered[range.upperBound...].dropFirst(3).hasPrefix(" (") else { continue }
            self.status = status
            self.library = library
            host = Self.host(in: text)
            return
        }
        return nil
    }

    /// What the line is and what it says, with the API when its URL names one.
    public var meaning: String {
        let kind = status >= 500 ? "the server failed" : "the request was refused"
        let api: String
        switch host {
        case let host? where host.hasSuffix("kapso.ai"): api = "the call went to Kapso (\(host))"
        case let host? where host.hasSuffix("graph.facebook.com"): api = "the call went to Meta's Graph API (\(host))"
        case let host?: api = "the call went to \(host)"
        case nil: api = "the line does not say which API answered (Kapso, Meta or another), nor why"
        }
        // "…; the call went to X, and not why" read as half a sentence (tester67 Y6c).
        return "an HTTP client's error line (\(library)'s wording), not the API's answer: HTTP \(status), \(kind); "
            + (host == nil ? api : "\(api); the line does not say why")
    }

    /// What to paste instead: the body, where each library keeps it.
    public static let todo = "paste the answer's body instead (axios: error.response.data; ky: await error.response.text(); "
        + "got: error.response.body; requests: response.text): explain reads Kapso's {\"error\": …} and Meta's "
        + "{\"error\": {\"code\": …}}; if the call went through Kapso, 'errors' shows it with its text"

    /// The host of the first `http://` or `https://` URL in `text`, lowercased.
    static func host(in text: String) -> String? {
        guard let scheme = text.range(of: "://") else { return nil }
        let host = text[scheme.upperBound...].prefix { !"/:?# \t\"'".contains($0) }
        return host.isEmpty ? nil : host.lowercased()
    }
}
