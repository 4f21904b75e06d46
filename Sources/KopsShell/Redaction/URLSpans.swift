/// The URLs with a scheme in a text, as the redactor reads them: each `://` starts one, which ends at a space, a tab, a
/// line end, a quote, `<`, `>`, a backtick or a comma. Shared by `Redactor.maskURLCredentials` (passwords and
/// credential parameters) and `CapabilityURLs.masked` (hooks whose key is in the path), so both read the same URLs.
enum URLSpans {
    /// Where a URL ends.
    static let ends: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'", "<", ">", "`", ","]

    /// Punctuation that ends a sentence right after a URL (`(https://…):`, `… to https://…: HTTP 401`, `see https://….`):
    /// the sentence's, not the URL's key or last value. Each masking leaves it after `<redacted>` (probe38 P38-1: a key
    /// read with its `:` was no key; probe40 P40-3: `&token=T):` was masked with its `):`).
    static let sentenceEnds: Set<Character> = [":", ".", ";", "!", ")"]

    /// How many of the last characters of `characters` are `sentenceEnds`, leaving at least `floor` before them.
    static func trailingPunctuation<Characters: BidirectionalCollection>(_ characters: Characters, floor: Int = 0) -> Int
    where Characters.Element == Character {
        var count = 0
        var index = characters.endIndex
        while characters.count - count > floor, index != characters.startIndex {
            characters.formIndex(before: &index)
            guard sentenceEnds.contains(characters[index]) else { break }
            count += 1
        }
        return count
    }

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
