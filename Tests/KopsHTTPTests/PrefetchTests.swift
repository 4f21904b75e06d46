import Foundation
@testable import KopsHTTP
import KopsTestSupport
import Testing

/// `prefetch` starts a GET early; the `send` of the same request takes its answer, any other exchange drops it,
/// and a prefetch that fails is asked again, so a list printed while its next page is on the way reads the same.
@Suite struct PrefetchTests {
    /// Counts what the server has answered, across its connection threads.
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        /// The count before this call.
        func next() -> Int {
            lock.withLock {
                defer { value += 1 }
                return value
            }
        }
    }

    static func request(_ server: HostileServer, _ path: String, method: String = "GET") -> HTTPRequest {
        HTTPRequest(
            method: method, url: server.baseURL + path,
            headers: [HTTPHeader("X-API-Key", secret: Secret("test_key_0123456789")), HTTPHeader("Accept", "application/json")])
    }

    static func echo(_ request: HostileServer.Request) -> HostileServer.Reply {
        .json("{\"path\":\"\(request.path)\"}")
    }

    static func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test func theSendOfThePrefetchedRequestTakesItsAnswerWithoutAskingAgain() async throws {
        let (body, paths) = try await offPool {
            let server = try HostileServer(Self.echo)
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let next = Self.request(server, "/list?after=p2")
            transport.prefetch(next)
            let response = try transport.send(next)
            return (Self.text(response), server.requests.map(\.path))
        }
        #expect(body == #"{"path":"/list?after=p2"}"#)
        #expect(paths == ["/list?after=p2"])
    }

    @Test func anotherRequestDropsThePrefetchAndGetsItsOwnAnswer() async throws {
        let (other, again) = try await offPool {
            let server = try HostileServer(Self.echo)
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            transport.prefetch(Self.request(server, "/list?after=p2"))
            let other = try transport.send(Self.request(server, "/other"))
            // The dropped prefetch is not waiting anywhere: asking for it now sends it afresh.
            let again = try transport.send(Self.request(server, "/list?after=p2"))
            return (Self.text(other), Self.text(again))
        }
        #expect(other == #"{"path":"/other"}"#)
        #expect(again == #"{"path":"/list?after=p2"}"#)
    }

    @Test func aPrefetchThatFailsIsAskedAgainAsIfNeverPrefetched() async throws {
        let (body, count) = try await offPool {
            let answered = Count()
            // The first answer is not HTTP (curl fails the transfer); the second is.
            let server = try HostileServer { request in
                answered.next() == 0 ? HostileServer.Reply(Array("garbage\r\n\r\n".utf8)) : Self.echo(request)
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let next = Self.request(server, "/list?after=p2")
            transport.prefetch(next)
            let response = try transport.send(next)
            return (Self.text(response), server.requests.count)
        }
        #expect(body == #"{"path":"/list?after=p2"}"#)
        #expect(count == 2)
    }

    /// Session 48: one multi handle serves every prefetch of a transport, page after page (one was made and freed at
    /// each page), and each page still gets its own answer.
    @Test func thePrefetchesOfATransportRunInOneMultiHandle() async throws {
        let (handles, bodies) = try await offPool {
            let server = try HostileServer(Self.echo)
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            // Held, so a handle made for each page could not be given the address of the one freed before it.
            var multis: [CurlMulti] = []
            var bodies: [String] = []
            for page in 2...4 {
                let next = Self.request(server, "/list?after=p\(page)")
                transport.prefetch(next)
                if let multi = transport.prefetchMulti { multis.append(multi) }
                bodies.append(Self.text(try transport.send(next)))
            }
            return (Set(multis.map(ObjectIdentifier.init)).count, bodies)
        }
        #expect(handles == 1)
        #expect(bodies == (2...4).map { #"{"path":"/list?after=p\#($0)"}"# })
    }

    @Test func aWriteIsNeverPrefetched() async throws {
        let (body, paths) = try await offPool {
            let server = try HostileServer(Self.echo)
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let write = Self.request(server, "/webhooks/1", method: "DELETE")
            transport.prefetch(write)
            Thread.sleep(forTimeInterval: 0.2)
            let before = server.requests.map(\.path)
            let response = try transport.send(write)
            return (Self.text(response), before + server.requests.map(\.path))
        }
        #expect(body == #"{"path":"/webhooks/1"}"#)
        #expect(paths == ["/webhooks/1"])
    }
}
