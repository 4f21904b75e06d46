import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U7 over loopback (the real-world message-shapes seed, its oldest webhook subscribed to received messages
/// and 101 newer ones that are not): `trace` of an inbound message with no delivery reads every page of the number's
/// webhooks, so the receiver on page 2 is seen, never "no active webhook of this number subscribes to them".
@Suite struct U7TraceWebhooksAllPagesTests {
    @Test func traceReadsEveryPageOfTheNumbersWebhooks() async throws {
        let number = "100200300400501"
        let seed = SimulatorSeed.file(Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json").path)
        let (pages, out) = try await withSimulator(seed: seed) { fixture in
            let client = try fixture.client()
            _ = try client.createWebhook(
                .phoneNumber(number),
                fields: ["url": .string("https://receiver.example/h"), "kind": .string("kapso"), "secret_key": .string("s3cr3t-for-tests"),
                    "events": .array([.string("whatsapp.message.received")])])
            try createManyWebhooks(on: number, with: client)
            let firstPage = try client.webhooks(.phoneNumber(number), page: 1, perPage: 100).items
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            _ = shell.run(line: "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA=")
            return (firstPage.filter { $0.events.contains("whatsapp.message.received") }.count, output.out + output.err)
        }
        #expect(pages == 0, "the first page should hold none of the receivers: \(pages)")
        #expect(out.contains("webhook deliveries:"), "\(out)")
        #expect(!out.contains("no active webhook of this number subscribes"), "\(out)")
    }
}
