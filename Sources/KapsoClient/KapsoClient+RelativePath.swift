extension KapsoClient {
    /// `url` without the base URL's characters, `String(url.dropFirst(baseURL.count))`: the path and query the API
    /// log and the own-call notes name (`/platform/v1/whatsapp/webhooks?page=1`).
    ///
    /// A URL built on the base (every request of this client) is cut at the base's bytes when the base is ASCII and
    /// the URL goes on with `/` or `?`, where the characters end as the bytes do; any other URL is cut by characters,
    /// as before. Counting the characters and dropping them cost 4,500 instructions a request, twice in each answer's
    /// reading (docs/performance.md, "Session 51").
    func relativePath(of url: String) -> String {
        var url = url
        var base = baseURL
        let cut = url.withUTF8 { bytes in
            base.withUTF8 { prefix -> String? in
                guard bytes.count > prefix.count, bytes[prefix.count] == UInt8(ascii: "/") || bytes[prefix.count] == UInt8(ascii: "?")
                else { return nil }
                for index in 0..<prefix.count where bytes[index] != prefix[index] || prefix[index] >= 0x80 { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.count...]), as: UTF8.self)
            }
        }
        return cut ?? String(url.dropFirst(baseURL.count))
    }
}
