public import KopsHTTP
internal import KapsoClient

// MARK: - A receiver that never had the raw bytes: it hashed nothing, or a parsed object's string form

extension SignatureCheck {
    /// What JavaScript writes for an object used as text (`String({})`, `` `${req.body}` ``, `hmac.update(req.body)` on
    /// a parsed body turned to a string): the text a handler hashes when a JSON body parser ran before it.
    static let objectText = "[object Object]"

    /// Why a receiver's value does not match, when it is the HMAC-SHA256 under `secret` of an empty body or of the text
    /// `[object Object]` (tester48 F11): the receiver hashed nothing, or a parsed object, not the raw bytes. The
    /// commonest cause in public reports: a JSON body parser (Express's `express.json()`, `bodyParser.json()`) ran
    /// before the handler and consumed the stream (stripe/stripe-node#1254, #341); kapso-api.md §10.8 lists "hashing
    /// re-serialized JSON" among frequent receiver bugs. `given`: the value's 32 bytes as lowercase hex. Nil when it is
    /// neither, or `body` is that very text (then the signature matches).
    static func hashedWithoutRawBody(given: String, body: [UInt8], secret: Secret) -> String? {
        let key = Array(secret.revealed.utf8)
        let raw = "hash the raw bytes as received (express.raw({type: 'application/json'}) on the webhook's route, or "
            + "the verify option of express.json() to keep them)"
        if !body.isEmpty, given == WebhookSignature.hmacSHA256Hex(key: key, message: []) {
            return "the value is the HMAC-SHA256 of an empty body under this secret: the receiver's code hashed nothing, "
                + "as when a JSON body parser ran first and consumed the request's bytes; " + raw
        }
        let object = Array(objectText.utf8)
        if body != object, given == WebhookSignature.hmacSHA256Hex(key: key, message: object) {
            return "the value is the HMAC-SHA256 of the text '\(objectText)' under this secret: the receiver's code "
                + "hashed a parsed object turned into text (JavaScript writes any object so), not the bytes received; "
                + raw
        }
        return nil
    }

    /// What a body given as empty or as the text `[object Object]` says (tester48 F11): the handler that logged it never
    /// had the raw bytes (a JSON body parser ran before it, so its raw body is empty, or it printed the parsed
    /// object); no signature can be checked against it. Nil for any other body.
    static func bodyWithoutRawBytes(_ body: [UInt8]) -> String? {
        let text = Added(body)?.inner ?? body
        if body.isEmpty || text.isEmpty {
            return "the body is empty: the handler never had the raw bytes (a JSON body parser, such as express.json(), ran "
                + "first and consumed them), so no signature matches it; check the body as received: keep the raw bytes "
                + "(express.raw({type: 'application/json'}) on the webhook's route), or capture a delivery with "
                + "'listen --save DIR'"
        }
        guard text == Array(objectText.utf8) else { return nil }
        return "the body is the text '\(objectText)': the handler had a parsed object, not the raw bytes (JavaScript "
            + "writes any object so when it is used as text), so no signature matches it; check the body as received: "
            + "keep the raw bytes (express.raw({type: 'application/json'}) on the webhook's route), or capture a "
            + "delivery with 'listen --save DIR'"
    }
}
