public import KapsoClient
public import KopsHTTP

/// What a webhook receiver can tell about one delivery from its headers and raw body: the event, batch size,
/// number, message id and status, and whether its signature holds (kapso-api.md §10.1, §10.5, §10.8).
public struct ReceivedDelivery: Sendable {
    /// The signature verdict, named as `verify` names it.
    public enum Signature: Sendable, Equatable {
        /// The header matches the HMAC of the raw bytes under the given secret.
        case valid(header: String)
        /// The header matches, and `note` names what a receiver checking it may still trip on: one of several values
        /// received (the header came more than once, or a proxy joined its copies with ", ") matches, and a receiver
        /// reading the field as one value rejects it; or the hex is upper case (`SignatureCheck.caseNote`).
        case validNoted(header: String, note: String)
        /// Well-formed but not this body's HMAC under this secret; `cause` says what likely happened.
        case mismatch(header: String, cause: String)
        /// Not a signature as sent, but this body's HMAC under this secret when read another way (base64, a doubled
        /// `sha256=`, invisible characters: `SignatureCheck.Spelling`): what was received, and what it is.
        case otherSpelling(header: String, spelling: SignatureCheck.Spelling, bodyBytes: Int)
        /// Not a signature (no hex, wrong length, no `sha256=` prefix for Meta).
        case malformed(header: String, reason: String)
        /// No signature header at all, and a secret was given for it: the delivery fails verification.
        case missing(expected: String)
        /// No signature header at all, and no secret was given for it: nothing was verified, and nothing failed
        /// (without a secret no delivery can be checked, signed or not).
        case unsignedUnchecked(expected: String)
        /// No secret was given for this kind of delivery, so nothing was checked.
        case unchecked(header: String)
        /// The secret for the other kind of delivery was given, and it matches this header: the flags were
        /// mixed up (`--secret` for a Meta delivery, `--meta-secret` for a Kapso one). Not a verified delivery:
        /// the handler's configuration has the same mix-up to fear.
        case otherFlag(header: String)

        public var isValid: Bool {
            switch self {
            case .valid, .validNoted: true
            default: false
            }
        }

        /// The flag whose secret was not given, so this delivery was not verified (`--secret`, `--meta-secret`);
        /// nil when a secret was given for it (then it is valid, or a failure).
        public var uncheckedFor: String? {
            switch self {
            case .unchecked(let header), .unsignedUnchecked(let header): Self.flag(for: header)
            default: nil
            }
        }

        /// True for a mismatch no single cause explains: its text holds `SignatureCheck.commonCauses`.
        public var isUnexplainedMismatch: Bool {
            if case .mismatch(_, let cause) = self { return cause.contains(SignatureCheck.commonCauses) }
            return false
        }

        /// `text` without the list of common causes, for one line per delivery (`listen` shows the list once).
        public var shortText: String {
            if case .mismatch(let header, let cause) = self, isUnexplainedMismatch {
                if cause.hasPrefix(SignatureCheck.unexplained) {
                    return "\(header) does not match: \(SignatureCheck.unexplained)"
                }
                let list = "; " + SignatureCheck.commonCauses
                let short = cause.firstRange(of: list).map { cause[..<$0.lowerBound] + cause[$0.upperBound...] }
                return "\(header) does not match: " + String(short ?? Substring(cause))
            }
            return text
        }

        /// `signature ok`, `signature MISMATCH: …`, `unsigned: no X-Webhook-Signature`, …
        public var text: String {
            switch self {
            case .valid(let header) where header == SignatureCheck.Header.metaLegacy.name:
                "signed only with Meta's legacy SHA-1 X-Hub-Signature: valid; X-Hub-Signature-256 is missing (Meta sends "
                    + "both: did a proxy or relay drop it?)"
            case .valid: "signature ok"
            case .validNoted(_, let note): "signature ok: " + note
            case .mismatch(let header, let cause): "\(header) does not match: \(cause)"
            case .otherSpelling(let header, let spelling, let bytes):
                "\(header) \(spelling.received); \(spelling.reading), it is this \(bytes)-byte body's HMAC-SHA256 under this "
                    + "secret (the secret is right), but as sent it is no valid signature: \(spelling.senderFix)"
            case .malformed(let header, let reason): "\(header) is malformed: \(reason)"
            case .missing(let expected): "unsigned: no \(expected) header"
            case .unsignedUnchecked(let expected): "unsigned: no \(expected) header; not verified (no \(Self.flag(for: expected)) given)"
            case .unchecked(let header): "\(header) not checked (no \(Self.flag(for: header)) given)"
            case .otherFlag(let header):
                SignatureCheck.Header(rawValue: header)?.isMeta == true
                    ? "\(header) (Meta's) not checked: --secret is for Kapso's X-Webhook-Signature, and the "
                        + "secret given with it matches this header: pass it as --meta-secret"
                    : "\(header) (Kapso's) not checked: --meta-secret is for Meta's X-Hub-Signature-256, and the "
                        + "secret given with it matches this header: pass it as --secret"
            }
        }

        /// The `listen` flag whose secret checks `header`: `--meta-secret` for Meta's, `--secret` for Kapso's.
        static func flag(for header: String) -> String {
            SignatureCheck.Header(rawValue: header)?.isMeta == true ? "--meta-secret" : "--secret"
        }
    }

    public var event: String
    /// `kapso` (X-Webhook-* headers) or `meta` (Meta's `whatsapp_business_account` body).
    public var kind: String
    public var version: String?
    public var batchSize: Int
    /// The body's number: the first of `phoneNumberIDs` for Meta's payload.
    public var phoneNumberID: String?
    /// Every number whose changes a Meta payload holds, in body order, each once (`entry[].changes[].value.metadata`).
    public var phoneNumberIDs: [String] = []
    public var messageID: String?
    public var messageStatus: String?
    public var idempotencyKey: String?
    /// Every message and status in the body, in order: across Meta's `entry[]`, `changes[]`, `value.messages[]` and
    /// `value.statuses[]` (all arrays: Meta's messages webhook reference,
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components), or across a Kapso batch's `data[]`
    /// (kapso-api.md §10.5). The first is `messageID`/`messageStatus`; the line names the rest (probe26 P26-7: a body with
    /// a delivered and a failed status was "status … delivered", batch_size 1).
    public var items: [Item] = []
    /// Errors Meta put on a change's `value` itself (`value.errors[]`, beside or instead of messages and statuses; the
    /// v16 locations are `value.errors`, `messages[].errors` and `statuses[].errors`), as `131000 Something went wrong`.
    public var valueErrors: [String] = []
    /// What a change of another field than `messages` says happened (`MetaFieldEvent`: a template rejected, an account
    /// violation, a messaging limit lowered, a contact stopping marketing), one phrase per change.
    public var fieldEvents: [String] = []

    /// One message or status of a delivery.
    public struct Item: Sendable, Equatable {
        /// `message`, `status` or `call`.
        public var kind: String
        public var id: String?
        /// A message's `type`, a status's `status`, a call's `from NUMBER EVENT [STATUS]`.
        public var word: String?
        /// Its `errors[]`, as `131026 Message undeliverable`.
        public var errors: [String]
        /// The number whose change holds it (Meta's `value.metadata.phone_number_id`); nil for Kapso's.
        public var phoneNumberID: String? = nil

        /// `wamid.B failed 131026`: the id, the word and the error codes.
        public var text: String {
            ([id, word].compactMap { $0 } + errors.map { String($0.prefix { $0 != " " }) }).joined(separator: " ")
        }
    }
    /// Nil when the body is JSON; else why not, e.g. `body is not JSON (12 bytes)`, `body is gzip-compressed JSON
    /// (640 bytes, 1031 decompressed; Content-Encoding: gzip)` (`SignatureCheck.bodyForm`).
    public var bodyProblem: String?
    public var signature: Signature

    /// What the line says after the number: `msg wamid.A delivered, msg wamid.B failed 131026; value error 131000
    /// Something went wrong` — what another field's change says happened (`fieldEvents`), every item (the first's error
    /// codes too) and every value-level error; empty when none.
    /// A body of several numbers (`phoneNumberIDs`) names each item's number before its items: `number 1: msg wamid.A
    /// text; number 2: msg wamid.B delivered`.
    public var itemsText: String {
        var parts: [String] = []
        var numbered: [(number: String?, parts: [String])] = []
        for (index, item) in items.enumerated() {
            let codes = item.errors.map { String($0.prefix { $0 != " " }) }
            let noun = item.kind == "call" ? "call" : "msg"
            let words = index == 0 ? ([item.id.map { "\(noun) \($0)" }, item.word].compactMap { $0 } + codes) : ["\(noun) " + item.text]
            let text = words.joined(separator: " ")
            guard !text.isEmpty else { continue }
            parts.append(text)
            if numbered.last.map({ $0.number == item.phoneNumberID }) == true {
                numbered[numbered.count - 1].parts.append(text)
            } else {
                numbered.append((item.phoneNumberID, [text]))
            }
        }
        if phoneNumberIDs.count > 1 {
            parts = numbered.map { group in
                (group.number.map { "number \($0): " } ?? "") + group.parts.joined(separator: ", ")
            }
        }
        var text = (fieldEvents + parts).joined(separator: phoneNumberIDs.count > 1 ? "; " : ", ")
        if !valueErrors.isEmpty {
            text += (text.isEmpty ? "" : "; ") + "error " + valueErrors.joined(separator: ", error ")
        }
        return text
    }

    /// `bodyProblem` for the delivery's line, or nil when the signature's cause already says what the body is
    /// (`the body is gzip-compressed …`, `the body was saved as UTF-16 …`): one line says it once.
    public var bodyNote: String? {
        guard let bodyProblem else { return nil }
        if case .mismatch(_, let cause) = signature,
            ["the body is ", "the body was saved as ", "the body starts as gzip"].contains(where: cause.hasPrefix)
        {
            return nil
        }
        return bodyProblem
    }

    /// Reads one delivery. `secret` checks Kapso's `X-Webhook-Signature`, `metaSecret` Meta's
    /// `X-Hub-Signature-256` (or, when only it came, the legacy `X-Hub-Signature`); which header is checked is
    /// `SignatureCheck.Header.find`'s rule; header names are compared case-insensitively.
    public init(headers: [(name: String, value: String)], body: [UInt8], secret: Secret?, metaSecret: Secret?) {
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        // A body that is not UTF-8 JSON (gzip, UTF-16, URL-encoded, Windows-1252, cut short) is said so, and read
        // when kops can undo what was done to it.
        let (json, problem) = SignatureCheck.bodyForm(body, contentEncoding: header("Content-Encoding"))
        bodyProblem = problem
        let isMeta = header("X-Webhook-Event") == nil
            && (SignatureCheck.Header.signedByMeta(headers) == true || json?["object"] == "whatsapp_business_account")
        kind = isMeta ? "meta" : "kapso"
        version = header("X-Webhook-Payload-Version")
        idempotencyKey = header("X-Idempotency-Key")
        let batch = json?["batch"] == true ? json?["data"]?.array : nil
        batchSize = batch?.count ?? Int(header("X-Batch-Size") ?? "") ?? 1
        let item = batch?.first ?? json
        let errorTexts = { (errors: JSONValue?) in MessageError.all(in: errors).map(\.headline) }
        // The body is read by its shape: a meta-kind webhook of Kapso sends Meta's envelope with Kapso's headers.
        if isMeta || json?["object"] == "whatsapp_business_account" {
            let changes = (json?["entry"]?.array ?? []).flatMap { $0["changes"]?.array ?? [] }
            let values = changes.compactMap { $0["value"] }
            // Meta puts several numbers' changes in one body (an `entry` each, or several `changes`): every number is
            // named, and each item keeps its own (tester61 AH14: a body of two numbers read as the first one's only).
            for value in values {
                if let number = value["metadata"]?["phone_number_id"]?.string, !phoneNumberIDs.contains(number) {
                    phoneNumberIDs.append(number)
                }
            }
            phoneNumberID = phoneNumberIDs.first
            for value in values {
                let number = value["metadata"]?["phone_number_id"]?.string
                for message in value["messages"]?.array ?? [] {
                    items.append(Item(
                        kind: "message", id: message["id"]?.string, word: message["type"]?.string, errors: errorTexts(message["errors"]),
                        phoneNumberID: number))
                }
                for status in value["statuses"]?.array ?? [] {
                    items.append(Item(
                        kind: "status", id: status["id"]?.string, word: status["status"]?.string, errors: errorTexts(status["errors"]),
                        phoneNumberID: number))
                }
                // A `calls` change (Meta's Calling API): `calls[]` with the call id `wacid.…`, `from`, `event` (`connect`,
                // `terminate`) and, on terminate, `status` and `errors` (YCloud's calling terminate examples,
                // https://docs.ycloud.com/reference-link/whatsapp-calling-terminate-webhook-examples, carry the same
                // wacid, from, direction and status; probe28 P28-11 quotes Meta's body). It was a bare "meta: calls".
                for call in value["calls"]?.array ?? [] {
                    let words = [call["from"]?.string.map { "from \($0)" }, call["event"]?.string, call["status"]?.string]
                    let word = words.compactMap { $0 }.joined(separator: " ")
                    items.append(Item(
                        kind: "call", id: call["id"]?.string, word: word.isEmpty ? nil : word, errors: errorTexts(call["errors"]),
                        phoneNumberID: number))
                }
                valueErrors += errorTexts(value["errors"])
            }
            fieldEvents = changes.compactMap { MetaFieldEvent.summary(field: $0["field"]?.string, value: $0["value"]) }
            let kinds = Set(items.map(\.kind))
            if let first = items.first {
                event = kinds.count > 1 ? "meta: messages and statuses" : "meta: \(first.kind)"
                // A call id is no message id: nothing offers it to `trace`.
                if first.kind != "call" {
                    messageID = first.id
                    messageStatus = first.word
                }
            } else {
                event = "meta: " + (changes.first?["field"]?.string ?? "unknown change")
            }
            // Meta batches what it sends in one POST: the batch is every message and status in it.
            if batch == nil, items.count > 1 { batchSize = items.count }
            if let named = header("X-Webhook-Event") { event = named }
        } else {
            event = header("X-Webhook-Event") ?? "(no X-Webhook-Event)"
            phoneNumberID = item?["phone_number_id"]?.string ?? item?["whatsapp_config"]?["phone_number_id"]?.string
            // Each event of a Kapso batch (`data[]`, kapso-api.md §10.5) is one item; the first is the line's.
            for entry in batch ?? (json.map { [$0] } ?? []) {
                let message = entry["message"]
                let id = message?["whatsapp_message_id"]?.string ?? message?["id"]?.string
                let word = message?["kapso"]?["status"]?.string ?? message?["status"]?.string
                    ?? entry["marketing_preference"]?["status"]?.string ?? entry["status"]?.string
                var errors = errorTexts(message?["errors"])
                // A failed message's error sits in its failed status (kapso-api.md gotcha 15).
                for status in message?["kapso"]?["statuses"]?.array ?? [] where status["status"] == "failed" {
                    for text in errorTexts(status["errors"]) where !errors.contains(text) { errors.append(text) }
                }
                items.append(Item(kind: "message", id: id, word: word, errors: errors))
            }
            messageID = items.first?.id
            messageStatus = items.first?.word
        }
        // Which header is checked, and so which secret, is the rule `verify` and `replay` share: the sender's own
        // (Meta's legacy SHA-1 one only when its SHA-256 one is missing), else the other sender's.
        guard let match = SignatureCheck.Header.find(in: headers, meta: isMeta) else {
            let expected = isMeta ? SignatureCheck.Header.meta : SignatureCheck.Header.kapso
            // Without the secret for it there was nothing to verify: not verified, but no failure either.
            signature = (isMeta ? metaSecret : secret) == nil ? .unsignedUnchecked(expected: expected.name) : .missing(expected: expected.name)
            return
        }
        let (found, value) = (match.header, match.value)
        let key = found.isMeta ? metaSecret : secret
        signature = Self.check(value, header: found, body: body, secret: key)
        // The secret of the other flag, when it is the one that matches, says the flags were mixed up.
        if case .unchecked = signature, let other = found.isMeta ? secret : metaSecret,
            Self.check(value, header: found, body: body, secret: other).isValid
        {
            signature = .otherFlag(header: found.name)
        }
        // Both secrets given, and the header matches the other one: the sender signed with the wrong secret (probe15
        // P15-6), which says more than any cause found under the right one.
        if case .mismatch = signature, let key, let other = found.isMeta ? secret : metaSecret,
            other.revealed != key.revealed, Self.check(value, header: found, body: body, secret: other).isValid
        {
            signature = .mismatch(header: found.name, cause: Self.otherSecretCause(found))
        }
    }

    /// `signed with the Kapso webhook secret (--secret), not the Meta app secret (--meta-secret): …` for a header
    /// that matches the secret kops holds for the other sender.
    public static func otherSecretCause(_ header: SignatureCheck.Header) -> String {
        header.isMeta
            ? "signed with the Kapso webhook secret (--secret), not the Meta app secret (--meta-secret): the sender "
                + "(a relay or test script re-signing Meta's delivery) used the wrong secret; Meta signs \(header.name) with "
                + "the app secret"
            : "signed with the Meta app secret (--meta-secret), not the Kapso webhook secret (--secret): the sender (a relay "
                + "or test script) used the wrong secret; Kapso signs X-Webhook-Signature with the webhook's secret_key"
    }

    static func check(_ value: String, header: SignatureCheck.Header, body: [UInt8], secret: Secret?) -> Signature {
        let name = header.name
        let meta = header.isMeta
        guard let secret else { return .unchecked(header: name) }
        if header == .metaLegacy { return checkLegacy(value, body: body, secret: secret) }
        let field = SignatureCheck.field(value)
        if let foreign = field.foreign { return .malformed(header: name, reason: foreign) }
        if field.values.count > 1 {
            let several = SignatureCheck.checkEach(field.values, body: body, secret: secret, meta: meta, separator: field.separator)
            if several.match != nil { return .validNoted(header: name, note: several.text) }
            return .mismatch(header: name, cause: several.text)
        }
        switch WebhookSignature.verify(body: body, secret: secret, signature: value, meta: meta) {
        case .valid:
            // tester48 F8 for `listen`: the note `verify` gives upper-case hex.
            guard let note = SignatureCheck.caseNote(hex: SignatureCheck.read(value).hex) else { return .valid(header: name) }
            return .validNoted(header: name, note: note)
        case .malformed(let reason):
            // The recognisers `verify` uses: base64, a doubled 'sha256=', invisible characters. A received header has
            // no copying to excuse it, so a value that matches only when read another way is still not accepted.
            guard let spelling = SignatureCheck.spelling(SignatureCheck.read(value).value, secret: secret, body: { body }) else {
                return .malformed(header: name, reason: Self.describe(reason))
            }
            if spelling.malformed { return .malformed(header: name, reason: spelling.text) }
            if spelling.matches { return .otherSpelling(header: name, spelling: spelling, bodyBytes: body.count) }
            return .mismatch(header: name, cause: spelling.text)
        case .mismatch:
            return .mismatch(
                header: name, cause: SignatureCheck.cause(body: body, secret: secret, signature: value, meta: meta, received: true))
        }
    }

    /// Meta's legacy `X-Hub-Signature` (`sha1=` + 40 hex of HMAC-SHA1), checked as `verify` checks a pasted `sha1=`
    /// value; a cause of a mismatch is looked for as with SHA-256.
    static func checkLegacy(_ value: String, body: [UInt8], secret: Secret) -> Signature {
        let name = SignatureCheck.Header.metaLegacy.name
        let pasted = SignatureCheck.read(value)
        guard pasted.algorithm == .sha1, pasted.hex.count == 40, pasted.hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            return .malformed(header: name, reason: "expected 'sha1=' followed by 40 hex characters (Meta's legacy HMAC-SHA1)")
        }
        if WebhookSignature.verifySHA1(body: body, secret: secret, hex: pasted.hex) { return .valid(header: name) }
        let cause = SignatureCheck.cause(body: body, secret: secret, received: true) { bytes, key in
            WebhookSignature.verifySHA1(body: bytes, secret: key, hex: pasted.hex)
        }
        return .mismatch(header: name, cause: cause)
    }

    /// One phrase per malformation (`verify` and `listen` say the same).
    public static func describe(_ malformation: WebhookSignature.Malformation) -> String {
        switch malformation {
        case .missingPrefix: "expected 'sha256=' followed by 64 hex characters"
        case .notHex(let position): "character \(position + 1) is not a hex digit (expected 64 hex characters)"
        case .wrongLength(let count): "expected 64 hex characters, got \(count)"
        }
    }
}
