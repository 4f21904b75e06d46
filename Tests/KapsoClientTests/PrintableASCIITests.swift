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
}
