internal import Foundation
internal import KapsoDiagnostics
public import KapsoClient
public import KopsHTTP

/// What the redactor learns from a response's JSON, and how a value becomes a known secret.
///
/// A walk collects the values first and adds the new ones to `knownSecrets` in one assignment: each assignment rebuilds
/// `secretPatterns` and `secretFragments` from every known secret (`SecretFragments.init`, about 190,000 instructions
/// with six webhook secrets), so the first webhook list of a session rebuilt them once per secret it taught
/// (docs/performance.md, "Session 42").
extension Redactor {
    /// Remembers the values of secret-named fields in a response, e.g. a webhook's `secret_key`.
    ///
    /// A JSON equal to one of the last `learnedLimit` walked is not walked again: the client's `received` hook learns
    /// each answer, and the shell then learns the command's result, which for a list is that same page (`page.json`);
    /// a session asks the same things again (`scripts/bench`'s replay: 50 reads of four commands, whose answers repeat
    /// from the fifth line on). `==` answers one comparison of array buffers for the same storage and otherwise stops
    /// at the first difference, and a JSON of the same content teaches the same values (`remember` adds a value once).
    /// Any other change of `knownSecrets` (a secret typed, a secret taken out by `revealing`) forgets them all, so a
    /// walk is skipped only while every value it would add is known.
    public mutating func learn(from json: JSONValue?) {
        guard let json else { return }
        // The answer the `received` hook has just taken first: a list's result is that page (the same storage, one
        // comparison), where an older page of the same content in `learned` is compared value by value.
        if let lastAnswer, lastAnswer == json { return }
        if learned.contains(json) { return }
        var values: [String] = []
        var signing: [String] = []
        Redactor.collectSecrets(in: json, into: &values, signing: &signing)
        // What the walks before added stays known: adding this one's values keeps them learned.
        var walked = learned
        remember(all: values)
        if !signing.isEmpty {
            remember(signing: signing)
            rememberSigningOrigins(in: json)
        }
        walked.append(json)
        if walked.count > Redactor.learnedLimit { walked.removeFirst() }
        learned = walked
    }

    /// `learn(from: json)` for a client's answer, skipped when an answer read from the same bytes the same way
    /// (`AnswerSource`: one `memcmp`) was learned while `knownSecrets` changed only by learning: the JSON is then equal
    /// to one walked, and the comparison of trees `learn(from:)` makes cost more than the walk it saves (about 15,000
    /// instructions a webhook page; docs/performance.md, "Session 50"). The JSON is kept as `lastAnswer` either way, so
    /// the shell's learning of the same result finds it by its storage.
    public mutating func learn(from json: JSONValue, source: AnswerSource) {
        var sources = learnedSources
        if !sources.contains(source) {
            // What the answers before taught stays known: adding this one's values keeps them learned (as in
            // `learn(from:)`, whose change of `knownSecrets` empties `learnedSources`).
            learn(from: json)
            sources.append(source)
            if sources.count > Redactor.learnedLimit { sources.removeFirst() }
            learnedSources = sources
        }
        lastAnswer = json
    }

    /// False only when JSON `bytes` hold nothing `learn(from:)` would remember: no secret-named member or credential
    /// header before a colon (`headerAndFieldBytes`, in any ASCII case) and, with `urls`, no URL that may carry
    /// credentials.
    static func mayTeachSecrets(_ bytes: UnsafeBufferPointer<UInt8>, urls: Bool = true) -> Bool {
        ByteSearch.containsHeader(headerAndFieldBytes, in: bytes) || urls && URLCredentialScan.mayHoldCredentials(bytes)
    }

    /// How many JSONs `learn(from:)` keeps to compare with, the oldest dropped first: more than the replay's five
    /// distinct answers a round (a phone-number page, a webhook page, the webhook ids `webhooks get` reads, two
    /// webhooks), which four would drop one by one before each came back. A streamed `--all` keeps its last eight pages
    /// alive, not more.
    static let learnedLimit = 8

    /// The values `learn(from:)` remembers in `json`, in document order (repeats and values `remember` refuses
    /// included): secret-named fields' strings, the credentials of URLs in other strings, a webhook's secret headers.
    static func collectSecrets(in json: JSONValue, into values: inout [String]) {
        var signing: [String] = []
        collectSecrets(in: json, into: &values, signing: &signing)
    }

    /// `collectSecrets(in:into:)`, with the values of `secret_key` fields (a webhook's signing secret, kapso-api.md §3.1)
    /// also put in `signing`.
    static func collectSecrets(in json: JSONValue, into values: inout [String], signing: inout [String]) {
        switch json {
        case .array(let items):
            for item in items { collectSecrets(in: item, into: &values, signing: &signing) }
        case .object(let object):
            if let name = apiKeyNameHoldingSecret(object) { values.append(name) }
            for entry in object.entries {
                switch entry.value {
                case .string(let value) where Redactor.isSecretField(entry.key):
                    values.append(value)
                    if entry.key == "secret_key" { signing.append(value) }
                case .string(let value): urlCredentials(in: value, into: &values)
                case .object where entry.key == "headers" && isWebhook(object):
                    values.append(contentsOf: Redactor.secretHeaderValues(entry.value))
                case .array, .object: collectSecrets(in: entry.value, into: &values, signing: &signing)
                default: break
                }
            }
        default:
            break
        }
    }

    /// An API log's `api_key_name` (kapso-api.md §12) when it holds a secret's value rather than a name: token-shaped
    /// itself (`TokenShapes`), or masked where its own `error_message` quotes it (`Invalid API key kp_live_…`: a key
    /// named after its value). Learned as a secret, it is redacted in every column and sink, not only in the message
    /// (tester48's notes: `errors`' WHO column printed the key the same row's error message redacted). Nil otherwise.
    static func apiKeyNameHoldingSecret(_ object: JSONObject) -> String? {
        guard let name = object["api_key_name"]?.string, name.count >= 8 else { return nil }
        if TokenShapes.masked(name) != name { return name }
        guard let message = object["error_message"]?.string, message.contains(name),
            !TokenShapes.masked(message).contains(name)
        else { return nil }
        return name
    }

    /// Remembers the credentials `maskURLCredentials` hides in `text`'s URLs: the password of `user:pass@` (or a lone
    /// `token@`) and each credential parameter's value (`?code=…`), as written and percent-decoded. Masked only inside
    /// its URL, such a value typed again later (`logs search AZFUNCKEY1`, a reply body) went in clear to the transcript,
    /// the restore file and history (probe25 P25-13); learned, it is redacted wherever it appears, as a `--secret-key`
    /// value is.
    mutating func learnURLCredentials(in text: String) {
        var values: [String] = []
        Redactor.urlCredentials(in: text, into: &values)
        remember(all: values)
    }

    /// The values `learnURLCredentials(in:)` remembers in `text`, each as written and then percent-decoded when that
    /// differs.
    static func urlCredentials(in text: String, into values: inout [String]) {
        var bytes = text
        guard bytes.withUTF8(URLCredentialScan.mayHoldCredentials) else { return }
        var found: [String] = []
        _ = Redactor.maskURLCredentialsByCharacter(text) { found.append($0) }
        for value in found where value != "<redacted>" {
            values.append(value)
            if let decoded = value.removingPercentEncoding, decoded != value { values.append(decoded) }
        }
    }

    /// A webhook's JSON (its custom `headers` are secrets), not a sample delivery's headers.
    static func isWebhook(_ object: JSONObject) -> Bool {
        object["headers"] != nil && (object["secret_key"] != nil || object["events"] != nil || object["url"] != nil)
    }

    /// Remembers a secret kops keeps for the user (`capture` of a revealed `secret_key`), masked wherever it appears.
    mutating func remember(secret value: String) { remember(value) }

    mutating func remember(_ value: String) {
        remember(all: [value])
    }

    /// Adds each of `values` that `isRemembered` takes and is not known yet, in order, in one change of `knownSecrets`.
    mutating func remember(all values: [String]) {
        var added: [Secret] = []
        for value in values
        where !knownSecrets.contains(where: { $0.revealed == value }) && !added.contains(where: { $0.revealed == value })
            && Redactor.isRemembered(value)
        {
            added.append(Secret(value))
        }
        if !added.isEmpty { knownSecrets.append(contentsOf: added) }
    }

    /// Whether `value` is taken as a secret: short values would mask ordinary words; a masked form (`whsec_…23`) is not
    /// the secret, nor a placeholder of kops's help (`whsec_...`), which kops refuses as one and names in the refusal
    /// (probe42 P42-3), nor a name or template where a secret goes (`WEBHOOK_SECRET`, `{{secret}}`: `SecretPlaceholder`),
    /// which kops names in its advice (tester64b U5: `${env:<redacted>}`). `remember` asks whether a value is known first: a webhook list answered again teaches its
    /// secrets again (the same conditions, cheapest first).
    static func isRemembered(_ value: String) -> Bool {
        value.count >= 6 && !Redactor.holdsEllipsis(value) && MaskedInput.read(value)?.isPlaceholder != true
            && SecretPlaceholder(value)?.holdsSecret != false
    }
}
