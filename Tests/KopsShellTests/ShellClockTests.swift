import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `ShellContext.now`: the API's clock once a response carried a `Date` header, else this machine's.
@Suite struct ShellClockTests {
    @Test func followsTheAPIsDateHeader() throws {
        let transport = StubTransport(status: 200, body: #"{"data": []}"#, headers: [("Date", "Fri, 20 Nov 2026 09:15:00 GMT")])
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("k"), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        #expect(context.now() > KapsoTime.seconds(iso: "2020-01-01T00:00:00Z")!)
        _ = try client.perform(client.platformRequest("/whatsapp/conversations"))
        #expect(KapsoTime.iso(context.now()) == "2026-11-20T09:15:00Z")
    }
}
