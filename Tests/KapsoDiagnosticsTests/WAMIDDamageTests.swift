import KapsoDiagnostics
import Testing

/// `WAMID.damage` and `WAMID.notFound`: a WAMID the API does not know is said to be missing from the project, and,
/// when it looks damaged on the way (padding, URL encoding, cut short, case), how (session 16's note).
@Suite struct WAMIDDamageTests {
    /// Whole ids: Kapso's fixtures and a sample from Meta's webhook reference.
    static let whole = [
        "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=",
        "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=",
        "wamid.HBgLMTQxNTU1NTAxNjMVAgASGBQzRUIwRDRFNUY2MDcxODI5M0E0QgA=",
        "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=",
        "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
    ]
    static let id = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    @Test(arguments: whole) func aWholeIDLooksWhole(_ id: String) {
        #expect(WAMID.damage(id) == nil)
        #expect(WAMID.damage(String(id.prefix { $0 != "=" })) == nil, "padding left off is not damage")
    }

    static let damaged: [(String, String)] = [
        (id + "=", "it ends with 2 '=' where its base64 needs 1 (an '=' was added)"),
        (String(id.dropLast()) + "%253D", "it is URL-encoded twice ('%25' is an encoded '%'"),
        (id + "&x=1", "it holds '&', where a URL's query goes on"),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAz RjU4RTkyMgA=", "it holds a space where its base64 has a '+'"),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAz-jU4RTkyMgA=", "it is written in URL-safe base64"),
        (String(id.prefix(40)), "it may have been cut short: its bytes stop inside the record every WAMID kops has seen holds (a field announces 20 bytes,"),
        (String(id.prefix(6 + 13)), "its base64 has 13 characters, a length no base64 has"),
        (id.lowercased(), "it is all in lower case, and base64 is case-sensitive"),
    ]

    @Test(arguments: damaged)
    func aDamagedIDIsNamed(_ id: String, _ named: String) {
        let damage = WAMID.damage(id)
        #expect(damage?.hasPrefix(named) == true, "\(damage ?? "nil")")
    }

    @Test func notFoundSaysTheMessageIsNotInTheProjectAndWhereToLook() {
        let missing = WAMID.numbered(Self.id, 0xABC)
        #expect(
            WAMID.notFound(missing)
                == "no message with WAMID \(missing) exists in this project (Kapso's look-up by WAMID covers all of its "
                + "numbers); it carries the contact +14155550157: 'messages --phone-number 14155550157' lists that contact's "
                + "messages here; if the message is another project's, check the API key")
        let damaged = WAMID.notFound(Self.id + "=")
        #expect(damaged.contains("; the id looks damaged: it ends with 2 '='"), "\(damaged)")
        #expect(damaged.hasSuffix("copy it again from the webhook payload or 'messages'"))
    }
}
