/// Meta's verification request for a webhook callback URL: before it sends any event, Meta sends
/// `GET <callback>?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=<token>`, and the endpoint must answer
/// 200 with the `hub.challenge` value as its body (Meta Webhooks, "Verification Requests",
/// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests; the same in
/// whatsapp-api-js: "reply with the hub.challenge parameter"). A `listen` behind a tunnel that Meta (or a meta-kind
/// forward) posts to sees it first; read as a delivery it was "GET instead of POST; unsigned", and answered `{"ok":true}`,
/// which Meta refuses as an unverified callback (probe45 P45-5).
public struct MetaSubscriptionCheck: Sendable, Equatable {
    /// The `hub.challenge` value, decoded, to be answered as the body.
    public var challenge: String
    /// The request carried a `hub.verify_token`: a shared secret, never shown.
    public var hasVerifyToken: Bool

    /// Nil unless `method` is GET and `target`'s query has `hub.mode=subscribe` and a `hub.challenge`.
    public init?(method: String, target: String) {
        guard method == "GET", let question = target.firstIndex(of: "?") else { return nil }
        var fields: [String: String] = [:]
        for pair in target[target.index(after: question)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                let bytes = Array(text.utf8)[...]
                return String(decoding: SignatureCheck.percentDecoded(bytes, plusIsSpace: true) ?? Array(bytes), as: UTF8.self)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        guard fields["hub.mode"] == "subscribe", let challenge = fields["hub.challenge"], !challenge.isEmpty else { return nil }
        self.challenge = challenge
        hasVerifyToken = fields["hub.verify_token"].map { !$0.isEmpty } ?? false
    }
}
