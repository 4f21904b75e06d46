import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester59 AF4: every Kapso "not found" text got the phone-number id's four causes; a message, a conversation and a
/// webhook each get their own.
@Suite struct AF4ExplainNotFoundObjectTests {
    @Test(arguments: [
        ("WhatsApp message not found", "percent-encoded"), ("Conversation not found", "a conversation id"),
        ("Webhook not found", "a webhook id"),
    ])
    func eachNotFoundNamesItsObject(text: String, said: String) {
        let run = OfflineShell.run("explain", #"{"error":"\#(text)"}"#)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains(said), "\(run.out)")
        #expect(!run.out.contains("the id was never filled in"), "\(run.out)")
        #expect(!run.out.contains("Meta's business or app id"), "\(run.out)")
    }
}
