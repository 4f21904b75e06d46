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
    public static let usage = "verify --secret SECRET --signature HEX (--file FILE | --body TEXT) [--meta]"
    public static let details = """
        Computes HMAC-SHA256 over the exact body bytes and compares it, in constant time, with the \
        X-Webhook-Signature value (Kapso: 64 hex characters; a 'sha256=' prefix is tolerated) or, with --meta, the \
        X-Hub-Signature-256 value ('sha256=' + hex).
        Other spellings are recognised and named (so are the deliveries 'listen' receives):
          - a header received twice, or values joined with ',' (as a proxy joins them), ';' or a space: each value \
        is checked, and kops says which one matches
          - a pasted header line, stray spaces, an upper-case prefix, a value or secret pasted with quotes
          - invisible characters (zero-width space U+200B and the like, copied from a chat or web page)
          - 'sha256=sha256=…' (the prefix added twice), base64 instead of hex, a plain SHA-256 of the body, key and \
        message swapped, Meta's legacy 'sha1=' X-Hub-Signature
          - another provider's format: Stripe's 't=…,v1=…', Standard Webhooks (Svix) 'v1,…'
        Save the body exactly as received: a re-formatted or re-serialised body (Meta signs JSON with non-ASCII as \
        \\uXXXX and '/' as '\\/'; parsing also turns \\u003c into '<', and JavaScript writes 38.0 as 38), UTF-8 read \
        as Latin-1, or an added trailing newline, no longer matches; kops says which.
        Exit status 1 when the signature is invalid. Works offline; the secret is never printed.
        Examples:
          verify --secret whsec_... --signature ac85...9e2e --file body.json
          verify --secret APP_SECRET --signature sha256=ac85... --file body.json --meta
        """
    public static let flags = [
        FlagSpec("--secret", value: "SECRET", help: "the webhook's secret_key (Meta: the app secret); never printed"),
        FlagSpec("--signature", value: "HEX", help: "the signature header's value"),
        FlagSpec("--file", value: "FILE", help: "the body as received, read byte for byte"),
        FlagSpec("--body", value: "TEXT", help: "the body as text (UTF-8), when it is short"),
        FlagSpec("--meta", help: "check Meta's X-Hub-Signature-256 form instead of Kapso's X-Webhook-Signature"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        _ = try given(arguments)
        _ = try bodySource(arguments)
    }

    /// `--secret` and `--signature`, both required.
    private static func given(_ arguments: Arguments) throws(ShellError) -> (secret: String, signature: String) {
        guard let secretText = arguments.value("--secret") else {
            throw .missingArgument(command: name, what: "--secret SECRET", usage: usage)
        }
        guard let pastedSignature = arguments.value("--signature") else {
            throw .missingArgument(command: name, what: "--signature HEX", usage: usage)
        }
        return (secretText, pastedSignature)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let (secretText, pastedSignature) = try given(arguments)
        let meta = arguments.has("--meta")
        let field = SignatureCheck.field(pastedSignature)
        if let foreign = field.foreign { throw ShellError.malformedSignature(command: name, reason: foreign) }
        if field.values.count > 1 { return try verifyEach(field, meta: meta, arguments: arguments) }
        var pasted = SignatureCheck.read(field.values[0])
        pasted.notes = field.notes + pasted.notes
        if pasted.algorithm == .sha1 { return try verifyLegacy(pasted, arguments: arguments) }
        let signature = pasted.value
        // A signature that is not hex is rejected before anything is read or hashed.
        if case .failure(let malformation) = WebhookSignature.decode(signature, meta: false) {
            // Another spelling of the HMAC (invisible characters, a doubled prefix, base64): the recognisers `listen`
            // uses too; the body is read only when one of them needs it.
            var read: [UInt8]?
            let spelling = try SignatureCheck.spelling(signature, secret: Secret(secretText)) {
                if let read { return read }
                let bytes = try readBody(arguments)
                read = bytes
                return bytes
            }
            if let spelling {
                if spelling.matches && spelling.pasteArtefact, let body = read {
                    let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
                    return CommandResult(
                        blocks: [.line(StyledText("valid: \(header) matches the \(body.count)-byte body", style: .good))]
                            + pasted.notes.map(Block.hint) + [.hint(spelling.text)],
                        json: ["valid": true, "header": .string(header), "body_bytes": .number(String(body.count))])
                }
                if spelling.malformed { throw ShellError.malformedSignature(command: name, reason: spelling.text) }
                throw ShellError.signatureMismatch(cause: spelling.text)
            }
            throw ShellError.malformedSignature(command: name, reason: describe(malformation) + sha1Hint(pasted))
        }
        let body = try readBody(arguments)
        let secret = Secret(secretText)
        let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let noted = pasted.notes.isEmpty ? "" : " (" + pasted.notes.joined(separator: "; ") + ")"
        switch WebhookSignature.verify(body: body, secret: secret, signature: signature, meta: meta) {
        case .valid:
            var blocks: [Block] = [
                .line(StyledText("valid: \(header) matches the \(body.count)-byte body", style: .good))
            ]
            blocks += pasted.notes.map(Block.hint)
            if !meta && signature.hasPrefix(WebhookSignature.metaPrefix) {
                blocks.append(.hint("the 'sha256=' prefix is Meta's form; Kapso's X-Webhook-Signature is bare hex"))
            }
            return CommandResult(
                blocks: blocks,
                json: ["valid": true, "header": .string(header), "body_bytes": .number(String(body.count))])
        case .malformed(.missingPrefix):
            // The same HMAC-SHA256 over the same bytes: a value that lost its 'sha256=' (handlers often split it off)
            // still proves the body and secret; only the header's form differs.
            if WebhookSignature.verify(body: body, secret: secret, signature: signature, meta: false) == .valid {
                return CommandResult(
                    blocks: [.line(StyledText("valid: the HMAC-SHA256 matches the \(body.count)-byte body", style: .good))]
                        + pasted.notes.map(Block.hint)
                        + [.hint("the value has no 'sha256=' prefix: Meta's X-Hub-Signature-256 carries one (Kapso's X-Webhook-Signature does not); the signature itself is right")],
                    json: ["valid": true, "header": .string(header), "body_bytes": .number(String(body.count)), "prefix_missing": true])
            }
            throw ShellError.signatureMismatch(cause: prefixCause(body: body, secret: secret, signature: signature) + noted)
        case .malformed(let malformation):
            throw ShellError.malformedSignature(command: name, reason: describe(malformation) + sha1Hint(pasted))
        case .mismatch:
            throw ShellError.signatureMismatch(
                cause: SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: meta) + noted)
        }
    }

    /// A field that held several values (the header came twice, or a proxy joined its copies with ", "): each is
    /// checked; valid when one matches, saying which, so a right secret is never blamed for a value added on the way.
    private static func verifyEach(_ field: SignatureCheck.Field, meta: Bool, arguments: Arguments) throws -> CommandResult {
        let body = try readBody(arguments)
        let secret = Secret(arguments.value("--secret") ?? "")
        let header = meta ? "X-Hub-Signature-256" : "X-Webhook-Signature"
        let several = SignatureCheck.checkEach(field.values, body: body, secret: secret, meta: meta, separator: field.separator)
        guard let match = several.match else { throw ShellError.signatureMismatch(cause: several.text) }
        return CommandResult(
            blocks: [
                .line(StyledText(
                    "valid: the \(SignatureCheck.ordinal(match)) of \(field.values.count) \(header) values matches the "
                        + "\(body.count)-byte body", style: .good)),
                .hint(several.text),
            ] + field.notes.map(Block.hint),
            json: [
                "valid": true, "header": .string(header), "body_bytes": .number(String(body.count)),
                "values": .number(String(field.values.count)), "matching_value": .number(String(match + 1)),
            ])
    }

    /// A pasted `sha1=` value: Meta's legacy X-Hub-Signature, checked as HMAC-SHA1.
    private static func verifyLegacy(_ pasted: SignatureCheck.Pasted, arguments: Arguments) throws -> CommandResult {
        guard pasted.hex.count == 40, pasted.hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw ShellError.malformedSignature(
                command: name,
                reason: "a 'sha1=' value (Meta's legacy X-Hub-Signature) needs 40 hex characters, got \(pasted.hex.count)")
        }
        let body = try readBody(arguments)
        let secret = Secret(arguments.value("--secret") ?? "")
        guard WebhookSignature.verifySHA1(body: body, secret: secret, hex: pasted.hex) else {
            // The same mistakes as with SHA-256 (a newline added, a re-serialised body, a spaced secret) are named.
            let cause = SignatureCheck.cause(body: body, secret: secret) { bytes, key in
                WebhookSignature.verifySHA1(body: bytes, secret: key, hex: pasted.hex)
            }
            let other = arguments.has("--meta")
                ? "the X-Hub-Signature-256 value ('sha256=…')" : "the X-Hub-Signature-256 value ('sha256=…') with --meta"
            let unexplained = cause.hasPrefix(SignatureCheck.unexplained)
            throw ShellError.signatureMismatch(
                cause: unexplained
                    ? "the legacy SHA-1 X-Hub-Signature does not match this body and secret; \(SignatureCheck.commonCauses); "
                        + "or check \(other) against the raw body and the app secret"
                    : "the legacy SHA-1 X-Hub-Signature does not match: " + cause)
        }
        return CommandResult(
            blocks: [.line(StyledText("valid: X-Hub-Signature (legacy SHA-1) matches the \(body.count)-byte body", style: .good))]
                + pasted.notes.map(Block.hint),
            json: ["valid": true, "header": "X-Hub-Signature", "body_bytes": .number(String(body.count))])
    }

    /// `; 40 hex characters is a SHA-1 digest …` for a value of 40 hex digits read as SHA-256, else empty.
    private static func sha1Hint(_ pasted: SignatureCheck.Pasted) -> String {
        guard pasted.algorithm == .sha256, pasted.hex.count == 40, pasted.hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            return ""
        }
        return "; 40 hex characters is a SHA-1 digest, Meta's legacy X-Hub-Signature: write it as 'sha1=…', "
            + "or paste the X-Hub-Signature-256 header's value"
    }

    /// `--meta` given but the value is bare hex, Kapso's form, and does not match either.
    private static func prefixCause(body: [UInt8], secret: Secret, signature: String) -> String {
        return "Meta's X-Hub-Signature-256 starts with 'sha256=' and this value does not; "
            + SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: false)
    }

    private static func describe(_ malformation: WebhookSignature.Malformation) -> String {
        ReceivedDelivery.describe(malformation)
    }

    /// Where the body comes from: `--file` (a path) or `--body` (the text), exactly one of them.
    private static func bodySource(_ arguments: Arguments) throws(ShellError) -> (path: String?, text: String?) {
        switch (arguments.value("--file"), arguments.value("--body")) {
        case (nil, nil):
            throw .missingArgument(command: name, what: "--file FILE or --body TEXT", usage: usage)
        case (_?, _?):
            throw .invalidValue(command: name, what: "combination", value: "--file with --body", expected: "only one of them")
        case let (path, text):
            return (path, text)
        }
    }

    private static func readBody(_ arguments: Arguments) throws -> [UInt8] {
        let source = try bodySource(arguments)
        if let path = source.path { return try read(path) }
        return Array((source.text ?? "").utf8)
    }

    private static func read(_ path: String) throws -> [UInt8] {
        let expanded = NSString(string: path).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            throw ShellError.unreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ShellError.unreadableFile(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ShellError.unreadableFile(path: path, reason: "permission denied or not a regular file")
        }
        return Array(data)
    }
}
