internal import Foundation

extension APIPath {
    /// A path segment as `whois` takes it: its percent-escapes undone (Foundation's `removingPercentEncoding`, RFC 3986
    /// §2.1; up to 3 times, for a client that encoded twice) and, when they hid a `/` or `=`, the part after the last one:
    /// `%2F447700900005` → `447700900005`, `wa.me%2F447700900005` → `447700900005`, `dana.g%40example.com` →
    /// `dana.g@example.com`, `%40dana.gomez` → `@dana.gomez`. Advice quoted the segment as logged (`'whois %2F4477…'`),
    /// which `whois` refused as no id (tester61 AI8). A segment without `%`, or whose escapes do not decode, is itself.
    public static func typed(_ segment: String) -> String {
        guard segment.contains("%") else { return segment }
        var decoded = segment
        for _ in 0..<3 {
            guard decoded.contains("%"), let next = decoded.removingPercentEncoding, next != decoded else { break }
            decoded = next
        }
        let last = decoded.split(whereSeparator: { $0 == "/" || $0 == "=" }).last.map(String.init) ?? decoded
        let trimmed = String(last.drop { $0 == "," || $0 == " " })
        return trimmed.isEmpty || trimmed.contains(where: { $0.isWhitespace || $0.isNewline }) ? segment : trimmed
    }
}
