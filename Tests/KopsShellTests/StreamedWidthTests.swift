import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A streamed list (`--all`) carries each column's width from page to page. Measured before the cells were redacted, a
/// secret on page 1 widened its column on every later page, its length readable in the padding (s23-perf's note on
/// P22-14, which closed the same leak for one-page tables).
@Suite struct StreamedWidthTests {
    static let key = "test_key_0123456789_streamed_width_secret"

    static func item(_ id: String, keyName: String) -> String {
        #"{"id":"\#(id)","endpoint":"/meta/whatsapp/v24.0/100200300400501/messages","http_method":"POST","response_status":401,"#
            + #""response_time_ms":12,"ip_address":"203.0.113.24","error_message":"revoked","created_at":"2026-11-20T14:32:10Z","#
            + #""api_key_id":"9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01","api_key_name":"\#(keyName)"}"#
    }

    @Test func aSecretOnOnePageDoesNotWidenItsColumnOnTheNext() async throws {
        let output = try await offPool { () -> String in
            let server = try HostileServer { request in
                let second = request.path.contains("after=p2")
                let item = second
                    ? Self.item("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02", keyName: "inbox")
                    : Self.item("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d01", keyName: "inbox-\(Self.key)")
                let next = second ? "null" : #""p2""#
                return .json(#"{"data":[\#(item)],"paging":{"cursors":{"before":null,"after":\#(next)},"next":\#(next)}}"#)
            }
            defer { server.stop() }
            let curl = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(Self.key), transport: curl)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            #expect(shell.run(line: "logs --all") == .ok)
            return output.out
        }
        #expect(!output.contains(Self.key), "\(output)")
        let rows = output.split(separator: "\n").filter { $0.contains("revoked") }
        try #require(rows.count == 2, "\(output)")
        // The error column starts at the same place on both pages: the key-name column before it is as wide as its widest
        // shown cell ("inbox-<redacted>"), not as the secret it held before redaction.
        let errorStart = rows.map { row in row.range(of: "revoked").map { row.distance(from: row.startIndex, to: $0.lowerBound) } }
        #expect(errorStart[0] != nil && errorStart[0] == errorStart[1], "\(rows)")
        #expect(rows[0].contains("inbox-<redacted>"), "\(rows)")
    }
}
