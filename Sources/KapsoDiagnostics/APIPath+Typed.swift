internal import Foundation

extension APIPath {
    /// A path segment as `whois` takes it: its percent-escapes undone (Foundation's `removingPercentEncoding`, RFC 3986
    /// §2.1; up to 3 times, for a client that encoded twice) and, when they hid a `/` or `=`, the last part `whois` reads
    /// as an id: `%2F447700900005` → `447700900005`, `wa.me%2F447700900005` → `447700900005`, `dana.g%40example.com` →
    /// `dana.g@example.com`, `%40dana.gomez` → `@dana.gomez`, `%2B1%20415%20555%200100` → `+1 415 555 0100`,
    /// `100200300400501%2Fmessages` → `100200300400501` (not the edge `messages`, which `whois` refuses: tester61b AK17).
    /// Nil when no part of it is an id `whois` reads (`IDInput.read`): advice must name a runnable command (tester61b
    /// AK13). Advice quoted the segment as logged (`'whois %2F4477…'`), which `whois` refused (tester61 AI8).
    public static func whoisArgument(_ segment: String) -> String? {
        let decoded = decoded(segment)
        // A WAMID is advised whole: its base64 may hold '/' and ends in '=' padding, and the advice must name the id
        // as the path does, or a masked transcript gives the two different placeholders (tester62b AM1).
        let whole = decoded.trimmingCharacters(in: .whitespaces)
        if case .success(.wamid) = IDInput.read(whole) { return whole }
        let parts = decoded.split(whereSeparator: { $0 == "/" || $0 == "=" }).map { part in
            String(part.drop { $0 == "," || $0 == " " }).trimmingCharacters(in: .whitespaces)
        }
        if let part = parts.last(where: { !$0.isEmpty && !$0.contains(where: \.isNewline) && isReadByWhois($0) }) { return part }
        return isReadByWhois(segment) ? segment : nil
    }

    /// `whoisArgument`, else the segment itself, for a reading that must quote something.
    public static func typed(_ segment: String) -> String { whoisArgument(segment) ?? segment }

    /// The segment with its percent-escapes undone, up to 3 times (a client that encoded twice); itself when it has none
    /// or they do not decode: `%2B1%20415` → `+1 415`, `%252F` → `/`.
    public static func decoded(_ segment: String) -> String {
        var decoded = segment
        for _ in 0..<3 {
            guard decoded.contains("%"), let next = decoded.removingPercentEncoding, next != decoded else { break }
            decoded = next
        }
        return decoded
    }

    private static func isReadByWhois(_ text: String) -> Bool {
        if case .success = IDInput.read(text) { return true }
        return false
    }
}
