/// Well-formed UTF-8 as the Unicode standard defines it (table 3-7), checked one scalar at a time without building a
/// `String`: `String(validating:as: UTF8.self)` accepts exactly the byte strings made of these sequences.
enum UTF8Check {
    /// The length (2 to 4) of the well-formed sequence that starts at `position` with a non-ASCII byte, e.g. 2 for
    /// `C3 A9` (é); nil when the bytes there are not one (a stray continuation byte, an overlong form, a surrogate,
    /// a scalar past U+10FFFF, a sequence cut short).
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        let lead = bytes[position]
        // The allowed range of the second byte; the others are always 80...BF.
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard position + length <= bytes.count, second.contains(bytes[position + 1]) else { return nil }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
