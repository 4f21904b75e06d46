/// E-mail addresses anywhere in transcript text: in an error message kops explains, a typed `whois` or `logs search`,
/// a log's echo of either.
///
/// Paths and query values were masked (`maskPathIdentities`), and addresses a result named by its field; an address
/// elsewhere stayed in clear (tester62 AK2, AK12: `whois dana@example.com` on the line and in its error, `Contact
/// dana@example.com` in an explained Graph error). An address is a contact's, as in a path: `<contact N>`, learned so its
/// other forms on the page share the alias. A URL's user (`https://admin@hooks.example.com`) is no address and stays.
extension PIIMasker {
    /// `text` with each e-mail address (`isEmailAddress`) as its alias; a column gap after one realigned.
    func maskEmails(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index < characters.count {
            guard characters[index] == "@" else {
                index += 1
                continue
            }
            var start = index
            while start > copied, PIIMasker.isLocalPartCharacter(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, PIIMasker.isDomainCharacter(characters[end]) { end += 1 }
            // A sentence's full stop or a dash after the address is not its domain's.
            while end > index + 1, characters[end - 1] == "." || characters[end - 1] == "-" { end -= 1 }
            let address = String(characters[start..<end])
            guard start < index, !PIIMasker.isURLUser(characters, start: start), PIIMasker.isEmailAddress(address) else {
                index += 1
                continue
            }
            add(address, as: .contact)
            let alias = alias(for: address, prefix: "contact")
            result += String(characters[copied..<start])
            copied = PIIMasker.splice(alias, replacing: start..<end, in: characters, into: &result)
            index = copied
        }
        return copied == 0 ? text : result + String(characters[min(copied, characters.count)...])
    }

    /// `dana.g+x@`: what `isEmailAddress` allows before the `@`.
    private static func isLocalPartCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._%+-".contains(character))
    }

    private static func isDomainCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
    }

    /// True when the word at `start` follows a URL's `//` with no `/` between: the authority's user (RFC 3986 §3.2.1).
    private static func isURLUser(_ characters: [Character], start: Int) -> Bool {
        var index = start - 1
        while index >= 0, characters[index] != "/", !characters[index].isWhitespace { index -= 1 }
        return index >= 1 && characters[index] == "/" && characters[index - 1] == "/"
    }
}
