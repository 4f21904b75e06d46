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
        // tester56 Z2: a space in a whole id is a wrapped line's; a '+' made a space where only the '+' fits the length.
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAz RjU4RTkyMgA=", "it holds a space inside it (a line wrapped where"),
        ("wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc OAA=", "it holds a space where its base64 has a '+'"),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAz-jU4RTkyMgA=", "it is written in URL-safe base64"),
        (String(id.prefix(40)), "it may have been cut short: its bytes stop inside the record every WAMID kops has seen holds (a field announces 20 bytes,"),
        (String(id.prefix(6 + 13)), "its base64 has 13 characters, a length no base64 has"),
        (id.lowercased(), "it is all in lower case, and base64 is case-sensitive"),
        // probe10 P10-5: HTML source, a character no base64 has (named, invisible ones by code point), no `wamid.`.
        (id + "&quot;", "it holds '&quot;', an HTML entity ('\"' as a page's source writes it): it was copied from HTML source"),
        (String(id.dropLast()) + "&#61;", "it holds '&#61;', HTML's way of writing '=' (it was copied from a page's source): write '=' in its place"),
        (String(id.dropLast()) + "&#x3D;", "it holds '&#x3D;', HTML's way of writing '='"),
        (id + "&quot", "it holds '&quot', an HTML entity"),
        (id + "&amp;x=1", "it holds '&amp;', an HTML entity ('&' as a page's source writes it)"),
        (id + "*", "it holds '*' at character 63, which no WAMID has (base64 is letters, digits, '+', '/' and '='); without it, it reads as a WAMID: \(id)"),
        (id + "\u{200B}", "it holds an invisible U+200B (zero-width space) at character 63, which no WAMID has"),
        ("wamid.HB*gLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=~", "it holds '*' at character 9 (and 1 more)"),
        // probe25 P25-6: what follows the '=' padding is named, with the id without it.
        (id + "x", "it has 'x' after its '=' padding, where a WAMID ends: without it, it reads as a WAMID: \(id)"),
        (id + "abc", "it has 'abc' after its '=' padding, where a WAMID ends: without it, it reads as a WAMID: \(id)"),
        (id + "\\n", "it has a literal \\n (an escaped line break copied from a JSON or log line) after its '=' padding"),
        (id + "%22", "it has '%22' (URL-encoded characters) after its '=' padding, where a WAMID ends"),
        // tester48 F3: whitespace at the end is a line's end copied with the id, not a '+' made a space.
        (id + " ", "it has a space after it (copied with the line's end): trimmed, it reads as a WAMID: \(id)"),
        (id + "\n", "it has a line break after it (copied with the line's end): trimmed, it reads as a WAMID: \(id)"),
        (id + " \r\n", "it has a line break after it"),
        (id + "\t  ", "it has whitespace after it"),
        (String(id.dropLast()) + " ", "it has a space after it (copied with the line's end): trimmed, it reads as a WAMID: \(String(id.dropLast()))"),
        (String(id.dropFirst(6)), "it has no 'wamid.' in front, yet it is a WAMID's base64 part (as some log viewers show it): use \(id)"),
    ]

    @Test(arguments: damaged)
    func aDamagedIDIsNamed(_ id: String, _ named: String) {
        let damage = WAMID.damage(id)
        #expect(damage?.hasPrefix(named) == true, "\(damage ?? "nil")")
    }

    @Test func textThatIsNoWAMIDIsNotCalledOneWithoutItsPrefix() {
        #expect(WAMID.damage("100200300400501") == nil)
        #expect(WAMID.damage("SGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=") == nil, "base64 of something else")
        #expect(WAMID.damage("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70") == nil)
        #expect(WAMID.damage("wamid.%%%notbase64") == nil, "no WAMID with something added: the plain 'not base64' line")
        #expect(WAMID.damage(String(Self.id.dropFirst(6)).lowercased()) == nil)
    }

    /// What `IDInput.cleaned` takes away (so `message`, `trace` and `whois` read the id) and `repairs` names.
    @Test(arguments: [
        (id + ")", "quotes or punctuation around it dropped"),
        ("(" + id + ")", "quotes or punctuation around it dropped"),
        (id + "]", "quotes or punctuation around it dropped"),
        (id + "\u{200B}", "an invisible U+200B (zero-width space) removed"),
        ("\u{FEFF}" + id, "an invisible U+FEFF (zero-width no-break space (byte-order mark)) removed"),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRF\u{200B}MkQ3QTE2QzAzRjU4RTkyMgA=", "an invisible U+200B (zero-width space) removed"),
    ])
    func whatSurroundsAnIDIsDroppedAndNamed(_ pasted: String, _ repair: String) {
        #expect(IDInput.cleaned(pasted) == Self.id)
        #expect(IDInput.repairs(pasted) == [repair])
    }

    @Test func aBracketThatBelongsToANumberStays() {
        #expect(IDInput.cleaned("(415) 555-0100") == "(415) 555-0100")
        #expect(IDInput.cleaned("+1 (415) 555-0100)") == "+1 (415) 555-0100")
    }

    @Test func notFoundSaysTheMessageIsNotInTheProjectAndWhereToLook() {
        let missing = WAMID.numbered(Self.id, 0xABC)
        #expect(
            WAMID.notFound(missing)
                == "no message with WAMID \(missing) exists in this project (Kapso's look-up by WAMID covers all of its "
                + "numbers); it carries the contact +14155550157: 'messages --phone-number 14155550157' lists that contact's "
                + "messages here; if the message is another project's, check the API key")
        // tester47 L7: listed by the number it carries and none is to or from it, the list is not offered (it shows nothing).
        let stranger = WAMID.notFound(missing, contactHasMessages: false)
        #expect(
            stranger == "no message with WAMID \(missing) exists in this project (Kapso's look-up by WAMID covers all of its "
                + "numbers); it carries +14155550157, which is not a contact of this project either (no message to or from it "
                + "is listed); if the message is another project's, check the API key")
        #expect(WAMID.notFound(missing, contactHasMessages: true) == WAMID.notFound(missing))
        let damaged = WAMID.notFound(Self.id + "=")
        #expect(damaged.contains("; the id looks damaged: it ends with 2 '='"), "\(damaged)")
        #expect(damaged.hasSuffix("copy it again from the webhook payload or 'messages'"))
    }
}
