/// A known secret that reads as a plain word (`acme-demo`, a custom header's value taken for a secret by its header's
/// name) shown where it is a label of a host name: tester46 L3, `--headers '{"X-Token":"acme-demo"}'` made every
/// webhook host holding that word read `https://ops.<redacted>.test/...`, so receivers could not be told apart.
///
/// Only such a word is shown there: at most `longestPlainWord` characters of lower-case ASCII letters and `-` (no digit,
/// no capital: nothing a token's random part is made of, so `SecretFragments` never masks a piece of it either), and only
/// where it is a whole label with another label after it (`hooks.acme-demo.test`, `https://acme-demo.example`): after a
/// `.` that ends a label or after `//`, and before a `.` that starts one. Anywhere else (a header value, a query value,
/// the whole value, the end of a sentence) it is masked as before; a token-shaped secret, a longer one or one with a
/// capital or a digit is masked in host names too.
enum HostLabelSecrets {
    /// The longest plain word shown in a host name: a random secret of lower-case letters is 32 characters or more.
    static let longestPlainWord = 24

    /// True for a secret of lower-case ASCII letters and inner `-` only, at most `longestPlainWord` characters.
    static func isPlainWord(_ secret: String) -> Bool {
        let bytes = Array(secret.utf8)
        guard bytes.count <= longestPlainWord, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        return bytes.contains { isLowerLetter($0) } && bytes.allSatisfy { isLowerLetter($0) || $0 == UInt8(ascii: "-") }
    }

    /// `text` with every occurrence of `secret` written `<redacted>`, except, for a plain word (`isPlainWord`), one
    /// that is a label of a host name.
    static func replacing(_ secret: String, in text: String) -> String {
        let pieces = text.split(separator: secret, omittingEmptySubsequences: false)
        guard pieces.count > 1 else { return text }
        guard isPlainWord(secret) else { return pieces.joined(separator: "<redacted>") }
        var result = String(pieces[0])
        for index in 1..<pieces.count {
            result += (isHostLabel(before: pieces[index - 1], after: pieces[index]) ? secret : "<redacted>") + pieces[index]
        }
        return result
    }

    /// True when the text `before` an occurrence ends with `//` or with a label's character and `.`, and the text
    /// `after` it starts with `.` and a label's character.
    static func isHostLabel(before: Substring, after: Substring) -> Bool {
        let opensLabel = before.hasSuffix("//") || (before.hasSuffix(".") && before.dropLast().last.map(isLabelCharacter) == true)
        return opensLabel && after.first == "." && after.dropFirst().first.map(isLabelCharacter) == true
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
}
