extension HTTPRequest {
    /// A secret this long or longer is refused inside a path segment or query value, not only as the whole of one. A
    /// shorter key (a test or simulator key, `AAAAAAAA`) occurs by chance inside ordinary ids (the zero padding of a
    /// WAMID's base64, the digits of a phone-number id) and only its paste as a whole id is the key (tester70b G2).
    public static let secretSearchedInside = 20

    /// The refusal of a request whose URL holds the value of one of its own secret headers (`HTTPHeader.Value.secret`, 8
    /// bytes or more: the `X-API-Key` pasted where an id goes, tester70 F15), nil otherwise. Secrets are never in a URL kops
    /// builds on purpose. A path segment or query value is the secret when it equals it, as typed or percent-decoded, or
    /// holds it when the secret is `secretSearchedInside` bytes or more. Read in place: no copy of the URL or key.
    public func secretInURL() -> TransportError? {
        for header in headers {
            guard case .secret(let secret) = header.value else { continue }
            var key = secret.revealed
            guard key.utf8.count >= 8 else { continue }
            var url = self.url
            let found = url.withUTF8 { url in key.withUTF8 { key in Self.holds(url, secret: key) } }
            if found { return .secretInURL(header: header.name) }
        }
        return nil
    }

    /// True when a path segment or query value of `url` is `secret` (or holds it, for a long one).
    static func holds(_ url: UnsafeBufferPointer<UInt8>, secret: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
        // The path starts at the first `/` after `scheme://authority`.
        var index = 0
        if let colon = url.firstIndex(of: UInt8(ascii: ":")), colon + 2 < url.count, url[colon + 1] == slash,
            url[colon + 2] == slash
        {
            index = colon + 3
            while index < url.count, url[index] != slash, url[index] != question, url[index] != hash { index += 1 }
        }
        var inQuery = false
        var start = index
        while true {
            let byte: UInt8? = index < url.count ? url[index] : nil
            let ends: Bool
            switch byte {
            case nil, hash: ends = true
            case slash, question: ends = !inQuery
            case UInt8(ascii: "&"), UInt8(ascii: ";"): ends = inQuery
            default: ends = false
            }
            if ends {
                // A query pair's value is what follows its first `=`; a pair without one is all value.
                var from = start
                if inQuery, let equals = url[start..<index].firstIndex(of: UInt8(ascii: "=")) { from = equals + 1 }
                if part(url, from..<index, is: secret) { return true }
                guard let byte, byte != hash else { return false }
                if byte == question { inQuery = true }
                start = index + 1
            }
            index += 1
        }
    }

    /// True when `url[range]` equals `secret` as typed or percent-decoded, or, for a secret of `secretSearchedInside`
    /// bytes or more, holds it somewhere.
    private static func part(_ url: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, is secret: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard range.count >= secret.count else { return false }
        if secret.count < secretSearchedInside {
            return end(of: secret, in: url, from: range.lowerBound, before: range.upperBound, decoding: false) == range.upperBound
                || end(of: secret, in: url, from: range.lowerBound, before: range.upperBound, decoding: true) == range.upperBound
        }
        for start in range where url[start] == secret[0] || url[start] == UInt8(ascii: "%") {
            if end(of: secret, in: url, from: start, before: range.upperBound, decoding: false) != nil
                || end(of: secret, in: url, from: start, before: range.upperBound, decoding: true) != nil
            {
                return true
            }
        }
        return false
    }

    /// Where `secret` ends when it starts at `start` of `url` (before `limit`), read as typed or with each `%XX` as its
    /// byte; nil when it does not start there.
    private static func end(
        of secret: UnsafeBufferPointer<UInt8>, in url: UnsafeBufferPointer<UInt8>, from start: Int, before limit: Int, decoding: Bool
    ) -> Int? {
        var index = start
        for expected in secret {
            guard index < limit else { return nil }
            if decoding, let byte = escapedByte(in: url[..<limit], at: index) {
                guard byte == expected else { return nil }
                index += 3
            } else {
                guard url[index] == expected else { return nil }
                index += 1
            }
        }
        return index
    }
}

// MARK: - Percent-decoding

extension HTTPRequest {
    /// The byte the escape `%XX` at `index` of `bytes` stands for (either hex case), nil when none starts there. The one
    /// percent-decoder of kops's URLs: `percentDecoded(_:)`, the secret check and the shell's URL redaction read with it.
    public static func escapedByte<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Bytes.Index) -> UInt8? {
        guard bytes[index] == UInt8(ascii: "%") else { return nil }
        let first = bytes.index(after: index)
        guard first < bytes.endIndex, let high = hexValue(bytes[first]) else { return nil }
        let second = bytes.index(after: first)
        guard second < bytes.endIndex, let low = hexValue(bytes[second]) else { return nil }
        return high << 4 | low
    }

    /// `bytes` with each `%XX` replaced by its byte (`+` stays: it is a space only in a form body).
    public static func percentDecoded<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let byte = escapedByte(in: bytes, at: index) {
                out.append(byte)
                index = bytes.index(index, offsetBy: 3)
            } else {
                out.append(bytes[index])
                index = bytes.index(after: index)
            }
        }
        return out
    }

    /// The value of an ASCII hex digit, nil for any other byte.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }
}
