import KapsoClient
import Testing

/// The terminal's fast path (text shown as it is) reads eight bytes at a time; it answers as a byte-by-byte test.
@Suite struct PrintableASCIITests {
    @Test func everyByteAtEveryPositionAgreesWithTheByteTest() {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9B, 0xC3, 0xFF] as [UInt8] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = byte }
                    for newlines in [false, true] {
                        let expected = bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || (newlines && $0 == 0x0A) }
                        let answer = bytes.withUnsafeBufferPointer { ByteWords.allPrintableASCII($0, newlines: newlines) }
                        #expect(answer == expected, "\(bytes) newlines: \(newlines)")
                    }
                }
            }
        }
    }

    /// A list item's bytes are copied as they are when this test finds no space, escape or DEL in them.
    @Test func aSpaceEscapeOrDELAtEveryPositionIsFound() {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xA0, 0xDC, 0xFF] as [UInt8] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = byte }
                    let expected = bytes.contains { $0 <= 0x20 || $0 == 0x5C || $0 == 0x7F }
                    #expect(bytes.withUnsafeBufferPointer(ByteWords.containsSpaceEscapeOrDEL) == expected, "\(bytes)")
                }
            }
        }
    }

    /// A list item's bytes are copied as they are, and said printable, from this one pass (`JSONLayout.appendCompact`):
    /// every byte value at every position of texts up to 19 bytes, next to each byte of a few that neighbour the tested
    /// ranges, against the byte-by-byte reading.
    @Test func spaceEscapeDELOrNonASCIIAgreesWithTheByteTestForEveryByte() {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in 0...255 {
                    for neighbour in [0x61, 0x20, 0x21, 0x5B, 0x5C, 0x7E, 0x7F, 0x80, 0xFF] as [UInt8] {
                        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                        if length > 0 { bytes[position] = UInt8(byte) }
                        if position + 1 < length { bytes[position + 1] = neighbour }
                        let special = bytes.contains { $0 <= 0x20 || $0 == 0x5C || $0 == 0x7F }
                        let answer = bytes.withUnsafeBufferPointer(ByteWords.spaceEscapeDELOrNonASCII)
                        #expect(answer.spaceEscapeOrDEL == special, "\(bytes)")
                        if !special { #expect(answer.nonASCII == bytes.contains { $0 >= 0x80 }, "\(bytes)") }
                    }
                }
            }
        }
    }
}
