import KopsShell
import KopsTestSupport
import Testing

/// Session 65's fixA note, live: `reply --force` answered 402 with a Graph code-100 body (a `402:path=/messages` fault,
/// whose body is `{"error":{"message":"(#100) Invalid parameter",…,"code":100,…}}`) said "reply: not sent: 100 invalid
/// parameter (HTTP 402): the request is malformed …; fix the payload …". Now the line names the payment status and says
/// the status and the body disagree.
@Suite struct Send402GraphCodeReplyTests {
    @Test func aReplyAnswered402WithCode100NamesThePaymentStatus() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            try fixture.setFaults("402:path=/messages")
            let status = shell.run(line: "reply --force --to +14155550123 hi")
            #expect(status != .ok)
            let err = output.err
            #expect(err.contains("reply: not sent: 100 invalid parameter in the body of a payment refusal (HTTP 402): the status and the body disagree: Kapso answers a send 402"), "\(err)")
            #expect(err.contains("the status and the body disagree"), "\(err)")
            #expect(err.contains("check the project's Kapso credits first"), "\(err)")
            #expect(!err.contains("the request is malformed: an unsupported"), "\(err)")
        }
    }
}
