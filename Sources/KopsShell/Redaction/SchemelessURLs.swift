/// Web addresses written without their scheme, as a form, a chat, a log line or a person drops it:
/// `hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX`, `//discord.com/api/webhooks/…` (scheme-relative),
/// `url=hook.eu1.make.com/…`. A hook's key in such a URL was printed, recorded and bundled in clear where the same URL
/// with `https://` was masked (probe36 P36-4): the rules for hooks (`CapabilityURLs`, `CapabilityPaths`) read only the
/// URLs `URLSpans` finds after a `://`. Here they read these too.
///
/// A URL without a scheme starts with a host at the start of a word: letters, digits, `-` and `.`, with a dot and a
/// last label of two letters or more (`com`, `net`; not `v24.0`, `1.5`), right before a `/`. Before the host: the
/// text's start, or a character no host or path has (a space, a quote, `=`, `:`, `(`; a percent-escape other than
/// `%2F`), or `//` not after a `:`. A path (`docs/notes.md`, `/a/b.example.com/x`) has a `/` or a word before it, and
/// no host is read there. The URL ends where `URLSpans` ends one.
enum SchemelessURLs {
    /// `text` with each URL without a scheme (its host, path, query) given to `rewrite`, as `URLSpans.rewriting` gives
    /// each URL after its `://`; `text` itself when none is there or none changed.
    static func rewriting(_ text: String, _ rewrite: (_ url: inout [Character], _ maskedAfter: Bool) -> Void) -> String {
        guard text.utf8.contains(slash), text.utf8.contains(dot) else { return text }
        var characters = Array(text)
        var changed = false
        var index = 0
        while index < characters.count {
            guard let hostEnd = host(in: characters, at: index), hostEnd < characters.count, characters[hostEnd] == "/" else {
                index += 1
                continue
            }
            var end = hostEnd
            while end < characters.count, !URLSpans.ends.contains(characters[end]) { end += 1 }
            var url = Array(characters[index..<end])
            rewrite(&url, characters[end...].starts(with: "<redacted>"))
            if url != Array(characters[index..<end]) {
                characters.replaceSubrange(index..<end, with: url)
                changed = true
            }
            index += max(1, url.count)
        }
        return changed ? String(characters) : text
    }

    /// Where the host that starts at `index` ends (the index after it), when one starts there: see the type's comment
    /// (the `/` after it is the caller's to check); nil otherwise.
    static func host(in characters: [Character], at index: Int) -> Int? {
        guard isAlphanumeric(characters[index]), startsWord(characters, at: index) else { return nil }
        var end = index
        var lastDot: Int?
        while end < characters.count, isAlphanumeric(characters[end]) || characters[end] == "-" || characters[end] == "." {
            if characters[end] == "." { lastDot = end }
            end += 1
        }
        guard let lastDot, end - lastDot > 2, characters[(lastDot + 1)..<end].allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        return end
    }

    /// True when a host may start at `index`: see the type's comment.
    private static func startsWord(_ characters: [Character], at index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = characters[index - 1]
        if before == "/" {
            // `//host/…` (scheme-relative), but not `://` (read with its scheme) nor a path's `/`.
            return index >= 2 && characters[index - 2] == "/" && (index < 3 || characters[index - 3] != ":")
        }
        if index >= 3, characters[index - 3] == "%", characters[index - 2].isHexDigit, before.isHexDigit {
            return !(characters[index - 2] == "2" && (before == "F" || before == "f"))
        }
        return !(isAlphanumeric(before) || "-._@%".contains(before))
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// The byte test's question at a word at `label` (its bytes up to `end`) right after a `.` (`ShapedCredentials
    /// .mayOccur`): may it end the host of a URL without a scheme whose key `CapabilityURLs.masked` or
    /// `CapabilityURLs.maskedEncoded` would mask? False only where neither reads one there. Allocates nothing.
    static func mayEndHost(_ bytes: UnsafeBufferPointer<UInt8>, label: Int, end: Int) -> Bool {
        guard end < bytes.count, bytes[end] == slash || bytes[end] == percent, end - label >= 2 else { return false }
        for index in label..<end where !isLetter(bytes[index]) { return false }
        // Back to the host's first byte.
        var start = label - 1
        while start > 0, isHostByte(bytes[start - 1]) { start -= 1 }
        guard isAlphanumeric(bytes[start]) else { return false }
        if start > 0 {
            let before = bytes[start - 1]
            // A byte past ASCII may join the host's first into one `Character`; a `%` may end an escape the host follows.
            if before >= 0x80 || before == percent { return true }
            if before == slash {
                guard start >= 2, bytes[start - 2] == slash, start < 3 || bytes[start - 3] != UInt8(ascii: ":") else { return false }
            } else if isAlphanumeric(before) || before == UInt8(ascii: "_") || before == UInt8(ascii: "@") {
                return false
            }
        }
        // Encoded (`hooks.slack.com%2Fservices%2F…`): read further by the slower reading.
        guard bytes[end] == slash else { return true }
        let host = bytes[start..<end]
        return CapabilityURLs.kind(of: host) != nil || CapabilityPaths.isHookHost(host, pathFrom: end, in: bytes)
            || CapabilityPaths.mayHoldKey(bytes, from: end)
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }

    @inline(__always)
    private static func isHostByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == dot || byte == UInt8(ascii: "-") }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let percent = UInt8(ascii: "%")
}
