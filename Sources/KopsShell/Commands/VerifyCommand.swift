internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `verify --secret S --signature HEX (--file F | --body B) [--meta]`: checks a webhook signature offline.
///
/// The secret is never shown, not even in errors. Invalid signatures fail with status 1 so scripts can test it.
public enum VerifyCommand: Command {
    public static let name = "verify"
    public static let summary = "check a webhook signature against a body and secret, and say why it fails"
    public static let sendsRequests = false
    public static let usage = "verify (--secret SECRET | --secret-env VAR) [--signature HEX] (--file FILE | --body TEXT) [--meta]"
    public static let details = """
        Computes HMAC-SHA256 over the exact body bytes and compares it, in constant time, with the \
        X-Webhook-Signature value (Kapso: 64 hex characters; a 'sha256=' prefix is tolerated) or, with --meta, the \
        X-Hub-Signature-256 value ('sha256=' + hex).
        Other spellings are recognised and named (so are the deliveries 'listen' receives):
          - a header received twice, or values joined with ',' (as a proxy joins them), ';' or a space: each value \
        is checked, and kops says which one matches
          - a pasted header line, stray spaces, an upper-case prefix, 'sha256:' for 'sha256=', a '0x' or 'v1=' \
        before the hex, a value or secret pasted with quotes
          - invisible characters (zero-width space U+200B and the like, copied from a chat or web page)
          - 'sha256=sha256=…' (the prefix added twice), base64 instead of hex, a plain SHA-256 of the body (or of \
        the secret and body run together), key and message swapped, and a digest of another hash by its length \
        (MD5 32, SHA-1 40, SHA-512 128 hex characters)
          - SHA-1: with --meta (or a pasted 'X-Hub-Signature:' line), 'sha1=…' or its 40 hex characters are Meta's \
        legacy X-Hub-Signature, checked as HMAC-SHA1; Kapso signs only with HMAC-SHA256, so without --meta a SHA-1 \
        value is never valid (an invalid signature when it is HMAC-SHA1 of the body: the code that made it uses SHA-1)
          - another provider's format: Stripe's 't=…,v1=…', Standard Webhooks (Svix) 'v1,…'
        Save the body exactly as received: a re-formatted or re-serialised body (Meta signs JSON with non-ASCII as \
        \\uXXXX and '/' as '\\/'; parsing also turns \\u003c into '<', and JavaScript writes 38.0 as 38), UTF-8 read \
        as Latin-1, UTF-16 (Windows PowerShell 5.1's '>' and Out-File), Windows-1252 (its Set-Content), NFD text, \
        gzip, URL-encoding, or an added trailing newline, no longer matches; kops says which (and says when a body \
        is not JSON, or cut short), as it does for a body kept as base64 or as a JSON string (a log line). It also names a secret stored with a zero-width space, a literal '\\n' or in base64 \
        (a Kubernetes Secret's data:), each only when the signature matches once that is undone; NFD text that \
        was also re-serialised is named for both.
        When nothing explains a mismatch, the common causes are listed, with what the inputs' shapes suggest: a \
        Kapso webhook secret (whsec_…) or a Meta access token (EAA…) given where Meta's app secret belongs, and a \
        body that may be one item of a buffered (batch) delivery, whose signature covers the whole batch.
        A delivery saved by 'listen --save' (an .http file: request line, headers, an empty line, the body) or a \
        request-bin JSON export ({"headers": …, "body": "…"}) is read as such: its body is checked, against its own \
        signature header when --signature is not given. So is an AWS Lambda event (API Gateway, a function URL): its \
        body is base64-decoded when its "isBase64Encoded" is true. An export that keeps the body as parsed JSON has \
        lost the signed bytes: its rebuilt form (compact; Meta-escaped with --meta) is valid when it matches, and \
        otherwise the signature cannot be checked from it (exit status 65): export the body as received.
        --secret (or --secret-env) may be given more than once, as during a rotation (old and new secret): each is \
        tried in order, and kops says which one matches (the first that does); invalid only when none does.
        --secret-env VAR reads the secret from that environment variable, so it stays out of your shell's history \
        and the process list; a secret that is literally ${env:VAR} (kops replaces that in scripts, -c and at the \
        prompt, not in its own arguments nor inside '...') is refused.
        Exit status 1 when the signature is invalid, 64 when it is malformed (or a SHA-1 value that does not match \
        as Kapso's), 65 when the input cannot prove or disprove it. Works offline; the secret is never printed.
        Examples:
          verify --secret-env KAPSO_WEBHOOK_SECRET --signature ac85...9e2e --file body.json
          verify --secret APP_SECRET --signature sha256=ac85... --file body.json --meta
          verify --secret whsec_... --file deliveries/…-whatsapp.message.received.http
        """
    /// In a script, `--file` is read from the script's folder (`Shell.resolvingPaths`).
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) { ([], ["--file"]) }

    public static let flags = [
        FlagSpec("--secret", value: "SECRET", help: "the webhook's secret_key (Meta: the app secret); repeatable; never printed"),
        FlagSpec("--secret-env", value: "VAR", help: "read the secret from this environment variable (not in shell history or ps)"),
        FlagSpec("--signature", value: "HEX", help: "the signature header's value (default: the saved request's own)"),
        FlagSpec("--file", value: "FILE", help: "the body as received, read byte for byte"),
        FlagSpec("--body", value: "TEXT", help: "the body as text (UTF-8), when it is short"),
        FlagSpec("--meta", help: "check Meta's X-Hub-Signature-256 form instead of Kapso's X-Webhook-Signature"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        _ = try given(arguments)
        _ = try bodySource(arguments)
    }

    /// `--secret` or `--secret-env` (one required) and `--signature` (which a saved request's own header can stand in
    /// for); the environment is read in `run`.
    private static func given(_ arguments: Arguments) throws(ShellError) -> String? {
        try WebhookSecretFlags.check(arguments, command: name, several: true)
        guard WebhookSecretFlags.isGiven(arguments) else {
            throw .missingArgument(command: name, what: "--secret SECRET (or --secret-env VAR)", usage: usage)
        }
        // A header received twice is one --signature with its values joined (`verifyEach`); a second flag would be
        // dropped without a word (tester49 F9).
        if arguments.all("--signature").count > 1 {
            throw .invalidValue(
                command: name, what: "use of", value: "--signature",
                expected: "--signature once (a header received twice: both values in one --signature, joined with ', ')")
        }
        return arguments.value("--signature")
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let givenSignature = try given(arguments)
        // `given` saw one of the two flags, so there is a secret (or the variable's error).
        let secrets = try WebhookSecretFlags.secrets(arguments, command: name, in: context).map(\.revealed)
        var meta = arguments.has("--meta")
        let pastedSignature: String
        // Read once when it was read for its signature header; else only when a check needs it (below).
        var preread: Body?
        if let givenSignature {
            pastedSignature = givenSignature
        } else {
            var body = try readBody(arguments, preread: nil)
            guard let envelope = body.envelope, let header = envelope.signature(meta: meta) else {
                throw ShellError.missingArgument(
                    command: name, what: "--signature HEX (" + noOwnSignature(body, fromFile: arguments.value("--file") != nil) + ")",
                    usage: usage)
            }
            pastedSignature = header.value
            meta = meta || header.meta
            body.note = (body.note ?? "") + " against its own \(header.name) header"
            preread = body
        }
        let loadBody = { [preread] () throws -> Body in try readBody(arguments, preread: preread) }
        // Ctrl-C ends the search for a mismatch's cause between two forms of the body (probe18 P18-19).
        let presses = context.interruptPresses()
        let stop = Stop { context.interruptPresses() > presses }
        if givenSignature == nil, let preread,
            let each = try verifyEntries(arguments, first: preread, secrets: secrets, meta: arguments.has("--meta"), stop: stop, in: context)
        {
            return each
        }
        do {
            do {
                return try check(pastedSignature, secrets: secrets, meta: meta, stop: stop, body: loadBody)
            } catch ShellError.malformedSignature(let command, let reason) where givenSignature == nil {
                // The value came from the file, not from the user: say whose it is.
                let header = preread?.envelope?.signature(meta: meta)?.name ?? "signature"
                throw ShellError.malformedSignature(command: command, reason: "the file's own \(header) header: " + reason)
            }
        } catch let error as ShellError {
            // Under --output json the verdict is JSON either way (probe20 P20-11): a valid one is the result, an invalid
            // one `{"valid": false, ...}` on standard output beside the error line and its status.
            if context.outputMode(arguments) == .json, let invalid = invalidJSON(error) { context.emit(CommandResult(json: invalid)) }
            throw error
        }
    }

    /// `{"valid": false, "malformed": …, "cause": …}` for a signature that does not match or is no signature; nil for
    /// any other error (a missing flag, an unreadable file), which is no verdict.
    static func invalidJSON(_ error: ShellError) -> JSONValue? {
        switch error {
        case .signatureMismatch(let cause): ["valid": false, "malformed": false, "cause": .string(cause)]
        case .malformedSignature(_, let reason): ["valid": false, "malformed": true, "cause": .string(reason)]
        default: nil
        }
    }

    /// Checks `pastedSignature` (as given, or the saved request's own header) against the body `loadBody` reads.
    static func check(
        _ pastedSignature: String, secretText: String, meta: Bool, stop: Stop, body loadBody: () throws -> Body
    ) throws -> CommandResult {
        let field = SignatureCheck.field(pastedSignature)
        if let foreign = field.foreign { throw ShellError.malformedSignature(command: name, reason: foreign) }
        if field.values.count > 1 { return try verifyEach(field, meta: meta, secret: Secret(secretText), body: loadBody) }
        var pasted = SignatureCheck.read(field.values[0])
        pasted.notes = field.notes + pasted.notes
        // A SHA-1 value, 'sha1=' + 40 hex or the 40 hex alone: Meta's legacy X-Hub-Signature when Meta's signature is
        // checked (--meta, or a pasted header line that names it); never Kapso's, which is HMAC-SHA256 (P21-21).
        let bareSHA1 = pasted.value == pasted.hex && SignatureCheck.isSHA1Hex(pasted.hex)
        if pasted.algorithm == .sha1 || bareSHA1 {
            let legacyNamed = pasted.header?.lowercased() == SignatureCheck.Header.metaLegacy.name.lowercased()
            guard meta || legacyNamed else {
                return try verifySHA1ForKapso(pasted, secret: Secret(secretText), body: loadBody)
            }
            return try verifyLegacy(pasted, meta: meta, secret: Secret(secretText), stop: stop, body: loadBody)
        }
        let signature = pasted.value
        // A signature that is not hex is rejected before anything is read or hashed.
        if case .failure(let malformation) = WebhookSignature.decode(signature, meta: false) {
            // Another spelling of the HMAC (invisible characters, a doubled prefix, base64): the recognisers `listen`
            // uses too; the body is read only when one of them needs it.
            var read: Body?
            let spelling = try SignatureCheck.spelling(signature, secret: Secret(secretText)) {
                if let read { return read.bytes }
                let body = try loadBody()
                read = body
                return body.bytes
            }
            if let spelling {
                if spelling.matches && spelling.pasteArtefact, let body = read {
                    let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
                    return CommandResult(
                        blocks: [.line(StyledText("valid: \(header) matches the \(body.bytes.count)-byte body", style: .good))]
                            + body.hints + pasted.notes.map(Block.hint) + [.hint(spelling.text)],
                        json: ["valid": true, "header": .string(header), "body_bytes": .number(String(body.bytes.count))])
                }
                if spelling.malformed { throw ShellError.malformedSignature(command: name, reason: spelling.text) }
                throw ShellError.signatureMismatch(cause: (read?.prefix ?? "") + spelling.text)
            }
            throw malformedError(malformation, pasted, meta: meta, secret: Secret(secretText)) { try read ?? loadBody() }
        }
        let read = Self.forSender(try loadBody(), meta: meta)
        let body = read.bytes
        let secret = Secret(secretText)
        let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let noted = pasted.notes.isEmpty ? "" : " (" + pasted.notes.joined(separator: "; ") + ")"
        switch WebhookSignature.verify(body: body, secret: secret, signature: signature, meta: meta) {
        case .valid:
            let metaValue = meta ? nil : SignatureCheck.metaValueWithoutFlag(body: body, secret: secret, signature: signature)
            let named = metaValue?.header ?? header
            var blocks: [Block] = [
                .line(StyledText("valid: \(named) matches the \(body.count)-byte body", style: .good))
            ]
            blocks += read.hints + pasted.notes.map(Block.hint)
            if let metaValue {
                blocks.append(.hint(metaValue.note))
            } else if !meta && signature.lowercased().hasPrefix(WebhookSignature.metaPrefix) {
                blocks.append(.hint("the 'sha256=' prefix is Meta's form; Kapso's X-Webhook-Signature is bare hex"))
            }
            return CommandResult(
                blocks: blocks,
                json: ["valid": true, "header": .string(named), "body_bytes": .number(String(body.count))])
        case .malformed(.missingPrefix):
            // The same HMAC-SHA256 over the same bytes: a value that lost its 'sha256=' (handlers often split it off)
            // still proves the body and secret; only the header's form differs.
            if WebhookSignature.verify(body: body, secret: secret, signature: signature, meta: false) == .valid {
                // Inputs that are a Kapso delivery's name its header: no prefix is missing from Kapso's bare hex.
                let sender = SignatureCheck.bareHexUnderMeta(body: body, secret: secret)
                let line = sender.header.map { "valid: \($0) matches the \(body.count)-byte body" }
                    ?? "valid: the HMAC-SHA256 matches the \(body.count)-byte body"
                let json: JSONValue = sender.header == nil
                    ? ["valid": true, "header": .string(header), "body_bytes": .number(String(body.count)), "prefix_missing": true]
                    : ["valid": true, "header": .string(sender.header ?? header), "body_bytes": .number(String(body.count))]
                return CommandResult(
                    blocks: [.line(StyledText(line, style: .good))] + read.hints + pasted.notes.map(Block.hint) + [.hint(sender.note)],
                    json: json)
            }
            let cause = try stop.search { prefixCause(body: body, secret: secret, signature: signature, stop: $0) }
            throw ShellError.signatureMismatch(cause: read.prefix + cause + noted)
        case .malformed(let malformation):
            throw malformedError(malformation, pasted, meta: meta, secret: secret) { read }
        case .mismatch:
            let cause = try stop.search {
                SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: meta, stop: $0)
            }
            try refuseParsedExport(read, cause: cause)
            throw ShellError.signatureMismatch(cause: read.prefix + (read.envelope?.printedCause(cause) ?? cause) + noted)
        }
    }

    /// `read` as the sender `meta` names wrote it: a request-bin export that kept the body parsed stands for Meta's
    /// escaped form when Meta's signature is checked (its compact form otherwise); any other body as it is.
    private static func forSender(_ read: Body, meta: Bool) -> Body {
        guard meta, let envelope = read.envelope, envelope.parsed, !envelope.metaForm else { return read }
        // The note keeps what came after it (" against its own X-Hub-Signature-256 header").
        let tail = read.note.flatMap { note in note.range(of: " was checked").map { String(note[$0.upperBound...]) } } ?? ""
        var rebuilt = Self.body(envelope.forMeta(), what: read.note?.hasPrefix("the text given") == true ? "the text given" : "the file")
        rebuilt.note = rebuilt.note.map { $0 + tail }
        return rebuilt
    }

    /// A mismatch no cause explains, on a body kops rebuilt from a request-bin export that kept it parsed, proves
    /// nothing: the signed bytes are gone (P21-8). Said so, with its own exit status, not as an invalid signature.
    private static func refuseParsedExport(_ read: Body, cause: String) throws {
        guard let envelope = read.envelope, envelope.parsed, cause.hasPrefix(SignatureCheck.unexplained) else { return }
        throw ShellError.signatureUncheckable(reason: SignatureCheck.parsedExportUncheckable(envelope))
    }

    /// A SHA-1 value (`sha1=` + hex, or 40 hex digits alone) checked as Kapso's X-Webhook-Signature: never valid, as
    /// Kapso signs with HMAC-SHA256 only; an invalid signature naming HMAC-SHA1 when that is what matches the body and
    /// secret, else malformed, the same for both spellings (P21-21).
    private static func verifySHA1ForKapso(
        _ pasted: SignatureCheck.Pasted, secret: Secret, body load: () throws -> Body
    ) throws -> CommandResult {
        let read = try load()
        let verdict = SignatureCheck.sha1ForKapso(
            hex: pasted.hex, prefixed: pasted.algorithm == .sha1, body: read.bytes, secret: secret)
        guard verdict.matches else { throw ShellError.malformedSignature(command: name, reason: verdict.text) }
        // The note that a 'sha1=' value is checked as Meta's legacy header does not hold here.
        let notes = pasted.notes.filter { $0 != SignatureCheck.legacyNote }
        let noted = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
        throw ShellError.signatureMismatch(cause: read.prefix + verdict.text + noted)
    }

    /// A field that held several values (the header came twice, or a proxy joined its copies with ", "): each is
    /// checked; valid when one matches, saying which, so a right secret is never blamed for a value added on the way.
    private static func verifyEach(
        _ field: SignatureCheck.Field, meta: Bool, secret: Secret, body load: () throws -> Body
    ) throws -> CommandResult {
        let read = try load()
        let body = read.bytes
        let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let several = SignatureCheck.checkEach(field.values, body: body, secret: secret, meta: meta, separator: field.separator)
        guard let match = several.match else { throw ShellError.signatureMismatch(cause: read.prefix + several.text) }
        return CommandResult(
            blocks: [
                .line(StyledText(
                    "valid: the \(SignatureCheck.ordinal(match)) of \(field.values.count) \(header) values matches the "
                        + "\(body.count)-byte body", style: .good)),
            ] + read.hints + [.hint(several.text)] + field.notes.map(Block.hint),
            json: [
                "valid": true, "header": .string(header), "body_bytes": .number(String(body.count)),
                "values": .number(String(field.values.count)), "matching_value": .number(String(match + 1)),
            ])
    }

    /// A SHA-1 value checked as Meta's legacy X-Hub-Signature (HMAC-SHA1): `sha1=` + 40 hex, or the 40 hex alone
    /// (a handler that split the prefix off: the signature itself is still right, as for a bare SHA-256 value).
    private static func verifyLegacy(
        _ pasted: SignatureCheck.Pasted, meta: Bool, secret: Secret, stop: Stop, body load: () throws -> Body
    ) throws -> CommandResult {
        guard SignatureCheck.isSHA1Hex(pasted.hex) else {
            throw ShellError.malformedSignature(
                command: name,
                reason: "a 'sha1=' value (Meta's legacy X-Hub-Signature) needs 40 hex characters, got \(pasted.hex.count)")
        }
        let read = forSender(try load(), meta: true)
        let body = read.bytes
        let bare = pasted.algorithm == .sha256
            ? ["the value has no 'sha1=' prefix: Meta's X-Hub-Signature carries one; its 40 hex characters were checked as "
                + "HMAC-SHA1"] : []
        guard WebhookSignature.verifySHA1(body: body, secret: secret, hex: pasted.hex) else {
            // The same mistakes as with SHA-256 (a newline added, a re-serialised body, a spaced secret) are named.
            let cause = try stop.search { stopped in
                SignatureCheck.cause(body: body, secret: secret, meta: true, stop: stopped) { bytes, key in
                    WebhookSignature.verifySHA1(body: bytes, secret: key, hex: pasted.hex)
                }
            }
            try refuseParsedExport(read, cause: cause)
            let other = meta
                ? "the X-Hub-Signature-256 value ('sha256=…')" : "the X-Hub-Signature-256 value ('sha256=…') with --meta"
            let unexplained = cause.hasPrefix(SignatureCheck.unexplained)
            let noted = bare.isEmpty ? "" : " (" + bare.joined(separator: "; ") + ")"
            throw ShellError.signatureMismatch(
                cause: read.prefix + (unexplained
                    ? "the legacy SHA-1 X-Hub-Signature does not match this body and secret"
                        + cause.dropFirst(SignatureCheck.unexplained.count)
                        + "; or check \(other) against the raw body and the app secret"
                    : "the legacy SHA-1 X-Hub-Signature does not match: " + cause) + noted)
        }
        return CommandResult(
            blocks: [.line(StyledText("valid: X-Hub-Signature (legacy SHA-1) matches the \(body.count)-byte body", style: .good))]
                + read.hints + pasted.notes.map(Block.hint) + bare.map(Block.hint),
            json: ["valid": true, "header": "X-Hub-Signature", "body_bytes": .number(String(body.count))])
    }

    /// `; 40 hex characters is a SHA-1 digest …` for a value of 40 hex digits read as SHA-256, else empty.
    /// Without `meta` the value is checked as Kapso's, which is never SHA-1 (P21-21): Meta's legacy header is named
    /// as what --meta checks.
    private static func sha1Hint(_ pasted: SignatureCheck.Pasted, meta: Bool) -> String {
        guard pasted.algorithm == .sha256, SignatureCheck.isSHA1Hex(pasted.hex) else { return "" }
        guard meta else {
            return "; 40 hex characters is a SHA-1 digest, Meta's legacy X-Hub-Signature, which Kapso never sends: paste "
                + "the X-Webhook-Signature header's value (64 hex characters), or check a Meta delivery's 'sha1=…' with --meta"
        }
        return "; 40 hex characters is a SHA-1 digest, Meta's legacy X-Hub-Signature: write it as 'sha1=…', "
            + "or paste the X-Hub-Signature-256 header's value"
    }

    /// The error for a value that is no SHA-256 digest: a mismatch naming the hash when the value has another hash's
    /// length and that HMAC with this secret matches the body (probe15 P15-8: SHA-512, MD5), else the malformation,
    /// with the hash the length suggests named. The body is read only for such a length; unreadable, it is not named.
    private static func malformedError(
        _ malformation: WebhookSignature.Malformation, _ pasted: SignatureCheck.Pasted, meta: Bool, secret: Secret,
        body load: () throws -> Body
    ) -> ShellError {
        let plain = ShellError.malformedSignature(command: name, reason: describe(malformation) + sha1Hint(pasted, meta: meta))
        guard case .wrongLength = malformation, SignatureCheck.digestName(hexCount: pasted.hex.count) != nil,
            let body = try? load(),
            let other = SignatureCheck.otherHash(hex: pasted.hex, body: body.bytes, secret: secret, meta: meta)
        else { return plain }
        if other.matches { return .signatureMismatch(cause: body.prefix + other.text) }
        return .malformedSignature(command: name, reason: describe(malformation) + "; " + other.text)
    }

    /// `--meta` given but the value is bare hex, Kapso's form, and does not match either.
    private static func prefixCause(body: [UInt8], secret: Secret, signature: String, stop: () -> Bool) -> String {
        return "Meta's X-Hub-Signature-256 starts with 'sha256=' and this value does not; "
            + SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: false, stop: stop)
    }

    /// Whether Ctrl-C was pressed since the command began: the search for a mismatch's cause (one pass over the body
    /// per form tried) asks between forms, and the command ends as a cancelled request does (status 130 in a script).
    struct Stop {
        var pressed: () -> Bool

        init(_ pressed: @escaping () -> Bool) { self.pressed = pressed }

        /// `find`'s answer, or `cancelled` when Ctrl-C cut the search short.
        func search(_ find: (() -> Bool) -> String) throws -> String {
            let found = find(pressed)
            if pressed() { throw TransportError.cancelled(sent: false) }
            return found
        }
    }

    private static func describe(_ malformation: WebhookSignature.Malformation) -> String {
        ReceivedDelivery.describe(malformation)
    }
}
