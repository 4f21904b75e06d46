internal import KapsoClient

/// Substring tests over UTF-8 bytes: the redactor runs them on every string kops shows, so they read the
/// strings' own storage and allocate nothing (the standard library's pattern search builds a table per call).
enum ByteSearch {
    /// True when `needle` occurs in `text`; with `ignoringASCIICase`, A–Z match a–z.
    static func contains(_ needle: String, in text: String, ignoringASCIICase: Bool = false) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in contains(pattern, in: text, ignoringASCIICase: ignoringASCIICase) }
    }

    /// True when the bytes of `pattern` occur in `text`; with `ignoringASCIICase`, A–Z match a–z.
    static func contains(
        _ pattern: UnsafeBufferPointer<UInt8>, in text: String, ignoringASCIICase: Bool = false
    ) -> Bool {
        var text = text
        return text.withUTF8 { contains(pattern, in: $0, ignoringASCIICase: ignoringASCIICase) }
    }

    /// True when the bytes of `pattern` occur in `bytes`; with `ignoringASCIICase`, A–Z match a–z.
    static func contains(
        _ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, ignoringASCIICase: Bool = false
    ) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        if !ignoringASCIICase {
            // The redactor's search for known secrets, on every string shown: candidates found a word at a time.
            let last = bytes.count - pattern.count
            var from = 0
            while let index = ByteWords.firstIndex(of: first, in: bytes, from: from), index <= last {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
                from = index + 1
            }
            return false
        }
        let start = ignoringASCIICase ? fold(first) : first
        for index in 0...(bytes.count - pattern.count)
        where (ignoringASCIICase ? fold(bytes[index]) : bytes[index]) == start {
            var offset = 1
            while offset < pattern.count,
                ignoringASCIICase
                    ? fold(bytes[index + offset]) == fold(pattern[offset]) : bytes[index + offset] == pattern[offset]
            {
                offset += 1
            }
            if offset == pattern.count { return true }
        }
        return false
    }

    /// True when one of `names` ends right before a `:` in `text`, or before `":` (a JSON key), in any ASCII
    /// case: `Authorization: …`, `"X-API-Key": …`. One pass over the bytes, looking back from each colon.
    static func containsHeader(_ names: HeaderNames, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { containsHeader(names, in: $0) }
    }

    /// `containsHeader(_:in:)` over bytes already at hand.
    static func containsHeader(_ names: HeaderNames, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let index = ByteWords.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: from) {
            from = index + 1
            if header(names, endsBefore: index, in: bytes) { return true }
        }
        return false
    }

    /// True when one of `names` ends right before the colon at `colon`, or before `"` and it, in any ASCII case.
    @inline(__always)
    static func header(_ names: HeaderNames, endsBefore colon: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = colon > 0 && bytes[colon - 1] == UInt8(ascii: "\"") ? colon - 1 : colon
        guard end > 0 else { return false }
        let last = Int(fold(bytes[end - 1]))
        // The last two bytes first (`HeaderNames.secondLast`): JSON keys ending in `d` or `t` (`_id`, `_at`) end no name
        // ending in `password` or `secret`, and walking those names at each of them cost about 3 M of the 5.2 MB of
        // `deliveries --all --output json` (docs/performance.md, "Session 37").
        if end >= 2, names.secondLast[last] >> (fold(bytes[end - 2]) & 63) & 1 == 0 { return false }
        // Only the names ending in the byte before the colon: in JSON most keys end in none of them.
        for name in names.endingIn[last] where end >= name.count {
            var offset = name.count - 2
            while offset >= 0, fold(bytes[end - name.count + offset]) == name[offset] { offset -= 1 }
            if offset < 0 { return true }
        }
        return false
    }

    /// The first position at or after `start` where `bytes` holds `first`, `second` or `third`; nil when none does.
    /// Eight bytes at a time, as `ByteWords.firstIndex(of:in:from:)`: the lowest flag of each byte's `haszero` test is
    /// exact (a false flag needs a borrow from a match below it), so the lowest of the three is the first match. What
    /// `ShortCutEchoes` looks for: the bytes a cut mark starts with.
    static func firstIndex(
        ofAny first: UInt8, _ second: UInt8, _ third: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let patterns = (ones &* UInt64(first), ones &* UInt64(second), ones &* UInt64(third))
        var position = start
        if let base = bytes.baseAddress {
            while position + 8 <= bytes.count {
                // In memory order, first byte lowest, whatever the machine's byte order.
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let (a, b, c) = (word ^ patterns.0, word ^ patterns.1, word ^ patterns.2)
                let flags = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & 0x8080_8080_8080_8080
                if flags != 0 { return position + flags.trailingZeroBitCount >> 3 }
                position += 8
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == first || byte == second || byte == third { return position }
            position += 1
        }
        return nil
    }

    /// A–Z as a–z; every other byte as it is.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}

/// Lowercase ASCII names looked for before a colon (`ByteSearch.containsHeader`), grouped by their last byte.
struct HeaderNames: Sendable {
    /// For each byte value, the names that end in it.
    let endingIn: [[[UInt8]]]
    /// For each byte value, a bit for the second-last byte of each name that ends in it: bit `byte & 63` (bytes sharing
    /// their low six bits share a bit, so a pair may pass that ends no name, never the reverse); every bit for a name of
    /// one byte. `ByteSearchHeaderTests` compares `header(_:endsBefore:in:)` with every name compared.
    let secondLast: [UInt64]

    init(_ names: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        var masks = [UInt64](repeating: 0, count: 256)
        for name in names {
            let bytes = Array(name.utf8)
            guard let last = bytes.last else { continue }
            table[Int(last)].append(bytes)
            masks[Int(last)] |= bytes.count >= 2 ? 1 << UInt64(bytes[bytes.count - 2] & 63) : ~0
        }
        endingIn = table
        secondLast = masks
    }
}
