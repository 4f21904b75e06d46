import Foundation
import KopsHTTP
import KopsTestSupport
import Testing

/// An id of 10 MB read from a hostile or damaged answer and put in a follow-up request's path: refused before libcurl
/// (which answered "invalid URL" and kops printed the whole URL), with the route and the id's length on one short line;
/// the server never gets the request.
@Suite struct LongPathIDTests {
    static let huge = String(repeating: "7", count: 10 << 20)

    @Test func theRouteAndTheLengthAreNamed() throws {
        let url = "https://api.kapso.ai/meta/whatsapp/v24.0/\(Self.huge)/message_templates?limit=100"
        let error = try #require(HTTPRequest.longPathSegment(in: url))
        #expect(error == .longPathSegment(route: "/meta/whatsapp/v24.0/{id}/message_templates", length: 10 << 20, head: String(repeating: "7", count: 24)))
        #expect(error.message.hasPrefix("not sent: the id in /meta/whatsapp/v24.0/{id}/message_templates is 10485760 characters"), "\(error.message)")
        #expect(error.message.count < 300)
        // Ids of every real length pass, as does a long query (a cursor or a search is no path id).
        #expect(HTTPRequest.longPathSegment(in: "https://api.kapso.ai/platform/v1/whatsapp/conversations/\(String(repeating: "a", count: 1_024))") == nil)
        #expect(HTTPRequest.longPathSegment(in: "https://api.kapso.ai/platform/v1/api_logs?q=\(String(repeating: "a", count: 5_000))") == nil)
    }

    @Test func controlBytesOfTheIdAreNotShown() throws {
        let id = "\u{1B}]0;owned\u{07}" + String(repeating: "x", count: 2_000)
        let error = try #require(HTTPRequest.longPathSegment(in: "http://127.0.0.1:1/platform/v1/whatsapp/webhooks/\(id)"))
        #expect(!error.message.contains("\u{1B}") && !error.message.contains("\u{07}"), "\(error.message)")
        #expect(error.message.contains("/platform/v1/whatsapp/webhooks/{id} is 2010 characters ('?]0;owned?xxxxxxxxxxxxxx…')"), "\(error.message)")
    }

    @Test func aLongIdIsNeverSent() async throws {
        let server = try HostileServer { _ in .json(#"{"data":[]}"#) }
        defer { server.stop() }
        let request = HTTPRequest(url: server.baseURL + "/platform/v1/whatsapp/conversations/\(Self.huge)")
        let results = try await offPool {
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            return [Result { () throws(TransportError) in try transport.send(request) }] + transport.sendAll([request, request])
        }
        for result in results {
            guard case .failure(.longPathSegment(let route, let length, _)) = result else {
                Issue.record("expected the refusal, got \(result)")
                continue
            }
            #expect(route == "/platform/v1/whatsapp/conversations/{id}" && length == 10 << 20)
        }
        #expect(server.requests.isEmpty)
    }
}
