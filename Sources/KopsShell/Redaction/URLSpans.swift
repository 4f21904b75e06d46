/// The URLs with a scheme in a text, as the redactor reads them: each `://` starts one, which ends at a space, a tab, a
/// line end, a quote, `<`, `>`, a backtick or a comma. Shared by `Redactor.maskURLCredentials` (passwords and
/// credential parameters) and `CapabilityURLs.masked` (hooks whose key is in the path), so both read the same URLs.
enum URLSpans {
    /// Where a URL ends.
    static let ends: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'", "<", ">", "`", ","]

    /// `text` with each URL (the characters after its `://`, up to its end) given to `rewrite` to change in place;
    /// `maskedAfter` is true when `<redacted>` follows the URL (it was masked already and ends at that mask's `<`).
    /// Reading goes on after the rewritten URL.
    static func rewriting(_ text: String, _ rewrite: (_ url: inout [Character], _ maskedAfter: Bool) -> Void) -> String {
        var characters = Array(text)
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == ":", characters[index + 1] == "/", characters[index + 2] == "/" else {
                index += 1
                continue
            }
            let start = index + 3
            var end = start
            while end < characters.count, !ends.contains(characters[end]) { end += 1 }
            var url = Array(characters[start..<end])
            rewrite(&url, characters[end...].starts(with: "<redacted>"))
            characters.replaceSubrange(start..<end, with: url)
            index = start + url.count
        }
        return String(characters)
    }
}
