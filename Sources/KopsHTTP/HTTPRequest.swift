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
