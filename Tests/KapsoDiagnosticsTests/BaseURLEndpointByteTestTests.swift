import KopsTestSupport
import Testing

@testable import KapsoDiagnostics

/// `BaseURLShape.endpointPath` asks whether a base path's bytes occur before it searches its characters
/// (docs/performance.md, "Session 38"): the answer is the character search's on random paths.
@Suite struct BaseURLEndpointByteTestTests {
    /// `endpointPath` as it was, without the byte test.
    static func referenceEndpointPath(in path: Substring) -> Substring? {
        for base in ["/platform/v1", "/meta"] {
            guard let range = path.firstRange(of: base), path[range.upperBound...].first.map({ $0 == "/" }) ?? true else {
                continue
            }
            var rest = path[range.upperBound...].drop { $0 == "/" }
            if base == "/meta" {
                if rest.hasPrefix("whatsapp") { rest = rest.dropFirst("whatsapp".count).drop { $0 == "/" } }
                let segment = rest.prefix { $0 != "/" }
                if segment.first == "v", segment.count > 1, segment.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
                    rest = rest[segment.endIndex...]
                }
            }
            guard rest.contains(where: { $0 != "/" }) else { return nil }
            return path[range.lowerBound...]
        }
        return nil
    }

    @Test func theEndpointPathIsTheCharacterSearchs() {
        let pieces = [
            "/", "/platform/v1", "/platform/v10", "/platform", "/v1", "/meta", "/met", "a", "/meta\u{301}", "/platform/v1\u{301}",
            "\u{212A}", "whatsapp", "/v24.0", "phone_numbers", "100200300400501", "é", "e\u{301}", "\u{301}", "p", "latform",
        ]
        var random = SplitMix(seed: 380)
        var found = 0
        var none = 0
        for _ in 0..<20_000 {
            let path = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let answer = BaseURLShape.endpointPath(in: Substring(path))
            #expect(answer == Self.referenceEndpointPath(in: Substring(path)), "\(path.debugDescription)")
            if answer == nil { none += 1 } else { found += 1 }
            for base in ["/platform/v1", "/meta"] {
                let bytes = Array(path.utf8)
                let needle = Array(base.utf8)
                let held = bytes.count >= needle.count
                    && (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
                #expect(BaseURLShape.holdsBytes(of: base, in: Substring(path)) == held, "\(path.debugDescription)")
            }
        }
        #expect(found > 1_000)
        #expect(none > 2_000)
    }
}
