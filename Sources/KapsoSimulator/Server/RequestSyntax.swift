/// The grammar of an HTTP/1.1 request head (RFC 9112 §3, §5; RFC 9110 §5.6), checked byte by byte.
///
/// Each function looks at one line, once, so a request head costs time in proportion to its length.
enum RequestSyntax {
    /// What a request line holds once checked.
    struct RequestLine: Equatable {
        var method: String
        var target: String
        var minorVersion: Int
    }

    static let expectedLine = #"expected "METHOD /path HTTP/1.1""#

    /// `METHOD SP request-target SP HTTP/1.x`; 505 for another well-formed version, 400 for anything else.
    static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> RequestLine {
        let parts = line.split(separator: space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            let hint = parts.count == 2 ? " (HTTP/0.9 is not supported)" : ""
            throw .malformed("Malformed request line\(hint); \(expectedLine)")
        }
        guard parts[0].allSatisfy(isTokenByte) else { throw .malformed("Malformed method; \(expectedLine)") }
        let minor = try version(parts[2])
        return RequestLine(method: ascii(parts[0]), target: try target(parts[1]), minorVersion: minor)
    }

    /// One `name: value` line; the name lowercased, the value without surrounding spaces and tabs.
    static func headerField(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> ReceivedRequest.Header {
        if let first = line.first, first == space || first == tab {
            throw .malformed("Folded header line (starts with a space or tab); put each header on one line")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw .malformed("Header line without a colon; send \"Name: value\"")
        }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw .malformed("Malformed header name (no spaces or separators before the colon)")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == space || first == tab { value.removeFirst() }
        while let last = value.last, last == space || last == tab { value.removeLast() }
        guard value.allSatisfy(isFieldValueByte) else {
            throw .malformed("Control character in the value of header \(ascii(name)); remove it")
        }
        return ReceivedRequest.Header(name: ascii(name).lowercased(), value: String(decoding: value, as: UTF8.self))
    }

    /// Whether a client's first bytes cannot start an HTTP request (a TLS handshake, binary noise): known at
    /// once from the first byte, without waiting for a line that may never end.
    static func cannotStartRequest(_ first: UInt8) -> Bool {
        !isTokenByte(first) && first != cr && first != lf
    }

    /// The message for bytes that are not HTTP at all.
    static func notHTTP(startingWith first: UInt8) -> HTTPRequestError {
        first == 0x16
            ? .malformed("TLS handshake on a plain-HTTP port; use http://, not https://")
            : .malformed("Not an HTTP request; \(expectedLine)")
    }

    private static func version(_ text: ArraySlice<UInt8>) throws(HTTPRequestError) -> Int {
        let bytes = Array(text)
        guard bytes.count >= 6, bytes.starts(with: Array("HTTP/".utf8)), isDigit(bytes[5]) else {
            throw .malformed("Malformed HTTP version; \(expectedLine)")
        }
        if bytes.count == 8, bytes[5] == UInt8(ascii: "1"), bytes[6] == UInt8(ascii: "."),
            bytes[7] == UInt8(ascii: "0") || bytes[7] == UInt8(ascii: "1")
        {
            return Int(bytes[7] - UInt8(ascii: "0"))
        }
        let wellFormed = bytes.count == 6 || (bytes.count == 8 && bytes[6] == UInt8(ascii: ".") && isDigit(bytes[7]))
        guard wellFormed else { throw .malformed("Malformed HTTP version; \(expectedLine)") }
        throw HTTPRequestError(status: 505, message: "HTTP version \(ascii(text.dropFirst(5))) not supported; use HTTP/1.1")
    }

    /// Origin form (`/path?query`) as it is; absolute form (`http://host/path`) reduced to its path and query.
    private static func target(_ text: ArraySlice<UInt8>) throws(HTTPRequestError) -> String {
        guard text.allSatisfy({ $0 > space && $0 < 0x7F }) else {
            throw .malformed("Request target has bytes that are not URL characters; percent-encode them")
        }
        let target = ascii(text)
        if target.hasPrefix("/") { return target }
        let lowered = target.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            return rest[slash] == "/" ? String(rest[slash...]) : "/" + rest[slash...]
        }
        throw .malformed("Request target must start with /; \(expectedLine)")
    }

    private static func ascii(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Byte classes

    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `tchar` (RFC 9110 §5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
        default: false
        }
    }

    /// `field-vchar`, space or tab (RFC 9110 §5.5): no NUL, CR, LF or other controls, no DEL.
    private static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= space && byte != 0x7F)
    }
}
