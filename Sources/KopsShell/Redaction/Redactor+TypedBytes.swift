/// Byte tests in front of the redactor's readings of what the user typed, run on every command line and every
/// argument: each answers false only where that reading would learn nothing, so the `Character` splits and
/// lower-casings run only for the lines and words that may hold a secret (docs/performance.md, "Session 8: per
/// command"). Text with a byte past ASCII always goes to the full reading: lower-casing maps some non-ASCII letters
/// to ASCII ones (the Kelvin sign K to k), and `Character` comparison is by canonical equivalence.
extension Redactor {
    /// False when `learn(secretsTypedIn:)` would remember nothing from `line`: it is ASCII, has no `=` (a
    /// `NAME=VALUE` assignment), no URL with userinfo and no word starts with a token prefix (`TokenPrefix.all`, in any
    /// case) or like a dotted token (`eyJ`, `SG.`: `DottedTokens`). A word may start at the line's start or after any byte up to the space, a quote or `;` (a superset
    /// of the reading's separators, so no start is missed).
    static func mayShowSecret(typedLine line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var startsWord = true
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 || byte == UInt8(ascii: "=") { return true }
                if startsWord, startsTokenPrefix(bytes, at: index) || DottedTokens.mayStart(bytes, at: index) { return true }
                startsWord = byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                    || byte == UInt8(ascii: ";")
            }
            // A URL's password (`https://u:pass@host`) needs no `=` (probe25 P25-13); a hook's key in its URL none either
            // (`CapabilityURLs.keys`: the byte test in front of the masking answers for it).
            return URLCredentialScan.mayHoldCredentials(bytes) || ShapedCredentials.mayOccur(in: bytes)
        }
    }

    /// True when a token prefix starts at `index`, in any ASCII case (`ShapedCredentials.prefixLength`).
    private static func startsTokenPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        ShapedCredentials.prefixLength(bytes, at: index) != nil
    }

    /// False when `learn(arguments:)` reads nothing from `word` itself (the word after it may still be read as the
    /// value of a secret flag): an ASCII word without `=` that does not start with `-` is no secret flag, no
    /// `--flag=VALUE` and not `--headers`.
    static func mayNameSecret(argument word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes in
            bytes.first == UInt8(ascii: "-") || bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: "=") }
        }
    }

    /// `value.contains("…")` (the `Character`: a masked form such as `whsec_…23`), with the `Character` search only
    /// when the bytes of U+2026 are there (a combining mark after it makes another `Character`).
    static func holdsEllipsis(_ value: String) -> Bool {
        var value = value
        let bytesHold = value.withUTF8 { bytes in
            bytes.count >= 3
                && (0...(bytes.count - 3)).contains { bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x80 && bytes[$0 + 2] == 0xA6 }
        }
        return bytesHold && value.contains("…")
    }
}
