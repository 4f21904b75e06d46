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

    /// `+1 415-555-0142` or `14155550142` → `+1 415 ••• 0142`; `+5511987654321` → `+55 119 ••• 4321`: ungrouped
    /// digits are split after their country calling code (E.164's table, `CountryCallingCode`), never after a
    /// count that would show `+551` as a country; digits no code starts keep the last ten as the national part.
    static func masked(_ number: String) -> String {
        let groups = number.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map(String.init)
        let digits = groups.joined()
        let last = String(digits.suffix(4))
        if number.hasPrefix("+") && groups.count >= 3 { return "+\(groups[0]) \(groups[1]) ••• \(last)" }
        let country = CountryCallingCode.code(of: digits)?.count ?? max(1, digits.count - 10)
        let area = digits.dropFirst(country).prefix(3)
        return "+\(digits.prefix(country)) \(area) ••• \(last)"
    }

    /// The contact number `digits` belong to: equal, its national part (the last 10 digits or more), or a
    /// national number learned as typed; an international `00` prefix is ignored.
    func contactNumber(for digits: String) -> String? {
        let digits = PIIMasker.normalized(digits)
        if contactNumbers.contains(digits) { return digits }
        guard digits.count >= 10 else { return nil }
        return contactNumbers.first { $0.count > digits.count && $0.hasSuffix(digits) }
            ?? contactNumbers.first { $0.count >= 10 && digits.hasSuffix($0) }
    }

    func isOwn(_ digits: String) -> Bool {
        let digits = PIIMasker.normalized(digits)
        if ownIDs.contains(digits) { return true }
        return ownNumbers.contains {
            $0 == digits || ($0.count > digits.count && digits.count >= 10 && $0.hasSuffix(digits))
        }
    }

    /// `14155550142` → `1415•••0142`: bare digits stay one run of digits, the middle masked, so a masked JSON
    /// value, URL or typed word keeps its shape (and, for an 11-digit number, its length). At most 5 leading
    /// digits stay, so a masked number (even after `00`) never holds a run long enough to be masked again.
    static func compact(_ digits: String) -> String {
        "\(digits.prefix(min(max(1, digits.count - 7), 5)))•••\(digits.suffix(4))"
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
        if !international && (contact.count > digits.count || digits.count <= 10) {
            let area = digits.dropLast(7).suffix(3)
            let last = digits.suffix(4)
            if original.hasPrefix("(") { return "(\(area)) ••• \(last)" }
            return bare ? "\(area)•••\(last)" : "\(area) ••• \(last)"
        }
        if bare { return (international ? "00" : "") + compact(digits) }
        return (international ? "00 " : "") + masked(digits).dropFirst()
    }

    /// Masks phone-number-shaped runs (digits with spaces, dashes, dots or parentheses, 8 to 15 digits) that
    /// start with `+` or are a learned contact's number; the business's own numbers and other ids are kept.
    func maskNumbers(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // `%2B14155550142` is a URL-encoded `+14155550142`.
            let encodedPlus = index >= 3 && String(characters[(index - 3)..<index]).uppercased() == "%2B"
            guard let run = PIIMasker.numberRun(in: characters, at: index, afterEncodedPlus: encodedPlus),
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
            } else {
                // Bare digits in a path or an error text (`/contacts/447700900555`, `/contacts/00447700900555`) are a
                // number kops never saw as a contact's: masked when they can be one, unless they are one of the
                // project's own ids.
                let international = PIIMasker.normalized(digits)
                alias = original == digits && PhoneNumberText.isPlausibleInternational(international)
                    ? String(digits.dropLast(international.count)) + PIIMasker.compact(international) : nil
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

    /// What any mask of `number` shows: the digits before its last seven (country and area code) and its last four.
    static func maskIdentity(_ number: String) -> String {
        String(number.dropLast(7)) + "…" + number.suffix(4)
    }

    /// The phone-number-shaped run starting at `index` (`numberSpan`), when a number can start there: a `+`,
    /// `(` or digit not glued to a word, an id or a dotted name, unless it follows a URL-encoded `+`.
    static func numberRun(
        in characters: [Character], at index: Int, afterEncodedPlus: Bool = false
    ) -> (original: String, last: Int)? {
        let character = characters[index]
        let previous = index > 0 ? characters[index - 1] : " "
        guard character == "+" || character == "(" || (character.isASCII && character.isNumber),
            afterEncodedPlus
                || !(previous.isLetter || previous.isNumber || previous == "." || previous == "_" || previous == "-"),
            let span = numberSpan(in: characters, from: index)
        else { return nil }
        return (String(characters[index...span.last]), span.last)
    }

    /// The last character of a phone-number-shaped run starting at `start`, when it holds 8 to 15 digits and
    /// is not followed by more letters or digits (so longer ids and words are left alone). Its separators are
    /// the ones `PhoneNumberText.parse` reads (`PhoneNumberText.isSeparator`, no-break and thin spaces included).
    private static func numberSpan(in characters: [Character], from start: Int) -> (last: Int, digits: Int)? {
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
        guard (8...15).contains(digits), lastDigit >= start else { return nil }
        if lastDigit + 1 < characters.count {
            let next = characters[lastDigit + 1]
            if next.isLetter || next.isNumber || next == "_" { return nil }
        }
        return (lastDigit, digits)
    }
}
