internal import KapsoClient
public import KopsHTTP

// MARK: - What a mismatch no single cause explains may still be, from the secret's and the body's shape

extension SignatureCheck {
    /// The common causes for the sender checked: `commonCauses` for Kapso's X-Webhook-Signature; for Meta's
    /// X-Hub-Signature-256 (`meta`) the same without Kapso's per-webhook `secret_key`, which Meta does not use: Meta
    /// keys the signature with the app's App Secret (developers.facebook.com/docs/graph-api/webhooks/getting-started,
    /// "Validating Payloads": the signature is made with the payload and the app's App Secret; probe21 P21-16).
    public static func commonCauses(meta: Bool) -> String {
        guard meta else { return commonCauses }
        return "common causes: the body was re-serialised from parsed JSON instead of hashing the raw bytes (Meta signs "
            + "its escaped form); a trailing newline was added; the secret is not the app's App Secret (App Dashboard › "
            + "Settings › Basic; an access token or a Kapso webhook secret does not sign Meta's deliveries); Kapso's "
            + "X-Webhook-Signature was checked as Meta's X-Hub-Signature-256 (check a Kapso delivery without --meta)"
    }

    /// The cause a mismatch no form of the body explains still has from the secret's shape alone: a credential of
    /// another kind given as the secret, which `TokenPrefix` names (`whsec_`: a Kapso webhook secret; `EAA`: a Meta
    /// access token), the same reading that names a key refused with 401 (probe21 P21-16). Nil when the secret has no
    /// such prefix, or has the one its sender uses (`whsec_` for Kapso's).
    static func secretKindCause(_ secret: Secret, meta: Bool) -> String? {
        switch APIKeyShape.kind(of: secret.revealed.trimmingSpaces()) {
        case .webhookSecret? where meta:
            return "the secret given is a Kapso webhook secret (whsec_…), not the app secret: Meta keys "
                + "X-Hub-Signature-256 with the app's App Secret (App Dashboard › Settings › Basic)"
        case .metaAccessToken? where meta:
            return "the secret given is a Meta access token (EAA…), not the app secret: Meta keys X-Hub-Signature-256 "
                + "with the app's App Secret (App Dashboard › Settings › Basic), never with a token"
        case .metaAccessToken?:
            return "the secret given is a Meta access token (EAA…): Kapso keys X-Webhook-Signature with the webhook's "
                + "own secret_key, never with a token"
        default:
            return nil
        }
    }

    /// The batch pitfall, when `body` is one Kapso message item and not a batch (probe21 P21-20): with buffering on,
    /// every delivery of `whatsapp.message.received` is one batch body, `{"type", "batch": true, "data": [items],
    /// "batch_info"}`, with `X-Webhook-Batch: true` and `X-Batch-Size` (docs.kapso.ai/docs/platform/webhooks/advanced,
    /// "Message buffering"; kapso-api.md §10.1, §10.5, gotcha 12), signed as a whole: an item of `data[]`, hashed on
    /// its own, never matches. kops cannot tell an item from a delivery sent alone, which has the same shape, so this
    /// is a possibility named, not a cause shown. Nil for any other body (an outbound message's item: only received
    /// messages are buffered).
    static func batchItemCause(_ body: [UInt8]) -> String? {
        guard let value = try? JSONValue.parse(Added(body)?.inner ?? body), let object = value.object,
            object["batch"] == nil, object["data"] == nil, object["message"]?.object != nil,
            object["conversation"]?.object != nil || object["phone_number_id"] != nil,
            object["message"]?["kapso"]?["direction"]?.string != "outbound"
        else { return nil }
        return "the body is one item of a batched delivery's data[] (with buffering on, X-Webhook-Batch: true, the "
            + "signature covers the whole batch body, 'batch': true and 'data': [...]: verify that once, before "
            + "splitting data[])"
    }

    /// The causes a mismatch names when nothing was shown: a secret of another kind first, then the common causes
    /// for the sender checked (`meta`), with the batch pitfall among them, ahead of the wrong secret, for a body
    /// that is one message item. `received` (`listen`): only the common causes, which `listen` prints once for every
    /// delivery.
    static func listedCauses(_ body: [UInt8], secret: Secret, meta: Bool, received: Bool) -> String {
        guard !received else { return commonCauses }
        let list = meta ? commonCauses(meta: true) : commonCauses(batchItem: batchItemCause(body))
        let kind = secretKindCause(secret, meta: meta).map { [$0] } ?? []
        return (kind + [list]).joined(separator: "; ")
    }

    // MARK: - A body a request-bin kept parsed

    /// Why a signature cannot be checked against a request-bin export that kept the body as parsed JSON, when its
    /// re-serialisation does not match (probe21 P21-8): the signed bytes are gone, and the tool may have re-ordered
    /// keys (Go's encoding/json writes map keys sorted; so does `jq -S`), changed how numbers or characters are
    /// written, so a mismatch says nothing about the delivery or the secret.
    public static func parsedExportUncheckable(_ envelope: Envelope) -> String {
        let sorted = (try? JSONValue.parse(envelope.body)).map(keysSortedThroughout) == true
            ? "; its keys are in alphabetical order in every object, as Go's encoding/json and 'jq -S' write them: "
                + "the tool re-ordered them" : ""
        return "this export cannot prove or disprove the signature: it keeps the body as parsed JSON (an object in its "
            + "\"\(envelope.member)\" member), so the bytes that were signed are gone, and its "
            + (envelope.metaForm ? "Meta-escaped" : "compact") + " form, the one kops can rebuild, does not match"
            + sorted + "; a rebuilt body that does not match says nothing about the secret or the delivery: export "
            + "the body as received (the tool's raw view, or an export with the body as a string), or capture the "
            + "delivery with 'listen --save DIR'"
    }

    /// True when every object in `value` with two keys or more has them in ascending order, and there is at least
    /// one such object with four keys or more (fewer are in order by chance too often to say anything).
    static func keysSortedThroughout(_ value: JSONValue) -> Bool {
        var sawLarge = false
        func walk(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let object):
                let keys = object.entries.map(\.key)
                if keys.count >= 4 { sawLarge = true }
                guard keys == keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) else {
                    return false
                }
                return object.entries.allSatisfy { walk($0.value) }
            case .array(let elements):
                return elements.allSatisfy(walk)
            default:
                return true
            }
        }
        return walk(value) && sawLarge
    }
}
