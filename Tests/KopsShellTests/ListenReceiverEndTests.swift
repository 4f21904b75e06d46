import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `listen` whose receiver stops on its own (`ReceiverEvent.ended`): the deliveries before it are reported, then one
/// error line, status 1, and the receiver is not asked again (probe20: asked without waiting, listen spun at full CPU).
@Suite struct ListenReceiverEndTests {
    /// Hands over `events` one per call, then `.ended` on every call after; counts the calls.
    final class EndingReceiver: DeliveryReceiver {
        var events: [ReceiverEvent]
        var calls = 0
        var stopped = false
        let port = 4242

        init(_ events: [ReceiverEvent]) {
            self.events = events
        }

        func next(waitingUpTo seconds: Double) -> ReceiverEvent? {
            calls += 1
            return events.isEmpty ? .ended(receiver: "kapso-sim --receive (pid 77) exited with status 3") : events.removeFirst()
        }

        func stop() { stopped = true }
    }

    @Test func theDeliveriesBeforeAreReportedThenOneLineAndStatus1() throws {
        let request = IncomingRequest(
            method: "POST", target: "/", headers: [("x-webhook-event", "whatsapp.message.received")], body: Array("{}".utf8))
        var answered: [Int] = []
        let receiver = EndingReceiver([.delivery(request) { status, _, _ in answered.append(status) }])
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.openReceiver = { _, _, _ in receiver }
        // Ctrl-C after many looks: without the end, the loop would only stop here.
        context.interrupted = { receiver.calls > 1000 }
        let output = BufferOutput()
        let status = Shell(context: context, renderer: Renderer(), output: output).run(line: "listen")
        #expect(status == .failure)
        #expect(receiver.calls == 2, "asked once more after the end, not again and again")
        #expect(receiver.stopped)
        #expect(answered == [200])
        #expect(output.out.contains(" whatsapp.message.received"), "\(output.out)")
        #expect(
            output.err.hasSuffix(
                "stopped: 1 delivery, 1 not verified (no --secret given)\nerror: listen: its receiver kapso-sim --receive (pid 77) exited with status 3, so no "
                    + "delivery can arrive any more; start 'listen' again\n"), "\(output.err)")
    }
}
