import Foundation
import KopsHTTP
import KopsTestSupport
import Testing

/// A kept-alive connection that the server drops when the next request arrives, before answering:
/// libcurl then sends that request again on a new connection. A write must reach the server once, and its
/// lost answer is an error (the shell reports it as unknown), never the second attempt's answer.
@Suite struct WriteRetryTests {
    @Test func aWriteAfterAKeptAliveReadIsSentOnce() async throws {
        let (status, methods) = try await offPool { () -> (Int?, [String]) in
            let replies = Replies()
            let server = try HostileServer { _ in replies.next() }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 5, timeout: 20, userAgent: "kops-tests"))
            _ = try transport.send(HTTPRequest(url: server.baseURL + "/platform/v1/whatsapp/phone_numbers"))
            var status: Int?
            do {
                status = try transport.send(
                    HTTPRequest(
                        method: "POST", url: server.baseURL + "/platform/v1/whatsapp/webhooks",
                        headers: [HTTPHeader("Content-Type", "application/json")], body: Array("{}".utf8))
                ).status
            } catch {}
            return (status, server.requests.map(\.method))
        }
        #expect(methods == ["GET", "POST"], "the POST reached the server \(methods.count - 1) times")
        #expect(status == nil, "a lost answer became HTTP \(status ?? 0)")
    }
}

/// The server's answers in order: kept alive, dropped unanswered, then 201 to anything after.
private final class Replies: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func next() -> HostileServer.Reply {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        switch count {
        case 1: return .keptAlive(#"{"data":[]}"#)
        case 2: return .init([])
        default: return .json(status: 201, #"{"data":{"id":"created-twice"}}"#)
        }
    }
}
