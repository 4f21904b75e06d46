/// Which URL query and fragment parameters hold a credential (`?code=…`, `&x-api-key=…`, `#access_token=…`): the one
/// reading behind every sink, the byte test (`URLCredentialScan`) and the masking (`Redactor.maskURLCredentials`), so
/// the terminal, transcripts, the restore file and the history file agree on what a URL's secret is.
///
/// A name is folded first: ASCII lower case, with `-`, `_` and `.` dropped (`X-Api-Key`, `x_api_key` and `xapikey`
/// read alike). It is a credential when it is one of `names` (short words that are secrets only alone: Azure Functions
/// authorises an HTTP trigger by `?code=<function key>`, learn.microsoft.com "Azure Functions HTTP trigger", "API key
/// authorization"; OAuth returns its authorization `code` the same way), or when it contains one of `words`
/// (`client_secret`, `private_key`, `session_id`, `hmac_sha256`, `jwt`). Probe24 P24-17: the list of whole names
/// hid `api_key` but showed `x-api-key`, `private_key`, `jwt`, `bearer`, `hmac`, `session`. Masking a harmless
/// parameter whose name merely contains one of the words (`monkey=1`) costs a ticket nothing: its host and path are
/// what it needs.
enum CredentialParameters {
    /// Folded names that are credentials only as the whole name.
    static let names: Set<[UInt8]> = Set(["code", "pw", "otp", "pin", "sid"].map { Array($0.utf8) })

    /// Folded pieces that make any name containing them a credential.
    static let words: [[UInt8]] = [
        "key", "token", "secret", "sig", "auth", "pass", "pwd", "jwt", "bearer", "session", "hmac", "credential",
        "cookie", "private",
    ].map { Array($0.utf8) }

    /// True when the parameter named by `name` (its raw bytes, before any percent-decoding) holds a credential.
    static func isCredential<Name: Collection>(_ name: Name) -> Bool where Name.Element == UInt8 {
        var folded: [UInt8] = []
        folded.reserveCapacity(name.count)
        for byte in name where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") && byte != UInt8(ascii: ".") {
            folded.append(ByteSearch.fold(byte))
        }
        guard !folded.isEmpty else { return false }
        if names.contains(folded) { return true }
        return words.contains { word in
            folded.count >= word.count
                && (0...(folded.count - word.count)).contains { start in folded[start..<(start + word.count)].elementsEqual(word) }
        }
    }

    /// `isCredential` for a name as text.
    static func isCredential(name: String) -> Bool { isCredential(Array(name.utf8)) }

    /// True for a parameter value that is a template's placeholder, not a credential: `{{1}}` or `{{name}}` after at most
    /// 16 word characters (`otp{{1}}` in an AUTHENTICATION template's copy-code URL,
    /// `https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}`, as Graph lists it). Masked, it hid where the
    /// code goes (probe45 P45-3).
    static func isTemplatePlaceholder(_ value: some Collection<Character>) -> Bool {
        let characters = Array(value)
        guard characters.count >= 5, characters.suffix(2) == ["}", "}"],
            let open = characters.indices.dropLast().first(where: { characters[$0] == "{" && characters[$0 + 1] == "{" })
        else { return false }
        let word = { (character: Character) in character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") }
        let name = characters[(open + 2)..<(characters.count - 2)]
        return open <= 16 && characters[..<open].allSatisfy(word) && !name.isEmpty && name.allSatisfy(word)
    }
}
