/// One HTTP/1.x request as read off a connection, before routing: validated, framed, body complete.
struct ReceivedRequest: Sendable, Equatable {
    var method: String
    /// The request target as sent (ASCII, still percent-encoded), e.g. `/platform/v1/api_logs?limit=5`.
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// Header fields in the order received, names lowercased, values without surrounding spaces.
    var headers: [Header]
    var body: [UInt8]

    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The values of every field named `name` (lowercase), in order.
    func values(_ name: String) -> [String] {
        headers.filter { $0.name == name }.map(\.value)
    }

    /// Whether the connection stays open after the answer (RFC 9112 §9.3): HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`.
    var keepsAlive: Bool {
        let tokens = values("connection").flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces.lowercased() }
        return minorVersion == 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// The target's path, still percent-encoded (`/platform/v1/whatsapp/messages/wamid.HBg%3D`).
    var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query's name/value pairs, percent-decoded, in order (`a=1&b` gives `a: 1`, `b: ""`).
    var queryItems: [(name: String, value: String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (APIRequest.percentDecode(String(parts[0])), APIRequest.percentDecode(value))
        }
    }
}
