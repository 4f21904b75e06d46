import Foundation
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
    /// probe27 P27-4: `listen --save DIR` where DIR cannot be made: not started (it listened, answered 200 and saved
    /// nothing, so each delivery was gone for good); one line naming the folder and why.
    @Test func aSaveFolderThatCannotBeMadeStartsNothing() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-save-\(UUID().uuidString)").path
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let receiver = EndingReceiver([])
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.openReceiver = { _, _, _ in receiver }
        context.interrupted = { receiver.calls > 1000 }
        let output = BufferOutput()
        let status = Shell(context: context, renderer: Renderer(), output: output).run(line: "listen --save \(file)/saved")
        #expect(status == .failure)
        #expect(receiver.calls == 0, "nothing listened")
        // probe29 P29-14: the file in the way is named, not "does not exist; create it first".
        #expect(
            output.err.contains(
                "error: listen: cannot save deliveries to \(file)/saved: \(file) is a file, not a folder, so its folder "
                    + "\(file)/saved cannot be made; move the file away, or write elsewhere"), "\(output.err)")
        #expect(output.err.hasSuffix("; nothing was started\n"), "\(output.err)")
    }

    /// probe27 P27-4: a delivery that cannot be saved once listening (the disk filled up, the folder went away) is
    /// answered 503, not 200, so the sender keeps it and sends it again; the line says so.
    @Test func aDeliveryThatCannotBeSavedIsAnswered503() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-save-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = IncomingRequest(
            method: "POST", target: "/", headers: [("x-webhook-event", "whatsapp.message.received")], body: Array("{}".utf8))
        var answered: [Int] = []
        let receiver = EndingReceiver([.delivery(request) { status, _, _ in answered.append(status) }])
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.openReceiver = { _, _, _ in
            // After the start-up check: the folder is replaced by a file, so the save fails.
            try? FileManager.default.removeItem(atPath: folder)
            try? Data("x".utf8).write(to: URL(fileURLWithPath: folder))
            return receiver
        }
        context.interrupted = { receiver.calls > 1000 }
        let output = BufferOutput()
        _ = Shell(context: context, renderer: Renderer(), output: output).run(line: "listen --save \(folder)")
        #expect(answered == [503])
        #expect(output.combined.contains("not saved: ") && output.combined.contains("(answered 503, so the sender keeps it)"), "\(output.combined)")
    }
}
