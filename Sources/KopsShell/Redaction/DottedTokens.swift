/// Credentials made of parts joined by dots, which the word reading (`TokenShapes`: runs of letters, digits, `_` and
/// `-`) would cut into pieces and judge one by one:
///
/// - a JSON Web Token, `eyJ….eyJ….SIGNATURE` (RFC 7519 §3: the base64url header, payload and signature joined by `.`;
///   header and payload are JSON objects, so each starts `eyJ`, the base64 of `{"`), the `Bearer` token of many APIs
///   and the `?token=` of many webhook URLs; an unsecured one ends in `.` (an empty signature), an encrypted one (JWE,
///   RFC 7516 §7.1) has five parts, the second no JSON;
/// - a SendGrid API key, `SG.` + 22 + `.` + 43 characters of `[A-Za-z0-9_-]` [uncertain: the form secret scanners
///   match, SendGrid's documentation shows no key];
/// - a Google OAuth 2.0 access token, `ya29.` and a long run of `[A-Za-z0-9_-]` (`ya29.a0AfH6SM…`; a service account's
///   `ya29.c.…` has one dot more) [uncertain: the form secret scanners match, `ya29\.[0-9A-Za-z\-_]+`
///   (h33tlit/secret-regex-list, "Google Oauth Access Token"); Google documents the token as an opaque string]. The
///   receiver's Google Sheets or Calendar call in an error text carries one (probe34 P34-1: `logs search ya29.…` was
///   recorded in clear, `whois ya29.…` echoed its first 23 characters). `ya29` alone, or before a short or plain word
///   (`ya29.txt`), is none.
///
/// Its parts alone were shown (session 33: a JWT's header and payload have no token prefix, so the whole token was
/// printed, recorded and bundled). Only the whole shape is masked: a Kapso cursor is base64 JSON too (`eyJ2YWx1…fQ==`,
/// kapso-api.md §2) and stays, as does a dotted id (`wamid.HBgL…`), since neither has a second `eyJ` part after a dot.
enum DottedTokens {
    /// The fewest characters of a JWT's first part: `{"alg":"none"}` is 19 in base64url, `{"typ":"JWT"}` 18.
    static let minimumHeaderLength = TokenShapes.minimumLength
    /// The fewest characters of each random part of a SendGrid key (22 and 43 as issued; an error may cut one short).
    static let minimumSendGridPart = 16
    /// The fewest characters of a Google access token's last part (about 150 as issued; an error may cut it short).
    static let minimumGooglePart = 16

    /// True when a word read so far (`word`, letters, digits, `_`, `-` and the dots taken) may take the `.` that
    /// follows it and go on: it starts a JWT (`eyJ`, at most four dots) or is SendGrid's `SG` (at most two). The
    /// caller takes the dot only when a word character or another dot follows it, so a sentence's full stop stays
    /// outside.
    static func continues(_ word: String) -> Bool {
        if word.hasPrefix("eyJ") { return word.utf8.count { $0 == dot } < 4 }
        if word == googlePrefix || word.hasPrefix(googlePrefix + ".") { return word.utf8.count { $0 == dot } < 2 }
        return word == "SG" || (word.hasPrefix("SG.") && word.utf8.count { $0 == dot } < 2)
    }

    /// True when `word` is one of these credentials whole.
    static func isToken(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ $0.utf8.allSatisfy(isBase64URLByte) }) else { return false }
        if parts[0] == "SG" {
            return parts.count == 3 && parts.dropFirst().allSatisfy { $0.count >= minimumSendGridPart && looksRandom($0) }
        }
        if parts[0] == googlePrefix, let last = parts.last {
            // Letters and digits both: `ya29.Support_Line_docs` mixes cases as a random run does, but has no digit.
            return parts.count <= 3 && parts.allSatisfy { !$0.isEmpty } && last.count >= minimumGooglePart
                && last.contains(where: \.isNumber) && last.contains(where: \.isLetter)
        }
        guard parts[0].hasPrefix("eyJ"), parts[0].count >= minimumHeaderLength else { return false }
        // A JWS (`header.payload.signature`, or `header.payload` before an unsecured token's final dot), or a JWE.
        return (parts.count <= 3 && parts[1].hasPrefix("eyJ") && parts[1].count > 3) || parts.count == 5
    }

    /// The byte test's question at a word (`bytes[start..<end]`) followed by `.`: may it start one of these? True for a
    /// word of `minimumHeaderLength` bytes starting `eyJ`, `SG` or `ya29`; allocates nothing. `ShapedCredentials.mayOccur`
    /// asks it only at a word whose first byte is `e`, `s` or `y` (any case, `firstBytes`).
    @inline(__always)
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int, end: Int) -> Bool {
        guard end < bytes.count, bytes[end] == dot else { return false }
        if end - start == 2 { return bytes[start] == UInt8(ascii: "S") && bytes[start + 1] == UInt8(ascii: "G") }
        if end - start == 4 { return isGooglePrefix(bytes, at: start) }
        return end - start >= minimumHeaderLength && bytes[start] == UInt8(ascii: "e") && bytes[start + 1] == UInt8(ascii: "y")
            && bytes[start + 2] == UInt8(ascii: "J")
    }

    /// True when `eyJ`, `SG.` or `ya29.` starts at `index` (the typed-line test, `Redactor.mayShowSecret(typedLine:)`).
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 2 < bytes.count else { return false }
        return (bytes[index] == UInt8(ascii: "e") && bytes[index + 1] == UInt8(ascii: "y") && bytes[index + 2] == UInt8(ascii: "J"))
            || (bytes[index] == UInt8(ascii: "S") && bytes[index + 1] == UInt8(ascii: "G") && bytes[index + 2] == dot)
            || (index + 4 < bytes.count && isGooglePrefix(bytes, at: index) && bytes[index + 4] == dot)
    }

    /// True when the four bytes at `index` are `ya29`.
    @inline(__always)
    private static func isGooglePrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index] == UInt8(ascii: "y") && bytes[index + 1] == UInt8(ascii: "a")
            && bytes[index + 2] == UInt8(ascii: "2") && bytes[index + 3] == UInt8(ascii: "9")
    }

    /// A Google OAuth access token's first part, in the case Google issues it.
    static let googlePrefix = "ya29"

    /// The first bytes (lower case) of the words `mayStart(_:word:end:)` may answer true for.
    static let firstBytes: [UInt8] = [UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "y")]

    /// A digit, or both letter cases: what a random part has and a word does not.
    private static func looksRandom(_ part: Substring) -> Bool {
        part.contains(where: \.isNumber) || (part.contains(where: \.isUppercase) && part.contains(where: \.isLowercase))
    }

    @inline(__always)
    private static func isBase64URLByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
    }

    private static let dot = UInt8(ascii: ".")
}
