// MARK: - An HTTP status as a record holds it

extension JSONValue {
    /// The HTTP status a recorded `response_status` holds, read as an HTTP client writes one: a number with an integer
    /// value (`400`, `400.0`), or text holding one with blanks around it, a `+`, a `.0` fraction, an `HTTP` or
    /// `HTTP/1.1` prefix or a reason phrase after it (`" 400"`, `"+400"`, `"400.0"`, `"HTTP 400"`, `"HTTP/1.1 400 Bad
    /// Request"` → 400). Nil for anything else (`"4e2"`, `"-400"`, full-width digits, `1e20`, `null`); a number outside
    /// 100–599 (`-400`, `0`) is returned as it is and is no status: callers check the range (RFC 9110 §15: three digits,
    /// the first 1–5). Kapso documents `response_status` as an integer (API logs and webhook deliveries,
    /// https://docs.kapso.ai/api/platform/v1/webhook-deliveries/list-webhook-deliveries); this reads what a store that
    /// kept it as text would send, so a failed call is not shown as status 0 and dropped from the error views (tester63b
    /// AO7).
    public var recordedHTTPStatus: Int? {
        if let int { return int }
        guard case .string(let text) = self, text.utf8.count <= 64 else { return nil }
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" || last == "\n" || last == "\r" { rest = rest.dropLast() }
        if rest.prefix(4).uppercased() == "HTTP" {
            rest = rest.dropFirst(4)
            if rest.first == "/" { rest = rest.dropFirst().drop { $0.isASCII && ($0.isNumber || $0 == ".") } }
            guard rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
        }
        if rest.first == "+" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...6).contains(digits.count), let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if rest.first == ".", rest.count > 1 {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            rest = rest.dropFirst(fraction.count + 1)
        }
        // A reason phrase after the status (`400 Bad Request`): letters and blanks only.
        guard rest.isEmpty || (rest.first == " " && rest.allSatisfy { $0 == " " || ($0.isASCII && $0.isLetter) }) else { return nil }
        return number
    }
}
