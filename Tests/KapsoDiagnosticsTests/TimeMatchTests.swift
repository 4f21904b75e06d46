import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 G13: deliveries match a message only by contact, event and time (the delivery log holds no WAMID,
/// kapso-api.md §4). Two messages of one contact `gap` seconds apart, each followed 1 s later by a delivery of its event
/// (the first delivered, the second failed with 500; the shape of /tmp/t51/dmatch{0,1,2,3,5,30}.seed.json): where the
/// times cannot tell the two apart, both traces list both deliveries and neither calls the failed one its own; where
/// they can, each keeps its own and nothing is hedged.
@Suite struct TimeMatchTests {
    static let t0: Int64 = 1_795_261_800  // 2026-11-21T11:50:00Z

    static func delivery(_ id: String, _ event: String, at time: Int64, failed: Bool = false) throws -> WebhookDelivery {
        try WebhookDelivery(json: [
            "id": .string(id), "event": .string("whatsapp.message." + event), "status": failed ? "failed" : "delivered",
            "attempt_count": failed ? 4 : 1, "created_at": .string(KapsoTime.iso(time)), "webhook_id": "hook-1",
            "webhook_url": "https://hooks.example.com/wa", "phone_number_id": "100200300400501",
            "conversation_phone_number": "14155550181",
        ])
    }

    /// What the traces of the first and the second message list and say, for one spacing.
    struct Reading: Equatable, CustomStringConvertible {
        var listed: [String]
        var failedOwn: Int
        var failedShared: Int

        var description: String { "\(listed) own \(failedOwn) shared \(failedShared)" }
    }

    static func traces(_ first: Message, _ second: Message, event: String, gap: Int64) throws -> [Reading] {
        let rows = [
            try Self.delivery("ok", event, at: Self.t0 + 1), try Self.delivery("bad", event, at: Self.t0 + gap + 1, failed: true),
        ]
        let neighbours = SendAttribution.Neighbours(messages: [first, second], deliveries: rows)
        return [first, second].map { message in
            let attribution = SendAttribution(message: message, calls: [], deliveries: rows, neighbours: neighbours)
            return Reading(
                listed: attribution.deliveries.map(\.id), failedOwn: attribution.failedOwn, failedShared: attribution.failedShared)
        }
    }

    static let hedged = Reading(listed: ["ok", "bad"], failedOwn: 0, failedShared: 1)
    static let firstOwn = Reading(listed: ["ok"], failedOwn: 0, failedShared: 0)
    static let secondOwn = Reading(listed: ["bad"], failedOwn: 1, failedShared: 0)

    /// The spacing table of the finding: 0 and 1 s apart both traces hedge (before the fix, 1 s pinned the second's
    /// failed delivery on the first as "1 webhook delivery of this message failed"); from 2 s the first delivery is
    /// stamped before the second message, and each keeps its own.
    @Test(arguments: [
        (0, [hedged, hedged]), (1, [hedged, hedged]), (2, [firstOwn, secondOwn]), (3, [firstOwn, secondOwn]),
        (5, [firstOwn, secondOwn]), (30, [firstOwn, secondOwn]),
    ] as [(Int64, [Reading])])
    func twoReceivedMessagesOfOneContact(gap: Int64, expected: [Reading]) throws {
        let first = try SendAttributionNearestTests.inbound("D1", at: Self.t0, contact: "14155550181")
        let second = try SendAttributionNearestTests.inbound("D2", at: Self.t0 + gap, contact: "14155550181")
        #expect(try Self.traces(first, second, event: "received", gap: gap) == expected)
    }

    /// The outbound sibling (/tmp/t51/dmatch_out.seed.json): two sends 1 s apart, `whatsapp.message.sent` deliveries at
    /// +1 s (200) and +2 s (500): the first send's trace no longer says its delivery failed.
    @Test(arguments: [(1, [hedged, hedged]), (3, [firstOwn, secondOwn])] as [(Int64, [Reading])])
    func twoSendsToOneContact(gap: Int64, expected: [Reading]) throws {
        let first = try SendAttributionNearestTests.outbound("S1", at: Self.t0, to: "14155550181")
        let second = try SendAttributionNearestTests.outbound("S2", at: Self.t0 + gap, to: "14155550181")
        #expect(try Self.traces(first, second, event: "sent", gap: gap) == expected)
    }

    /// The failed line of the first trace at 1 s is the hedged one, never "of this message failed".
    @Test func theFirstTraceAtOneSecondHedgesTheFailedDelivery() throws {
        let first = try SendAttributionNearestTests.inbound("D1", at: Self.t0, contact: "14155550181")
        let second = try SendAttributionNearestTests.inbound("D2", at: Self.t0 + 1, contact: "14155550181")
        let rows = [try Self.delivery("ok", "received", at: Self.t0 + 1), try Self.delivery("bad", "received", at: Self.t0 + 2, failed: true)]
        let attribution = SendAttribution(
            message: first, calls: [], deliveries: rows, neighbours: SendAttribution.Neighbours(messages: [first, second], deliveries: rows))
        #expect(attribution.failedNote(more: "deliveries --errors") == "1 failed webhook delivery at that time may be this message's "
            + "or another message's (the delivery log holds no WAMID): 'deliveries --errors' shows more")
        #expect(attribution.deliveriesNote?.hasPrefix("2 deliveries of one event to one webhook") == true)
    }

    /// One delivery, stamped at the second of two messages 1 s apart: the first keeps it listed with a line that it may be
    /// the other's (before, it was left out as "nearer in time to another message", so the first read "no delivery").
    @Test func oneDeliveryBetweenTwoMessagesASecondApartIsEithers() throws {
        let first = try SendAttributionNearestTests.inbound("D1", at: Self.t0, contact: "14155550181")
        let second = try SendAttributionNearestTests.inbound("D2", at: Self.t0 + 1, contact: "14155550181")
        let row = try Self.delivery("bad", "received", at: Self.t0 + 1, failed: true)
        let neighbours = SendAttribution.Neighbours(messages: [first, second], deliveries: [row])
        let a = SendAttribution(message: first, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(a.deliveries.map(\.id) == ["bad"] && a.failedOwn == 0 && a.failedShared == 1)
        #expect(a.deliveriesSharing == [
            "1 whatsapp.message.received delivery at 2026-11-21T11:50:01Z may be this message's or that of another message from "
                + "this contact (2026-11-21T11:50:01Z): their times are too close to tell apart (the delivery log holds no WAMID)"
        ])
        let b = SendAttribution(message: second, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(b.deliveries.map(\.id) == ["bad"] && b.failedOwn == 0 && b.failedShared == 1)
    }

    /// The pairing never crosses: of rows at +1 s and +2 s for messages at 0 and 1 s, the earlier row goes to the earlier
    /// message (the greedy nearest-first pairing gave the first message the later row); a row stamped before a message
    /// counts `TimeMatch.skew` more.
    @Test func pairsKeepTheOrderOfTimes() {
        let claimants = [0, 1].map { TimeMatch.Claimant(at: Self.t0 + $0, range: (Self.t0 - 5)...(Self.t0 + 600)) }
        let (owner, paired) = TimeMatch.owners(of: [Self.t0 + 2, Self.t0 + 1], among: claimants, order: .after)
        #expect(owner == [1, 0] && paired == [0, 1])
        #expect(TimeMatch.distance(Self.t0, to: Self.t0 + 1, order: .after) == 1 + TimeMatch.skew)
        #expect(TimeMatch.distance(Self.t0, to: Self.t0 + 1, order: .either) == 1)
        #expect(TimeMatch.reading(Self.t0 + 2, owner: 1, among: claimants, order: .after) == .either(other: 1))
        #expect(TimeMatch.reading(Self.t0 + 5, owner: 1, among: claimants, order: .after) == .either(other: 1))
        let apart = [0, 3].map { TimeMatch.Claimant(at: Self.t0 + $0, range: (Self.t0 - 5)...(Self.t0 + 600)) }
        #expect(TimeMatch.reading(Self.t0 + 4, owner: 1, among: apart, order: .after) == .other(1))
        #expect(TimeMatch.reading(Self.t0 + 1, owner: 0, among: apart, order: .after) == .own)
    }
}
