internal import KapsoDiagnostics

/// Personal data written URL-encoded: a contact's number or name in an API log's path
/// (`?phone_number=%2B1%20415%20555%200171`, `&contact_name=Ana%20Lucia%20Gomez`, `log_search?query=Ana+Lucia+Gomez`).
///
/// The matchers read words split by whitespace and numbers grouped by spaces or dashes, so an encoded space (`%20`,
/// a form's `+`) hid a learned name and split a number into runs that are no number (`20415`, `200171`): a masked
/// bundle kept both in clear where the same file masked them written plainly (tester49 F2). Each URL component is
/// read decoded too: where that form holds a space, another whitespace or a letter outside ASCII (what encoding
/// hides from the plain matchers) and masking it changes it, the component is shown as that form masked
/// (`phone_number=+1 415 ••• 0171`, `query=<contact 1>`). A component without such a character (`%2B14155550171`,
/// `%2F` in a path, a percent-encoded WAMID) is left to the plain matchers, which already read it.
extension PIIMasker {
    /// `text` with each URL component whose decoded form holds personal data shown as that form masked; the column gap
    /// after a replaced component keeps columns aligned (`realigned`).
    func maskEncoded(_ text: String) -> String {
        guard text.contains("%") || text.contains("=") else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index < characters.count {
            guard PIIMasker.isComponentCharacter(characters[index]), index == 0 || !PIIMasker.isComponentCharacter(characters[index - 1])
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, PIIMasker.isComponentCharacter(characters[end]) { end += 1 }
            let component = String(characters[index..<end])
            let formValue = index > 0 && characters[index - 1] == "="
            if let decoded = PIIMasker.fullyDecoded(component, formValue: formValue),
                decoded.contains(where: { $0.isWhitespace || !$0.isASCII }) || PIIMasker.escapesDigitOrParenthesis(component)
            {
                let masked = mask(decoded, content: false)
                if masked != decoded {
                    result += String(characters[copied..<index])
                    copied = PIIMasker.splice(masked, replacing: index..<end, in: characters, into: &result)
                }
            }
            index = end
        }
        return copied == 0 ? text : result + String(characters[min(copied, characters.count)...])
    }

    /// Learns what a URL's query names by its keys, as a result's JSON fields of the same names teach it: a contact's name
    /// (`contact_name=Ana%20Lucia%20Gomez`, `nameKeys`) and number (`phone_number=%2B1%20415…`, `numberKeys`), decoded.
    /// An API log's path is often the first place a session meets a contact: a transcript that opened with `logs --errors`
    /// kept the name in clear there and in every other row that wrote it (a log search by it, an error text), because
    /// no result had named the contact yet.
    func learnQuery(_ text: String) {
        var rest = Substring(text)
        while let mark = rest.firstIndex(of: "?") {
            let query = rest[rest.index(after: mark)...].prefix { !$0.isWhitespace && $0 != "#" && $0 != "\"" }
            rest = rest[query.endIndex...]
            for pair in query.split(separator: "&") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let key = PIIMasker.fullyDecoded(String(pair[..<equals]), formValue: false) ?? String(pair[..<equals])
                let raw = String(pair[pair.index(after: equals)...])
                let value = PIIMasker.fullyDecoded(raw, formValue: true) ?? raw
                switch key.lowercased() {
                case let key where PIIMasker.nameKeys.contains(key):
                    if key == "username" { learnUsername(value) }
                    add(value, as: .contact)
                case let key where PIIMasker.numberKeys.contains(key):
                    if case .success(let number) = PhoneNumberText.parse(value), let digits = number.e164, !isOwn(digits) {
                        contactNumbers.insert(digits)
                    }
                default: continue
                }
            }
        }
    }

    /// What a URL component may hold besides its separators (`/ ? & = #`): RFC 3986's unreserved characters, `%` of its
    /// escapes, and `+ ! * : @ $ , ; ( )` (a form's `+` for a space; `(555)%20123-4567`, `(0)7700900018`).
    static func isComponentCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
            || "%+-._~!*:@$,;()".utf8.contains(ascii)
    }

    /// True when `component` escapes a digit or a parenthesis (`%37`, `%28`, twice encoded `%2537`): a number's digits
    /// hidden from the plain matchers (`0%37700900022` is `07700900022`, which the plain matchers read as `0`, `%37` and
    /// `700900022`: tester62 AK1).
    static func escapesDigitOrParenthesis(_ component: String) -> Bool {
        let bytes = Array(component.utf8)
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "%") else { continue }
            var high = index + 1
            // `%25` is an escaped `%`: the escape it starts is the one after it.
            if bytes[high] == UInt8(ascii: "2"), bytes[high + 1] == UInt8(ascii: "5"), high + 3 < bytes.count { high += 2 }
            let (first, second) = (bytes[high], bytes[high + 1])
            if first == UInt8(ascii: "3"), second >= 0x30, second <= 0x39 { return true }
            if first == UInt8(ascii: "2"), second == UInt8(ascii: "8") || second == UInt8(ascii: "9") { return true }
        }
        return false
    }

    /// `component` decoded as often as it was encoded, at most 3 times (`Ana%2520Lucia` → `Ana Lucia`: a client that
    /// encodes an encoded value); nil when nothing was decoded.
    static func fullyDecoded(_ component: String, formValue: Bool) -> String? {
        var decoded: String?
        for _ in 0..<3 {
            guard let next = decodedComponent(decoded ?? component, formValue: formValue) else { break }
            decoded = next
        }
        return decoded
    }

    /// `component` percent-decoded once (`%2B1%20415` → `+1 415`), with a form's `+` between two letters or digits read
    /// as a space when it is a query value (`formValue`: after `=`; `Ana+Lucia` → `Ana Lucia`, while `+1415…` keeps its
    /// `+`); nil when nothing was decoded, an escape is broken, or the bytes are not UTF-8.
    static func decodedComponent(_ component: String, formValue: Bool) -> String? {
        let bytes = Array(component.utf8)
        var decoded: [UInt8] = []
        var changed = false
        var index = 0
        let hex = { (byte: UInt8) -> UInt8? in
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
        let isWordByte = { (byte: UInt8) in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x25
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                decoded.append(high << 4 | low)
                changed = true
                index += 3
            } else if byte == UInt8(ascii: "+"), formValue, index > 0, index + 1 < bytes.count, isWordByte(bytes[index - 1]),
                isWordByte(bytes[index + 1])
            {
                decoded.append(UInt8(ascii: " "))
                changed = true
                index += 1
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        guard changed else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }
}
