public import KapsoClient

extension Redactor {
    /// `json` as JSON text (`JSONValue.serialized`) with its secrets masked as `redact(_:)` masks them.
    ///
    /// Lists print thousands of items: each is serialized first and its text tested (`leavesUnchanged`), which
    /// costs a fraction of the walk over the item's tree; only an item whose text may hold something to mask is
    /// redacted as a tree and serialized again. Either way the text is what `redact(json).serialized(…)` gives.
    /// `asReceived`, when given, must be `json.serialized(pretty:indent:)` (as `ReceivedItems.text` writes it from
    /// the bytes received): it is tested instead of serializing `json`.
    /// `json` is asked for only when `asReceived` is nil or its text holds something to mask (a list item read
    /// without its tree is parsed then).
    public func serialized(
        _ json: @autoclosure () -> JSONValue, pretty: Bool = false, indent: Int = 0, asReceived: String? = nil
    ) -> String {
        if let asReceived {
            return leavesUnchanged(serialized: asReceived)
                ? asReceived : redact(json()).serialized(pretty: pretty, indent: indent)
        }
        let value = json()
        let text = value.serialized(pretty: pretty, indent: indent)
        return leavesUnchanged(serialized: text) ? text : redact(value).serialized(pretty: pretty, indent: indent)
    }

    /// True when the value serialized as `text` has nothing `redact(_:)` would mask (then it returns the value
    /// as it is), judged from the text's bytes. False answers may be wrong; true answers are not:
    ///
    /// - With no backslash in the text the serializer escaped nothing, so every key and string is in the text
    ///   byte for byte, between quotes (a string cannot hold a `"` unescaped).
    /// - A string's known secret, credential header (`name:`) or URL with credentials is then in the text too;
    ///   a URL ends at the string's closing quote as it ends at the string's end.
    /// - A secret-named key, and a webhook's `headers` key, is followed by `":` in the text: the header test
    ///   looks back from each colon for those names too, in any ASCII case. A key that is not ASCII lowercases
    ///   to a secret name only through the Kelvin sign (U+212A, `K`, which lowercases to `k`): its bytes make
    ///   the answer false.
    func leavesUnchanged(serialized text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: bytes) == nil
                && !Redactor.kelvinSign.withUnsafeBufferPointer { ByteSearch.contains($0, in: bytes) }
                && !secretPatterns.occurs(in: bytes) && !secretFragments.occurs(in: bytes) && !shortCutEchoes.occurs(in: bytes)
                && !ByteSearch.containsHeader(Redactor.headerAndFieldBytes, in: bytes)
                && !URLCredentialScan.mayHoldCredentials(bytes) && !ShapedCredentials.mayOccur(in: bytes)
        }
    }

    /// True when `bytes`, printed as they are, need nothing from the redactor or the terminal sanitizer: printable
    /// ASCII and line feeds only (what `VisibleText.escaped(_:newlines: .kept)` returns unchanged), no backslash, and
    /// nothing `leavesUnchanged(serialized:)` or `redact(_:)` looks for: no known secret, no credential header or
    /// secret-named key before a colon, no URL that may carry credentials.
    ///
    /// Each test answers whether some bytes occur in the text, so what holds for the text holds for every part of it:
    /// each line of an NDJSON page that passes also passes `leavesUnchanged(serialized:)` (`ClearedPageTests`).
    /// One pass over a page instead of one per item and another over the printed text (docs/performance.md,
    /// session 10).
    ///
    /// Three passes where the tests would take six: the byte tests in one, the known secrets, then one walk over the
    /// words and colons for the shaped credentials and the header and URL tests (`PrintsAsIsTests` checks it against
    /// the six).
    /// `printableWithoutBackslash`: the caller knows `ByteWords.allPrintableASCIIWithoutBackslash(bytes)` is true
    /// (`ReceivedItems.compactLinesTested`), and the bytes are not read for it again.
    func printsAsIs(_ bytes: UnsafeBufferPointer<UInt8>, printableWithoutBackslash: Bool = false) -> Bool {
        guard printableWithoutBackslash || ByteWords.allPrintableASCIIWithoutBackslash(bytes), !secretPatterns.occurs(in: bytes), !secretFragments.occurs(in: bytes),
            !shortCutEchoes.occurs(in: bytes)
        else { return false }
        return !ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.headerAndFieldBytes)
    }

    /// `printsAsIs(_:printableWithoutBackslash:)` of an NDJSON page (compact lines, each followed by a line feed), whose
    /// shaped-credential reading does not visit the members that repeat the line above's (`RepeatedMembers`) when the
    /// page is known to be printable ASCII without a backslash; the same answer (`RepeatedMembersTests`).
    ///
    /// The known secrets are looked for around the bytes outside those members, as far as a secret reaches
    /// (`RepeatedMembers.stretches`): one that lies inside a repeated member lies in the member above it too.
    func printsAsIs(lines bytes: UnsafeBufferPointer<UInt8>, printableWithoutBackslash: Bool) -> Bool {
        guard printableWithoutBackslash else { return printsAsIs(bytes) }
        let repeated = RepeatedMembers.ranges(in: bytes)
        let patterns = secretPatterns
        let fragments = secretFragments
        guard
            !RepeatedMembers.anyStretch(of: bytes.count, outside: repeated, reach: patterns.longest, {
                patterns.occurs(in: UnsafeBufferPointer(rebasing: bytes[$0]))
            }),
            !RepeatedMembers.anyStretch(of: bytes.count, outside: repeated, reach: SecretFragments.minimumLength, {
                fragments.occurs(in: UnsafeBufferPointer(rebasing: bytes[$0]))
            })
        else { return false }
        return !ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.headerAndFieldBytes, skipping: repeated)
    }

    /// U+212A KELVIN SIGN in UTF-8.
    private static let kelvinSign: [UInt8] = [0xE2, 0x84, 0xAA]

    /// Credential header names, secret field names, `headers` and a flow's `response_json` (`FlowAnswers`), lowercase.
    static let headerAndFieldBytes = HeaderNames(credentialHeaders + secretFields + ["headers", "response_json"])
}
