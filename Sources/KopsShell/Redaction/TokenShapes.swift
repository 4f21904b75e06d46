internal import KapsoDiagnostics

/// Credentials recognised by their shape in an error line, whether or not kops learned them: a word that starts with
/// a credential prefix (`TokenPrefix.all`: `EAA…`, `whsec_…`, `sk_…`, `kapso_…`, `kops_…`, `Bearer…`) and goes on for
/// a random-looking run (a digit, or both letter cases) to 12 characters or more. An error quotes what it was given
/// (`cannot read 'EAAGm0PX4ZCpsBAKZCZBkZC…' as an id`), cut to fit, or what a server echoed; either way a token's
/// first 20 characters are no safer than its whole (probe24 P24-13).
///
/// A JWT or a SendGrid key (`DottedTokens`) is read as one word across its dots and masked whole (session 33).
enum TokenShapes {
    /// The fewest characters a masked word has: `whsec_demo1` (11) stays, as do `EAA` words and event names.
    static let minimumLength = 12

    /// `line` with every token-shaped word replaced by `<redacted>`, and every word with a credential prefix right
    /// after a secret-named label (`access_token=EAAGm0PX4Z`, `token:sk_live_1`) however short: an error quotes a value
    /// cut to fit, and `access_token=` took 13 of its 23 characters, leaving 10 of the token, too few for the shape
    /// alone (probe25 P25-1). The label makes a token more certain, not less.
    static func masked(_ line: String) -> String {
        var bytes = line
        guard bytes.withUTF8({ ShapedCredentials.mayOccur(in: $0) }) else { return line }
        return maskedByCharacter(line)
    }

    /// `masked(_:)` without its byte test in front (`ShapedCredentials.mayOccur`): the reading the test must agree
    /// with (`ShapedCredentialsTests`). The test it had before looked for a prefix only after a space, a quote or `;`,
    /// so `(EAAG…)` and `/EAAG…` in a line with no `:` or `=` were printed as they were.
    static func maskedByCharacter(_ line: String) -> String {
        var result = ""
        var word = ""
        var lastWord = ""
        var afterLabel = false
        // A label (`API key`, `"client_secret"`) and its `:` or `=` came, then only spaces and quotes (`SecretLabels`):
        // `valueLabel` says which kind; `pendingLabel`, a label came and only spaces and quotes since.
        var valueLabel: LabelKind?
        var pendingLabel: LabelKind?
        // The value's label was followed by `=` (or `%3D`), or a quote came between the separator and the value.
        var assigned = false
        // A strong label (`apikey`, `secret`, `API key`) followed by nothing but spaces, quotes and `(`: the next word is
        // read as after a weak label's separator (a key-like word is masked: `apikey Kx81…`, `secret "Kx81…"`, `the API
        // key (Kx81…)`), where before only `:` or `=` made a label (probe38 P38-10: an API log's and a status's error
        // text printed such keys in clear).
        var bareStrong = false
        let characters = Array(line)
        func judged(_ word: String, labelled: Bool, label: LabelKind?, next: Character?, after: Character?) -> String {
            let plain = decodedJoiners(word)
            if isToken(plain) || (labelled && isLabelledToken(plain)) { return "<redacted>" }
            switch label {
            case .weak?:
                return SecretLabels.isKeyLike(plain) ? "<redacted>" : word
            case .strong?:
                let followedByWord = next == " " && after.map { $0.isASCII && $0.isLetter } == true
                return StrongSecretLabels.isValue(plain, followedByWord: followedByWord, assigned: assigned) ? "<redacted>" : word
            case nil:
                return word
            }
        }
        // `next`: the character after the word (nil at the end), `after` the one after that.
        func flush(next: Character?, after: Character?) {
            if word.utf8.contains(UInt8(ascii: ".")) {
                // A word that took dots (`DottedTokens`) is masked whole, or read as the words its dots part, as before.
                let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                result += DottedTokens.isToken(decodedJoiners(word))
                    ? "<redacted>"
                    : parts.enumerated().map { offset, part in
                        judged(
                            part, labelled: offset == 0 && afterLabel, label: offset == 0 ? valueLabel : nil,
                            next: offset == parts.count - 1 ? next : ".", after: offset == parts.count - 1 ? after : nil)
                    }
                    .joined(separator: ".")
                word = parts.last ?? ""
            } else {
                result += judged(word, labelled: afterLabel, label: valueLabel ?? (bareStrong ? .weak : nil), next: next, after: after)
            }
            if !word.isEmpty {
                bareStrong = false
                // `Authorization=Bearer abc123`: the credential is the word after the scheme.
                let scheme = valueLabel == .strong && StrongSecretLabels.schemes.contains(word.lowercased())
                if !scheme { (valueLabel, pendingLabel) = (nil, nil) }
            }
            lastWord = decodedJoiners(word)
            word = ""
        }
        // After a character that is no word's: a separator ends a waiting label, a space or quote lets it wait on.
        func followLabel(separator: Character?, skipped: Bool, quote: Bool) {
            let label = lastWord.isEmpty ? nil : labelKind(lastWord, endingAt: result)
            if let separator {
                (valueLabel, pendingLabel) = (label ?? pendingLabel, nil)
                assigned = separator == "="
            } else if skipped {
                pendingLabel = label ?? pendingLabel
                if quote, valueLabel != nil { assigned = true }
            } else {
                (valueLabel, pendingLabel) = (nil, nil)
            }
        }
        func isWordCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
        }
        // A strong label's value that goes on past a `…`, `•`, `<redacted>` or a character past ASCII, read whole from
        // `start` (`StrongSecretLabels.valueSpan`): kops's own masked form is left (`whsec_…23`), any other value that
        // holds a mark is masked whole (`whsec_…23hunter2`, `EAAG…xyz123`, `<redacted>hunter2`), and one of letters
        // past ASCII is judged as a word is (`pässwort`). Returns the index after what it read.
        func readValueSpan(from start: Int) -> Int {
            let span = StrongSecretLabels.valueSpan(characters, from: start, inPath: labelInPath(before: start))
            var end = span.end
            guard end > start else {
                // Punctuation alone, all of it the sentence's (`password: ...`): said as it is.
                result.append(characters[start])
                (word, lastWord, valueLabel, pendingLabel, bareStrong, afterLabel) = ("", "", nil, nil, false, false)
                return start + 1
            }
            var rest = String(characters[start..<end])
            if rest.withUTF8({ StrongSecretLabels.isMaskedForm($0, value: 0) }) {
                // The word, `…` and at most `SecretMask.tailCount` word characters: what `isMaskedForm` read.
                let tail = start + word.count + 1
                end = tail
                while end < characters.count, end - tail < SecretMask.tailCount, isWordCharacter(characters[end]) { end += 1 }
                result += String(characters[start..<end])
            } else if !span.content {
                result += String(characters[start..<end])
            } else if span.glued, !span.marked, !decodedJoiners(String(characters[start..<end])).allSatisfy(isWordCharacter) {
                // Punctuation inside the value (`ab.cd`, `p@ss!w0rd`): one value, never a sentence's word.
                let value = String(characters[start..<end])
                let plain = decodedJoiners(value)
                result += DottedTokens.isToken(plain) || isToken(plain) || StrongSecretLabels.isGluedValue(plain) ? "<redacted>" : value
            } else if !span.marked {
                let next = end < characters.count ? characters[end] : nil
                let after = end + 1 < characters.count ? characters[end + 1] : nil
                result += judged(String(characters[start..<end]), labelled: afterLabel, label: .strong, next: next, after: after)
            } else {
                result += "<redacted>"
            }
            (word, lastWord, valueLabel, pendingLabel, bareStrong, afterLabel) = ("", "", nil, nil, false, false)
            return end
        }
        // True when the label of the value at `start` follows `;`, `/`, `?` or `&` (a URL's path or query): going back over
        // the separator, blanks, quotes and escapes, then the label's word.
        func labelInPath(before start: Int) -> Bool {
            var at = start
            while at > 0 {
                if at >= 3, characters[at - 3] == "%", characters[at - 2].isHexDigit, characters[at - 1].isHexDigit {
                    at -= 3
                } else if " \t\"'\\:=(".contains(characters[at - 1]) {
                    at -= 1
                } else {
                    break
                }
            }
            while at > 0, isWordCharacter(characters[at - 1]) { at -= 1 }
            return at > 0 && ";/?&".contains(characters[at - 1])
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if isWordCharacter(character) {
                word.append(character)
            } else if valueLabel == .strong, word.isEmpty, character == "\"" || character == "'",
                let quoted = StrongSecretLabels.quotedValue(characters, at: index - 1)
            {
                // A quoted value runs to its closing quote, blanks and punctuation and all (`StrongSecretLabels+Punctuation`).
                let content = String(characters[quoted.start..<quoted.end])
                var bytes = content
                let maskedForm = bytes.withUTF8 { StrongSecretLabels.isMaskedForm($0, value: 0) }
                let plain = decodedJoiners(content)
                let secret = !maskedForm && (isToken(plain) || DottedTokens.isToken(plain) || StrongSecretLabels.isQuotedValue(plain))
                result.append(character)
                result += secret ? "<redacted>" : content
                result += String(characters[quoted.end..<quoted.resume])
                (word, lastWord, valueLabel, pendingLabel, bareStrong, afterLabel) = ("", "", nil, nil, false, false)
                index = quoted.resume
            } else if valueLabel == .strong,
                StrongSecretLabels.startsSpan(characters, at: index - 1, afterWord: !word.isEmpty, inPath: labelInPath(before: index - 1 - word.count))
            {
                index = readValueSpan(from: index - 1 - word.count)
            } else if character == ".", index < characters.count, isWordCharacter(characters[index]) || characters[index] == ".",
                DottedTokens.continues(decodedJoiners(word))
            {
                // A JWT's or SendGrid key's dot joins its parts into one word (`DottedTokens`); a JWE's part may be empty.
                word.append(character)
            } else if character == "%", let width = joinerWidth(characters, at: index - 1), !word.isEmpty || index - 1 + width < characters.count
                && isWordCharacter(characters[index - 1 + width])
            {
                // `whsec%5F…`, `sk%5Flive%5F…`: an escaped `_` or `-` (once or twice encoded) joins a word as the character
                // itself does, and the word is judged decoded (probe36 P36-4: an encoded webhook secret was printed).
                word.append(contentsOf: characters[(index - 1)..<(index - 1 + width)])
                index += width - 1
            } else if character == "%", index + 1 < characters.count, let high = characters[index].asciiValue.flatMap(ShapedCredentials.hexValue),
                let low = characters[index + 1].asciiValue.flatMap(ShapedCredentials.hexValue)
            {
                // A percent-escape ends a word as its character would, and `%3D`/`%3A` label one as `=`/`:` do (probe29 P29-1).
                let escaped = high << 4 | low
                flush(next: "%", after: nil)
                bareStrong = false
                afterLabel = (escaped == 0x3D || escaped == 0x3A) && !lastWord.isEmpty && Redactor.isSecretName(lastWord)
                followLabel(
                    separator: escaped == 0x3D ? "=" : escaped == 0x3A ? ":" : nil,
                    skipped: SecretLabels.isSkippedEscape(characters[index].asciiValue ?? 0, characters[index + 1].asciiValue ?? 0),
                    quote: escaped == 0x22 || escaped == 0x27)
                lastWord = ""
                result.append(character)
                result.append(characters[index])
                result.append(characters[index + 1])
                index += 2
            } else {
                flush(next: character, after: index < characters.count ? characters[index] : nil)
                if " \t\"'\\(".contains(character) {
                    if !lastWord.isEmpty {
                        bareStrong = labelKind(lastWord, endingAt: result) == .strong
                            || StrongSecretLabels.bareSchemes.contains(lastWord.lowercased())
                    }
                } else {
                    bareStrong = false
                }
                afterLabel = (character == "=" || character == ":") && !lastWord.isEmpty && Redactor.isSecretName(lastWord)
                followLabel(
                    separator: character == "=" || character == ":" ? character : nil, skipped: " \t\"'\\".contains(character),
                    quote: character == "\"" || character == "'")
                lastWord = ""
                result.append(character)
            }
        }
        flush(next: nil, after: nil)
        return result
    }

    /// Which label `word` (the last word before a separator, decoded) is, `text` being what was written up to its end:
    /// strong (`password`, `API key`: `StrongSecretLabels`), weak (`SecretLabels.names`), or none.
    private static func labelKind(_ word: String, endingAt text: String) -> LabelKind? {
        guard SecretLabels.isLabel(word) else { return nil }
        if StrongSecretLabels.cursorLabels.contains(word.lowercased()) { return .weak }
        var text = text
        let strong = text.withUTF8 { StrongSecretLabels.endsInName($0, before: $0.count) }
            || { var word = word; return word.withUTF8 { StrongSecretLabels.endsInName($0, before: $0.count) } }()
        return strong ? .strong : .weak
    }

    /// What a label makes of the word after it: any value after a strong one, a key-like one after a weak one.
    enum LabelKind { case weak, strong }

    /// The characters of an escaped `_` or `-` at `index` (a `%`): 3 (`%5F`, `%2d`), 5 encoded twice (`%255F`), or nil.
    static func joinerWidth(_ characters: [Character], at index: Int) -> Int? {
        func hex(_ offset: Int) -> String? {
            guard index + offset + 1 < characters.count else { return nil }
            return String(characters[(index + offset)...(index + offset + 1)]).lowercased()
        }
        guard characters[index] == "%" else { return nil }
        if let digits = hex(1), digits == "5f" || digits == "2d" { return 3 }
        if hex(1) == "25", let digits = hex(3), digits == "5f" || digits == "2d" { return 5 }
        return nil
    }

    /// `word` with each escaped `_` or `-` (`%5F`, `%2D`, `%255F`, `%252D`, either case) as the character: `whsec%5Fab12` →
    /// `whsec_ab12`. `word` itself when it has no `%`.
    static func decodedJoiners(_ word: String) -> String {
        guard word.utf8.contains(UInt8(ascii: "%")) else { return word }
        let characters = Array(word)
        var result = ""
        var index = 0
        while index < characters.count {
            if let width = joinerWidth(characters, at: index) {
                result.append(String(characters[index + width - 2...index + width - 1]).lowercased() == "5f" ? "_" : "-")
                index += width
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// True for a word of lower-case hex digits and `-` only: a UUID, a hash, a hex request id. No prefix's token is one
    /// (`EAA…` is upper case, `sk_`/`whsec_` hold `_`), though `eaa…` starts like one when prefixes are read in any case:
    /// 3 of 10,000 webhook delivery ids (`eaa16ffb-f974-49ef-851d-9278bbb3816b`) were printed `<redacted>` by
    /// `deliveries` in every form, and could not be looked up (found by the session 64 bench's item count).
    static func isLowercaseHex(_ word: some StringProtocol) -> Bool {
        isLowercaseHex(word.utf8)
    }

    /// `isLowercaseHex` of a word's bytes (`ShapedCredentials.mayOccur`'s reading, which must agree).
    static func isLowercaseHex(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D }
    }

    /// True for a word after a secret-named label that starts with a credential prefix and goes on past it with a
    /// token's body (`hasTokenBody`: `EAAGm0PX4Z`); `EAA` alone or an environment variable's name is none.
    static func isLabelledToken(_ word: String) -> Bool {
        guard !HistoryPolicy.isEnvironmentName(word) else { return false }
        let lower = word.lowercased()
        guard let prefix = HistoryPolicy.tokenPrefixes.first(where: { lower.hasPrefix($0) && word.count > $0.count }) else {
            return false
        }
        return hasTokenBody(word.dropFirst(prefix.count))
    }

    /// True when `rest`, what follows a credential prefix, reads as a token's random part: it holds a digit, or changes
    /// between lower and upper case inside its words at least twice (`AbCdEf`). Words joined by `_` or `-`, capitalised
    /// or not, are none: `kapso_welcome_message`, `sk_order_reminder`, `Kapso_Support_Line` are a template's, a tag's or
    /// a name's words (probe36 P36-7: they were masked in every sink, `no template named '<redacted>'`, and transcripts
    /// could not replay them). A prefix alone no longer makes a token; its body must look like one.
    static func hasTokenBody(_ rest: Substring) -> Bool {
        if rest.contains(where: \.isNumber) { return true }
        let changes = rest.split(whereSeparator: { $0 == "_" || $0 == "-" }).reduce(0) { $0 + HistoryPolicy.classChanges(String($1)).changes }
        return changes >= 2
    }

    /// True for a word with a credential prefix (any ASCII case), at least `minimumLength` characters, whose rest
    /// looks random (`hasTokenBody`); an environment variable's name (`KAPSO_API_KEY`) is none.
    static func isToken(_ word: String) -> Bool {
        guard word.count >= minimumLength, !HistoryPolicy.isEnvironmentName(word), !isLowercaseHex(word) else { return false }
        let lower = word.lowercased()
        guard let prefix = HistoryPolicy.tokenPrefixes.first(where: { lower.hasPrefix($0) }) else { return false }
        return hasTokenBody(word.dropFirst(prefix.count))
    }

}

extension Redactor {
    /// An error line as every sink shows it: known secrets and their pieces redacted (`redact(_:)`), then every
    /// token-shaped word (`TokenShapes`), learned or not.
    public func redact(errorLine line: String) -> String {
        TokenShapes.masked(redact(line))
    }
}
