/// A webhook `secret_key` short or plain enough to guess, or to turn up in ordinary text (tester62b AM8: `thanks` was
/// accepted without a word, then every reply saying thanks was refused as holding that webhook's signing secret).
///
/// Kapso signs each delivery with HMAC-SHA256 keyed by the webhook's `secret_key` (docs.kapso.ai, Webhook security:
/// "X-Webhook-Signature"), and accepts any non-empty one. RFC 2104 §3 discourages keys shorter than the hash's output
/// (32 bytes for SHA-256); kops generates 32 hex digits after `whsec_`. The line drawn here is lower, where a key is a
/// word or a number someone writes, or short enough to try: fewer than `shortest` characters, or only letters, or only
/// digits. A blank one is `WebhookCheck`'s empty-secret rule's, not this one's.
public enum WeakSecretKey {
    /// The fewest characters a `secret_key` has before it is called short.
    public static let shortest = 12

    /// `6 characters, letters only`, `25 characters, letters only`, `4 characters, digits only`, `8 characters`: what
    /// makes `secret` weak; nil when it is not (or is blank).
    public static func weakness(of secret: String) -> String? {
        guard !secret.allSatisfy(\.isWhitespace) else { return nil }
        let count = secret.count
        let plain =
            secret.allSatisfy { $0.isASCII && $0.isLetter } ? "letters only"
            : secret.allSatisfy { $0.isASCII && $0.isNumber } ? "digits only" : nil
        guard count < shortest || plain != nil else { return nil }
        return "\(count) character\(count == 1 ? "" : "s")" + (plain.map { ", " + $0 } ?? "")
    }

    /// How to give webhook `id` a strong secret, for a fix line: the receiver verifies with the new one from then on.
    public static func remedy(_ id: String) -> String {
        "webhooks update \(id) --secret-key NEW, with NEW from 'openssl rand -hex 32', and verify with NEW at its receiver"
    }
}
