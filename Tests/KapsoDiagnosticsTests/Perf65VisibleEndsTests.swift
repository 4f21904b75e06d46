@testable import KapsoDiagnostics
import Testing

/// Session 65 (docs/performance.md): `SecretKeyState` skips the scalar reading of a key whose first and last bytes are
/// visible ASCII, and `NumberStatus` skips dropping blanks from a status of visible ASCII only. Each must read every text
/// as the reading it skips does, spelled out here as it was before.
@Suite struct Perf65VisibleEndsTests {
    /// Keys at every edge the fast path draws: visible ASCII ends around anything, and every other kind of end.
    static let keys: [String] = [
        "whsec_0123456789abcdef", "a", "!", "~", "ab", "\"whsec_abc\"", "'x'", "`x`", "\"", "\"a'", "$S", "${S}", "$1abc",
        "a$S", "whsec_é_x", "é", "éx", "xé", "x\u{0301}", "a\u{0301}b", "x\u{200B}", "\u{200B}x", "\u{FEFF}whsec", "x\u{200D}",
        "x\u{0600}y", "\u{0600}x", "x\u{0600}", " x", "x ", "x\t", "\nx", "x\r\n", "\u{7F}x", "x\u{7F}", "\u{1F}x",
        "x\u{00A0}", "\u{2028}x", " ", "   ", "\u{200B}", "\t\n", "x\u{1F600}", "\u{1F600}x", "\u{1F468}\u{200D}\u{1F469}",
        "a\u{200D}\u{1F469}", "\u{FE0F}x", "x\u{FE0F}", "x\u{E0001}", "\u{061C}x", "x\u{061C}",
    ]

    /// `SecretKeyState.init` as it read every key before the fast path (main 5e0588e6), with U5's placeholders.
    static func stateReadByScalars(_ secret: String?) -> SecretKeyState {
        guard let secret else { return .absent }
        guard let first = secret.first, let last = secret.last else { return .empty }
        let (head, tail) = (
            SecretKeyState.edge(first, secret.unicodeScalars.first), SecretKeyState.edge(last, secret.unicodeScalars.last)
        )
        if secret.unicodeScalars.allSatisfy(SecretKeyState.isInvisible) { return .blank(blanks: SecretKeyState.named(secret)) }
        if let head, let tail { return .padded(problem: "starts with \(head) and ends with \(tail)") }
        if let tail { return .padded(problem: "ends with \(tail)") }
        if let head { return .padded(problem: "starts with \(head)") }
        if secret.count >= 2, first == last, let quote = SecretKeyState.quotes[first] { return .quoted(quote: quote) }
        if SecretKeyState.isVariableName(secret) { return .variableName(secret) }
        // The placeholder reading s65-fixB's U5 added after the others (its own tests: U5SecretPlaceholderTests).
        if let placeholder = SecretPlaceholder(secret) { return .placeholder(placeholder) }
        return .set
    }

    @Test func aKeyWithVisibleASCIIEndsReadsAsItsScalarsSay() {
        #expect(SecretKeyState(nil) == Self.stateReadByScalars(nil))
        #expect(SecretKeyState("") == Self.stateReadByScalars(""))
        for key in Self.keys {
            #expect(SecretKeyState(key) == Self.stateReadByScalars(key), "\(key.unicodeScalars.map { $0.value })")
        }
        // Every visible ASCII byte at either end, around a blank, a format character and a letter past ASCII.
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let end = String(UnicodeScalar(byte))
            for middle in ["", " ", "\u{200B}", "é", end] {
                for key in [end + middle + "x", "x" + middle + end, end + middle + end] {
                    #expect(SecretKeyState(key) == Self.stateReadByScalars(key), "\(key.unicodeScalars.map { $0.value })")
                }
            }
        }
    }

    @Test func aStatusOfVisibleASCIIIsTheStatusWithItsBlanksDropped() {
        // The fast path's premise: no visible ASCII byte is a blank that the character reading drops.
        let visible = String(decoding: Array(UInt8(0x21)...UInt8(0x7E)), as: UTF8.self)
        #expect(String(visible.filter { !$0.isWhitespace }) == visible)
        let statuses = [
            "CONNECTED", "connected", "FLAGGED", " FLAGGED", "FLAG GED", "RESTRICTED\n", "banned", "Pending", "UNKNOWN",
            "DISCONNECTED", "é", "conñected", "\u{00A0}BANNED", "BAN\u{200B}NED", "", " ", "\t", "MIGRATED", "RATE_LIMITED",
            "flagged\r\n", "x\u{0301}",
        ]
        for status in statuses {
            // The word as every status was read before: its blanks dropped character by character, upper-cased.
            let word = String(status.filter { !$0.isWhitespace }).uppercased()
            let finding = NumberStatus(status: status)
            #expect(finding == NumberStatus(status: word), "\(status)")
            if let finding, !["", "CONNECTED"].contains(word) { #expect(finding.word == word, "\(status)") }
        }
    }
}
