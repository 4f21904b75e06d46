/// Tests on eight bytes at once, read as one 64-bit word ("SWAR"), for the string scans of the JSON parser and
/// writer and of the redactor.
///
/// Each test is exact for the word as a whole (no false positives): it answers whether any of its bytes matches,
/// so a scan skips words that hold no byte of interest and looks at the bytes of the word that does.
/// After Sean Anderson's "Bit Twiddling Hacks" (`haszero`, `hasless`).
public enum ByteWords {
    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset` of `bytes` (which must hold them), in memory order.
    @inlinable @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// True when a byte of `word` equals `byte`.
    @inlinable @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (ones &* UInt64(byte))
        return (spread &- ones) & ~spread & highs != 0
    }

    /// True when a byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func containsBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// The first position at or after `start` where `bytes` holds `byte`; nil when there is none.
    ///
    /// A word holding the byte gives its position from its flags, as `firstStringSpecial` does: the lowest flag of
    /// the `haszero` test is exact (a false flag needs a borrow from a matching byte below it), where reading the
    /// word's bytes one by one cost about 40 instructions a find (the redactor's walk over a page's colons,
    /// docs/performance.md, "Session 11").
    @inlinable
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var position = start
        let pattern = ones &* UInt64(byte)
        while position + 8 <= bytes.count {
            // In memory order, first byte lowest, whatever the machine's byte order.
            let spread = UInt64(littleEndian: word(bytes, at: position)) ^ pattern
            let flags = (spread &- ones) & ~spread & highs
            if flags != 0 { return position + flags.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < bytes.count {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    /// The first position at or after `start` where `bytes` holds `letter` (an ASCII lower-case letter) in either case;
    /// nil when there is none. A byte ORed with 0x20 is `letter` only when it is the letter or its upper case (0x20
    /// below it), so each word is ORed with 0x20 in every byte and tested as `firstIndex(of:in:from:)` tests it, its
    /// lowest flag exact as there. For a scan that reads a word from its first letter on (`BasicCredentials.mayOccur`:
    /// byte by byte it cost about 6 instructions a byte of every printed text, docs/performance.md, "Session 67").
    @inlinable
    public static func firstIndex(ofLetter letter: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var position = start
        let pattern = ones &* UInt64(letter)
        let folding = ones &* 0x20
        while position + 8 <= bytes.count {
            let spread = (UInt64(littleEndian: word(bytes, at: position)) | folding) ^ pattern
            let flags = (spread &- ones) & ~spread & highs
            if flags != 0 { return position + flags.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < bytes.count {
            if bytes[position] | 0x20 == letter { return position }
            position += 1
        }
        return nil
    }

    /// The first position at or after `start` where `bytes` holds `byte` or `letter` (an ASCII lower-case letter) in
    /// either case; nil when there is none: `firstIndex(of:in:from:)` and `firstIndex(ofLetter:in:from:)` in one scan,
    /// each word's two sets of flags ORed (each exact at its lowest flag, so the lowest of the union is the first
    /// match). For two byte tests of every printed text that looked for a `-` and a `b` each through the whole text
    /// (`UserOrBasicCredentials`, docs/performance.md, "Session 69").
    @inlinable
    public static func firstIndex(
        of byte: UInt8, orLetter letter: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        var position = start
        let pattern = ones &* UInt64(byte)
        let letters = ones &* UInt64(letter)
        let folding = ones &* 0x20
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: word(bytes, at: position))
            let spread = word ^ pattern
            let folded = (word | folding) ^ letters
            let flags = ((spread &- ones) & ~spread | (folded &- ones) & ~folded) & highs
            if flags != 0 { return position + flags.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < bytes.count {
            if bytes[position] == byte || bytes[position] | 0x20 == letter { return position }
            position += 1
        }
        return nil
    }

    /// `containsSpaceEscapeOrDEL(bytes)`, and whether a byte of `bytes` is not ASCII: with neither, every byte is printable
    /// ASCII other than space and backslash. `nonASCII` is answered only when `spaceEscapeOrDEL` is false (the scan
    /// stops at the first word that holds a space, an escape or DEL). One pass, eight bytes at a time.
    public static func spaceEscapeDELOrNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (spaceEscapeOrDEL: Bool, nonASCII: Bool) {
        var position = 0
        var high: UInt64 = 0
        while position + 8 <= bytes.count {
            let word = word(bytes, at: position)
            // The three tests' flags in one word, tested once: each is exact for the word as a whole, so their union
            // is non-zero only when one of them matched (three tests and branches a word cost about 30 instructions).
            let backslashes = word ^ (ones &* 0x5C)
            let deletes = word ^ (ones &* 0x7F)
            let flags = ((word &- ones &* 0x21) & ~word) | ((backslashes &- ones) & ~backslashes)
                | ((deletes &- ones) & ~deletes)
            if flags & highs != 0 { return (true, true) }
            high |= word
            position += 8
        }
        var nonASCII = high & highs != 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte <= 0x20 || byte == 0x5C || byte == 0x7F { return (true, true) }
            nonASCII = nonASCII || byte >= 0x80
            position += 1
        }
        return (false, nonASCII)
    }

    /// True when `bytes` holds a space, tab, line feed, carriage return, backslash or DEL: JSON text without them
    /// has no whitespace between tokens and no escape. Eight bytes at a time.
    public static func containsSpaceEscapeOrDEL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position + 8 <= bytes.count {
            let word = word(bytes, at: position)
            // Tab, line feed and carriage return are the only bytes below 0x20 in parsed JSON, but any is answered.
            if containsBelow(word, 0x21) || contains(word, 0x5C) || contains(word, 0x7F) { return true }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte <= 0x20 || byte == 0x5C || byte == 0x7F { return true }
            position += 1
        }
        return false
    }

    /// True when every byte of `bytes` is printable ASCII (space to `~`), or a line feed when `newlines` allows it:
    /// text a terminal shows as it is. Eight bytes at a time; a word with a line feed is looked at byte by byte.
    public static func allPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, newlines: Bool) -> Bool {
        var position = 0
        while position + 8 <= bytes.count {
            let word = word(bytes, at: position)
            if containsBelow(word, 0x20) || containsNonASCII(word) || contains(word, 0x7F) {
                for offset in position..<(position + 8) where !isPrintable(bytes[offset], newlines: newlines) {
                    return false
                }
            }
            position += 8
        }
        while position < bytes.count {
            if !isPrintable(bytes[position], newlines: newlines) { return false }
            position += 1
        }
        return true
    }

    /// `allPrintableASCII(bytes, newlines: true)` with no backslash either: JSON text without an escape that a
    /// terminal shows as it is. One pass, eight bytes at a time.
    public static func allPrintableASCIIWithoutBackslash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position + 8 <= bytes.count {
            let word = word(bytes, at: position)
            if containsBelow(word, 0x20) || containsNonASCII(word) || contains(word, 0x7F) || contains(word, 0x5C) {
                for offset in position..<(position + 8)
                where !isPrintable(bytes[offset], newlines: true) || bytes[offset] == 0x5C {
                    return false
                }
            }
            position += 8
        }
        while position < bytes.count {
            if !isPrintable(bytes[position], newlines: true) || bytes[position] == 0x5C { return false }
            position += 1
        }
        return true
    }

    @inline(__always)
    private static func isPrintable(_ byte: UInt8, newlines: Bool) -> Bool {
        (byte >= 0x20 && byte < 0x7F) || (newlines && byte == 0x0A)
    }

    /// The first position from `start` of a quote, a backslash, a control or a non-ASCII byte: what ends the plain run
    /// of a JSON string; `bytes.count` when there is none. Eight bytes at a time, and in the word that holds one its
    /// position comes from the word's flags: each test flags its lowest matching byte exactly (a borrow can only
    /// flag bytes above a match), so the lowest flag of all is the first such byte.
    @inline(__always)
    static func firstStringSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position + 8 <= bytes.count {
            // In memory order, first byte lowest, whatever the machine's byte order.
            let word = UInt64(littleEndian: word(bytes, at: position))
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let flags = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word) | word
            if flags & highs != 0 { return position + (flags & highs).trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return position }
            position += 1
        }
        return position
    }

    /// True when a byte of `word` is not ASCII.
    @inline(__always)
    static func containsNonASCII(_ word: UInt64) -> Bool {
        word & highs != 0
    }
}
