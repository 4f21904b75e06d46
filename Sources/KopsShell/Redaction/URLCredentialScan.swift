internal import KapsoClient

/// The redactor's cheap test for credentials inside URLs: false only where `Redactor.maskURLCredentials` would
/// leave the text as it is, read from the UTF-8 bytes without allocating.
///
/// Every result with a webhook's or a page's URL passes it (`https://…` is in most results); before it, each such
/// string went through the masking itself, which works on `Character`s (about a third of a 50-command replay).
/// The masking reads grapheme clusters and this test reads bytes, so wherever the two could read a URL
/// differently (a non-ASCII byte in or right after a URL, `\r\n`) it answers true and the masking decides.
enum URLCredentialScan {
    /// True when some URL in `bytes` has userinfo (`user:pass@`, `token@`) or a credential-named query parameter,
    /// or cannot be judged from its bytes alone.
    static func mayHoldCredentials(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let colon = ByteWords.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: from) {
            from = colon + 1
            if mayHoldCredentials(bytes, urlAt: colon) { return true }
        }
        return false
    }

    /// `mayHoldCredentials` for the URL whose scheme ends at the colon at `colon` (false when `//` does not follow).
    @inline(__always)
    static func mayHoldCredentials(_ bytes: UnsafeBufferPointer<UInt8>, urlAt colon: Int) -> Bool {
        guard colon + 2 < bytes.count, bytes[colon + 1] == slash, bytes[colon + 2] == slash else { return false }
        let start = colon + 3
        guard let (end, marked) = urlEnd(bytes, from: start) else { return true }
        // Without `@` there is no userinfo, without `?` no query and without `#` no fragment: most URLs (a webhook's)
        // are judged on the way to their end (docs/performance.md, "Session 20").
        return marked && holdsCredentials(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private static let slash = UInt8(ascii: "/")

    /// Where the URL starting at `start` ends (the masking's end characters: whitespace, quotes, `<`, `>`, a
    /// backtick, a comma), and whether an `@`, `?`, `#` or `;` is in it; nil when a non-ASCII byte or `\r\n` makes the byte
    /// reading unsure.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, marked: Bool)? {
        var index = start
        var marked = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if isEnd(byte) {
                // A combining mark after the end byte, or `\r\n`, makes one Character that is not an end.
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 || (byte == 0x0D && bytes[index + 1] == 0x0A) {
                    return nil
                }
                return (index, marked)
            }
            if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ";") {
                marked = true
            }
            index += 1
        }
        return (index, marked)
    }

    /// Where a URL ends, as `URLSpans.ends` ends it, in bytes: whitespace, a quote, `<`, `>`, a backtick, a comma. Also
    /// `CapabilityURLs.mayFollow`'s, which looked each host byte up in a `Set<UInt8>` (hashed: 16.5 M of the JSON run of
    /// `deliveries --all`, docs/performance.md, "Session 32").
    @inline(__always)
    static func isEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x3C, 0x3E, 0x60, 0x2C: return true
        default: return false
        }
    }

    /// True for a byte at which `CapabilityPaths.mayHoldKey` and `isHookHost` (and `CapabilityURLs.mayFollow`) stop to look: `/`, `?`, `#`, a URL's end
    /// (`isEnd`, which holds `\r`), or a byte past ASCII; false for every other byte, which those loops only step over.
    /// One look-up in two words before the comparisons they make at the bytes it lets through, instead of a dozen
    /// comparisons at every byte of every URL (docs/performance.md, "Session 37"). `CapabilityScanTests` checks it
    /// against those comparisons at every byte value.
    @inline(__always)
    static func stopsHostOrSegment(_ byte: UInt8) -> Bool {
        // Bits 0–63: `\t` `\n` `\r` space `"` `#` `'` `,` `/` `<` `>` `?`; bits 64–127: the backtick.
        let low: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x22 | 1 << 0x23 | 1 << 0x27 | 1 << 0x2C | 1 << 0x2F
            | 1 << 0x3C | 1 << 0x3E | 1 << 0x3F
        let high: UInt64 = 1 << (0x60 - 64)
        if byte >= 0x80 { return true }
        return (byte < 64 ? low >> UInt64(byte) : high >> UInt64(byte - 64)) & 1 != 0
    }

    /// True for userinfo before the host, a query or fragment parameter named like a credential (any ASCII case), or a
    /// `;` in the path.
    private static func holdsCredentials(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        let authorityEnd = url.firstIndex { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.count
        if let at = url[..<authorityEnd].lastIndex(of: UInt8(ascii: "@")), at > 0 { return true }
        // A path parameter (`/;api_key=…`, `Redactor.maskPathParameters`): any `;` in the path is left to the masking.
        let pathEnd = url.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.count
        if authorityEnd < pathEnd, url[authorityEnd..<pathEnd].contains(UInt8(ascii: ";")) { return true }
        for section in parameterSections(url) {
            var pairStart = section.lowerBound
            while pairStart <= section.upperBound {
                let pairEnd = url[pairStart..<section.upperBound].firstIndex(of: UInt8(ascii: "&")) ?? section.upperBound
                if let equals = url[pairStart..<pairEnd].firstIndex(of: UInt8(ascii: "=")),
                    isCredentialName(UnsafeBufferPointer(rebasing: url[pairStart..<equals]))
                {
                    return true
                }
                pairStart = pairEnd + 1
            }
        }
        return false
    }

    /// The query (after `?`, before `#`) and the fragment (after `#`) of `url`, where `name=value` pairs are: a
    /// fragment is never sent, but `#access_token=…` is how OAuth's implicit flow hands a token to a page.
    private static func parameterSections(_ url: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let hash = url.firstIndex(of: UInt8(ascii: "#"))
        var sections: [Range<Int>] = []
        if let question = url.firstIndex(of: UInt8(ascii: "?")), question < (hash ?? url.count) {
            sections.append((question + 1)..<(hash ?? url.count))
        }
        if let hash { sections.append((hash + 1)..<url.count) }
        return sections
    }

    private static func isCredentialName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        CredentialParameters.isCredential(name)
    }
}
