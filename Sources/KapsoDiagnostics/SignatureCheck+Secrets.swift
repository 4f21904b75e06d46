internal import Foundation
internal import KapsoClient
public import KopsHTTP

// MARK: - A secret as it was meant: what storing or copying it added

extension SignatureCheck {
    /// One way a given secret may differ from the one the sender signed with, and how `cause` names it.
    struct SecretRepair {
        /// The secret with the change undone.
        var key: Secret
        /// Added to a body cause when the body needed a change too (`; and the secret has …`).
        var also: String
        /// The cause when the body is right and only the secret differs.
        var alone: String
    }

    /// The secret as given, then each repair that changes it: whitespace around it, quotes around it, invisible
    /// characters in it (a zero-width space copied from a chat or web page), a literal `\n` at its end (a line
    /// break escaped in a JSON or `.env` file and never unescaped), its `whsec_` prefix taken off or put on
    /// (`prefixRepair`), and base64 of it (a Kubernetes Secret's
    /// `data:` values are base64, kubernetes.io/docs/concepts/configuration/secret: "The values for all keys in
    /// the data field have to be base64-encoded strings"). `cause` names a repair only when the HMAC matches
    /// with it.
    static func secretRepairs(_ secret: Secret) -> [SecretRepair] {
        let given = secret.revealed
        let trimmed = given.trimmingSpaces()
        var repairs = [SecretRepair(key: secret, also: "", alone: "")]
        func add(_ text: String, also: String, alone: String) {
            guard !text.isEmpty, !repairs.contains(where: { $0.key.revealed == text }) else { return }
            repairs.append(SecretRepair(key: Secret(text), also: also, alone: alone))
        }
        if trimmed != given {
            add(
                trimmed, also: "; and the secret has whitespace around it: without it the signature matches",
                alone: "the secret has whitespace around it (as pasted or as stored); without it the signature matches: "
                    + "remove the spaces or line break from the stored secret")
        }
        if let unquoted = unquoted(trimmed) {
            add(
                unquoted, also: "; and the secret has quotes around it: without them the signature matches",
                alone: "the secret has quotes around it (copied with its JSON or .env quotes); without them the "
                    + "signature matches: store and pass only the text between the quotes")
        }
        let found = trimmed.unicodeScalars.filter { invisibles[$0] != nil }
        if !found.isEmpty {
            var clean = String.UnicodeScalarView()
            clean.append(contentsOf: trimmed.unicodeScalars.filter { invisibles[$0] == nil })
            let kinds = Array(Set(found)).sorted { $0.value < $1.value }.map { scalar in
                "U+" + String(format: "%04X", scalar.value) + " (" + (invisibles[scalar] ?? "") + ")"
            }
            let what = (found.count == 1 ? "an invisible " : "\(found.count) invisible characters, ") + kinds.joined(separator: ", ")
            let pronoun = found.count == 1 ? "it" : "them"
            add(
                String(clean).trimmingSpaces(),
                also: "; and the secret holds \(what): without \(pronoun) the signature matches",
                alone: "the secret holds \(what), as copying from a chat, web page or document adds; without \(pronoun) "
                    + "the signature matches: type the secret again or paste it as plain text, and store it without \(pronoun)")
        }
        if let (text, escapes) = withoutEscapedLineEnds(trimmed) {
            add(
                text, also: "; and the secret ends with a literal \(escapes): without it the signature matches",
                alone: "the secret ends with a literal \(escapes) (a backslash and a letter: a line break escaped in a "
                    + "JSON or .env file and never unescaped); without it the signature matches: store the secret "
                    + "without it")
        }
        if let (text, also, alone) = prefixRepair(trimmed) { add(text, also: also, alone: alone) }
        if let decoded = base64Text(trimmed) {
            let alone = "the secret given is base64-encoded (as a Kubernetes Secret's data: field holds it); its decoded "
                + "text matches: use the decoded secret (Kubernetes decodes it for env vars and mounted files; "
                + "'kubectl get secret' output is still encoded)"
            add(decoded, also: "; and the secret given is base64-encoded: its decoded text matches", alone: alone)
            let inner = decoded.trimmingSpaces()
            if inner != decoded {
                add(
                    inner, also: "; and the secret given is base64 of the secret with a line break: decoded and "
                        + "without the line break it matches",
                    alone: "the secret given is base64-encoded (as a Kubernetes Secret's data: field holds it), and "
                        + "what it encodes ends with a line break ('echo' without -n before 'base64'); decoded and "
                        + "without the line break it matches: encode the secret with 'echo -n', and use the decoded value")
            }
        }
        return repairs
    }

    /// The secret with its `whsec_` prefix taken off, or put on when it has none, and how each is named (probe29
    /// P29-17). Kapso keys the HMAC with the whole `secret_key`: "Kapso signs all webhooks with HMAC SHA256 using your
    /// webhook secret key" and its sample passes the secret as it is to `createHmac` (docs.kapso.ai/docs/platform/
    /// webhooks/security); "`HMAC-SHA256(webhook_secret_key, raw_request_body)`" (gokapso/agent-skills,
    /// skills/integrate-whatsapp/references/webhooks-reference.md); neither says the prefix is dropped. Standard
    /// Webhooks (Svix) secrets are also `whsec_<base64>`, and their libraries strip the prefix and key the HMAC with
    /// the rest (base64-decoded; that form is not tried, its key is bytes, not text), so code written for them drops
    /// it. Whether every secret Kapso generates starts with `whsec_` is not documented [uncertain]: a phone-number
    /// webhook's `secret_key` is the caller's choice (kapso-api.md), so the prefix added is named only on a match.
    static func prefixRepair(_ secret: String) -> (text: String, also: String, alone: String)? {
        let prefix = TokenPrefix.webhookSecret.text
        let whole = "Kapso signs with the whole secret_key, whsec_ included"
        if secret.hasPrefix(prefix) {
            return (
                String(secret.dropFirst(prefix.count)),
                "; and the signature was made with the secret without its 'whsec_' prefix (\(whole))",
                "the signature matches the secret without its 'whsec_' prefix: it was made with the prefix taken off "
                    + "(code that strips it as for a Standard Webhooks secret, without decoding the rest); \(whole): key "
                    + "the HMAC with the whole secret"
            )
        }
        return (
            prefix + secret,
            "; and the secret given lacks its 'whsec_' prefix: with it the signature matches",
            "the signature matches the secret with 'whsec_' in front: the secret given lacks its prefix (stored or "
                + "copied without it); \(whole): store and pass the whole secret, prefix included"
        )
    }

    /// The cause when `given` (hex) is the HMAC-SHA256 of `body` keyed with the bytes Standard Webhooks (Svix) libraries
    /// make of a `whsec_` secret: the part after the prefix, base64-decoded (Symfony's StandardWebhooksSignature: "The
    /// specification serializes the secret as base64 behind a \"whsec_\" prefix"; rocket_webhook's `StandardWebhook::
    /// with_secret` strips the prefix and decodes; tester67 Y6f). Kapso keys the HMAC with the whole secret text (`prefixRepair`'s sources), so a handler
    /// that verifies Kapso's header with such a library computes this value. Nil for any other value or secret.
    static func standardWebhooksKeyCause(given: String, body: [UInt8], secret: Secret) -> String? {
        let prefix = TokenPrefix.webhookSecret.text
        let text = secret.revealed.trimmingSpaces()
        guard text.hasPrefix(prefix), let key = base64Decoded(Array(text.utf8.dropFirst(prefix.utf8.count))), !key.isEmpty,
            WebhookSignature.hmacSHA256Hex(key: key, message: body) == given
        else { return nil }
        return "the signature was keyed with the base64-decoded part of the secret after 'whsec_', as Standard Webhooks "
            + "(Svix) libraries key it; Kapso signs with the whole secret_key as text, whsec_ included, and over the raw "
            + "body alone: compute HMAC-SHA256(key: the whole secret's bytes, message: raw body) instead of that library's verify"
    }

    /// The text between one pair of matching quotes (`"…"`, `'…'`, `“…”`), or nil when not quoted.
    static func unquoted(_ text: String) -> String? {
        for (open, close) in [("\"", "\""), ("'", "'"), ("\u{201C}", "\u{201D}")]
        where text.count > 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            return String(text.dropFirst().dropLast())
        }
        return nil
    }

    /// `text` without the two-character sequences `\n`, `\r` (and `\r\n`) at its end, and how they are shown
    /// (`'\n'`); nil when it has none.
    static func withoutEscapedLineEnds(_ text: String) -> (text: String, shown: String)? {
        var rest = Substring(text)
        var removed = ""
        while rest.hasSuffix("\\n") || rest.hasSuffix("\\r") {
            removed = String(rest.suffix(2)) + removed
            rest = rest.dropLast(2)
        }
        guard !removed.isEmpty, !rest.isEmpty else { return nil }
        return (String(rest), "'" + removed + "'")
    }

    /// The text `secret` decodes to when it is standard base64 (padding optional) of printable UTF-8 (a line
    /// break at the end allowed); nil otherwise.
    static func base64Text(_ secret: String) -> String? {
        guard secret.count >= 8, secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) else {
            return nil
        }
        var padded = secret
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded), !data.isEmpty,
            let text = String(bytes: data, encoding: .utf8),
            text.trimmingSpaces().unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }), !text.trimmingSpaces().isEmpty
        else { return nil }
        return text
    }
}
