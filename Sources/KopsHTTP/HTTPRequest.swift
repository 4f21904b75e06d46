/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    /// Absolute URL, e.g. `https://api.kapso.ai/platform/v1/whatsapp/phone_numbers?page=1`.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    /// True for a POST that only reads (a search whose parameters need a JSON body): treated as a GET.
    public var readsOnly = false
    /// True for requests that change state; they are never retried blindly.
    public var isWrite: Bool { !readsOnly && !["GET", "HEAD", "OPTIONS"].contains(method) }

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

extension HTTPRequest {
    /// The longest path segment kops sends, in characters as they stand in the URL. Ids are far shorter (a phone-number
    /// id 15-17 digits, a UUID 36, a WAMID under 100 even percent-encoded; `IDInput` takes at most 200 typed), so a longer
    /// one was read from a damaged or hostile answer, and libcurl refuses a URL past 8 MB as "invalid URL".
    public static let maxPathSegment = 1_024

    /// The refusal of `url` when a segment of its path is longer than `maxPathSegment`, nil otherwise. Only URLs longer
    /// than the limit are read segment by segment, so a usual request costs one length check.
    public static func longPathSegment(in url: String) -> TransportError? {
        let bytes = Array(url.utf8)
        guard bytes.count > maxPathSegment else { return nil }
        // The path starts at the first `/` after `scheme://authority`.
        var start = 0
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) {
            guard let slash = bytes[(colon + 3)...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
            start = slash
        }
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        let segments = bytes[start..<end].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard let long = segments.first(where: { $0.count > maxPathSegment }) else { return nil }
        // The route with `{id}` in the long segment's place (other segments cut to 64 characters): where in the API the id
        // went, as API references name a path's fields.
        let route = segments.map { segment in
            segment.count > maxPathSegment ? "{id}" : shown(segment.prefix(64)) + (segment.count > 64 ? "…" : "")
        }.joined(separator: "/")
        return .longPathSegment(route: route, length: long.count, head: shown(long.prefix(24)))
    }

    /// Bytes of a URL as an error line may show them: printable ASCII, anything else `?` (server text never reaches the
    /// terminal as it came).
    private static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        String(bytes.map { (0x21...0x7E).contains($0) ? Character(UnicodeScalar($0)) : "?" })
    }
}

/// A request header whose value may be a `Secret`, shown redacted everywhere but on the wire.
public struct HTTPHeader: Sendable {
    public enum Value: Sendable {
        case text(String)
        case secret(Secret)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = .text(value)
    }

    public init(_ name: String, secret: Secret) {
        self.name = name
        self.value = .secret(secret)
    }

    /// `Name: value` with secrets shown as `<redacted>`, for `--verbose` and `--dry-run`.
    public var redactedLine: String {
        switch value {
        case .text(let text): "\(name): \(text)"
        case .secret: "\(name): <redacted>"
        }
    }

    var wireLine: String {
        switch value {
        case .text(let text): "\(name): \(text)"
        case .secret(let secret): "\(name): \(secret.revealed)"
        }
    }
}
