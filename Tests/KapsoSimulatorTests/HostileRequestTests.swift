import Foundation
import Testing
@testable import KapsoSimulator
#if canImport(Glibc)
import Glibc
#endif

/// Requests a hostile or broken client sends: each one gets a JSON answer it can frame (or is dropped), and a
/// valid request right after it is still answered. Sizes are small; scripts/sim-hostile measures the times.
@Suite struct HostileRequestTests {
    private static let numbers = "/platform/v1/whatsapp/phone_numbers"

    private static func request(
        _ target: String = numbers, method: String = "GET", headers: [String] = ["X-API-Key: test-key"],
        body: String = "", version: String = "HTTP/1.1", keepAlive: Bool = false
    ) -> [UInt8] {
        let fields = headers + (keepAlive ? [] : ["Connection: close"])
        return Array("\(method) \(target) \(version)\r\nHost: x\r\n\(fields.map { $0 + "\r\n" }.joined())\r\n\(body)".utf8)
    }

    // MARK: - Limits

    @Test func requestAtTheLimits_IsServed() async throws {
        // 8 KB request line and 30 KB of headers: served (a parser that rescans each line per byte needs
        // tens of seconds for this, longer than the client's 10 s receive timeout).
        let target = Self.numbers + "?pad=" + String(repeating: "a", count: 8_192 - 13 - Self.numbers.count - 5)
        #expect(target.utf8.count + 13 == 8_192)
        let pad = "X-Pad: " + String(repeating: "b", count: 30_000)
        let reply = try await exchange(Self.request(target, headers: ["X-API-Key: test-key", pad]))
        #expect(reply.status == 200)
    }

    @Test func requestLineOverLimit_Is414() async throws {
        let reply = try await exchange(Self.request("/platform/v1/" + String(repeating: "a", count: 9_000)))
        #expect(reply.status == 414)
        #expect(reply.error?.contains("8192 bytes") == true)
    }

    @Test func requestLineOverLimit_IsRefusedBeforeItEnds() async throws {
        // No line ending at all: refused once the limit is passed, not when the client gives up.
        var limits = HTTPLimits()
        limits.requestLineBytes = 64
        let reply = try await exchange(Array(("GET /" + String(repeating: "a", count: 100)).utf8), limits: limits)
        #expect(reply.status == 414)
        #expect(reply.error?.contains("64 bytes") == true)
    }

    @Test func headersOverLimit_Are431() async throws {
        let big = "X-Pad: " + String(repeating: "b", count: 40_000)
        let reply = try await exchange(Self.request(headers: ["X-API-Key: test-key", big]))
        #expect(reply.status == 431)
        #expect(reply.error?.contains("32768 bytes") == true)
    }

    @Test func tooManyHeaders_Are431() async throws {
        let reply = try await exchange(Self.request(headers: ["X-API-Key: test-key"] + (0..<150).map { "X-H\($0): v" }))
        #expect(reply.status == 431)
        #expect(reply.error?.contains("100 request header fields") == true)
    }

    @Test func bodyOverLimit_Is413WithoutReadingIt() async throws {
        // Only the announcement is sent: the answer comes without waiting for 2 MB that never arrive.
        let reply = try await exchange(
            Self.request("/platform/v1/whatsapp/webhooks", method: "POST", headers: ["X-API-Key: test-key", "Content-Length: 2097152"]))
        #expect(reply.status == 413)
        #expect(reply.error?.contains("1048576 bytes") == true)
    }

    @Test func chunkedBodyOverLimit_Is413() async throws {
        var limits = HTTPLimits()
        limits.bodyBytes = 16
        let chunks = "10\r\n" + String(repeating: "x", count: 16) + "\r\n1\r\ny\r\n0\r\n\r\n"
        let reply = try await exchange(
            Self.request(
                "/platform/v1/whatsapp/webhooks", method: "POST", headers: ["X-API-Key: test-key", "Transfer-Encoding: chunked"],
                body: chunks),
            limits: limits)
        #expect(reply.status == 413)
    }

    @Test func chunkedBody_IsDecoded() async throws {
        let json = #"{"whatsapp_webhook":{"url":"https://example.test/hook","events":["project.event"]}}"#
        let half = json.utf8.count / 2
        let first = String(json.prefix(half))
        let second = String(json.dropFirst(half))
        let chunks = "\(String(first.utf8.count, radix: 16));ext=1\r\n\(first)\r\n\(String(second.utf8.count, radix: 16))\r\n\(second)\r\n0\r\nX-Trailer: t\r\n\r\n"
        let reply = try await exchange(
            Self.request(
                "/platform/v1/whatsapp/webhooks", method: "POST",
                headers: ["X-API-Key: test-key", "Content-Type: application/json", "Transfer-Encoding: chunked"], body: chunks))
        #expect(reply.status == 201)
    }

    // MARK: - Malformed framing

    @Test(arguments: [
        ("Content-Length with Transfer-Encoding", request(method: "POST", headers: ["X-API-Key: test-key", "Content-Length: 2", "Transfer-Encoding: chunked"], body: "{}")),
        ("negative Content-Length", request(method: "POST", headers: ["X-API-Key: test-key", "Content-Length: -5"])),
        ("two different Content-Lengths", request(method: "POST", headers: ["X-API-Key: test-key", "Content-Length: 2", "Content-Length: 3"], body: "{}")),
        ("Content-Length not a number", request(method: "POST", headers: ["X-API-Key: test-key", "Content-Length: 0x10"])),
        ("HTTP/0.9 request line", Array("GET /platform/v1/whatsapp/phone_numbers\r\n\r\n".utf8)),
        ("TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03] + [UInt8](repeating: 7, count: 64)),
        ("binary noise", [0x00, 0xFF, 0x10, 0x0D, 0x0A, 0x0D, 0x0A]),
        ("invalid UTF-8 in the path", Array("GET /platform/v1/whatsapp/phone_numbers/".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\nX-API-Key: test-key\r\n\r\n".utf8)),
        ("space in the path", request("/platform/v1/what sapp")),
        ("target without a slash", request("platform/v1/whatsapp/phone_numbers")),
        ("lowercase version", request(version: "http/1.1")),
        ("NUL in a header value", request(headers: ["X-API-Key: test-key", "X-Bad: a\u{0}b"])),
        ("bare CR in a header value", request(headers: ["X-API-Key: test-key", "X-Bad: a\rb"])),
        ("header without a colon", request(headers: ["X-API-Key: test-key", "X-Bad"])),
        ("space before the colon", request(headers: ["X-API-Key : test-key"])),
        ("folded header", request(headers: ["X-API-Key: test-key", "X-Long: a", " continued"])),
        ("bad chunk size", request(method: "POST", headers: ["X-API-Key: test-key", "Transfer-Encoding: chunked"], body: "zz\r\nabc\r\n0\r\n\r\n")),
        ("chunk longer than its size", request(method: "POST", headers: ["X-API-Key: test-key", "Transfer-Encoding: chunked"], body: "2\r\nabcd\r\n0\r\n\r\n")),
        ("empty lines only", Array("\r\n\r\n\r\n\r\n\r\n\r\n".utf8)),
    ] as [(String, [UInt8])])
    func malformedRequest_Is400JSON(_ name: String, _ bytes: [UInt8]) async throws {
        let reply = try await exchange(bytes)
        #expect(reply.status == 400, "\(name)")
        #expect(reply.error?.isEmpty == false, "\(name): \(reply.text)")
        #expect(reply.closed, "\(name)")
    }

    @Test func otherHTTPVersion_Is505() async throws {
        let reply = try await exchange(Self.request(version: "HTTP/2.0"))
        #expect(reply.status == 505)
        #expect(reply.error == "HTTP version 2.0 not supported; use HTTP/1.1")
    }

    @Test func unknownTransferEncoding_Is501() async throws {
        let reply = try await exchange(
            Self.request(method: "POST", headers: ["X-API-Key: test-key", "Transfer-Encoding: gzip, chunked"], body: "0\r\n\r\n"))
        #expect(reply.status == 501)
    }

    @Test func tlsHandshake_IsToldToUseHTTP() async throws {
        let reply = try await exchange([0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05])
        #expect(reply.error == "TLS handshake on a plain-HTTP port; use http://, not https://")
    }

    // MARK: - Tolerated forms

    @Test func bareLineFeeds_AndLeadingEmptyLine_AreServed() async throws {
        let reply = try await exchange(Array("\r\nGET \(Self.numbers) HTTP/1.1\nX-API-Key: test-key\nConnection: close\n\n".utf8))
        #expect(reply.status == 200)
    }

    @Test func absoluteFormTarget_IsServed() async throws {
        let reply = try await exchange(Self.request("http://127.0.0.1" + Self.numbers + "?per_page=1"))
        #expect(reply.status == 200)
    }

    @Test func pipelinedRequests_AreAnsweredInOrder() async throws {
        let one = Self.request(keepAlive: true)
        let two = Self.request("/platform/v1/nothing")
        let reply = try await exchange(one + two)
        #expect(reply.text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) } == ["200", "404"])
    }

    @Test func head_IsAnsweredWithoutBody() async throws {
        // Pipelined after a HEAD, the next answer must start right after the HEAD's head.
        let reply = try await exchange(Self.request(method: "HEAD", keepAlive: true) + Self.request("/platform/v1/nothing"))
        let answers = reply.text.components(separatedBy: "HTTP/1.1 ").dropFirst()
        // HEAD is not a method the routes serve: 405 (with Allow), and no body.
        #expect(answers.map { $0.prefix(3) } == ["405", "404"])
        #expect(answers.first?.hasSuffix("\r\n\r\n") == true)
    }

    @Test func expectContinue_IsAnsweredBeforeTheBody() async throws {
        let json = #"{"whatsapp_webhook":{"url":"https://example.test/hook","events":["project.event"]}}"#
        let head = Self.request(
            "/platform/v1/whatsapp/webhooks", method: "POST",
            headers: [
                "X-API-Key: test-key", "Content-Type: application/json", "Content-Length: \(json.utf8.count)",
                "Expect: 100-continue",
            ])
        let text = try await withHostileSimulator { port in
            try await offPool {
                let socket = try RawSocket(port: port)
                try socket.send(head)
                let interim = try socket.receive()
                try socket.send(Array(json.utf8))
                return String(decoding: try interim + socket.receiveUntilClosed(), as: UTF8.self)
            }
        }
        #expect(text.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"))
    }

    // MARK: - Keys

    @Test(arguments: [["wrong", "test-key"], ["test-key", "wrong"], ["test-key", "test-key"]])
    func duplicateAPIKey_IsRefused(_ keys: [String]) async throws {
        let reply = try await exchange(Self.request(headers: keys.map { "X-API-Key: \($0)" }))
        #expect(reply.status == 400)
        #expect(reply.error == "Header X-API-Key sent 2 times; send it once")
    }

    @Test func duplicateBearer_IsRefusedOnTheProxy() async throws {
        let reply = try await exchange(
            Self.request(
                "/meta/whatsapp/v24.0/100200300400501/messages", method: "POST",
                headers: ["Authorization: Bearer wrong", "Authorization: Bearer test-key", "Content-Length: 2"], body: "{}"))
        #expect(reply.status == 400)
        // The Meta proxy answers every error with a Graph error object (issue 20 §2, probe2 F42).
        #expect(reply.graph?["code"] == 100)
        #expect(reply.graph?["error_data"]?["details"] == "Header Authorization sent 2 times; send it once")
    }

    /// The HTTP layer's refusals on the Meta proxy are Graph error objects too, with the reason in `details`
    /// (probe2 F42); on the Platform API they keep `{"error": ...}` (bodyOverLimit_Is413WithoutReadingIt).
    @Test func bodyOverLimit_OnTheProxy_IsAGraphError() async throws {
        let reply = try await exchange(
            Self.request(
                "/meta/whatsapp/v24.0/100200300400501/messages?x=1", method: "POST",
                headers: ["X-API-Key: test-key", "Content-Length: 2097152"]))
        #expect(reply.status == 413)
        #expect(reply.graph?["code"] == 100)
        #expect(reply.graph?["message"]?.stringValue?.hasPrefix("(#100) ") == true)
        #expect(reply.graph?["fbtrace_id"]?.stringValue != nil)
        #expect(reply.graph?["error_data"]?["details"]?.stringValue?.contains("1048576 bytes") == true)
    }

    // MARK: - Slow clients

    @Test func slowRequest_Is408AndClosed() async throws {
        var limits = HTTPLimits()
        limits.requestSeconds = 0.2
        let reply = try await exchange(Array("GET /platform/v1/wha".utf8), limits: limits)
        #expect(reply.status == 408)
        #expect(reply.error == "Request not received within 0.2 s; send the whole request at once")
        #expect(reply.closed)
    }

    @Test func slowBody_Is408() async throws {
        var limits = HTTPLimits()
        limits.requestSeconds = 0.2
        let reply = try await exchange(
            Self.request(method: "POST", headers: ["X-API-Key: test-key", "Content-Length: 10"], body: "{"), limits: limits)
        #expect(reply.status == 408)
    }

    @Test func idleConnection_IsClosedWithoutAnswer() async throws {
        var limits = HTTPLimits()
        limits.idleSeconds = 0.2
        let reply = try await exchange([], limits: limits)
        #expect(reply.bytes.isEmpty)
        #expect(reply.closed)
    }

    @Test func clientThatStopsReading_IsDropped() async throws {
        // Requests keep coming but no answer is read: once the socket buffers are full the server's write
        // waits, and after `requestSeconds` the connection is closed, which the sender sees as an error.
        var limits = HTTPLimits()
        limits.requestSeconds = 0.2
        let batch = [UInt8]((0..<100).flatMap { _ in Self.request(keepAlive: true) })
        let outcome = try await withHostileSimulator(limits: limits) { port in
            try await offPool { () -> String in
                let socket = try RawSocket(port: port)
                var sent = 0
                while sent < 200 << 20 {
                    do {
                        try socket.send(batch)
                    } catch let failure as RawSocket.SendFailure {
                        // EAGAIN would be our own 10 s send timeout: the server did not drop us.
                        return failure.errno == EPIPE || failure.errno == ECONNRESET ? "dropped" : "send failed: errno \(failure.errno)"
                    }
                    sent += batch.count
                }
                return "still open after \(sent) bytes"
            }
        }
        #expect(outcome == "dropped")
    }

    @Test func connectionsOverLimit_CloseTheLongestIdle() async throws {
        var limits = HTTPLimits()
        limits.connections = 2
        let (oldest, newest) = try await withHostileSimulator(limits: limits) { port in
            try await offPool { () -> ([UInt8], Int?) in
                let idle = try (0..<2).map { _ in try RawSocket(port: port) }
                for socket in idle {
                    try socket.send(Self.request(keepAlive: true))
                    _ = try socket.receive()
                }
                let third = try RawSocket(port: port)
                try third.send(Self.request())
                let newest = Reply(bytes: try third.receiveUntilClosed(), closed: third.sawEOF).status
                // The first idle connection was closed to make room; the second is still open.
                let oldest = try idle[0].receiveUntilClosed()
                withExtendedLifetime(idle) {}
                return (oldest, newest)
            }
        }
        #expect(newest == 200)
        #expect(oldest.isEmpty)
    }

    @Test func connectionsOverLimit_AllBusy_Get503() async throws {
        var limits = HTTPLimits()
        limits.connections = 2
        let reply = try await withHostileSimulator(limits: limits) { port in
            try await offPool { () -> HostileRequestTests.Reply in
                let busy = try (0..<2).map { _ in try RawSocket(port: port) }
                for socket in busy { try socket.send(Array("GET /platform/v1/wha".utf8)) }
                Thread.sleep(forTimeInterval: 0.2)  // both accepted and reading their request
                let third = try RawSocket(port: port)
                let reply = Reply(bytes: try third.receiveUntilClosed(), closed: third.sawEOF)
                withExtendedLifetime(busy) {}
                return reply
            }
        }
        #expect(reply.status == 503)
        #expect(reply.error == "More than 2 connections open; close some and retry")
    }

    // MARK: - Bounded API log and stopping

    @Test func apiLog_DropsOldestPastItsLimit() async throws {
        var options = SimulatorOptions(apiKey: "test-key", seed: .empty, deterministic: true)
        options.apiLogLimit = 8
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        let endpoints = try await requests(to: simulator) { client -> [String] in
            for index in 0..<20 { _ = try client.request("GET", "/platform/v1/whatsapp/messages/wamid.\(index)") }
            let logs = try client.request("GET", "/platform/v1/api_logs?limit=100").json
            return logs["data"]?.arrayValue?.compactMap { $0["endpoint"]?.stringValue } ?? []
        }
        await simulator.stop()
        // 8 kept, plus up to an eighth before a batch is dropped; newest first.
        #expect((8...9).contains(endpoints.count))
        #expect(endpoints.first == "/platform/v1/whatsapp/messages/wamid.19")
        #expect(!endpoints.contains("/platform/v1/whatsapp/messages/wamid.0"))
    }

    @Test func stop_EndsConnectionsMidRequest() async throws {
        let simulator = try KapsoSimulator(options: SimulatorOptions(apiKey: "test-key"))
        try await simulator.start()
        let port = simulator.port
        let socket = try await offPool { () -> UncheckedBox<RawSocket> in
            let socket = try RawSocket(port: port)
            try socket.send(Array("GET /platform/v1/".utf8) + [UInt8](repeating: 0x61, count: 4_000))
            return UncheckedBox(socket)
        }
        await simulator.stop()
        let rest = try await offPool { try socket.value.receiveUntilClosed() }
        #expect(rest.isEmpty)
    }

    // MARK: - Helpers

    /// What came back for one raw request: every byte until the server closed (or 10 s passed).
    struct Reply {
        var bytes: [UInt8]
        var closed: Bool

        var text: String { String(decoding: bytes, as: UTF8.self) }

        var status: Int? {
            guard text.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }

        /// The `error` member of the JSON body.
        var error: String? {
            guard let range = text.range(of: "\r\n\r\n") else { return nil }
            let body = Array(text[range.upperBound...].utf8)
            return (try? JSONParser.parse(body))?["error"]?.stringValue
        }

        /// The `error` object of a Graph error body.
        var graph: JSONValue? {
            guard let range = text.range(of: "\r\n\r\n") else { return nil }
            let error = (try? JSONParser.parse(Array(text[range.upperBound...].utf8)))?["error"]
            return error?.objectValue == nil ? nil : error
        }
    }

    /// Sends `bytes` on a fresh connection, reads everything until the server closes it, then checks that a
    /// valid request on another connection is still answered.
    private func exchange(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) async throws -> Reply {
        try await withHostileSimulator(limits: limits) { port in
            let reply = try await offPool { () -> Reply in
                let socket = try RawSocket(port: port)
                if !bytes.isEmpty { try socket.send(bytes) }
                let received = try socket.receiveUntilClosed()
                return Reply(bytes: received, closed: socket.sawEOF)
            }
            let next = try await offPool { try LoopbackClient(port: port).request("GET", Self.numbers) }
            #expect(next.status == 200, "a valid request after the hostile one")
            return reply
        }
    }

    private func withHostileSimulator<T: Sendable>(
        limits: HTTPLimits = HTTPLimits(), _ body: @Sendable (UInt16) async throws -> T
    ) async throws -> T {
        var options = SimulatorOptions(apiKey: "test-key", deterministic: true)
        options.http = limits
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        do {
            let result = try await body(simulator.port)
            await simulator.stop()
            return result
        } catch {
            await simulator.stop()
            throw error
        }
    }
}

/// A blocking loopback TCP socket that sends bytes as given, for requests no HTTP client would send.
final class RawSocket {
    private let socket: Int32
    private(set) var sawEOF = false

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw LoopbackClient.Failure(description: "connect failed: errno \(errno)") }
    }

    deinit { Glibc.close(socket) }

    struct SendFailure: Error {
        var errno: Int32
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw SendFailure(errno: errno) }
            sent += count
        }
    }

    /// One block of what has arrived (waits for at least a byte).
    func receive() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw LoopbackClient.Failure(description: "nothing received (errno \(errno))") }
        return Array(chunk[..<count])
    }

    /// Everything until the server closes its side, a reset, or the 10 s receive timeout.
    func receiveUntilClosed() throws -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += chunk[..<count]
                continue
            }
            sawEOF = count == 0 || errno == ECONNRESET
            return received
        }
    }
}
