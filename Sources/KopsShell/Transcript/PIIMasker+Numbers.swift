internal import KapsoDiagnostics

/// Phone numbers in transcript text: finding number-shaped runs, telling a contact's number from the
/// business's own, and writing the masked form (`+1 415 ••• 0142`).
extension PIIMasker {
    static func isBareNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return (8...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func digits(_ text: String) -> String {
        String(text.filter { $0.isASCII && $0.isNumber })
    }

    /// `+1 415-555-0142` or `14155550142` → `+1 415 ••• 0142`; `+5511987654321` → `+55 119 ••• 4321`; `+3546111234`
    /// → `+354 ••• 234`: the digits `shown` keeps, whatever grouping was typed (a typed `+354 611 1234` showed all 7
    /// national digits: probe41 P41-1).
    static func masked(_ number: String) -> String {
        plusForm(shown(digits(number), international: true))
    }

    /// What every mask of a number shows of it, and nothing more, so that no two forms on one page complement each
    /// other (probe41 P41-1: `354•••1234` in a table and `+354 611 ••• 1234` on a command line gave all of an Iceland
    /// number): its country calling code (when the number has one), the first digits of its national significant
    /// number and its last ones.
    struct Shown: Equatable {
        var country: String
        var lead: String
        var tail: String
    }

    /// The digits a mask keeps of `digits` (a whole number, country calling code first when `international`): the
    /// national significant number (E.164's table, `CountryCallingCode`; digits no code starts keep their last ten as
    /// the national part) hides at least 3 digits, at least half of one shorter than 10 digits (E.164 national numbers
    /// run from 4 digits, Niue's, to 13; Iceland's are 7, Denmark's, Norway's, Qatar's and Singapore's 8: showing the
    /// first 3 and last 4 digits hid 0 or 1 of them), and every digit past 7 of a longer one; it shows at most its
    /// last 4 and its first 3 (`+1 415 ••• 0142`, `+44 770 ••• 0555`, `+33 ••• 5678`, `+354 ••• 234`).
    static func shown(_ digits: String, international: Bool) -> Shown {
        let country = !international ? "" : CountryCallingCode.code(of: digits) ?? String(digits.prefix(max(1, digits.count - 10)))
        let national = digits.dropFirst(country.count)
        let length = national.count
        let hidden = min(length, length >= 10 ? length - 7 : max(3, (length + 1) / 2))
        let tail = min(4, length - hidden)
        let lead = min(3, length - hidden - tail)
        return Shown(country: country, lead: String(national.prefix(lead)), tail: String(national.suffix(tail)))
    }

    /// True when a contact's learned digits carry a country calling code: a whole number in international form
    /// (`CountryCallingCode.isPlausible`: `3546111234`, `14155550142`), or longer than a national number and starting
    /// with a code. `4155550142` (no +41 number has 8 digits) and `07700900555` are national.
    static func isInternational(_ digits: String) -> Bool {
        CountryCallingCode.isPlausible(digits)
            || (digits.count > 10 && digits.first != "0" && CountryCallingCode.code(of: digits) != nil)
    }

    /// `+1 415 ••• 0142`, `+354 ••• 234`.
    static func plusForm(_ shown: Shown) -> String {
        "+\(shown.country) " + (shown.lead.isEmpty ? "" : shown.lead + " ") + "••• " + shown.tail
    }

    /// `1415•••0142`, `354•••234`: one run of digits, the middle masked, so a masked JSON value, URL or typed word
    /// keeps its shape.
    static func compactForm(_ shown: Shown) -> String {
        shown.country + shown.lead + "•••" + shown.tail
    }

    /// The contact number `digits` belong to: equal, its national part (the last 10 digits or more), or a
    /// national number learned as typed; an international `00` prefix is ignored.
    func contactNumber(for digits: String) -> String? {
        let digits = PIIMasker.normalized(digits)
        if contactNumbers.contains(digits) { return digits }
        // `07700900005`: the national form with its trunk prefix `0` (ITU-T E.164 Annex A lists it for most countries
        // outside the NANP), the contact's number after its country calling code (tester61 AI8).
        if digits.count >= 8, digits.first == "0", let contact = contactNumbers.first(where: { contact in
            CountryCallingCode.code(of: contact).map { contact.dropFirst($0.count) == digits.dropFirst() } == true
        }) {
            return contact
        }
        guard digits.count >= 10 else { return nil }
        return contactNumbers.first { $0.count > digits.count && $0.hasSuffix(digits) }
            ?? contactNumbers.first { $0.count >= 10 && digits.hasSuffix($0) }
    }

    func isOwn(_ digits: String) -> Bool {
        let digits = PIIMasker.normalized(digits)
        // A contact's number is personal data wherever an id was expected of it (tester60 AH1).
        if ownIDs.contains(digits), !contactNumbers.contains(digits) { return true }
        let matches = { (own: String) in own == digits || (own.count > digits.count && digits.count >= 10 && own.hasSuffix(digits)) }
        if ownNumbers.contains(where: matches) { return true }
        // `07700900100`: an own number's national form with its trunk `0` (as `contactNumber(for:)` reads a contact's).
        if digits.count >= 8, digits.first == "0", ownNumbers.contains(where: { own in
            CountryCallingCode.code(of: own).map { own.dropFirst($0.count) == digits.dropFirst() } == true
        }) {
            return true
        }
        // Assumed on a replayed command line, unless a result showed it is a contact's.
        return maskingCommandLine && assumedOwnNumbers.contains(where: matches) && contactNumber(for: digits) == nil
    }

    /// `kops check` replays a line the recording showed with `numbers` (digits) in a contact number's form in clear:
    /// the recording knew them as the business's own (from the numbers its session listed before `record`). The line
    /// is shown so while it runs; its output is masked as ever (a hand-added `whois +14155550157` block had `check
    /// --update` write that contact's number in clear in every later block: probe42 P42-4).
    public func assumeOwnNumbers(_ numbers: [String]) {
        assumedOwnNumbers.formUnion(numbers.map(PIIMasker.normalized).filter { $0.count >= 8 })
    }

    /// Ends the assumption after the line ran; true when a number assumed is not the business's own by what the
    /// session and its results now show (a contact's, or one kops never saw), so its line must be masked after all.
    public func endAssumedOwnNumbers() -> Bool {
        defer { assumedOwnNumbers = [] }
        return assumedOwnNumbers.contains { !isOwn($0) }
    }

    /// A contact's number as the page shows it, in the form it was written, adding no `+` and dropping no `00`:
    /// `+1 415-555-0142` as `+1 415 ••• 0142`; bare digits as `1415•••0142`, `001415•••0157` or, national,
    /// `415•••0142`; digits with spaces, dashes or dots as `1 415 ••• 0142`, `00 1 415 ••• 0157` or
    /// `415 ••• 0142`; with parentheses as `(415) ••• 0142`.
    static func alias(of original: String, contact: String) -> String {
        if original.hasPrefix("+") { return masked(original) }
        let written = self.digits(original)
        let international = written.hasPrefix("00")
        let digits = normalized(written)
        let bare = original == written
        if !international && (contact.count > digits.count || !isInternational(digits)) {
            // National: the national digits the contact's number shows in any form, so no form shows one more.
            let shown = contact.count > digits.count
                ? self.shown(contact, international: isInternational(contact)) : self.shown(digits, international: false)
            if shown.lead.isEmpty { return bare ? "•••\(shown.tail)" : "••• \(shown.tail)" }
            if original.hasPrefix("(") { return "(\(shown.lead)) ••• \(shown.tail)" }
            return bare ? "\(shown.lead)•••\(shown.tail)" : "\(shown.lead) ••• \(shown.tail)"
        }
        let shown = self.shown(digits, international: true)
        if bare { return (international ? "00" : "") + compactForm(shown) }
        return (international ? "00 " : "") + plusForm(shown).dropFirst()
    }

    /// Masks phone-number-shaped runs (digits with spaces, dashes, dots or parentheses, 8 to 15 digits) that
    /// start with `+` or are a learned contact's number; the business's own numbers and other ids are kept.
    func maskNumbers(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        // Read once, when a run no other rule masks is met (`PIIMasker+NationalEchoes`).
        var nationals: [String: String]?
        while index < characters.count {
            let character = characters[index]
            // `%2B14155550142` is a URL-encoded `+14155550142`; `%2F447700900005` a number after an encoded `/`.
            let escaped = PIIMasker.escapeBoundary(in: characters, before: index)
            guard let run = PIIMasker.numberRun(in: characters, at: index, afterEscape: escaped, fewest: 6),
                !(run.original.hasPrefix("(") && !run.original.contains(")"))
            else {
                // Not a number here (an opening parenthesis before a number is not around an area code).
                result.append(character)
                index += 1
                continue
            }
            let (original, last) = run
            let digits = PIIMasker.digits(original)
            var alias: String?
            // The number itself, whatever form it was written in: two numbers masked alike are told apart by it.
            var number = PIIMasker.normalized(digits)
            if isOwn(digits) {
                alias = nil
            } else if let contact = contactNumber(for: digits) {
                alias = PIIMasker.alias(of: original, contact: contact)
                number = contact
            } else if original.hasPrefix("+") {
                alias = PIIMasker.masked(original)
            } else if digits.count < 8 {
                alias = original == digits
                    ? PIIMasker.shortNumberAlias(digits, in: characters, from: index, to: last, escaped: escaped) : nil
                // Learned, so the advice beside the path (`'whois 6831234' says what the id is`) is masked like it.
                if alias != nil { contactNumbers.insert(digits) }
            } else {
                // A number kops never saw as a contact's, in a path, an error text or a typed line (`/contacts/07700900011`,
                // `0044 7700 900019`): masked when its form makes it one (`PIIMasker+UnknownNumbers`), unless it is one of
                // the project's own ids.
                alias = PIIMasker.unknownNumberAlias(original, digits: digits)
                // The national digits of a `+` number of this text, written without the trunk prefix (tester62 AL14).
                if alias == nil, digits.count >= 8 {
                    if nationals == nil { nationals = PIIMasker.nationalNumbers(ofPlusNumbersIn: characters) }
                    if let echo = PIIMasker.nationalEcho(original, digits: digits, nationals: nationals ?? [:]) {
                        (alias, number) = (echo.alias, echo.number)
                    }
                }
            }
            guard var alias else {
                result += original
                index = last + 1
                continue
            }
            alias += numberTag(number)
            result += alias
            index = last + 1
            var spaces = 0
            while index + spaces < characters.count, characters[index + spaces] == " " { spaces += 1 }
            let delta = alias.count - original.count
            if spaces >= 2 && delta < 0 { result += String(repeating: " ", count: -delta) }
            if spaces >= 2 && delta > 0 { index += min(delta, spaces - 2) }
        }
        return result
    }

    /// `#2` for the second number whose mask shows what an earlier one's showed (`maskIdentity`: country and area code,
    /// last four digits), `#3` for a third, `""` for the first: `+1 415 ••• 0142` and `+1 415 ••• 0142#2` are two numbers
    /// (probe27 P27-19: `+14155550142` and `+14155510142` both read `+1 415 ••• 0142`, one "the contact", the other "not
    /// a contact of this project"). The same number keeps its tag in every form it is written in; the hidden digits stay
    /// hidden (the tag is the order met, not a digit). `number` is its digits, country code included when known.
    func numberTag(_ number: String) -> String {
        let identity = PIIMasker.maskIdentity(number)
        var seen = maskedNumbers[identity] ?? []
        if !seen.contains(number) {
            seen.append(number)
            maskedNumbers[identity] = seen
        }
        let order = (seen.firstIndex(of: number) ?? 0) + 1
        return order == 1 ? "" : "#\(order)"
    }

    /// What any mask of `number` shows (`shown`): its country code and first national digits, and its last ones.
    static func maskIdentity(_ number: String) -> String {
        let shown = shown(number, international: isInternational(number))
        return shown.country + shown.lead + "…" + shown.tail
    }

    /// The phone-number-shaped run starting at `index` (`numberSpan`), when a number can start there: a `+`,
    /// `(` or digit not glued to a word, an id or a dotted name, unless it follows a percent-escape of a separator
    /// (`afterEscape`: `escapeBoundary`).
    static func numberRun(
        in characters: [Character], at index: Int, afterEscape: Bool = false, fewest: Int = 8
    ) -> (original: String, last: Int)? {
        let character = characters[index]
        let previous = index > 0 ? characters[index - 1] : " "
        guard character == "+" || character == "(" || (character.isASCII && character.isNumber),
            afterEscape
                || !(previous.isLetter || previous.isNumber || previous == "." || previous == "_" || previous == "-"),
            let span = numberSpan(in: characters, from: index, fewest: fewest)
        else { return nil }
        return (String(characters[index...span.last]), span.last)
    }

    /// True when a percent-escape (RFC 3986 §2.1), once or twice encoded, ends right before `index` and stands for a
    /// byte that ends a word: `%2B` (`+`), `%2F` (`/`), `%3D` (`=`), `%2C` (`,`), `%252F`. The escape's hex digits are
    /// letters and digits, so a number after one read as glued to a word and stayed in clear in masked transcripts
    /// (`contacts%2F447700900005`, `wa.me%2F447700900005`: tester61 AI8); an escaped letter, digit, `.`, `_` or `-`
    /// (`%41`, `%5F`) still joins the word.
    static func escapeBoundary(in characters: [Character], before index: Int) -> Bool {
        func byte(at start: Int) -> UInt8? {
            guard start >= 0, start + 2 < characters.count, characters[start] == "%",
                let high = characters[start + 1].hexDigitValue, let low = characters[start + 2].hexDigitValue
            else { return nil }
            return UInt8(high << 4 | low)
        }
        var escaped = byte(at: index - 3)
        // `%252F`: `%25` (an escaped `%`) then `2F`.
        if escaped == nil, byte(at: index - 5) == UInt8(ascii: "%"), let high = characters[index - 2].hexDigitValue,
            let low = characters[index - 1].hexDigitValue
        {
            escaped = UInt8(high << 4 | low)
        }
        guard let escaped else { return false }
        let character = Character(Unicode.Scalar(escaped))
        return !(character.isLetter || character.isNumber || character == "." || character == "_" || character == "-")
    }

    /// The last character of a phone-number-shaped run starting at `start`, when it holds 8 to 15 digits (6 or 7 after
    /// a `+`, where E.164 has numbers that short, or bare from `fewest` on) and is not followed by more letters or digits (so longer ids and words are left alone). Its separators are
    /// the ones `PhoneNumberText.parse` reads (`PhoneNumberText.isSeparator`, no-break and thin spaces included).
    private static func numberSpan(in characters: [Character], from start: Int, fewest: Int) -> (last: Int, digits: Int)? {
        var end = start + (characters[start] == "+" ? 1 : 0)
        var lastDigit = -1
        var digits = 0
        while end < characters.count, digits <= 15 {
            let character = characters[end]
            if character.isASCII && character.isNumber {
                digits += 1
                lastDigit = end
            } else if PhoneNumberText.isSeparator(character), end + 1 < characters.count,
                characters[end + 1].isASCII && characters[end + 1].isNumber || characters[end + 1] == "("
                    || (character == ")" && characters[end + 1] == " ")
            {
                // a separator inside the number
            } else {
                break
            }
            end += 1
        }
        guard lastDigit >= start else { return nil }
        // A `+` number of 6 or 7 digits is one when E.164 has numbers that short there (`+354 611 1234` has 10, but
        // `+290 1234`, Saint Helena, and `+683 4321`, Niue, have 7).
        let short = characters[start] == "+" && (6...7).contains(digits)
            && CountryCallingCode.isPlausible(String(characters[start...lastDigit].filter { $0.isASCII && $0.isNumber }))
        // Shorter runs only bare (`fewest`: 6 for `maskNumbers`, which masks one only as a contact's or a path segment).
        let bareShort = (fewest..<8).contains(digits) && lastDigit - start + 1 == digits
        guard (8...15).contains(digits) || short || bareShort else { return nil }
        if lastDigit + 1 < characters.count {
            let next = characters[lastDigit + 1]
            // `•` follows the digits a mask kept (`00880171•••1234`): masked already, never masked again.
            if next.isLetter || next.isNumber || next == "_" || next == "•" { return nil }
        }
        return (lastDigit, digits)
    }
}
