import KopsShell
import KopsTestSupport
import Testing

/// tester53b U19: `webhooks test` whose POST Kapso accepted, but whose result could not be read (the deliveries look-up
/// answered 503), printed only "the API failed (503) … retry", as if nothing was sent; retrying sends a second test. It
/// says the test was queued now, apart from a failure of the read before the POST (then nothing was sent).
@Suite struct U19WebhookTestResultUnreadTests {
    /// `webhooks test` of a new webhook on a receiver that never answers, with `faults` set at the first pause between
    /// polls (after the POST) or, with `before`, from the start: the status and what was printed.
    static func test(before: Bool) async throws -> (status: Int32, text: String) {
        let receiver = try WebhookTestUnknownTests.SilentReceiver()
        let port = receiver.port
        let ran: (status: Int32, text: String) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400502")
            _ = shell.run(line: "webhooks create --url http://127.0.0.1:\(port)/slow --events whatsapp.message.received --secret-key abc")
            _ = shell.run(line: "capture .id as wh")
            if before { try fixture.setFaults("503:path=/webhook_deliveries") }
            shell.context.pause = { _ in try? fixture.setFaults("503:path=/webhook_deliveries") }
            let (out, err) = (output.out.count, output.err.count)
            let status = shell.run(line: "webhooks test ${wh}")
            return (status.rawValue, String(output.out.dropFirst(out)) + String(output.err.dropFirst(err)))
        }
        withExtendedLifetime(receiver) {}
        return ran
    }

    @Test func aResultNotReadAfterTheTestWasQueuedSaysItWasQueued() async throws {
        let ran = try await Self.test(before: false)
        #expect(ran.status == 75, "\(ran)")
        #expect(ran.text.contains("test queued for 00000000-0000-4000-8000-000000000001 (Kapso accepted it); its result could not be read "
            + "(the API failed (503)"), "\(ran.text)")
        #expect(ran.text.contains("'deliveries --webhook 00000000-0000-4000-8000-000000000001 --period 24h' shows it in a minute"), "\(ran.text)")
        #expect(!ran.text.contains("retry"), "\(ran.text)")
    }

    @Test func aFailedReadBeforeThePostSaysNothingWasSent() async throws {
        let ran = try await Self.test(before: true)
        #expect(ran.status != 0 && ran.status != 75, "\(ran)")
        #expect(ran.text.contains("test not sent: the webhook's deliveries could not be read before it"), "\(ran.text)")
        #expect(ran.text.contains("nothing was sent"), "\(ran.text)")
        #expect(!ran.text.contains("test queued"), "\(ran.text)")
    }
}
