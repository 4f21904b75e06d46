extension Redactor {
    /// `url` (after its `://`) with the value of each credential-named path parameter (`/;api_key=…`, RFC 3986 §3.3's
    /// `;name=value` in a segment) replaced by `<redacted>`: the same names as in a query (`CredentialParameters`). A
    /// base URL `http://host/;api_key=KEY` was sent and echoed in clear in the 404 line, while `?api_key=` was masked
    /// (probe36 P36-9). `found` is given each value masked.
    static func maskPathParameters(in url: inout [Character], found: ((String) -> Void)?) {
        let pathEnd = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.count
        guard let slash = url[..<pathEnd].firstIndex(of: "/") else { return }
        var index = slash
        while let semicolon = url[index..<pathEnd].firstIndex(of: ";") {
            let pairEnd = url[(semicolon + 1)..<pathEnd].firstIndex { $0 == ";" || $0 == "/" } ?? pathEnd
            index = pairEnd
            guard let equals = url[(semicolon + 1)..<pairEnd].firstIndex(of: "="), equals + 1 < pairEnd,
                CredentialParameters.isCredential(name: String(url[(semicolon + 1)..<equals]))
            else { continue }
            let value = String(url[(equals + 1)..<pairEnd])
            guard value != "<redacted>" else { continue }
            found?(value)
            url.replaceSubrange((equals + 1)..<pairEnd, with: Array("<redacted>"))
            return maskPathParameters(in: &url, found: found)
        }
    }
}
