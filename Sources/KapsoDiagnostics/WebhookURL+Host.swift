/// How a URL's host is read for `WebhookURL.unreachable`, as a resolver reads it rather than as it is spelled
/// (tester55 X10: `https://localhost./hook`, `https://127.1/hook`, `https://2130706433/hook` and `https://fd00::1/x`
/// went unnamed or were named wrong).
extension WebhookURL {
    /// The host of `url` as written, with a host name's closing `.` dropped (`localhost.` is the absolute form of
    /// `localhost`), and an IPv6 address written without its brackets kept whole (`https://fd00::1/x`: `fd00::1`, where
    /// `URLParts` reads `fd00:` and a port). Nil when `url` has no `scheme://` or no host.
    static func writtenHost(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        var rest = url[url.index(colon, offsetBy: 3)...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host: Substring
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = rest[rest.index(after: rest.startIndex)..<close]
        } else if rest.filter({ $0 == ":" }).count >= 2 {
            host = rest
        } else {
            host = rest.firstIndex(of: ":").map { rest[..<$0] } ?? rest
        }
        if host.hasSuffix("."), host.count > 1 { host = host.dropLast() }
        return host.isEmpty ? nil : String(host).lowercased()
    }

    /// The four bytes of an IPv4 host in any form the WHATWG URL Standard's IPv4 parser (which browsers and Node's URL
    /// use) and curl's URL parser (`ipv4_normalize` in lib/urlapi.c) read as an address: one to four parts, each decimal,
    /// `0x` hex or `0`-led octal, the last filling the bytes left (`127.1` and `2130706433` are 127.0.0.1, `10.1` is
    /// 10.0.0.1). Nil for a host name.
    static func ipv4(_ host: String) -> [UInt8]? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = ipv4Number(part) else { return nil }
            numbers.append(number)
        }
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }), let last = numbers.last,
            last < UInt64(1) << (8 * UInt64(5 - numbers.count))
        else { return nil }
        var bytes = numbers.dropLast().map { UInt8($0) }
        for shift in stride(from: 8 * (4 - bytes.count) - 8, through: 0, by: -8) { bytes.append(UInt8((last >> UInt64(shift)) & 0xFF)) }
        return bytes
    }

    /// One part of an IPv4 host: `0x1F` hex, `017` octal, `17` decimal; nil for anything else (a name's label).
    private static func ipv4Number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.count <= 12 else { return nil }
        let (digits, radix): (Substring, Int) =
            part.hasPrefix("0x") ? (part.dropFirst(2), 16) : part.hasPrefix("0") && part.count > 1 ? (part.dropFirst(), 8) : (part, 10)
        // Digits only: `UInt64("+5")` would read a sign.
        guard digits.allSatisfy({ $0.isASCII && ($0.hexDigitValue ?? radix) < radix }) else { return nil }
        return digits.isEmpty ? 0 : UInt64(digits, radix: radix)
    }

    /// The sixteen bytes of an IPv6 host (`fd00::1`, `0:0:0:0:0:0:0:1`, `::ffff:127.0.0.1`); nil for anything else.
    static func ipv6(_ host: String) -> [UInt8]? {
        var text = Substring(host)
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        var tail: [UInt8] = []
        // An IPv4 address in the last 32 bits (`::ffff:10.0.0.1`).
        if let colon = text.lastIndex(of: ":"), text[colon...].contains(".") {
            guard let v4 = ipv4(String(text[text.index(after: colon)...])) else { return nil }
            tail = v4
            text = colon > text.startIndex && text[text.index(before: colon)] == ":" ? text[...colon] : text[..<colon]
        }
        let halves = text.firstRange(of: "::").map { [text[..<$0.lowerBound], text[$0.upperBound...]] } ?? [text]
        guard halves.count == 1 || !halves[1].contains("::"), let head = ipv6Groups(halves[0]),
            let rest = halves.count == 2 ? ipv6Groups(halves[1]) : []
        else { return nil }
        let wanted = 8 - tail.count / 2
        let gap = wanted - head.count - rest.count
        guard halves.count == 2 ? gap >= 1 : gap == 0 else { return nil }
        let filled = head + Array(repeating: 0, count: gap) + rest
        return filled.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + tail
    }

    /// `fd00:0:1` as its 16-bit groups; empty for empty text; nil when a group is no 1–4 hex digits.
    private static func ipv6Groups(_ text: Substring) -> [UInt16]? {
        var groups: [UInt16] = []
        for group in text.split(separator: ":", omittingEmptySubsequences: false) where !text.isEmpty {
            guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
            groups.append(value)
        }
        return groups
    }
}
