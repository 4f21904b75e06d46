public import KapsoClient
public import KopsHTTP

// MARK: - A signature field that is not one plain value

extension SignatureCheck {
    /// What a signature header field holds before its value is read: the values to check (one for an ordinary
    /// header; several when the header came twice), or another provider's format, which holds nothing to check.
    ///
    /// A proxy may join a header field that was sent twice into one value, separated by ", " (RFC 9110 §5.3,
    /// "Field Order"); a relay that signs again, or a retry through middleware that appends its own header,
    /// gives such a field. Kapso's `X-Webhook-Signature` (bare hex) and Meta's `X-Hub-Signature-256`
    /// (`sha256=` + hex) never contain a comma themselves, so a comma always separates values.
    public struct Field: Sendable, Equatable {
        /// The values to check, in the order received, each still to be read by `read(_:)`.
        public var values: [String]
        /// One line per thing removed before the values were found (quotes, a JSON member's name).
        public var notes: [String]
        /// Set when the field is another provider's signature format: what it is and what to paste instead.
        public var foreign: String?
        /// What separated the values: `,` (a proxy joining a repeated header), `;`, or ` ` (whitespace).
        public var separator: String = ","
    }

    /// Splits what was received or pasted as a signature header into its values.
    ///
    /// `"sha256=…"` (with its JSON quotes, as a logged headers object shows it) and `"x-hub-signature-256":
    /// "sha256=…",` (a whole JSON member) are unwrapped, with a note. `t=…,v1=…` is Stripe's
    /// `Stripe-Signature` format (docs.stripe.com/webhooks/signature: a timestamp and an HMAC of
    /// `timestamp.body`); `v1,BASE64` is Standard Webhooks / Svix (docs.svix.com, "Verifying Webhooks
    /// Manually": an HMAC of `id.timestamp.body`, base64, space-separated): both are named, not read as hex.
    public static func field(_ raw: String) -> Field {
        var notes: [String] = []
        var text = Substring(raw).trimmed
        // `"name": "value",` — one member of a logged JSON headers object.
        if text.first == "\"", let close = text.dropFirst().firstIndex(of: "\""),
            text[text.index(after: close)...].trimmed.first == ":"
        {
            let name = text[text.index(after: text.startIndex)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                notes.append("a JSON member was pasted ('\"\(name)\": …'); only its value was checked")
                let rest = text[text.index(after: close)...].trimmed
                text = rest.dropFirst().trimmed
                if text.last == "," { text = text.dropLast().trimmed }
            }
        }
        if let inner = quoted(text) {
            notes.append("the value was pasted with its quotes (as JSON or a log shows it); they were removed")
            text = inner
        }
        if let foreign = foreignFormat(text) { return Field(values: [String(text)], notes: notes, foreign: foreign) }
        // `;` never occurs in a signature either; whitespace separates values only when each part is a whole
        // signature (spaces inside one hex value, as a wrapped line has them, are read by `read`).
        if !text.contains(","), !text.contains(";") {
            let tokens = text.split(whereSeparator: \.isWhitespace)
            if tokens.count > 1, tokens.allSatisfy({ token in
                let value = String(quoted(token) ?? token)
                if case .success = WebhookSignature.decode(value, meta: false) { return true }
                return base64Digest(value) != nil
            }) {
                return Field(values: tokens.map { String(quoted($0) ?? $0) }, notes: notes, foreign: nil, separator: " ")
            }
        }
        let separator: Character = !text.contains(",") && text.contains(";") ? ";" : ","
        var values: [String] = []
        for part in text.split(separator: separator, omittingEmptySubsequences: false) {
            let value = part.trimmed
            guard !value.isEmpty else { continue }
            values.append(String(quoted(value) ?? value))
        }
        if values.count > 1, text.split(separator: separator).contains(where: { quoted($0.trimmed) != nil }) {
            notes.append("the values were quoted; the quotes were removed")
        }
        if values.count == 1, values[0] != String(text) {
            // `"sha256=…",` as a line of a logged JSON object has it: the separator and quotes are no part of the value;
            // the note names what was there (`;` after a value is a header list's, not a JSON line's `,`).
            let quotes = values[0] != String(text.split(separator: separator).first?.trimmed ?? "")
            let mark = text.contains(separator) ? (text.hasSuffix(String(separator)) ? "a trailing " : "a ") + "'\(separator)'" : nil
            let removed = [quotes ? "quotes" : nil, mark].compactMap { $0 }.joined(separator: " and ")
            let source = separator == ";" && !quotes ? "(';' separates the values of a header list; this one holds one value)"
                : quotes ? "(as a JSON or log line has them)" : "(as a JSON or log line has it)"
            notes.append("\(removed) \(source) \(mark != nil && !quotes ? "was" : "were") removed")
            return Field(values: values, notes: notes, foreign: nil)
        }
        // One value is read as it came (`read` names whitespace around it), unless quotes were taken off.
        guard values.count > 1 else { return Field(values: [notes.isEmpty ? raw : String(text)], notes: notes, foreign: nil) }
        return Field(values: values, notes: notes, foreign: nil, separator: String(separator))
    }

    /// The text inside one pair of straight quotes, or nil.
    private static func quoted(_ text: Substring) -> Substring? {
        for mark in ["\"", "'"] where text.count > 2 && text.hasPrefix(mark) && text.hasSuffix(mark) {
            return text.dropFirst().dropLast()
        }
        return nil
    }

    /// `Stripe's Stripe-Signature format …` for a `t=…,v1=…` or `v1,BASE64` value, else nil.
    private static func foreignFormat(_ text: Substring) -> String? {
        let hint = "Kapso's X-Webhook-Signature is 64 hex characters and Meta's X-Hub-Signature-256 is 'sha256=' + "
            + "64 hex characters: this value comes from another provider's header, or from code written for one"
        let pairs = text.split(separator: ",").map { $0.trimmed.split(separator: "=", maxSplits: 1) }
        let keys = Set(pairs.compactMap { $0.count == 2 ? String($0[0]) : nil })
        if pairs.allSatisfy({ $0.count == 2 }), keys.contains("t"), keys.contains("v1") || keys.contains("v0") {
            return "'t=…,v1=…' is Stripe's Stripe-Signature format (a timestamp and an HMAC of 'timestamp.body'), "
                + "not a WhatsApp signature; " + hint
        }
        let tokens = text.split(separator: " ")
        if !tokens.isEmpty, tokens.allSatisfy({ token in
            let parts = token.split(separator: ",", maxSplits: 1)
            return parts.count == 2 && parts[0].hasPrefix("v") && parts[0].dropFirst().allSatisfy(\.isNumber)
                && parts[1].count >= 40
        }) {
            return "'v1,…' is the Standard Webhooks (Svix) webhook-signature format (base64 HMAC of 'id.timestamp.body'), "
                + "not a WhatsApp signature; " + hint
        }
        return nil
    }

    /// The verdict on a field that held several values: which one matches, or that none does and why.
    public struct SeveralValues: Sendable, Equatable {
        /// The zero-based position of the first value that matches, or nil.
        public var match: Int?
        /// `2 signature values were received; the 2nd matches …` or `…; none matches: …`.
        public var text: String
        /// True when none matches and no single cause explains it (the text then ends with `commonCauses`).
        public var unexplained: Bool
    }

    /// Checks each of `values` (from `field(_:)`) against the body: never calls the joined field malformed, and
    /// says which value matches, so a right secret is not blamed for a value someone else added.
    /// `separator` is the field's (`Field.separator`): values joined with `;` or whitespace are named so.
    public static func checkEach(_ values: [String], body: [UInt8], secret: Secret, meta: Bool, separator: String = ",")
        -> SeveralValues
    {
        let count = values.count
        let joined = separator == ","
            ? "(the header came \(count) times, or a proxy joined them with ', ')"
            : "(joined with " + (separator == ";" ? "';'" : "whitespace") + ")"
        let split = separator == "," ? "','" : separator == ";" ? "';'" : "whitespace"
        var results: [WebhookSignature.Verification] = []
        for value in values {
            results.append(WebhookSignature.verify(body: body, secret: secret, signature: read(value).value, meta: meta))
        }
        let distinct = Set(values.map { read($0).value.lowercased() }).count
        if let match = results.firstIndex(of: .valid) {
            if distinct == 1 {
                return SeveralValues(
                    match: match,
                    text: "the same signature value was received \(count) times "
                        + (separator == "," ? "(the header came \(count) times, or a proxy joined its copies with ', ')" : joined)
                        + "; it matches: a receiver that compares the whole field "
                        + "rejects this delivery: split it on \(split) and check each value",
                    unexplained: false)
            }
            let others = (0..<count).filter { $0 != match && results[$0] != .valid }.map(ordinal)
            let notMatching = others.isEmpty ? "" : ", " + list(others) + (others.count == 1 ? " does not" : " do not")
            let reader = match == 0 ? "compares the whole field" : "compares the whole field, or only its first value,"
            return SeveralValues(
                match: match,
                text: "\(count) signature values were received \(joined); the \(ordinal(match)) matches this body and "
                    + "secret\(notMatching): a receiver that "
                    + "\(reader) rejects this delivery: split the field on \(split) and accept it when one value matches",
                unexplained: false)
        }
        var parts: [String] = []
        var cause: String?
        for (index, result) in results.enumerated() {
            if case .malformed(let reason) = result {
                if let spelling = spelling(read(values[index]).value, secret: secret, body: { body }) {
                    parts.append("the \(ordinal(index)): " + spelling.text)
                } else {
                    parts.append("the \(ordinal(index)) is not a signature (\(ReceivedDelivery.describe(reason)))")
                }
            } else if cause == nil {
                let found = SignatureCheck.cause(body: body, secret: secret, signature: read(values[index]).value, meta: meta)
                cause = found.hasPrefix(unexplained) ? nil : "the \(ordinal(index)): " + found
            }
        }
        let head = "\(count) signature values were received \(joined); none matches this body and secret"
        let notes = parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
        if let cause { return SeveralValues(match: nil, text: head + notes + "; " + cause, unexplained: false) }
        return SeveralValues(match: nil, text: head + notes + "; " + commonCauses, unexplained: true)
    }

    /// `1st`, `2nd`, `3rd`, `4th` for a zero-based position.
    public static func ordinal(_ index: Int) -> String {
        let number = index + 1
        let suffix = (11...13).contains(number % 100)
            ? "th" : number % 10 == 1 ? "st" : number % 10 == 2 ? "nd" : number % 10 == 3 ? "rd" : "th"
        return "\(number)\(suffix)"
    }

    /// `the 1st`, `the 1st and 3rd`, `the 1st, 3rd and 4th`.
    private static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return "the " + (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last)
    }
}

extension Substring {
    /// Without whitespace (spaces, tabs, line breaks) at either end.
    fileprivate var trimmed: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
