import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import Testing

/// probe26 P26-8: a send answered `"message_status": "held_for_quality_assessment"` (kapso-api.md §9.2; Meta, Template
/// pacing) is held, not sent: `reply` says so and what it means.
@Suite struct ReplyHeldTests {
    /// Forwards every request to the simulator; a Meta proxy send is answered 200 with `messageStatus`.
    final class HeldSend: HTTPTransport {
        let inner: any HTTPTransport
        let messageStatus: String
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(_ inner: any HTTPTransport, messageStatus: String) {
            self.inner = inner
            self.messageStatus = messageStatus
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            guard request.method == "POST", request.url.contains("/meta/whatsapp/") else { return try inner.send(request) }
            let body = #"{"messaging_product":"whatsapp","contacts":[{"input":"+14155550123","wa_id":"14155550123"}],"#
                + #""messages":[{"id":"wamid.HELD0001","message_status":"\#(messageStatus)"}]}"#
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        }
    }

    static func replying(messageStatus: String) async throws -> ShellRun {
        try await runShell(["message \(Demo.danaInbound)", "reply Thanks"]) { context in
            let client = context.client
            context.client = KapsoClient(
                baseURL: client.baseURL, apiKey: client.apiKey, transport: HeldSend(client.transport, messageStatus: messageStatus))
        }
    }

    @Test func aHeldSendIsSaidHeldNotSent() async throws {
        let run = try await Self.replying(messageStatus: "held_for_quality_assessment")
        #expect(run.statuses == [.ok, .ok])
        #expect(run.out.contains("held wamid.HELD0001 to "), "\(run.out)")
        #expect(!run.out.contains("sent wamid.HELD0001"), "\(run.out)")
        #expect(run.out.contains(
            "held by Meta for quality assessment (message_status held_for_quality_assessment, template pacing): it is sent if "
                + "early feedback is good and dropped if it is bad; 'trace' shows which"), "\(run.out)")
    }

    @Test func anAcceptedSendIsSent() async throws {
        let run = try await Self.replying(messageStatus: "accepted")
        #expect(run.out.contains("sent wamid.HELD0001 to "), "\(run.out)")
        #expect(!run.out.contains("held"), "\(run.out)")
    }

    @Test(arguments: [
        ("held_for_quality_assessment", "order_followup", "held",
         "held by Meta for quality assessment (message_status held_for_quality_assessment, template pacing): it is sent if "
            + "order_followup's early feedback is good and dropped if it is bad; 'trace' shows which"),
        ("accepted", "order_followup", "sent", nil),
        (nil, nil, "sent", nil),
    ] as [(String?, String?, String, String?)])
    func theSendAnswersStatusIsRead(status: String?, template: String?, word: String, note: String?) {
        let read = SendAcceptance(messageStatus: status, template: template)
        #expect(read.word == word)
        #expect(read.note == note)
    }
}
