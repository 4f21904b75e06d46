/// A webhook's custom header (`headers`, kapso-api.md §10.1: Kapso adds them to every delivery) that no HTTP message
/// can carry: a name that is no token, or a value with a control character other than a tab. RFC 9110 §5.1: `field-name = token`,
/// `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA`;
/// §5.5: a field value is visible characters, spaces and tabs (CR, LF, NUL and the other controls are invalid). Such a header gets every delivery refused by the receiver's HTTP
/// stack, or injects a header of its own (tester54 V7). The value is never quoted (it may be the receiver's password).
public enum CustomHeader {
    /// `a header name 'Bad Header' that is no HTTP field name (it holds a space; …)`, read after "has"; nil when the
    /// header can be sent.
    public static func problem(name: String, value: String) -> String? {
        if name.isEmpty { return "an empty header name (RFC 9110 section 5.1: a field name is one or more token characters)" }
        if let bad = name.unicodeScalars.first(where: { !isTokenCharacter($0) }) {
            return "a header name '\(printable(name))' that is no HTTP field name (it holds \(describe(bad)); RFC 9110 section 5.1 "
                + "allows letters, digits and !#$%&'*+-.^_`|~ only)"
        }
        // Every control character but a tab (tester55b Y5: ESC, U+0001 and DEL were taken); CR and LF end the header.
        if let bad = value.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            let why = ["\r", "\n"].contains(bad) ? "it would end the header, and what follows would be read as another"
                : "a control character is invalid there"
            return "a value of header \(name) that holds \(describe(bad)), which no HTTP field value may hold (RFC 9110 section 5.5: \(why))"
        }
        return nil
    }

    /// The first problem among `headers`: a name's first (every name is checked before any value), then a value's; nil
    /// when every one can be sent.
    public static func problem(in headers: [(name: String, value: String)]) -> String? {
        headers.lazy.compactMap { problem(name: $0.name, value: "") }.first
            ?? headers.lazy.compactMap { problem(name: $0.name, value: $0.value) }.first
    }

    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "a space"
        case "\r": "a carriage return (CR)"
        case "\n": "a line break (LF)"
        case "\0": "a NUL character"
        case "\t": "a tab"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: "a control character (\(printable(String(scalar))))"
        default: "'\(scalar)'"
        }
    }

    /// The name with control characters written as `\u{…}`, so it never reaches the terminal raw.
    static func printable(_ name: String) -> String {
        name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
