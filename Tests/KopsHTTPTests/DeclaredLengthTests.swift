import Foundation
import KopsHTTP
import KopsTestSupport
import Testing

/// The body buffer is sized from the declared `Content-Length` at the first bytes (docs/performance.md, "Session 23"):
/// a hint only, so every body arrives as sent whether the length is declared, understated in its pieces, absent
/// (chunked) or over the limit.
@Suite struct DeclaredLengthTests {
    static func body(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    static func fetch(_ reply: HostileServer.Reply, limit: Int = 32 << 20) throws -> Result<HTTPResponse, TransportError> {
        let server = try HostileServer { _ in reply }
        defer { server.stop() }
        var options = CurlTransport.Options(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")
        options.limits.bodyBytes = limit
        let transport = try CurlTransport(options: options)
        return Result { () throws(TransportError) in try transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/x")) }
    }

    @Test(arguments: [0, 1, 15_000, 16_385, 52_984, 200_000])
    func aDeclaredBodyArrivesAsSent(_ count: Int) async throws {
        let sent = Self.body(count, seed: UInt64(count))
        let received = try await offPool { try Self.fetch(.http(body: sent)).get().body }
        #expect(received == sent)
    }

    @Test func aChunkedBodyWithoutALengthArrivesWhole() async throws {
        let sent = Self.body(100_000, seed: 7)
        var bytes = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".utf8)
        var start = 0
        while start < sent.count {
            let end = min(start + 7_000, sent.count)
            bytes += Array((String(end - start, radix: 16) + "\r\n").utf8) + sent[start..<end] + Array("\r\n".utf8)
            start = end
        }
        bytes += Array("0\r\n\r\n".utf8)
        let reply = HostileServer.Reply(bytes)
        let received = try await offPool { try Self.fetch(reply).get().body }
        #expect(received == sent)
    }

    @Test func aDeclaredLengthOverTheLimitIsStillRefused() async throws {
        let outcome = try await offPool { try Self.fetch(.http(body: Self.body(50_000, seed: 9)), limit: 40_000) }
        guard case .failure(.tooLarge(_, .body(bytes: 40_000))) = outcome else {
            Issue.record("a 50,000-byte body passed a 40,000-byte limit: \(outcome)")
            return
        }
    }
}
