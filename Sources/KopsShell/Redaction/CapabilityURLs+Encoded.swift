internal import KopsHTTP

/// Hook URLs percent-encoded into a text, as an API log's endpoint, an error message or a redirect parameter carries
/// them: `https%3A%2F%2Fhooks.slack.com%2Fservices%2FT000%2FB000%2FXXXX`, `https%3A%2F%2Fmaker.ifttt.com%2Fwith%2Fkey%2FKEY`.
/// The rules for hooks read URLs with `://` (`URLSpans`), so such a URL's key was printed, recorded and bundled in clear
/// (session 33). Here each one is read decoded, its path segments masked as the plain URL's are (`masked(_:)`: the hosts
/// of `CapabilityURLs`, the words and shapes of `CapabilityPaths`), and written back encoded, each key as `<redacted>`.
///
/// Encoded twice (`https%253A%252F%252Fhooks.slack.com%252Fservices%252F…`: a redirect URL carried in a parameter of a
/// URL that was itself encoded into a query, as log pipelines and link wrappers do) it is read alike, every escape one
/// `%25` longer (session 36; it was printed in clear, where the URL encoded once was masked). Encoded three times or more
/// is not read. Written without its scheme (`hooks.slack.com%2Fservices%2F…`, `SchemelessURLs`) it is read from its host.
extension CapabilityURLs {
    /// `%2F%2F` (either hex case) right after the `%3A` at `colonEscape`: the byte test's question
    /// (`ShapedCredentials.mayOccur`), true wherever `maskedEncoded` may read a URL. Allocates nothing.
    @inline(__always)
    static func encodedSlashesFollow(_ bytes: UnsafeBufferPointer<UInt8>, colonEscape index: Int) -> Bool {
        guard index + 8 < bytes.count else { return false }
        return bytes[index + 3] == percent && bytes[index + 4] == UInt8(ascii: "2") && ByteSearch.fold(bytes[index + 5]) == lowerF
            && bytes[index + 6] == percent && bytes[index + 7] == UInt8(ascii: "2") && ByteSearch.fold(bytes[index + 8]) == lowerF
    }

    /// `%253A%252F%252F` (either hex case) at `percentEscape`, the `%25` of its first escape: the byte test's question for
    /// a URL encoded twice. Allocates nothing.
    @inline(__always)
    static func twiceEncodedSchemeEndAt(_ bytes: UnsafeBufferPointer<UInt8>, percentEscape index: Int) -> Bool {
        guard index + 14 < bytes.count, bytes[index + 3] == UInt8(ascii: "3"), ByteSearch.fold(bytes[index + 4]) == UInt8(ascii: "a")
        else { return false }
        // `%252F` twice: `%25` then `2F`, each hex digit in either case.
        for escape in [index + 5, index + 10] {
            guard bytes[escape] == percent, bytes[escape + 1] == UInt8(ascii: "2"), bytes[escape + 2] == UInt8(ascii: "5"),
                bytes[escape + 3] == UInt8(ascii: "2"), ByteSearch.fold(bytes[escape + 4]) == lowerF
            else { return false }
        }
        return true
    }

    /// `text` with the key of each percent-encoded hook URL (after `%3A%2F%2F`) replaced by `<redacted>`. The URL ends
    /// where a plain one ends (`URLSpans.ends`), at `&` (the next parameter of the query that carries it) or at `:`
    /// (encoded, a URL's own colon is `%3A`: `cannot reach https%3A%2F%2F…%2FKEY: timeout`); its path
    /// ends at an encoded or plain `?` or `#`. Segments that are not keys keep their bytes as they were.
    static func maskedEncoded(_ text: String) -> String {
        guard text.utf8.contains(percent) else { return text }
        var characters = Array(text)
        var index = 0
        while index + 8 < characters.count {
            let start: Int
            let depth: Int
            if characters[index] == "%", let found = encodedSchemeEnd(characters, at: index) {
                (start, depth) = (index + 3 * Escaping(depth: found).width, found)
            } else if let hostEnd = SchemelessURLs.host(in: characters, at: index), let found = encodedSlash(characters, at: hostEnd) {
                // Without its scheme (`hooks.slack.com%2Fservices%2F…`: probe36 P36-4), read from its host.
                (start, depth) = (index, found)
            } else {
                index += 1
                continue
            }
            var end = start
            while end < characters.count, !URLSpans.ends.contains(characters[end]), !"&:".contains(characters[end]) { end += 1 }
            let maskedAfter = characters[end...].starts(with: "<redacted>")
            let span = maskedUserinfo(in: Array(characters[start..<end]), escaping: Escaping(depth: depth))
            let rewritten = maskedKey(in: span, maskedAfter: maskedAfter, escaping: Escaping(depth: depth))
            characters.replaceSubrange(start..<end, with: Array(rewritten))
            index = start + rewritten.count
        }
        return String(characters)
    }

    /// `span` (a URL after its encoded `://`) with the password of its encoded userinfo (`user%3Apass%40host`, a lone
    /// `token%40host`) as `<redacted>`, as `Redactor.maskURLCredentials` masks a plain URL's (tester67b Z2: an API log's
    /// path carrying `https%3A%2F%2Fuser%3Apass%40host` was printed in clear by `logs`). The authority ends at the first `/`,
    /// `?` or `#`, plain or encoded; its userinfo at its last `@`, plain or encoded.
    private static func maskedUserinfo(in characters: [Character], escaping: Escaping) -> String {
        var authorityEnd = 0
        while authorityEnd < characters.count, !"/?#".contains(characters[authorityEnd]),
            !isEscape(characters, at: authorityEnd, of: ["2f", "3f", "23"], escaping: escaping)
        {
            authorityEnd += 1
        }
        var at: (index: Int, width: Int)?
        var colon: (index: Int, width: Int)?
        var position = 0
        while position < authorityEnd {
            let width = characters[position] == "@" || characters[position] == ":" ? 1 : escaping.width
            if characters[position] == "@" || isEscape(characters, at: position, of: ["40"], escaping: escaping) {
                at = (position, width)
            } else if colon == nil, characters[position] == ":" || isEscape(characters, at: position, of: ["3a"], escaping: escaping) {
                colon = (position, width)
            }
            position += 1
        }
        guard let at, at.index > 0 else { return String(characters) }
        let secretStart = colon.map { $0.index < at.index ? $0.index + $0.width : 0 } ?? 0
        guard secretStart < at.index, String(characters[secretStart..<at.index]) != "<redacted>" else { return String(characters) }
        return String(characters[..<secretStart]) + "<redacted>" + String(characters[at.index...])
    }

    /// `span` (a URL after its encoded `://`) with each path segment that is a key, read decoded, as `<redacted>`.
    private static func maskedKey(in span: String, maskedAfter: Bool, escaping: Escaping) -> String {
        let characters = Array(span)
        // The path ends at `?` or `#`, plain or encoded; the query is left to `ShapedCredentials.maskedQueryValues`.
        var pathEnd = 0
        while pathEnd < characters.count, !"?#".contains(characters[pathEnd]),
            !isEscape(characters, at: pathEnd, of: ["3f", "23"], escaping: escaping)
        {
            pathEnd += 1
        }
        // Segments and the separators between them (`%2F`, `%2f` or `/`; `%252F` encoded twice), as written.
        var segments: [String] = [""]
        var separators: [String] = []
        var position = 0
        while position < pathEnd {
            if characters[position] == "/"
                || (position + escaping.width - 1 < pathEnd && isEscape(characters, at: position, of: ["2f"], escaping: escaping))
            {
                let width = characters[position] == "/" ? 1 : escaping.width
                separators.append(String(characters[position..<(position + width)]))
                segments.append("")
                position += width
            } else {
                segments[segments.count - 1].append(characters[position])
                position += 1
            }
        }
        guard segments.count > 1 || segments[0].contains(".") else { return span }
        let decoded = segments.map { escaping.depth == 1 ? percentDecoded($0) : percentDecoded(percentDecoded($0)) }
        let url = "https://" + decoded.joined(separator: "/")
        let masked = masked(url + (maskedAfter ? "<redacted>" : ""))
        guard masked.hasPrefix("https://") else { return span }
        var maskedPath = masked.dropFirst("https://".count)
        if maskedAfter, maskedPath.hasSuffix("<redacted>") { maskedPath = maskedPath.dropLast("<redacted>".count) }
        let maskedSegments = maskedPath.split(separator: "/", omittingEmptySubsequences: false)
        guard maskedSegments.count == decoded.count, maskedSegments.map(String.init) != decoded else { return span }
        var result = ""
        for (offset, segment) in segments.enumerated() {
            if offset > 0 { result += separators[offset - 1] }
            let maskedSegment = String(maskedSegments[offset])
            result += maskedSegment == decoded[offset]
                ? segment
                : maskedSegment.split(separator: "<redacted>", omittingEmptySubsequences: false)
                    .map { escaping.depth == 1 ? percentEncoded(String($0)) : percentEncoded(percentEncoded(String($0))) }
                    .joined(separator: "<redacted>")
        }
        return result + String(characters[pathEnd...])
    }

    /// How many times a URL was encoded (1 or 2), and so how an escape of it is written: `%2F`, or `%252F`.
    struct Escaping {
        let depth: Int
        /// The characters of one escape: 3 (`%2F`), or 5 (`%252F`).
        var width: Int { depth == 1 ? 3 : 5 }
    }

    /// 1 when `%2F` is at `index`, 2 when `%252F` is, in either hex case; nil otherwise.
    private static func encodedSlash(_ characters: [Character], at index: Int) -> Int? {
        [1, 2].first { isEscape(characters, at: index, of: ["2f"], escaping: Escaping(depth: $0)) }
    }

    /// 1 when `%3A%2F%2F` is at `index`, 2 when `%253A%252F%252F` is, in either hex case; nil otherwise.
    private static func encodedSchemeEnd(_ characters: [Character], at index: Int) -> Int? {
        for depth in [1, 2] {
            let escaping = Escaping(depth: depth)
            guard index + 3 * escaping.width <= characters.count else { return nil }
            if [0, 1, 2].allSatisfy({ isEscape(characters, at: index + $0 * escaping.width, of: [$0 == 0 ? "3a" : "2f"], escaping: escaping) }) {
                return depth
            }
        }
        return nil
    }

    /// True when an escape of one of `hex` (two lower-case hex digits) is at `index`, in either case: `%` and the digits,
    /// or `%25` and the digits when `escaping` is two deep.
    private static func isEscape(_ characters: [Character], at index: Int, of hex: [String], escaping: Escaping = Escaping(depth: 1)) -> Bool {
        guard index + escaping.width - 1 < characters.count, characters[index] == "%" else { return false }
        if escaping.depth == 2, characters[index + 1] != "2" || characters[index + 2] != "5" { return false }
        let digits = index + escaping.width - 2
        return hex.contains(String(characters[digits...(digits + 1)]).lowercased())
    }

    /// `text` with each `%XX` replaced by its byte, read as UTF-8.
    private static func percentDecoded(_ text: String) -> String {
        String(decoding: HTTPRequest.percentDecoded(text.utf8), as: UTF8.self)
    }

    /// `text` with every byte but the unreserved ones (RFC 3986 §2.3: letters, digits, `-._~`) as `%XX`.
    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "-._~".utf8.contains(byte)
            result += unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }
        return result
    }

    private static let percent = UInt8(ascii: "%")
    private static let lowerF = UInt8(ascii: "f")
}

extension String {
    /// A one-digit hex string with its leading zero (`A` → `0A`).
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
