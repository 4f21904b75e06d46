internal import Foundation
internal import KapsoDiagnostics
public import KapsoClient
public import KopsHTTP

extension Redactor {
    /// Headers whose values never appear in text: `Authorization: Bearer …` → `Authorization: <redacted>`.
    static let credentialHeaders = ["authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"]

    /// Signature headers: masked in transcripts; the terminal shows them (`payload sample` prints one
    /// made with a placeholder secret, for checking a receiver).
    static let signatureHeaders = ["x-webhook-signature", "x-hub-signature-256", "x-hub-signature"]

    static let credentialHeaderBytes = HeaderNames(credentialHeaders)

    /// True for a header whose value is a credential: one of `credentialHeaders`, or a name the URL credential list
    /// reads as one (`X-Custom-Auth`, `X-Webhook-Token`, `X-Session-Id`: `CredentialParameters`), in any case. A
    /// signature header is none: its HMAC gives the secret away no more than the body does, and `--verbose` shows it
    /// for checking a receiver.
    static func isCredentialHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        if credentialHeaders.contains(lower) { return true }
        return !signatureHeaders.contains(lower) && CredentialParameters.isCredential(name: name)
    }
    static let headerBytesWithSignatures = HeaderNames(credentialHeaders + signatureHeaders)

    /// Flags whose value is a secret in a command line: `verify --secret S` → `verify --secret <redacted>`.
    static let secretFlags: Set<String> = ["--secret", "--secret-key", "--meta-secret", "--api-key", "--token", "--password"]

    /// True for a flag whose value is a secret: one of `secretFlags`, or a word no command takes that is a
    /// shortening or a near-miss of one (`--sec`, `--secert`, `--pass`, `--api-kye`). The shell refuses such a
    /// flag ("did you mean '--secret'?"), but the value after it is what the user meant as the secret.
    static func isSecretFlag(_ word: String) -> Bool {
        if secretFlags.contains(word) { return true }
        guard word.hasPrefix("--"), word.count >= 4, !knownFlags.contains(word) else { return false }
        let typed = Array(word.lowercased())
        return secretFlags.contains { flag in
            flag.hasPrefix(String(typed)) || Suggestion.alignmentDistance(typed, Array(flag)) <= 2
        }
    }

    /// Every flag some command takes: none of them is a misspelt secret flag (`--to` is no `--token`).
    static let knownFlags = Set(CommandRegistry.standard.commands.flatMap { $0.flags.map(\.name) })

    /// True for a `set` variable name that looks like it holds a secret (`api_key`, `hook_secret`, `TOKEN`,
    /// `db_password`, `pw`, `bearer`, `whsec`): its value is masked in transcripts and the line stays out of history.
    static func isSecretName(_ name: String) -> Bool {
        asciiIsSecretName(name) ?? isSecretNameByCharacter(name)
    }

    /// `isSecretName` read as `Character`s: what `asciiIsSecretName` must agree with, and the reading of a name with
    /// a byte past ASCII.
    static func isSecretNameByCharacter(_ name: String) -> Bool {
        let lower = name.lowercased()
        let parts = lower.split { !$0.isLetter && !$0.isNumber }
        return secretNameWords.contains { lower.contains($0) } || parts.contains { secretNameParts.contains(String($0)) }
    }

    /// `NAME=VALUE` split at its first `=` when NAME looks secret (`webhook_secret=whsec_…`), else nil.
    static func secretAssignment(_ word: String) -> (name: String, value: String)? {
        guard let equals = word.firstIndex(of: "="), isSecretName(String(word[..<equals])) else { return nil }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// The source ranges (unicode-scalar offsets) of the secret values in one lexed command: the word after
    /// a secret flag, a `--secret=VALUE` word, and everything after the name in `set NAME VALUE...` or `set NAME=VALUE...`.
    static func secretSources(in command: [WordSpan]) -> [(range: Range<Int>, replacement: String)] {
        var found: [(Range<Int>, String)] = []
        // Words after a secret flag's value that may be the rest of it are masked with it (`strayWords`).
        var strays: Set<Int>?
        func valueEnd(_ offset: Int) -> Int {
            let words = strays ?? strayWords(in: command)
            strays = words
            var last = offset
            while words.contains(last + 1) { last += 1 }
            return command[last].source.upperBound
        }
        for (index, span) in command.enumerated() {
            let text = span.word.text
            if isSecretFlag(text), index + 1 < command.count {
                found.append((command[index + 1].source.lowerBound..<valueEnd(index + 1), "<redacted>"))
            } else if let equals = text.firstIndex(of: "="), isSecretFlag(String(text[..<equals])) {
                found.append((span.source.lowerBound..<valueEnd(index), text[..<equals] + "=<redacted>"))
            } else if text == keyCommandFlag, index + 1 < command.count,
                KeyCommand.masked(command[index + 1].word.text) != command[index + 1].word.text
            {
                // `profile add --key-command 'echo kapso_live_…'`: the profile is refused, the line is still recorded.
                found.append((command[index + 1].source, "'" + KeyCommand.masked(command[index + 1].word.text) + "'"))
            } else if text.hasPrefix(keyCommandFlag + "="),
                KeyCommand.masked(String(text.dropFirst(keyCommandFlag.count + 1))) != String(text.dropFirst(keyCommandFlag.count + 1))
            {
                found.append((span.source, keyCommandFlag + "='" + KeyCommand.masked(String(text.dropFirst(keyCommandFlag.count + 1))) + "'"))
            } else if text == keyEnvFlag, index + 1 < command.count, Self.keyEnvHidden(command[index + 1].word.text) {
                // `profile add --key-env KEY`: the value `profile add` refuses as the key itself (probe34 P34-5).
                found.append((command[index + 1].source, "<redacted>"))
            } else if text.hasPrefix(keyEnvFlag + "="), Self.keyEnvHidden(String(text.dropFirst(keyEnvFlag.count + 1))) {
                found.append((span.source, keyEnvFlag + "=<redacted>"))
            } else if text == headersFlag, index + 1 < command.count {
                // JSON typed without its outer quotes (`--headers {"Authorization": "Bearer …"}`) is split at its blanks:
                // the words after it up to the next flag are the rest of it (probe45 P45-2: a bearer token was recorded).
                var last = index + 1
                var value = command[last].word.text
                if value.hasPrefix("{"), (try? JSONValue.parse(Array(value.utf8))) == nil {
                    while last + 1 < command.count, !command[last + 1].word.text.hasPrefix("--") {
                        last += 1
                        value += " " + command[last].word.text
                    }
                }
                if holdsHeaderValue(value) {
                    found.append((command[index + 1].source.lowerBound..<command[last].source.upperBound, "'" + redactedHeaders(value) + "'"))
                }
            } else if text.hasPrefix(headersFlag + "="), holdsHeaderValue(String(text.dropFirst(headersFlag.count + 1))) {
                found.append((span.source, headersFlag + "='" + redactedHeaders(String(text.dropFirst(headersFlag.count + 1))) + "'"))
            }
        }
        found += profileNameSources(in: command)
        if command.first?.word.text == "set" {
            let rest = command.dropFirst().drop { $0.word.text.hasPrefix("--") }
            if let first = rest.first, let assigned = secretAssignment(first.word.text), let last = rest.last {
                // `set NAME=VALUE…` (the `--var` spelling, which `set` refuses): the value is still a secret.
                found.append((first.source.lowerBound..<last.source.upperBound, assigned.name + "=<redacted>"))
            } else if let name = rest.first, isSecretName(name.word.text), rest.count > 1, let last = rest.last {
                found.append((rest[rest.startIndex + 1].source.lowerBound..<last.source.upperBound, "<redacted>"))
            }
        }
        return found
    }

    /// `text` with the value of every credential header (and signature header when asked), to the end of
    /// its line or a closing quote, replaced by `<redacted>`.
    public static func maskHeaders(_ text: String, signatures: Bool = false) -> String {
        guard ByteSearch.containsHeader(signatures ? headerBytesWithSignatures : credentialHeaderBytes, in: text) else {
            return text
        }
        let secretHeaders = credentialHeaders + (signatures ? signatureHeaders : [])
        var characters = Array(text)
        var folded = characters.map { $0.isASCII ? Character($0.lowercased()) : $0 }
        var index = 0
        while index < characters.count {
            guard let header = secretHeaders.first(where: { matches($0, in: folded, at: index) }) else {
                index += 1
                continue
            }
            // `Name: value` in text, or `"Name": "value"` in JSON.
            var start = index + header.count
            if start < characters.count, characters[start] == "\"" { start += 1 }
            guard start < characters.count, characters[start] == ":" else {
                index = start
                continue
            }
            start += 1
            while start < characters.count, characters[start] == " " || characters[start] == "\"" { start += 1 }
            // The value ends at the line's end or where a quoted or JSON value would end (`'`, `"`, `,`, `}`), so
            // the rest of an error line that echoes unquoted JSON still says what was wrong.
            // A value masked already (a table cell, redacted before its row was laid out) ends at its mask: read to the
            // line's end again it took the columns after it (probe29 P29-2: FIRST, LAST and MEANING were gone).
            let maskedAlready = characters[start...].starts(with: "<redacted>")
            var end = start
            while !maskedAlready, end < characters.count, !characters[end].isNewline, !"\"',}".contains(characters[end]) { end += 1 }
            if end > start {
                characters.replaceSubrange(start..<end, with: Array("<redacted>"))
                folded.replaceSubrange(start..<end, with: Array("<redacted>"))
            }
            index = start + 1
        }
        return String(characters)
    }

    /// `text` with the credentials inside URLs replaced by `<redacted>`: the password of `user:pass@` (or a lone
    /// `token@`) and the values of credential-named query and fragment parameters. A receiver authenticated by its URL is as
    /// common as one authenticated by a header, so its URL is shown as `https://user:<redacted>@host/p?token=<redacted>`.
    public static func maskURLCredentials(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8(URLCredentialScan.mayHoldCredentials) else { return text }
        return maskURLCredentialsByCharacter(text)
    }

    /// `maskURLCredentials` without its byte test first: what the test must agree with (`URLCredentialScanTests`).
    ///
    /// `found` is given each value it masks (a password, a credential parameter's value), as written in the URL.
    static func maskURLCredentialsByCharacter(_ text: String, found: ((String) -> Void)? = nil) -> String {
        URLSpans.rewriting(text) { url, maskedAfter in
            let authorityEnd = url.firstIndex { "/?#".contains($0) } ?? url.count
            if let at = url[..<authorityEnd].lastIndex(of: "@"), at > 0 {
                let userinfo = url[..<at]
                let secretStart = userinfo.firstIndex(of: ":").map { $0 + 1 } ?? 0
                if String(url[secretStart..<at]) != "<redacted>" {
                    found?(String(url[secretStart..<at]))
                    url.replaceSubrange(secretStart..<at, with: Array("<redacted>"))
                }
            }
            // The query (after `?`, before `#`) and the fragment (`#access_token=…`), the fragment first so the
            // query's indices stay right. `token=<redacted>&x=1` masked already (a JSON value redacted, then its rendered
            // text): the URL ends at the `<`, so its last pair reads `token=` with nothing after; masked again it showed
            // `token=<redacted><redacted>` (probe22 P22-23).
            let hash = url.firstIndex(of: "#")
            if let hash { maskCredentialPairs(in: &url, (hash + 1)..<url.count, maskedAfter: maskedAfter, found: found) }
            if let question = url.firstIndex(of: "?"), question < (hash ?? url.count) {
                maskCredentialPairs(
                    in: &url, (question + 1)..<(hash ?? url.count), maskedAfter: maskedAfter && hash == nil, found: found)
            }
            maskPathParameters(in: &url, found: found)
        }
    }

    /// `url[section]`'s `name=value` pairs (split at `&`) with the values of credential-named ones replaced; with
    /// `maskedAfter` (the URL is followed by `<redacted>`), an empty last value is that mask's, left as it is.
    private static func maskCredentialPairs(
        in url: inout [Character], _ section: Range<Int>, maskedAfter: Bool, found: ((String) -> Void)?
    ) {
        let pairs = url[section].split(separator: "&", omittingEmptySubsequences: false)
        let masked = pairs.enumerated().map { offset, pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            if maskedAfter, offset == pairs.count - 1, pair.index(after: equals) == pair.endIndex { return String(pair) }
            guard CredentialParameters.isCredential(name: String(pair[..<equals])) else { return String(pair) }
            // Punctuation ending the URL is the sentence's (probe29 P29-2: listen's "forwarding to …?token=abc; signatures
            // …"; probe40 P40-3: Google Chat's `(…?key=K&token=T): 1 of 1 …` lost its `):`), `URLSpans.sentenceEnds`.
            let value = pair[pair.index(after: equals)...]
            let trailing = offset == pairs.count - 1 && section.upperBound == url.count ? URLSpans.trailingPunctuation(value) : 0
            guard trailing == 0 || trailing < value.count, !CredentialParameters.isTemplatePlaceholder(value.dropLast(trailing)) else {
                return String(pair)
            }
            found?(String(value.dropLast(trailing)))
            return String(pair[...equals]) + "<redacted>" + String(value.suffix(trailing))
        }
        url.replaceSubrange(section, with: Array(masked.joined(separator: "&")))
    }

    private static func matches(_ word: String, in characters: [Character], at index: Int) -> Bool {
        guard index == 0 || !(characters[index - 1].isLetter || characters[index - 1] == "-") else { return false }
        let pattern = Array(word)
        guard index + pattern.count <= characters.count else { return false }
        return Array(characters[index..<(index + pattern.count)]) == pattern
    }

    /// A command line as it may be written to a transcript: secret flag values and the values of
    /// secret-looking `set` variables masked, known secrets replaced; the rest stays as typed.
    ///
    /// Works on the lexer's own words, so a secret after a tab, in quotes or in `--flag=value` form is
    /// found exactly as the command will read it. A line that does not lex is split on whitespace.
    ///
    /// The restore file beside a transcript gets this same line (probe24 P24-1: it kept a URL's password and
    /// `?token=` as typed, for `kops check` to send them again, while every other sink redacted them): a line whose
    /// secret was redacted is not replayable, as one with `--secret-key` is.
    public func redact(commandLine line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        let commands = (try? Lexer.spans(in: line)) ?? Redactor.whitespaceSpans(scalars)
        let masked = commands.flatMap(Redactor.secretSources).sorted { $0.range.lowerBound < $1.range.lowerBound }
        var result = ""
        var position = 0
        for (range, replacement) in masked where range.lowerBound >= position {
            result.unicodeScalars.append(contentsOf: scalars[position..<range.lowerBound])
            result += replacement
            position = range.upperBound
        }
        result.unicodeScalars.append(contentsOf: scalars[position...])
        return redact(result)
    }

    /// Words split on any whitespace and `;`, for lines the lexer refuses (an unterminated quote).
    static func whitespaceSpans(_ scalars: [Unicode.Scalar]) -> [[WordSpan]] {
        var commands: [[WordSpan]] = [[]]
        var start: Int?
        for index in 0...scalars.count {
            let separator = index == scalars.count || scalars[index].properties.isWhitespace || scalars[index] == ";"
            if separator, let begun = start {
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[begun..<index])
                commands[commands.count - 1].append(WordSpan(word: Word(text, column: begun + 1), source: begun..<index))
                start = nil
            } else if !separator && start == nil {
                start = index
            }
            if index < scalars.count && scalars[index] == ";" { commands.append([]) }
        }
        return commands
    }

    /// `profile add`'s variable name for the key: a value `KeyEnvName` reads as the key itself is a secret (a hex key
    /// pasted where its variable's name goes, which no token shape catches: probe34 P34-5).
    static let keyEnvFlag = "--key-env"

    /// True for a `--key-env` value shown `<redacted>` in every sink: the key itself (`KeyEnvName.read` `.secret`), or a
    /// value shaped like one (`KeyEnvName.looksLikeKey`, `test_key_0123456789`), which the history file keeps out and
    /// `profile add` refuses unless a variable of that name is set (tester70b G4: `history` listed it in clear).
    static func keyEnvHidden(_ value: String) -> Bool {
        KeyEnvName.read(value) == .secret || KeyEnvName.looksLikeKey(value)
    }

    /// `profile add`'s key command: its token-shaped words are masked (`KeyCommand.masked`), the rest stays.
    static let keyCommandFlag = "--key-command"

    /// Remembers the values of secret flags (`--secret S`) so they are masked wherever they appear later.
    public mutating func learn(arguments words: [String]) {
        learn(arguments: words, testingBytesFirst: true)
    }

    /// `learn(arguments:)`; without `testingBytesFirst` every word is read in full (the reading the test stands for).
    mutating func learn(arguments words: [String], testingBytesFirst: Bool) {
        for (index, word) in words.enumerated() where !testingBytesFirst || Redactor.mayNameSecret(argument: word) {
            if word == Redactor.headersFlag, index + 1 < words.count {
                // Text that is no JSON object (typed unquoted) is a secret whole: its values cannot be told apart.
                if let headers = (try? JSONValue.parse(Array(words[index + 1].utf8)))?.object {
                    for value in Redactor.secretHeaderValues(.object(headers)) { remember(value) }
                } else {
                    remember(words[index + 1])
                }
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, Redactor.isSecretFlag(parts[0]) {
                remember(parts[1])
                if Redactor.signingFlags.contains(parts[0]) { remember(signing: [parts[1]], from: Redactor.flagOrigin(parts[0], words)) }
            } else if Redactor.isSecretFlag(word), index + 1 < words.count {
                remember(words[index + 1])
                if Redactor.signingFlags.contains(word) { remember(signing: [words[index + 1]], from: Redactor.flagOrigin(word, words)) }
            }
        }
        let setWords = words.first == "set" ? Array(words.dropFirst().drop { $0.hasPrefix("--") }) : []
        if let first = setWords.first, let assigned = Redactor.secretAssignment(first) {
            remember(([assigned.value] + setWords.dropFirst()).joined(separator: " "))
            remember(assigned.value)
        } else if setWords.count > 1 {
            learn(variable: setWords[0], value: setWords.dropFirst().joined(separator: " "))
        }
    }

    /// Remembers the value of a session variable (`set NAME VALUE`, `kops --var NAME=VALUE`, `capture`) when it is
    /// a secret: its name looks secret (`hook_secret`, `API_KEY`: `isSecretName`), or a piece of it starts like a
    /// token (`whsec_…`, `sk_…`: `learn(secretsTypedIn:)`). One rule for every way a variable is set, so `set`
    /// lists a `--var` secret as `<redacted>` as it does a typed one (probe18 P18-15).
    public mutating func learn(variable name: String, value: String) {
        if Redactor.isSecretName(name) { remember(value) }
        learnEveryPiece(secretsTypedIn: value)
    }

    /// Remembers the secrets a typed line shows by their shape, whatever command it is, or none: each piece (split
    /// on whitespace, quotes, `;` and `=`) that starts like a token (`whsec_…`, `sk_…`, `kapso_…`, `EAA…`:
    /// `HistoryPolicy.hasTokenPrefix`, the rule that keeps such lines out of history), and the value of a
    /// `NAME=VALUE` piece whose NAME looks secret (`export WEBHOOK_SECRET=…`). A line kops refuses
    /// (`KAPSO_API_KEY=kapso_live_…` typed into the shell, `profile set api_key …`) then shows only `<redacted>` in
    /// its error and in a transcript (probe8 P8-1).
    public mutating func learn(secretsTypedIn line: String) {
        guard Redactor.mayShowSecret(typedLine: line) else { return }
        learnEveryPiece(secretsTypedIn: line)
    }

    /// `learn(secretsTypedIn:)` without its byte test in front: the reading the test stands for.
    mutating func learnEveryPiece(secretsTypedIn line: String) {
        learnURLCredentials(in: line)
        // A hook's key typed in its URL (`whois https://acme.webhook.office.com/…/IncomingWebhook/HEX/GUID`): an error that
        // names the id it read there, or the URL cut short, shows the key without the URL around it (session 39). Keys
        // under 12 characters (Zapier's) are not learned: masked wherever they appear, they would cut into ids.
        for key in CapabilityURLs.keys(in: line) where key.count >= 12 { remember(key) }
        let pieces = line.split { $0.isWhitespace || "\"';".contains($0) }
        for piece in pieces {
            if let assigned = Redactor.secretAssignment(String(piece.drop { $0 == "-" })) { remember(assigned.value) }
            // A token ending in base64 padding (`whsec_Ab12+cd34=`: a Standard Webhooks secret is `whsec_` and base64,
            // standardwebhooks.com, as its signers' docs word it, e.g. docs.rs dwctl `webhooks/signing.rs`) is no `NAME=VALUE`: read as one, it left nothing after its `=`, and a script's check and every error printed
            // it whole (tester52 item 7: `set note whsec_…=` then the value alone on a later line).
            let unpadded = piece.prefix { $0 != "=" }
            if unpadded.count < piece.count, piece.dropFirst(unpadded.count).allSatisfy({ $0 == "=" }),
                HistoryPolicy.hasTokenPrefix(String(unpadded))
            {
                remember(String(piece))
                continue
            }
            // In `NAME=VALUE` only what follows a `=` is a value: `KAPSO_API_KEY` is a name, not a `kapso_` token.
            let parts = piece.split(separator: "=", omittingEmptySubsequences: false)
            for part in parts.dropFirst(parts.count > 1 ? 1 : 0) where HistoryPolicy.hasTokenPrefix(String(part)) {
                remember(String(part))
            }
        }
    }
}
