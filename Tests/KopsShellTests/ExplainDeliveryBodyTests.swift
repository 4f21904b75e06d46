import KapsoClient
import KapsoDiagnostics
import KopsShell
import Testing

/// tester49 L7: `explain '<a whatsapp.message.failed delivery body>'` (what a receiver's developer pastes, the body kops's
/// own `payload sample whatsapp.message.failed` prints) was refused as "invalid error code"; a bare errors array was read.
/// The body's statuses' errors are read and explained, as in a pasted Graph error body; Meta's own webhook shape too.
@Suite struct ExplainDeliveryBodyTests {
    /// The v2 body (`message.kapso.statuses[].errors[]`); the v1 sample carries no error to read.
    @Test func kapsosFailedDeliveryBodyIsExplained() throws {
        let sample = try #require(PayloadSamples.sample("whatsapp.message.failed", version: "v2"))
        let codes = PastedError.all(sample.bodyText).map(\.code)
        #expect(!codes.isEmpty, "\(sample.bodyText)")
        let run = OfflineShell.run("explain", sample.bodyText)
        #expect(run.status == .ok, "\(run.err)")
        for code in codes { #expect(run.out.contains("code:       \(code)"), "\(run.out)") }
        #expect(!run.err.contains("invalid error code"), "\(run.err)")
    }

    /// Meta's webhook (`entry[].changes[].value.statuses[].errors[]`) with two failed statuses: both errors, each once.
    @Test func metasWebhookBodyGivesEachError() {
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"#
            + #""statuses":[{"id":"wamid.A","status":"failed","errors":[{"code":131026,"title":"Message undeliverable"}]},"#
            + #"{"id":"wamid.B","status":"failed","errors":[{"code":131047,"title":"Re-engagement message"}]},"#
            + #"{"id":"wamid.C","status":"failed","errors":[{"code":131026,"title":"Message undeliverable"}]}]}}]}]}"#
        #expect(PastedError.all(body).map(\.code) == ["131026", "131047"])
        let run = OfflineShell.run("explain", body)
        #expect(run.out.contains("2 errors in what was pasted"), "\(run.out)\(run.err)")
    }
}
