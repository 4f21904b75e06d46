import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport

/// A shell on a `HostileServer` that serves a fixture list as `ListStreamTests.pages` pages and answers page 3's request
/// with `page3` while it gives one (the n-th request for page 3 gets `page3(n)`, nil for the page itself).
func runStream(
    _ line: String, fixture: String, page3: @escaping @Sendable (Int) -> HostileServer.Reply?
) async throws -> (status: KopsShell.ExitStatus, out: String, err: String, page3Asked: Int, paths: [String]) {
    try await offPool {
        let asked = TestLocked(0)
        let paths = TestLocked<[String]>([])
        let server = try HostileServer { request in
            paths.update { $0.append(request.path) }
            if request.path.contains("after=p3") {
                asked.update { $0 += 1 }
                if let reply = page3(asked.value) { return reply }
            }
            return ListStreamTests.serve(fixture, request: request) { _ in }
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
        let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        // A retry's wait is not waited out here.
        context.pause = { _ in }
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        let status = shell.run(line: line)
        return (status, output.out, output.err, asked.value, paths.value)
    }
}
