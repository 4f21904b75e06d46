@testable import KopsShell
import KopsTestSupport
import Testing

/// `OwnLookups.line` builds a journal line by appends (docs/performance.md, "Session 51"): the same bytes as the
/// interpolation it replaced, for look-ups and other requests, any status, and fields with tabs, line breaks and
/// non-ASCII characters (made spaces or kept as the journal's reader expects).
@Suite struct OwnLookupsLineTests {
    /// The line as the interpolation wrote it.
    static func interpolated(_ entry: OwnLookups.Entry) -> String {
        func clean(_ text: String) -> String {
            if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
            return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        let status = entry.status == 404 && entry.isLookUp ? "" : "\t\(entry.status)"
        let kind = entry.isLookUp ? "" : "\t" + OwnLookups.requestField
        return "\(entry.time)\t\(clean(entry.method))\t\(clean(entry.host))\t\(clean(entry.path))\(status)\(kind)\n"
    }

    @Test func aLineIsTheInterpolatedLine() {
        let methods = ["GET", "POST", "DELETE", "G\tET", "PÄTCH"]
        let hosts = ["https://api.kapso.ai", "http://127.0.0.1:49571", "https://h\u{301}.test", "https://a\r\nb"]
        let paths = ["/platform/v1/whatsapp/webhooks", "/platform/v1/whatsapp/conversations/ffff\u{2028}x", "/p\tq", "", "/é/\u{85}"]
        var generator = SplitMix(seed: 5152)
        for _ in 0..<3_000 {
            var entry = OwnLookups.Entry(
                time: Int64(bitPattern: generator.next()) >> Int64(generator.next() % 64),
                method: methods[Int(generator.next() % UInt64(methods.count))],
                host: hosts[Int(generator.next() % UInt64(hosts.count))],
                path: paths[Int(generator.next() % UInt64(paths.count))],
                status: [200, 404, 201, 429, 0][Int(generator.next() % 5)])
            entry.isLookUp = generator.next() % 2 == 0
            #expect(OwnLookups.line(entry) == Self.interpolated(entry), "\(entry)")
        }
    }
}
