public import KapsoClient
public import KopsHTTP

/// What a webhook receiver can tell about one delivery from its headers and raw body: the event, batch size,
/// number, message id and status, and whether its signature holds (kapso-api.md §10.1, §10.5, §10.8).
public struct ReceivedDelivery: Sendable {
    /// The signature verdict, named as `verify` names it.
    public enum Signature: Sendable, Equatable {
        /// The header matches the HMAC of the raw bytes under the given secret.
        case valid(header: String)
        /// One of several values received for the header (it came more than once, or a proxy joined its copies
        /// with ", ") matches; `note` says which, and that a receiver reading the field as one value rejects it.
        case oneMatches(header: String, note: String)
        /// Well-formed but not this body's HMAC under this secret; `cause` says what likely happened.
        case mismatch(header: String, cause: String)
        /// Not a signature as sent, but this body's HMAC under this secret when read another way (base64, a doubled
        /// `sha256=`, invisible characters: `SignatureCheck.Spelling`): what was received, and what it is.
        case otherSpelling(header: String, spelling: SignatureCheck.Spelling, bodyBytes: Int)
        /// Not a signature (no hex, wrong length, no `sha256=` prefix for Meta).
        case malformed(header: String, reason: String)
        /// No signature header at all.
        case missing(expected: String)
        /// No secret was given for this kind of delivery, so nothing was checked.
        case unchecked(header: String)
        /// The secret for the other kind of delivery was given, and it matches this header: the flags were
        /// mixed up (`--secret` for a Meta delivery, `--meta-secret` for a Kapso one). Not a verified delivery:
        /// the handler's configuration has the same mix-up to fear.
        case otherFlag(header: String)

        public var isValid: Bool {
            switch self {
            case .valid, .oneMatches: true
            default: false
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
            case .valid: "signature ok"
            case .oneMatches(_, let note): "signature ok: " + note
            case .mismatch(let header, let cause): "\(header) does not match: \(cause)"
            case .otherSpelling(let header, let spelling, let bytes):
                "\(header) \(spelling.received); \(spelling.reading), it is this \(bytes)-byte body's HMAC-SHA256 under this "
                    + "secret (the secret is right), but as sent it is no valid signature: \(spelling.senderFix)"
            case .malformed(let header, let reason): "\(header) is malformed: \(reason)"
            case .missing(let expected): "unsigned: no \(expected) header"
            case .unchecked(let header): "\(header) not checked (no \(Self.flag(for: header)) given)"
            case .otherFlag(let header):
                header == "X-Hub-Signature-256"
                    ? "X-Hub-Signature-256 (Meta's) not checked: --secret is for Kapso's X-Webhook-Signature, and the "
                        + "secret given with it matches this header: pass it as --meta-secret"
                    : "\(header) (Kapso's) not checked: --meta-secret is for Meta's X-Hub-Signature-256, and the "
                        + "secret given with it matches this header: pass it as --secret"
            }
        }

        /// The `listen` flag whose secret checks `header`: `--meta-secret` for Meta's, `--secret` for Kapso's.
        static func flag(for header: String) -> String { header == "X-Hub-Signature-256" ? "--meta-secret" : "--secret" }
    }

    public var event: String
    /// `kapso` (X-Webhook-* headers) or `meta` (Meta's `whatsapp_business_account` body).
    public var kind: String
    public var version: String?
    public var batchSize: Int
    public var phoneNumberID: String?
    public var messageID: String?
    public var messageStatus: String?
    public var idempotencyKey: String?
    /// Nil when the body is JSON; else why not, e.g. `body is not JSON (12 bytes)`, `body is gzip-compressed JSON
    /// (640 bytes, 1031 decompressed; Content-Encoding: gzip)` (`SignatureCheck.bodyForm`).
    public var bodyProblem: String?
    public var signature: Signature

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
    /// `X-Hub-Signature-256`; header names are compared case-insensitively.
    public init(headers: [(name: String, value: String)], body: [UInt8], secret: Secret?, metaSecret: Secret?) {
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        /// Every value of a header that came more than once, joined as a proxy would join them (RFC 9110 §5.3).
        func joined(_ name: String) -> String? {
            let values = headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        // A body that is not UTF-8 JSON (gzip, UTF-16, URL-encoded, Windows-1252, cut short) is said so, and read
        // when kops can undo what was done to it.
        let (json, problem) = SignatureCheck.bodyForm(body, contentEncoding: header("Content-Encoding"))
        bodyProblem = problem
        let isMeta = header("X-Webhook-Event") == nil
            && (header("X-Hub-Signature-256") != nil || json?["object"] == "whatsapp_business_account")
        kind = isMeta ? "meta" : "kapso"
        version = header("X-Webhook-Payload-Version")
        idempotencyKey = header("X-Idempotency-Key")
        let batch = json?["batch"] == true ? json?["data"]?.array : nil
        batchSize = batch?.count ?? Int(header("X-Batch-Size") ?? "") ?? 1
        let item = batch?.first ?? json
        // The body is read by its shape: a meta-kind webhook of Kapso sends Meta's envelope with Kapso's headers.
        if isMeta || json?["object"] == "whatsapp_business_account" {
            let value = json?["entry"]?[0]?["changes"]?[0]?["value"]
            phoneNumberID = value?["metadata"]?["phone_number_id"]?.string
            if let message = value?["messages"]?[0] {
                event = "meta: message"
                messageID = message["id"]?.string
                messageStatus = message["type"]?.string
            } else if let status = value?["statuses"]?[0] {
                event = "meta: status"
                messageID = status["id"]?.string
                messageStatus = status["status"]?.string
            } else {
                event = "meta: " + (json?["entry"]?[0]?["changes"]?[0]?["field"]?.string ?? "unknown change")
            }
            if let named = header("X-Webhook-Event") { event = named }
        } else {
            event = header("X-Webhook-Event") ?? "(no X-Webhook-Event)"
            phoneNumberID = item?["phone_number_id"]?.string ?? item?["whatsapp_config"]?["phone_number_id"]?.string
            let message = item?["message"]
            messageID = message?["whatsapp_message_id"]?.string ?? message?["id"]?.string
            messageStatus = message?["kapso"]?["status"]?.string ?? message?["status"]?.string
                ?? item?["marketing_preference"]?["status"]?.string ?? item?["status"]?.string
        }
        let name = isMeta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let key = isMeta ? metaSecret : secret
        signature = Self.check(joined(name), name: name, body: body, secret: key, meta: isMeta)
        // The secret of the other flag, when it is the one that matches, says the flags were mixed up.
        if case .unchecked = signature, let other = isMeta ? secret : metaSecret,
            Self.check(joined(name), name: name, body: body, secret: other, meta: isMeta).isValid
        {
            signature = .otherFlag(header: name)
        }
    }

    static func check(_ value: String?, name: String, body: [UInt8], secret: Secret?, meta: Bool) -> Signature {
        guard let value else { return .missing(expected: name) }
        guard let secret else { return .unchecked(header: name) }
        let field = SignatureCheck.field(value)
        if let foreign = field.foreign { return .malformed(header: name, reason: foreign) }
        if field.values.count > 1 {
            let several = SignatureCheck.checkEach(field.values, body: body, secret: secret, meta: meta, separator: field.separator)
            if several.match != nil { return .oneMatches(header: name, note: several.text) }
            return .mismatch(header: name, cause: several.text)
        }
        switch WebhookSignature.verify(body: body, secret: secret, signature: value, meta: meta) {
        case .valid: return .valid(header: name)
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

    /// One phrase per malformation (`verify` and `listen` say the same).
    public static func describe(_ malformation: WebhookSignature.Malformation) -> String {
        switch malformation {
        case .missingPrefix: "expected 'sha256=' followed by 64 hex characters"
        case .notHex(let position): "character \(position + 1) is not a hex digit (expected 64 hex characters)"
        case .wrongLength(let count): "expected 64 hex characters, got \(count)"
        }
    }
}
