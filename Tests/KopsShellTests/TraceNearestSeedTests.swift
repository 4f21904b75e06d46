import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace` on `probe44-nearest.seed.json` (one contact of 100200300400501: sends P01 11:00:00, P02 11:05:00, P03 11:10:00,
/// P04 11:10:01; received Q01 11:30:00, Q02 11:33:00; one `whatsapp.message.sent` delivery at 11:05:00, one
/// `whatsapp.message.received` delivery at 11:33:00; send calls `POST /v1/messages` at 11:00:00 and one on the number's path
/// at 11:10:01).
@Suite struct TraceNearestSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("probe44-nearest.seed.json") }

    static func id(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    func trace(_ tags: [String], json: Bool = false) async throws -> [Ran] {
        try await runDemo(tags.map { "trace \(Self.id($0))" + (json ? " --output json" : "") }, number: "100200300400501", seed: Self.seed)
    }

    /// probe44 P44-2: one delivery for two messages is the nearest one's: the other message says it got none (and why the
    /// delivery is not listed), the nearest lists it with a note; the same for received messages and for send calls.
    @Test func oneDeliveryOrCallForTwoMessagesIsTheNearestOnes() async throws {
        let ran = try await trace(["P01", "P02", "Q01", "Q02", "P03", "P04"])
        let (first, second, question, again, third, fourth) = (ran[0].out, ran[1].out, ran[2].out, ran[3].out, ran[4].out, ran[5].out)
        #expect(first.contains("webhook deliveries: none for message status events, although 1 active webhook"), "\(first)")
        #expect(first.contains(
            "1 whatsapp.message.sent delivery at 2026-11-21T11:05:00Z is nearer in time to another message to this contact "
                + "(2026-11-21T11:05:00Z): read as that message's and left out here"), "\(first)")
        // The row may still be P01's (P02's trace says so): no "Kapso recorded none" (tester53b U13).
        #expect(first.contains("no webhook delivery surely of this message: 1 active webhook"), "\(first)")
        #expect(!first.contains("Kapso did not send it"), "\(first)")
        #expect(second.contains("webhook deliveries: 1\n1 whatsapp.message.sent delivery for 2 messages to this contact in that "
            + "span: listed as this message's, the nearest in time, but it may be the other message's"), "\(second)")
        #expect(question.contains("webhook deliveries: none for whatsapp.message.received"), "\(question)")
        #expect(question.contains("is nearer in time to another message from this contact"), "\(question)")
        #expect(again.contains("webhook deliveries: 1\n1 whatsapp.message.received delivery for 2 messages from this contact"), "\(again)")
        #expect(third.contains("API calls: no send call with this project's keys at that time"), "\(third)")
        #expect(third.contains("1 send call at 2026-11-21T11:10:01Z is nearer in time to another send from this number"), "\(third)")
        #expect(!third.contains("req_"), "\(third)")
        #expect(fourth.contains("API calls: 1\n1 send call for 2 sends from this number within 5 s: listed as this message's"), "\(fourth)")
        let answer = try await trace(["P01"], json: true)[0].out
        let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
        #expect((json["webhook_deliveries"] as? [Any])?.isEmpty == true)
        #expect((json["attribution_notes"] as? [String])?.contains { $0.hasPrefix("1 whatsapp.message.sent delivery at") } == true)
    }

    /// probe44 P44-12: a send call the API log records as `POST /v1/messages` (kapso-api.md §5) is the send's call, named
    /// as a path without a number, never "no send call … (sent from the inbox or another project?)".
    @Test func aSendCallLoggedAsV1MessagesIsTheSendsCall() async throws {
        let out = try await trace(["P01"])[0].out
        #expect(out.contains("API calls: 1\nPOST /v1/messages names no phone number: read as this message's send by its time"), "\(out)")
        #expect(out.contains("req_7ed5bbdccce7424783e8af1e02f2d401"), "\(out)")
        #expect(!out.contains("no send call"), "\(out)")
    }

    /// probe44 P44-5: trace's DELIVERED AT shows a delivery's `created_at` as `deliveries` does (`2026-11-21T11:33:00Z`),
    /// not as Kapso wrote it (`2026-11-21T11:33:00.123456+00:00`).
    @Test func deliveredAtIsShownAsDeliveriesShowsIt() async throws {
        let ran = try await runDemo(
            ["trace \(Self.id("Q02"))", "deliveries --period 24h"], number: "100200300400501", seed: Self.seed)
        #expect(ran[0].out.contains("\n2026-11-21T11:33:00Z  whatsapp.message.received  delivered"), "\(ran[0].out)")
        #expect(ran[1].out.contains("2026-11-21T11:33:00Z"), "\(ran[1].out)")
        for run in ran { #expect(!run.out.contains(".123456") && !run.out.contains("+00:00"), "\(run.out)") }
    }
}
