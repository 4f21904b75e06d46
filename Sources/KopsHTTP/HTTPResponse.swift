/// A complete HTTP response: status, headers in order, and the (decompressed) body bytes.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// How long the exchange took, in seconds.
    public var duration: Double

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], duration: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.duration = duration
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text (invalid UTF-8 repaired), for error messages.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
