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

    /// The first header with this name, compared case-insensitively (`lowercased()` on both).
    ///
    /// An ASCII name against an ASCII header name is compared byte by byte, A–Z folded, which is what `lowercased()`
    /// does to ASCII: lowercasing both cost 4,000 instructions a look-up (docs/performance.md, "Session 51"). A
    /// name with any other byte is lowercased as before (the Kelvin sign lowercases to an ASCII `k`).
    public func header(_ name: String) -> String? {
        var name = name
        guard name.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } }) else {
            let wanted = name.lowercased()
            return headers.first { $0.name.lowercased() == wanted }?.value
        }
        var wanted: String?
        for header in headers {
            var candidate = header.name
            let same = name.withUTF8 { bytes in
                candidate.withUTF8 { other -> Bool? in
                    guard other.allSatisfy({ $0 < 0x80 }) else { return nil }
                    guard other.count == bytes.count else { return false }
                    for index in 0..<bytes.count where Self.folded(bytes[index]) != Self.folded(other[index]) { return false }
                    return true
                }
            }
            switch same {
            case true?: return header.value
            case false?: continue
            case nil:
                if wanted == nil { wanted = name.lowercased() }
                if header.name.lowercased() == wanted { return header.value }
            }
        }
        return nil
    }

    /// An ASCII byte with A–Z made a–z.
    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text (invalid UTF-8 repaired), for error messages.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
