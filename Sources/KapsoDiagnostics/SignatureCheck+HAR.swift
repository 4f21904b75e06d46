public import KapsoClient

// MARK: - Which request of a HAR capture is the webhook's

extension SignatureCheck.Envelope {
    /// The entry of a HAR capture (`log.entries[]`) that `verify` read, and why that one (tester70b G3: the first entry
    /// with a body was read, an analytics beacon before the webhook, and "the secret is wrong" followed). A page's or a
    /// session's export holds other requests before and after the webhook's.
    public struct HAREntry: Sendable, Equatable {
        /// Why this entry was read.
        public enum Reason: Sendable, Equatable {
            /// It carries a signature header (X-Webhook-Signature, X-Hub-Signature-256 or X-Hub-Signature).
            case signed
            /// No entry carries one; its body is a Kapso (or Meta) webhook's JSON.
            case webhookJSON
            /// Neither: the first entry with a request body.
            case firstWithBody
        }

        /// Its place in `log.entries`, from 0.
        public var index: Int
        /// Entries in the file.
        public var count: Int
        /// The request's method and URL, the URL without its query or fragment (a token may sit there), printable
        /// ASCII only and at most 120 characters.
        public var method: String
        public var url: String
        /// Its `startedDateTime`, as written (printable ASCII, at most 40 characters); nil when missing.
        public var time: String?
        public var reason: Reason
        /// The places (from 0) of the file's other entries that carry a signature header.
        public var otherSigned: [Int]

        /// `entry 2 of 3 (POST https://app.acme.example/hook, 2026-11-20T14:30:05.120Z)`.
        public var label: String {
            "entry \(index + 1) of \(count) (\(method) \(url)" + (time.map { ", \($0)" } ?? "") + ")"
        }

        /// Why it was read, for the note: `the one with a signature header`, ….
        public var why: String {
            switch reason {
            case .signed:
                otherSigned.isEmpty
                    ? "the one with a signature header"
                    : "the first of \(otherSigned.count + 1) with a signature header"
            case .webhookJSON: "no entry has a signature header; its body is a webhook's JSON"
            case .firstWithBody: "the first request with a body: no entry has a signature header or a webhook's JSON body"
            }
        }
    }

    /// A HAR capture's request: its headers, body text, whether its `postData.encoding` is `base64`, and which entry.
    struct HARRequest {
        var headers: [(name: String, value: String)]
        var text: String
        var base64: Bool
        var entry: HAREntry
    }

    /// The request of `log.entries` to check: `entry` (a place from 0) when given and it has a body; else the first
    /// entry carrying a signature header (the one whose header holds `signature`'s hex when that is given and one does),
    /// else the first whose body is a webhook's JSON, else the first with a body. Nil when no entry has a body.
    static func harRequest(_ entries: [JSONValue], entry wanted: Int?, signature: String?) -> HARRequest? {
        var bodies: [(index: Int, request: JSONObject, headers: [(name: String, value: String)], text: String)] = []
        for (index, entry) in entries.enumerated() {
            guard let request = entry["request"]?.object, let text = request["postData"]?["text"]?.string else { continue }
            let headers = request["headers"].flatMap(exportHeaders) ?? []
            bodies.append((index, request, headers, text))
        }
        let signed = bodies.filter { SignatureCheck.Header.find(in: $0.headers, meta: false) != nil }
        let hex = signature.map { String($0.lowercased().filter(\.isHexDigit).suffix(64)) }
        let reason: HAREntry.Reason
        let chosen: (index: Int, request: JSONObject, headers: [(name: String, value: String)], text: String)
        if let wanted, let found = bodies.first(where: { $0.index == wanted }) {
            (chosen, reason) = (found, signed.contains { $0.index == wanted } ? .signed : .firstWithBody)
        } else if let first = signed.first {
            let holding = hex.flatMap { hex in
                hex.count >= 40 ? signed.first { SignatureCheck.Header.find(in: $0.headers, meta: false)?.value.lowercased().contains(hex) == true } : nil
            }
            (chosen, reason) = (holding ?? first, .signed)
        } else if let webhook = bodies.first(where: { isWebhookJSON($0.text, base64: $0.request["postData"]?["encoding"]?.string) }) {
            (chosen, reason) = (webhook, .webhookJSON)
        } else if let first = bodies.first {
            (chosen, reason) = (first, .firstWithBody)
        } else {
            return nil
        }
        let url = chosen.request["url"]?.string ?? "?"
        let entry = HAREntry(
            index: chosen.index, count: entries.count, method: printable(chosen.request["method"]?.string ?? "?", limit: 10),
            url: printable(String(url.prefix { $0 != "?" && $0 != "#" }), limit: 120),
            time: entries[chosen.index]["startedDateTime"]?.string.map { printable($0, limit: 40) }, reason: reason,
            otherSigned: signed.map(\.index).filter { $0 != chosen.index })
        let base64 = chosen.request["postData"]?["encoding"]?.string?.lowercased() == "base64"
        return HARRequest(headers: chosen.headers, text: chosen.text, base64: base64, entry: entry)
    }

    /// True when `text` (base64 when `base64` says so) is a webhook's JSON: Kapso's (`message`, `conversation`,
    /// `phone_number_id`, or a batch's `batch` and `data`) or Meta's (`"object": "whatsapp_business_account"`).
    static func isWebhookJSON(_ text: String, base64: String?) -> Bool {
        var bytes = Array(text.utf8)
        if base64?.lowercased() == "base64", let decoded = SignatureCheck.base64Decoded(bytes) { bytes = decoded }
        guard let object = (try? JSONValue.parse(bytes))?.object else { return false }
        if SignatureCheck.isMetaPayload(bytes) { return true }
        return object["message"]?.object != nil || object["conversation"]?.object != nil
            || (object["batch"]?.bool == true && object["data"]?.array != nil)
            || (object["phone_number_id"]?.string != nil && object["event"] != nil)
    }

    /// `text` with anything but printable ASCII as `?`, cut to `limit` characters with `…`.
    private static func printable(_ text: String, limit: Int) -> String {
        let shown = String(text.unicodeScalars.prefix(limit).map { (0x20...0x7E).contains($0.value) ? Character($0) : "?" })
        return text.unicodeScalars.count > limit ? shown + "…" : shown
    }
}
