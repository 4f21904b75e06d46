import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52's findings on `trace` and `messages` (seeds `Tests/Seeds/tester52-*.seed.json`, Support Line
/// 100200300400501, messages from 2026-11-21T09:00Z, clock 12:00Z).
@Suite struct Tester52TraceTests {
    static let number = "100200300400501"
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    /// H3: J07 is a BSUID-only contact's inbound text (09:10:00); the 09:16:41 delivery names 14155550171 (J11's
    /// contact), so it is not J07's, and J07's contact sent one message then, not "more than one".
    @Test func aBSUIDContactsTraceListsNoDeliveryNamingANumber() async throws {
        let ran = try await runDemo(
            ["trace \(Self.wamid("J07"))", "trace \(Self.wamid("J11"))"], number: Self.number,
            seed: TestSeeds.file("tester52-bsuid-deliveries.seed.json"))
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(ran[0].out.contains("webhook deliveries: 1"), "\(ran[0].out)")
        #expect(ran[0].out.contains("2026-11-21T09:10:01Z"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("2026-11-21T09:16:41Z"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("more than one message"), "\(ran[0].out)")
        #expect(ran[1].out.contains("2026-11-21T09:16:41Z"), "\(ran[1].out)")
        #expect(!ran[1].out.contains("2026-11-21T09:10:01Z"), "\(ran[1].out)")
    }
}

extension Tester52TraceTests {
    /// H2: J04 is a send Kapso marks read whose history stops at sent; J10, a later send to the contact, was delivered.
    /// `messages` said "read, yet … its delivered status never reached Kapso, or it was sent while the contact had this
    /// number blocked"; `trace` reads it read (Kapso's status), and so must the list.
    @Test func aSendKapsoMarksReadGetsNoStuckAtSentNote() async throws {
        let ran = try await runDemo(
            ["messages", "trace \(Self.wamid("J04"))"], number: Self.number, seed: TestSeeds.file("tester52-read-at-sent.seed.json"))
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(!ran[0].out.contains("\(Self.wamid("J04")) read, yet"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("blocked"), "\(ran[0].out)")
        #expect(ran[1].out.contains("verdict: read by the contact"), "\(ran[1].out)")
    }
}

extension Tester52TraceTests {
    /// H4: a webhook buffering nothing bufferable (handover only) was accepted without a word, and `webhooks check` told
    /// the receiver to read batch bodies; only whatsapp.message.received is buffered, so it has no effect.
    @Test func bufferingANonBufferableWebhookIsSaidToHaveNoEffect() async throws {
        let ran = try await runDemo(
            [
                "webhooks create --url https://hooks.example.test/h4 --events whatsapp.meta_business_agent.handover --buffer-enabled",
                "capture .id as hook", "webhooks check ${hook}",
            ], number: Self.number, width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect((ran[0].out + ran[0].err).contains("buffering is on, but the webhook subscribes to no bufferable event"), "\(ran[0].out)")
        #expect(!ran[2].out.contains("batch-shaped"), "\(ran[2].out)")
        #expect(!ran[2].out.contains("make the receiver read batch bodies"), "\(ran[2].out)")
        #expect(ran[2].out.contains("it has no effect"), "\(ran[2].out)")
    }
}

extension Tester52TraceTests {
    /// H7: a contact filter on the number the contact never wrote to answered "0 items" and nothing else; the contact's
    /// messages are on the project's other number, as the `--conversation` sibling says.
    @Test func anEmptyContactListNamesTheContactsOtherNumber() async throws {
        let ran = try await runDemo(
            ["messages --phone-number 14155550142"], number: "100200300400502")
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].err.contains("no messages with this contact on the selected number 100200300400502"), "\(ran[0].err)")
        #expect(ran[0].err.contains("use 100200300400501"), "\(ran[0].err)")
        let other = try await runDemo(["messages --phone-number US.48210937561029384756"], number: Self.number)
        #expect(other[0].err.contains("use 100200300400502"), "\(other[0].out)\(other[0].err)")
    }
}
