/// Substring tests over UTF-8 bytes: the redactor runs them on every string kops shows, and the
/// standard library's pattern search builds a table per call, which dominated script replays.
enum ByteSearch {
    /// True when `needle` occurs in `text`; with `ignoringASCIICase`, A–Z match a–z.
    static func contains(_ needle: String, in text: String, ignoringASCIICase: Bool = false) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            let fold: (UInt8) -> UInt8 = { ignoringASCIICase && $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            let start = fold(first)
            for index in 0...(bytes.count - pattern.count) where fold(bytes[index]) == start {
                var offset = 1
                while offset < pattern.count && fold(bytes[index + offset]) == fold(pattern[offset]) { offset += 1 }
                if offset == pattern.count { return true }
            }
            return false
        }
    }
}
