import KapsoDiagnostics
import KopsShell
import Testing

/// tester59b AG19, AG21: curl 52, 18, 92 and 16 after a send gave no "outcome unknown" (18 was said to have had no
/// answer), and `explain 'HTTP 504'` (502, 520, 522, 524) said "retry later": the message may have gone out while the
/// answer was lost, so a resend can reach the contact twice. A line that names a read keeps "retry later".
@Suite struct AG19ExplainSendOutcomeUnknownTests {
    @Test(arguments: [
        "curl: (52) Empty reply from server", "curl: (18) transfer closed with 12 bytes remaining to read",
        "curl: (92) HTTP/2 stream 1 was not closed cleanly: REFUSED_STREAM (err 7)", "curl: (16) Error in the HTTP2 framing layer",
        "curl: (28) Operation timed out after 30001 milliseconds",
    ])
    func curlExitsAfterTheRequestLeaveASendUnknown(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("outcome is unknown") || ran.out.contains("most likely went through"), "\(ran.out)")
        #expect(ran.out.contains("before resending"), "\(ran.out)")
        #expect(!ran.out.contains("neither Kapso nor Meta said anything"), "\(ran.out)")
    }

    @Test func curl18SaysTheAnswerCame() {
        let ran = OfflineShell.run("explain", "curl: (18) transfer closed with 12 bytes remaining to read")
        #expect(ran.out.contains("CURLE_PARTIAL_FILE") && ran.out.contains("the API did answer"), "\(ran.out)")
    }

    @Test(arguments: ["HTTP 504 Gateway Timeout", "HTTP 502", "HTTP 520", "HTTP 522", "HTTP 524"])
    func aGatewayStatusHedgesASend(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("if the call was a send, its outcome is unknown"), "\(ran.out)")
        #expect(ran.out.contains("before sending again"), "\(ran.out)")
    }

    @Test(arguments: ["POST /meta/whatsapp/v24.0/100200300400501/messages 504", "send failed: HTTP 524"])
    func aSendAnsweredByAGatewayIsUnknown(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.out.contains("the outcome is unknown: the message may have been sent"), "\(ran.out)")
        #expect(!ran.out.contains("retry later"), "\(ran.out)")
    }

    @Test func aReadAnsweredByAGatewayIsRetried() {
        let ran = OfflineShell.run("explain", "GET /platform/v1/whatsapp/conversations 504")
        #expect(ran.out.contains("retry later"), "\(ran.out)")
        #expect(!ran.out.contains("outcome is unknown"), "\(ran.out)")
    }
}
