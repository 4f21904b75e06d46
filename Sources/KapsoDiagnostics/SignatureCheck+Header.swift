// MARK: - Which signature headers there are, and which one is checked

extension SignatureCheck {
    /// A webhook signature header, and the one rule for which of a request's headers is checked: `listen` (a delivery
    /// received), `verify` (a saved request's own header) and `replay` (re-signing) all go through it (probe15 P15-5).
    ///
    /// Kapso signs with `X-Webhook-Signature`: hex of HMAC-SHA256 over the raw body under the webhook's secret_key
    /// (kapso-api.md §10.1). Meta sends `X-Hub-Signature-256` (`sha256=` + hex of HMAC-SHA256 under the app secret)
    /// and, beside it, the legacy `X-Hub-Signature` (`sha1=` + hex of HMAC-SHA1 under the same secret) (Meta's
    /// Webhooks docs, "Validating payloads"). The legacy one is checked only when the SHA-256 one is missing.
    public enum Header: String, Sendable, CaseIterable {
        case kapso = "X-Webhook-Signature"
        case meta = "X-Hub-Signature-256"
        case metaLegacy = "X-Hub-Signature"

        /// The name as senders write it.
        public var name: String { rawValue }
        /// True for Meta's two headers (checked with the app secret: `--meta-secret`).
        public var isMeta: Bool { self != .kapso }
        /// HMAC-SHA1 for Meta's legacy header, HMAC-SHA256 for the others.
        public var algorithm: Algorithm { self == .metaLegacy ? .sha1 : .sha256 }
        /// What a value starts with: `sha256=` (optional on Kapso's), `sha1=`.
        public var prefix: String { self == .metaLegacy ? "sha1=" : self == .meta ? "sha256=" : "" }

        /// The headers looked for, in order: the sender's own (Meta's SHA-256 before its legacy SHA-1), then the
        /// other sender's.
        public static func order(meta: Bool) -> [Header] { meta ? [.meta, .metaLegacy, .kapso] : [.kapso, .meta, .metaLegacy] }

        /// The first header of `order(meta:)` that `headers` holds, with every value it came with joined by ", "
        /// (as a proxy joins a header's copies, RFC 9110 §5.3); names are compared case-insensitively. Nil when the
        /// request carries none.
        public static func find(in headers: [(name: String, value: String)], meta: Bool) -> (header: Header, value: String)? {
            for header in order(meta: meta) {
                let values = headers.filter { $0.name.lowercased() == header.name.lowercased() }.map(\.value)
                if !values.isEmpty { return (header, values.joined(separator: ", ")) }
            }
            return nil
        }

        /// Who signed a request by its headers: Kapso (false) when `X-Webhook-Signature` or `X-Webhook-Event` is
        /// there, Meta (true) when either of Meta's signature headers is, nil when none of them is.
        public static func signedByMeta(_ headers: [(name: String, value: String)]) -> Bool? {
            let names = Set(headers.map { $0.name.lowercased() })
            if names.contains(kapso.name.lowercased()) || names.contains("x-webhook-event") { return false }
            if names.contains(meta.name.lowercased()) || names.contains(metaLegacy.name.lowercased()) { return true }
            return nil
        }
    }
}
