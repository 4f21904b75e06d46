import KapsoClient
import KapsoDiagnostics
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe45 P45-5: Meta's check of a callback URL (`GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`) was
/// answered `{"ok":true}` and read as a bad, unsigned delivery. It is answered with its challenge, said as what it is,
/// and counted as no delivery.
@Suite struct MetaSubscriptionCheckTests {
    @Test(arguments: [
        ("GET", "/hook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=s3cr3t-token", "1158201444", true),
        ("GET", "/?hub.challenge=abc%2Bdef&hub.mode=subscribe", "abc+def", false),
    ])
    func aVerificationRequestIsRead(method: String, target: String, challenge: String, token: Bool) throws {
        let check = try #require(MetaSubscriptionCheck(method: method, target: target))
        #expect(check.challenge == challenge && check.hasVerifyToken == token)
    }

    @Test(arguments: [("POST", "/?hub.mode=subscribe&hub.challenge=1"), ("GET", "/?hub.mode=unsubscribe&hub.challenge=1"), ("GET", "/hook")])
    func otherRequestsAreNone(method: String, target: String) {
        #expect(MetaSubscriptionCheck(method: method, target: target) == nil)
    }

    @Test func listenAnswersTheChallengeAndCountsNoDelivery() {
        let answered = Answers()
        let events: [ReceiverEvent] = [
            .delivery(IncomingRequest(
                method: "GET", target: "/?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=s3cr3t-token",
                headers: [], body: [])) { status, _, body in answered.add(status, body) },
            .delivery(IncomingRequest(
                method: "POST", target: "/", headers: [("x-webhook-event", "whatsapp.message.received")], body: Array("{}".utf8)
            )) { _, _, _ in },
        ]
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        let receiver = ListenVerdictTests.ScriptedReceiver(events)
        context.openReceiver = { _, _, _ in receiver }
        let output = BufferOutput()
        let status = Shell(context: context, renderer: Renderer(), output: output).run(line: "listen --meta-secret appsecret --max-deliveries 1")
        #expect(status == .ok, "\(output.err)")
        #expect(answered.all.first?.status == 200 && answered.all.first?.body == "1158201444")
        #expect(output.out.contains("Meta's subscription check (GET hub.mode=subscribe): answered with its hub.challenge (its hub.verify_token not shown, not checked)"), "\(output.out)")
        #expect(!(output.out + output.err).contains("s3cr3t-token"))
        #expect(!output.out.contains("GET instead of POST"), "\(output.out)")
        #expect(output.err.contains("stopped: 1 delivery"), "\(output.err)")
    }
}

/// What a scripted receiver's answers were given, in order.
final class Answers: @unchecked Sendable {
    private(set) var all: [(status: Int, body: String)] = []
    func add(_ status: Int, _ body: [UInt8]) { all.append((status, String(decoding: body, as: UTF8.self))) }
}
