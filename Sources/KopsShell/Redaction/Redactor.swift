public import KapsoClient
internal import KapsoDiagnostics
public import KopsHTTP

/// Masks secrets on the way to every sink: by field name in JSON and by known value in text.
///
/// Fields named like `secret_key`, `api_key`, `token` or `authorization` keep only a masked form
/// (`whsec_…23`); any occurrence of a known secret's value in text becomes `<redacted>`.
///
/// Each redaction starts with a test that reads bytes and allocates nothing (`needsRedaction`), and
/// returns its input unchanged when no secret can be in it: the shell redacts every result it shows.
public struct Redactor: Sendable {
    /// Everything the redactor holds, in one box: the shell hands a copy to every command, sink and stream (about 780
    /// copies in `scripts/bench`'s replay), and a copy of the box is one retain where the dozen arrays and strings it
    /// holds were a dozen. A change copies the box first when another `Redactor` shares it (`uniqueBox()`).
    private var box: Box

    /// Values that must never be printed (the API key, secrets seen in responses).
    public var knownSecrets: [Secret] {
        get { box.knownSecrets }
        set {
            let box = uniqueBox()
            box.knownSecrets = newValue
            box.secretPatterns = SecretPatterns(newValue)
            box.secretFragments = SecretFragments(newValue)
            box.shortCutEchoes = ShortCutEchoes(newValue)
            box.learned = []
            box.learnedSources = []
            box.lastAnswer = nil
        }
    }

    /// The JSONs `learn(from:)` walked last (at most `learnedLimit`, oldest first), while `knownSecrets` has changed
    /// only by what those walks added: learning one again would add nothing (`Redactor+Learning.swift`).
    var learned: [JSONValue] {
        get { box.learned }
        set { uniqueBox().learned = newValue }
    }
    /// What the answers `learn(from:source:)` took last were read from (at most `learnedLimit`, oldest first), under the
    /// same condition as `learned`.
    var learnedSources: [AnswerSource] {
        get { box.learnedSources }
        set { uniqueBox().learnedSources = newValue }
    }
    /// The last answer `learn(from:source:)` was told of, under the same condition: the shell then learns the command's
    /// result, for a list that same page.
    var lastAnswer: JSONValue? {
        get { box.lastAnswer }
        set { uniqueBox().lastAnswer = newValue }
    }

    /// The values of `knownSecrets` kops holds as signing secrets (`Redactor+SigningSecrets`): a webhook's `secret_key`
    /// read in an answer, a `--secret`, `--secret-key` or `--meta-secret` value given; a write refuses to send them
    /// whatever their shape (tester62 AL17).
    var signingSecrets: [String] {
        get { box.signingSecrets }
        set { uniqueBox().signingSecrets = newValue }
    }
    /// Where each of `signingSecrets` came from, by value, when known (`Redactor+SigningSecrets`).
    var signingOrigins: [String: SigningOrigin] {
        get { box.signingOrigins }
        set { uniqueBox().signingOrigins = newValue }
    }

    /// `knownSecrets` as bytes, for `needsRedaction`.
    var secretPatterns: SecretPatterns { box.secretPatterns }
    /// Runs of 8 or more characters of `knownSecrets` (a key echoed cut short, upper-cased or in base64).
    var secretFragments: SecretFragments { box.secretFragments }
    /// A short secret's start or end next to an ellipsis, below the 8 characters of `secretFragments` (tester51b F5).
    var shortCutEchoes: ShortCutEchoes { box.shortCutEchoes }
    /// A secret the user asked to see, left in clear in secret-named fields too (`revealing`); nil for every sink
    /// but the terminal.
    private var revealed: String? {
        get { box.revealed }
        set { uniqueBox().revealed = newValue }
    }

    public init(knownSecrets: [Secret] = []) {
        let kept = knownSecrets.filter { $0.revealed.count >= 4 }
        box = Box(
            knownSecrets: kept, secretPatterns: SecretPatterns(kept), secretFragments: SecretFragments(kept),
            shortCutEchoes: ShortCutEchoes(kept))
    }

    /// The box, first copied when another `Redactor` shares it: this one's change is its own.
    private mutating func uniqueBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return box
    }

    /// Secret field names, whole or as the last words of a longer name (`SecretFieldName`): `client_secret`,
    /// `crm_refresh_token`, `aws_secret_access_key`, `clientSecret`.
    static let secretFields: Set<String> = [
        "secret_key", "secret", "api_key", "apikey", "token", "access_token", "authorization", "x-api-key",
        "password", "passwd", "passphrase", "api-key", "secretkey", "private_key", "privatekey", "access_key", "accesskey",
        "signing_key", "signingkey",
    ]

    /// This redactor for the terminal of a result that reveals `secret` (`webhooks get --reveal-secret`, a generated
    /// secret): the secret stays in clear, in text and in a secret-named field such as `secret_key`; every other
    /// secret is masked as before.
    func revealing(_ secret: String) -> Redactor {
        var copy = self
        copy.knownSecrets.removeAll { $0.revealed == secret }
        copy.revealed = secret
        return copy
    }

    /// A copy of `json` with every secret-named string field masked; `json` itself when nothing is to mask.
    public func redact(_ json: JSONValue) -> JSONValue {
        guard needsRedaction(json) else { return json }
        switch json {
        case .array(let items):
            return .array(items.map(redact))
        case .object(let object):
            // Keys are unique already: the entries keep their order without the subscript's look-ups.
            var copy = object
            let webhook = Redactor.isWebhook(object)
            copy.entries = object.entries.map { entry in
                if Redactor.isSecretField(entry.key), let value = entry.value.string, value != revealed {
                    return JSONObject.Entry(key: entry.key, value: .string(Secret(value).masked))
                }
                // A flow's answers: a PIN, a card's number the contact typed (`FlowAnswers`), by field, in the JSON text.
                if Redactor.isFlowAnswers(entry), FlowAnswers.holdsSecret(entry.value) {
                    return JSONObject.Entry(key: entry.key, value: redact(FlowAnswers.redactedResponse(entry.value)))
                }
                // A webhook's custom headers may carry its receiver's credentials (a Cookie, a password).
                if webhook, entry.key == "headers", case .object(var headers) = entry.value {
                    headers.entries = headers.entries.map { JSONObject.Entry(key: $0.key, value: .string("<redacted>")) }
                    return JSONObject.Entry(key: entry.key, value: .object(headers))
                }
                return JSONObject.Entry(key: entry.key, value: redact(entry.value))
            }
            return .object(copy)
        case .string(let text):
            return .string(redact(text))
        default:
            return json
        }
    }

    /// `text` with every known secret value replaced by `<redacted>`; `text` itself when none is in it.
    public func redact(_ text: String) -> String {
        redact(text, maskingURLCredentials: true)
    }

    /// `redact(_:)`, with the credentials in URLs left as they are unless `maskingURLCredentials`.
    func redact(_ text: String, maskingURLCredentials: Bool) -> String {
        guard needsRedaction(text) else { return text }
        // The secret the user asked to see is kept whole, the text around it read on its own: a piece of it shared
        // with another secret (8 characters of the API key) masked it, under a warning that it was shown (P46-5).
        if let revealed, !revealed.isEmpty, ByteSearch.contains(revealed, in: text) {
            var around = self
            around.revealed = nil
            return text.split(separator: revealed, omittingEmptySubsequences: false)
                .map { around.redact(String($0), maskingURLCredentials: maskingURLCredentials) }.joined(separator: revealed)
        }
        // URLs first: a known secret masked inside a URL (`/in/<redacted>?token=…`) would end the URL at its `<`,
        // and the credentials after it would be left as they are.
        var result = maskingURLCredentials ? Redactor.maskURLCredentials(text) : text
        // Values under 4 characters are not secrets worth masking: a 1-letter test key would mask every 'k'. A plain word
        // is left where it is a label of a host name (`HostLabelSecrets`, tester46 L3). Before the shapes: a known
        // secret with a `/` or `+` in it (`whsec_` and base64) was cut by the shape's word at the `/`, and the rest of
        // it, no longer the whole secret, was printed (tester53b U6: `<redacted>/abcdefghijklmnopqrst`).
        for secret in knownSecrets where ByteSearch.contains(secret.revealed, in: result) && secret.revealed.count >= 4 {
            result = HostLabelSecrets.replacing(secret.revealed, in: result)
        }
        // Then what the text shows of a credential kops never learned: a token-shaped word, a path's `?access_token=`.
        if maskingURLCredentials { result = ShapedCredentials.masked(result, except: revealed) }
        if !secretFragments.isEmpty { result = secretFragments.masked(result) }
        if !shortCutEchoes.isEmpty { result = shortCutEchoes.masked(result) }
        return Redactor.maskHeaders(BasicCredentials.masked(CurlUserCredentials.masked(result)))
    }

    /// False when `text` holds no known secret and no credential header: `redact` would return it unchanged.
    ///
    /// The known secrets' tests share one reading: the 8-byte windows of the secrets' forms in the text
    /// (`SecretFragments.hits`) are found once; none found, no secret of 8 bytes or more is in it, and `secretPatterns`
    /// looks for the shorter ones only. curl's user flag and Basic credentials are looked for in one scan
    /// (`UserOrBasicCredentials`). The box's tests are read in place, not copied (a copy of `secretFragments` retained
    /// and released its six arrays at every text). `Perf69OneWalkTests` compares the answer with the five tests asked
    /// one by one (docs/performance.md, "Session 69").
    func needsRedaction(_ text: String) -> Bool {
        var text = text
        let box = self.box
        return text.withUTF8 { bytes in
            let hits = box.secretFragments.hits(in: bytes, first: false)
            if box.secretPatterns.occurs(in: bytes, windowsFound: !hits.isEmpty) { return true }
            // `mayMaskFragments`: with a revealed secret any window answers true.
            if !hits.isEmpty, (box.revealed?.isEmpty ?? true) ? box.secretFragments.changes(bytes, hits: hits) : true { return true }
            if box.shortCutEchoes.occurs(in: bytes) || UserOrBasicCredentials.mayOccur(in: bytes) { return true }
            // The header and URL tests and the shaped credentials' in one walk (`PrintsAsIsTests` checks it against the
            // three).
            return ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.credentialHeaderBytes)
        }
    }

    /// True when `secretFragments.masked` may change the text of `bytes`, as `redact` runs it: exactly when nothing is
    /// revealed (`SecretFragments.changes`); with a revealed secret `redact` reads the text around it piece by piece, and
    /// any 8 bytes of a secret answer true (`occurs`).
    func mayMaskFragments(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        revealed?.isEmpty ?? true ? secretFragments.changes(bytes) : secretFragments.occurs(in: bytes)
    }

    /// False when no field of `json` is secret-named and no string in it needs redaction.
    func needsRedaction(_ json: JSONValue) -> Bool {
        switch json {
        case .array(let items):
            return items.contains { needsRedaction($0) }
        case .object(let object):
            if Redactor.isWebhook(object), object["headers"]?.object?.entries.isEmpty == false { return true }
            return object.entries.contains { entry in
                if case .string = entry.value, Redactor.isSecretField(entry.key) { return true }
                if Redactor.isFlowAnswers(entry), FlowAnswers.holdsSecret(entry.value) { return true }
                return needsRedaction(entry.value)
            }
        case .string(let text):
            return needsRedaction(text)
        default:
            return false
        }
    }

    /// True for a flow reply's `response_json` (`FlowAnswers`), a string of JSON or an object.
    static func isFlowAnswers(_ entry: JSONObject.Entry) -> Bool {
        entry.key.utf8.count == 13 && entry.key == "response_json"
    }

    /// True for a field name in `secretFields`, in any ASCII case (`Authorization`, `X-API-Key`), or one that ends
    /// with such a name as its last words (`client_secret`, `verify_token`: `SecretFieldName`).
    static func isSecretField(_ key: String) -> Bool {
        // Secret names are 5 ASCII letters or more; a non-ASCII key that lowercases to one (the Kelvin sign K
        // becomes k) has at most 3 bytes a letter. Most keys are ruled out by their length alone.
        let count = key.utf8.count
        guard count >= 5, count <= 80 else { return false }
        var key = key
        return key.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return SecretFieldName.isSecret(Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8))
            }
            return SecretFieldName.isSecret(bytes)
        }
    }
}

// MARK: - Box

extension Redactor {
    /// The redactor's state. `@unchecked Sendable`: a box is changed only through `uniqueBox()`, when no other
    /// `Redactor` holds it, so no two threads ever see it change (copy on write, as the standard library's arrays).
    fileprivate final class Box: @unchecked Sendable {
        var knownSecrets: [Secret]
        var learned: [JSONValue] = []
        var learnedSources: [AnswerSource] = []
        var lastAnswer: JSONValue?
        var secretPatterns: SecretPatterns
        var secretFragments: SecretFragments
        var shortCutEchoes: ShortCutEchoes
        var revealed: String?
        var signingSecrets: [String] = []
        var signingOrigins: [String: SigningOrigin] = [:]

        init(
            knownSecrets: [Secret], secretPatterns: SecretPatterns, secretFragments: SecretFragments,
            shortCutEchoes: ShortCutEchoes
        ) {
            self.knownSecrets = knownSecrets
            self.secretPatterns = secretPatterns
            self.secretFragments = secretFragments
            self.shortCutEchoes = shortCutEchoes
        }

        func copy() -> Box {
            let copy = Box(
                knownSecrets: knownSecrets, secretPatterns: secretPatterns, secretFragments: secretFragments,
                shortCutEchoes: shortCutEchoes)
            copy.learned = learned
            copy.learnedSources = learnedSources
            copy.lastAnswer = lastAnswer
            copy.revealed = revealed
            copy.signingSecrets = signingSecrets
            copy.signingOrigins = signingOrigins
            return copy
        }
    }
}
