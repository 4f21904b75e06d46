@testable import KapsoClient
import KopsTestSupport
import Testing

/// The scanner finds the end of a string's plain run eight bytes at a time, reading the position from the word's
/// flags (`ByteWords.firstStringSpecial`): always the first quote, backslash, control or non-ASCII byte a byte loop
/// finds.
@Suite struct StringSpecialTests {
    static let special: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x80, 0xC3, 0xE2, 0xFF]
    static let plain: [UInt8] = [0x20, 0x21, 0x23, 0x2F, 0x30, 0x41, 0x5B, 0x5D, 0x61, 0x7E, 0x7F]

    @Test func theFirstSpecialByteIsFoundFromEveryStart() {
        var generator = SplitMix(seed: 1012)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 40)
            // Runs of plain bytes with a special one now and then, several in a word at times.
            let bytes = (0..<count).map { _ in
                generator.next() % 6 == 0
                    ? Self.special[Int(generator.next() % UInt64(Self.special.count))]
                    : Self.plain[Int(generator.next() % UInt64(Self.plain.count))]
            }
            let start = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
            let expected = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 } ?? count
            let found = bytes.withUnsafeBufferPointer { ByteWords.firstStringSpecial($0, from: start) }
            #expect(found == expected, "\(bytes) from \(start)")
        }
    }

    /// `firstIndex(of:in:from:)` reads a word's position from its flags (session 11): the byte loop's answer, from
    /// every start, with the byte looked for several times in a word, next to bytes one above or below it (which
    /// borrow into the flag of the byte above) and at either end of the buffer.
    @Test func theFirstIndexOfAByteIsTheByteLoops() {
        var generator = SplitMix(seed: 1013)
        for _ in 0..<30_000 {
            let target = [UInt8(ascii: ":"), 0x00, 0x01, 0x80, 0xFF, UInt8(ascii: "\\")][Int(generator.next() % 6)]
            let near = [target, target &+ 1, target &- 1, 0x00, 0xFF, UInt8(ascii: "a"), target ^ 0x80]
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in
                generator.next() % 4 == 0 ? near[Int(generator.next() % UInt64(near.count))] : UInt8(generator.next() % 256)
            }
            let start = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
            let expected = bytes[start...].firstIndex(of: target)
            let found = bytes.withUnsafeBufferPointer { ByteWords.firstIndex(of: target, in: $0, from: start) }
            #expect(found == expected, "\(bytes) from \(start) for \(target)")
        }
    }
}
