import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import kops

/// `ProcessEnvironment.parts(of:)` splits an ASCII entry at its first `=` byte instead of walking its characters
/// (docs/performance.md, "Session 38"): it answers as the character reading on random entries, and the process's
/// variables are the character reading's.
@Suite struct EnvironmentEntryTests {
    /// The reading before this session.
    static func reference(_ text: String) -> (name: String, value: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    static func parts(_ bytes: [UInt8]) -> (name: String, value: String)? {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { ProcessEnvironment.parts(of: $0.baseAddress!) }
        }
    }

    @Test func anEntryIsSplitAsItsCharactersAre() {
        let pieces: [[UInt8]] = [
            Array("PATH".utf8), Array("=".utf8), Array("==".utf8), Array("/usr/bin:/bin".utf8), Array("é".utf8),
            Array("\u{301}".utf8), Array("\r\n".utf8), Array(" ".utf8), Array("x".utf8), [0xFF], [0xC3], [0xE2, 0x82],
            Array("\u{0600}".utf8), Array("K".utf8), Array("\u{212A}".utf8),
        ]
        var random = SplitMix(seed: 3_800)
        var split = 0
        var unsplit = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 7)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            let answer = Self.parts(bytes)
            let expected = Self.reference(String(decoding: bytes, as: UTF8.self))
            #expect(answer?.name == expected?.name && answer?.value == expected?.value, "\(bytes)")
            if answer == nil { unsplit += 1 } else { split += 1 }
        }
        #expect(split > 2_000)
        #expect(unsplit > 2_000)
    }

    @Test func theVariablesAreTheCharacterReadings() {
        var expected: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            if let parts = Self.reference(String(cString: entry)) { expected[parts.name] = parts.value }
            pointer += 1
        }
        // HOME aside: `variables` fills it from the passwd entry when it is unset (`withHome`).
        #expect(ProcessEnvironment.variables.filter { $0.key != "HOME" } == expected.filter { $0.key != "HOME" })
        #expect(expected.count > 3)
    }
}
