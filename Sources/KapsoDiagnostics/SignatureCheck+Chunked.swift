// MARK: - A body in HTTP/1.1 chunked framing

extension SignatureCheck {
    /// The payload of `body` when it is wholly in HTTP/1.1 chunked framing (RFC 9112 §7.1): a size line of hex digits
    /// (a chunk extension after `;` ignored) and CRLF, that many bytes and CRLF, again, then a `0` size line, trailer
    /// field lines if any, and CRLF; line ends (an editor's newline) may follow. A raw capture of a chunked request (`nc
    /// -l`, Wireshark's "Follow TCP stream", Burp, mitmproxy) holds the body so; the sender signed the payload (contract
    /// §10.1: HMAC over the raw body bytes), never the framing. Nil for any other body: the shape decides, not a
    /// `Transfer-Encoding: chunked` header, which `listen --save` keeps over a body it already de-chunked.
    public static func dechunked(_ body: [UInt8]) -> [UInt8]? {
        var payload: [UInt8] = []
        var index = 0
        // The next line's end (its CR), at most `limit` bytes on; nil when there is none.
        func lineEnd(from start: Int, limit: Int) -> Int? {
            var end = start
            while end + 1 < body.count, end - start <= limit {
                if body[end] == 0x0D, body[end + 1] == 0x0A { return end }
                end += 1
            }
            return nil
        }
        while true {
            guard let end = lineEnd(from: index, limit: 256) else { return nil }
            let sizeText = body[index..<end].prefix { $0 != 0x3B }.filter { $0 != 0x20 && $0 != 0x09 }
            guard !sizeText.isEmpty, sizeText.count <= 8,
                let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16)
            else { return nil }
            index = end + 2
            if size == 0 { break }
            guard index + size + 2 <= body.count, body[index + size] == 0x0D, body[index + size + 1] == 0x0A else { return nil }
            payload += body[index..<(index + size)]
            index += size + 2
        }
        // Trailer fields (`name: value` lines), then the empty line that ends the message.
        while true {
            guard let end = lineEnd(from: index, limit: 8192) else { return nil }
            let line = body[index..<end]
            index = end + 2
            if line.isEmpty { break }
            guard line.contains(0x3A) else { return nil }
        }
        guard !payload.isEmpty, body[index...].allSatisfy({ $0 == 0x0D || $0 == 0x0A }) else { return nil }
        return payload
    }

    /// `the body is in HTTP chunked framing …; de-chunked (1031 bytes) it matches …`.
    static func chunkedCause(framed: Int, decoded: Int) -> String {
        "the body is in HTTP chunked framing (Transfer-Encoding: chunked: hex size lines around its pieces, \(framed) bytes), "
            + "not the body alone; de-chunked (\(decoded) bytes) it matches: the framing is the transport's, not part of the "
            + "signed body, so hash the body after the HTTP layer has de-chunked it; the secret is right"
    }
}
