import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// What `listen` counts and prints per delivery: a delivery read without a secret is "not verified (no --secret
/// given)", never a failed verification; under `--output json` standard output holds one JSON object per delivery
/// (NDJSON) and a summary line, and the words go to standard error.
@Suite struct ListenVerdictTests {
    /// Hands over `events` one per call, then nothing (as a receiver that waits for the next delivery).
    final class ScriptedReceiver: DeliveryReceiver {
        var events: [ReceiverEvent]
        let port = 4243

        init(_ events: [ReceiverEvent]) {
            self.events = events
        }

        func next(waitingUpTo seconds: Double) -> ReceiverEvent? {
            events.isEmpty ? nil : events.removeFirst()
        }

        func stop() {}
    }

    static let zeros = String(repeating: "0", count: 64)

    /// An unsigned delivery, then one signed with a signature no secret makes.
    static var deliveries: [ReceiverEvent] {
        let event = ("x-webhook-event", "whatsapp.message.received")
        return [
            .delivery(IncomingRequest(method: "POST", target: "/", headers: [event], body: Array("{}".utf8))) { _, _, _ in },
            .delivery(
                IncomingRequest(method: "POST", target: "/", headers: [event, ("x-webhook-signature", zeros)], body: Array("{}".utf8))
            ) { _, _, _ in },
        ]
    }

    static func run(_ line: String) -> (status: KopsShell.ExitStatus, out: String, err: String) {
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        let receiver = ScriptedReceiver(deliveries)
        context.openReceiver = { _, _, _ in receiver }
        let output = BufferOutput()
        let status = Shell(context: context, renderer: Renderer(), output: output).run(line: line)
        return (status, output.out, output.err)
    }

    @Test func withoutASecretDeliveriesAreNotVerifiedAndNothingFailed() {
        let (status, out, err) = Self.run("listen --max-deliveries 2")
        #expect(status == .ok, "nothing failed: \(err)")
        #expect(out.contains("unsigned: no X-Webhook-Signature header; not verified (no --secret given)"), "\(out)")
        #expect(out.contains("X-Webhook-Signature not checked (no --secret given)"), "\(out)")
        #expect(err.contains("stopped: 2 deliveries, 2 not verified (no --secret given)"), "\(err)")
        #expect(!(out + err).contains("failed verification"), "\(out)\(err)")
    }

    @Test func withASecretAnUnsignedOrWrongDeliveryFailsVerification() {
        let (status, out, err) = Self.run("listen --secret s --max-deliveries 2")
        #expect(status == .failure)
        #expect(out.contains("unsigned: no X-Webhook-Signature header"), "\(out)")
        #expect(out.contains("X-Webhook-Signature does not match"), "\(out)")
        #expect(err.contains("stopped: 2 deliveries, 2 failed verification"), "\(err)")
        #expect(!(out + err).contains("not verified"), "\(out)\(err)")
    }

    @Test func underOutputJSONEachDeliveryIsOneJSONLine() throws {
        let (status, out, err) = Self.run("listen --secret s --max-deliveries 2 --output json")
        #expect(status == .failure)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3, "two deliveries and the summary, one a line: \(out)")
        let objects = try lines.map { try JSONValue.parse(String($0)) }
        #expect(objects.prefix(2).map { $0["event"]?.string } == ["whatsapp.message.received", "whatsapp.message.received"])
        #expect(objects.prefix(2).map { $0["signature"]?["result"]?.string } == ["failed", "failed"])
        #expect(objects.prefix(2).map { $0["ok"]?.bool } == [false, false])
        #expect(objects.prefix(2).map { $0["delivery"]?.int } == [1, 2])
        // probe25 P25-17: a full ISO-8601 time with its date, as every other JSON of kops, not a time of day.
        #expect(objects.prefix(2).allSatisfy { ($0["time"]?.string).flatMap { KapsoTime.seconds(iso: $0) } != nil }, "\(out)")
        #expect(objects.last?["listen_summary"]?["failed_verification"]?.int == 2, "\(out)")
        // The words are on standard error, the deliveries' lines are not.
        #expect(err.contains("listening on http://127.0.0.1:4243/"), "\(err)")
        #expect(err.contains("stopped: 2 deliveries, 2 failed verification"), "\(err)")
        #expect(!err.contains("whatsapp.message.received;"), "\(err)")
        // Without a secret the verdict says not verified, and the summary counts it.
        let unchecked = Self.run("listen --max-deliveries 2 --output json")
        let verdicts = try unchecked.out.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(verdicts.prefix(2).map { $0["signature"]?["result"]?.string } == ["not_verified", "not_verified"])
        #expect(verdicts.last?["listen_summary"]?["not_verified"]?.int == 2, "\(unchecked.out)")
        #expect(unchecked.status == .ok)
    }
}
