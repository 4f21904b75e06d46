public import KapsoClient

/// A character a called path holds that no documented route has, added by the client on the way (tester51 G1, G3):
/// a trailing `/` (`…/messages/`), an empty segment (`/v24.0//100200300400501/messages`), or a line feed, carriage
/// return, tab or space, literal or percent-encoded (`…/messages%0A`: a URL built from a value read with its newline,
/// `$(cat id.txt)` or a `.env` line). Kops's readings split paths into segments, which drops the first two and keeps the
/// last inside a segment, so without this a path that only looks documented read as "the route and the id are right".
/// Kapso does not document how its router treats them (kapso-api.md §1.2 only says Kapso's scripts strip a trailing `/`
/// from the base URL); a router that matches paths exactly answers 404.
public struct PathArtefact: Sendable, Equatable {
    /// What the path holds, e.g. `ends in '/'`, `holds a line feed (%0A) after /messages`.
    public let what: String
    /// The path without it (query kept), e.g. `/meta/whatsapp/v24.0/100200300400501/messages`.
    public let cleaned: String

    /// The first artefact of `endpoint` (a path with an optional query) whose removal leaves a documented route
    /// (`APIRoute.documented`); nil when there is none, or the path is no documented route without it either. An
    /// artefact inside a WAMID (`wamid.…=%0A`) is read by the WAMID's own readings, not here.
    public static func read(_ endpoint: String) -> PathArtefact? {
        let split = endpoint.firstIndex(of: "?")
        let path = split.map { String(endpoint[..<$0]) } ?? endpoint
        let query = split.map { String(endpoint[$0...]) } ?? ""
        guard path.hasPrefix("/") else { return nil }
        var found: [String] = []
        var segments: [String] = []
        for raw in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            guard !raw.lowercased().hasPrefix("wamid.") else {
                segments.append(raw)
                continue
            }
            let (kept, stray) = withoutWhitespace(raw)
            // A UUID's literal `\n`, form-encoded space (`+`) or tail encoded twice (`%250A`), by the id readings' one rule
            // (`IDInput.strayTailParts`, tester52b K19).
            if stray == nil, let (id, tail, what) = IDInput.strayTailParts(raw), IDInput.isUUID(id) {
                found.append("holds '\(tail)' (\(what)) after /\(id)")
                segments.append(id)
                continue
            }
            // A digits id's own stray character is the id readings' (`IDInput`: "with a trailing line feed"); a UUID's is
            // read here (tester51b F10).
            let core = kept.drop { "'\"".contains($0) }
            let digitsID = core.allSatisfy(\.isNumber) || kept.contains("%") || kept.hasPrefix("+")
            if let stray, !kept.isEmpty, !digitsID {
                found.append("holds \(stray) after /\(kept)")
            }
            segments.append(digitsID ? raw : kept)
        }
        if segments.count > 1, segments.last == "" {
            segments.removeLast()
            found.insert("ends in '/'", at: 0)
        }
        if segments.dropLast().contains("") {
            segments.removeAll { $0.isEmpty }
            found.append("has an empty segment ('//')")
        }
        guard let first = found.first else { return nil }
        let cleaned = "/" + segments.joined(separator: "/") + query
        guard APIRoute.documented(cleaned) != nil else { return nil }
        return PathArtefact(what: first, cleaned: cleaned)
    }

    /// `segment` without the whitespace or control characters at its end (literal or `%0A`, `%0D`, `%09`, `%20`), and the
    /// first one named (`a line feed (%0A)`); `(segment, nil)` when it has none at its end.
    static func withoutWhitespace(_ segment: String) -> (String, String?) {
        let encoded = [
            "%0a": "a line feed (%0A)", "%0d": "a carriage return (%0D)", "%09": "a tab (%09)", "%20": "a space (%20)",
            "%22": "a double quote (%22)", "%27": "a quote (%27)", "%07": "a control character (%07)", "%1b": "an escape (%1B)",
            "%c2%a0": "a no-break space (%C2%A0)", "%e2%80%8b": "a zero-width space (%E2%80%8B)",
            "%ef%bb%bf": "a byte-order mark (%EF%BB%BF)",
        ]
        var text = segment
        var named: String?
        while true {
            if let last = text.last, last.isWhitespace || last.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                named = last == "\n" ? "a line feed" : last == "\r" || last == "\r\n" ? "a carriage return" : last == "\t" ? "a tab" : "a space"
                text.removeLast()
            } else if let (length, name) = [9, 6, 3].lazy.compactMap({ count in
                text.count >= count ? encoded[String(text.suffix(count)).lowercased()].map { (count, $0) } : nil
            }).first {
                named = name
                text.removeLast(length)
            } else if let last = text.last, "\"'\u{200B}\u{00A0}\u{FEFF}".contains(last) {
                named = last == "\"" ? "a double quote" : last == "'" ? "a quote" : "an invisible character (U+\(String(last.unicodeScalars.first!.value, radix: 16, uppercase: true)))"
                text.removeLast()
            } else {
                return (text, named)
            }
        }
    }

    /// The reading of a 404 (or 405) on the path: `the path ends in '/', unlike the documented route POST …/messages: a
    /// router that matches paths exactly answers 404 to it (Kapso does not document a trailing '/'); send it without`.
    /// `success` is a 2xx call of the cleaned path (kops's own or the API log's), which makes the artefact the likely cause.
    public func meaning(method: String, success: APILog? = nil) -> String {
        let route = (method.isEmpty ? "" : method + " ") + cleaned
        let evidence = success.map { "; the same route without it was answered \($0.responseStatus) at \($0.createdAt), so it is the likely cause" } ?? ""
        return "the path \(what), unlike the documented route \(route): a router that matches paths exactly answers 404 to "
            + "it (Kapso does not document how it treats one)\(evidence); send the path without it (a URL built from a value "
            + "read with its newline, or joined with an extra '/')"
    }
}
