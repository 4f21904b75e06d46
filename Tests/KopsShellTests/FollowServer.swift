import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport

/// Deliveries for a follow's test server: each delivered, at one time, with the event given.
enum FollowServer {
    static func delivery(_ id: String, event: String = "whatsapp.message.sent") -> JSONValue {
        [
            "id": .string(id), "event": .string(event), "status": "delivered", "attempt_count": .number("1"),
            "created_at": "2026-11-20T14:32:11Z", "response_status": .number("200"),
            "webhook_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "webhook_url": "https://hooks.acme-demo.test/kapso/whatsapp",
        ]
    }

    /// A deliveries page of `items`, `next` its cursor.
    static func page(_ items: [JSONValue], next: String? = nil) -> HostileServer.Reply {
        let cursor: JSONValue = next.map(JSONValue.string) ?? .null
        return .json(JSONValue.object(["data": .array(items), "paging": ["cursors": ["before": .null, "after": cursor], "next": cursor]]).serialized())
    }

    /// Runs `line` (a `deliveries --follow`) on a server that answers the n-th poll (1 on) with `reply(n, nil)` and a
    /// page after a cursor with `reply(polls so far, cursor)`; waits are not waited out.
    static func run(
        _ line: String, reply: @escaping @Sendable (_ poll: Int, _ after: String?) -> HostileServer.Reply
    ) async throws -> (status: KopsShell.ExitStatus, out: String, err: String, paths: [String]) {
        try await offPool {
            let polls = TestLocked(0)
            let paths = TestLocked<[String]>([])
            let server = try HostileServer { request in
                paths.update { $0.append(request.path) }
                let after = request.path.components(separatedBy: "after=").dropFirst().first.map { String($0.prefix { $0 != "&" }) }
                if after == nil { polls.update { $0 += 1 } }
                return reply(polls.value, after)
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            context.pause = { _ in }
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let status = shell.run(line: line)
            return (status, output.out, output.err, paths.value)
        }
    }
}
