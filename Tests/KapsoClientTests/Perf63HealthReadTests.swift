@testable import KapsoClient
import KopsTestSupport
import Testing

/// A request's URL is told a health read from its bytes when they are ASCII (`KapsoClient.asciiPathEndsInHealth`), as
/// the split by `Character` told it (docs/performance.md, "Session 63").
@Suite struct Perf63HealthReadTests {
    static func reference(_ url: String) -> Bool {
        (url.split(separator: "?", maxSplits: 1).first ?? "").hasSuffix("/health")
    }

    @Test func aHealthReadIsToldAsBefore() {
        let pieces = [
            "http://127.0.0.1:1", "/platform/v1", "/whatsapp/phone_numbers/100200300400501", "/health", "/healthy", "health", "?",
            "?a=1", "&b=/health", "/", "h", "\r\n", "é", "\u{301}", "?\u{301}", "%3F",
        ]
        var random = SplitMix(seed: 6305)
        var healthReads = 0
        var fromBytes = 0
        for _ in 0..<20_000 {
            var url = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = Self.reference(url)
            if expected { healthReads += 1 }
            let answer = url.withUTF8(KapsoClient.asciiPathEndsInHealth)
            if let answer { fromBytes += 1 }
            #expect((answer ?? expected) == expected, "\(Array(url.unicodeScalars))")
        }
        #expect(healthReads > 1_000 && fromBytes > 10_000)
    }
}
