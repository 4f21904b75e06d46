import KapsoClient
import KapsoDiagnostics
import Testing

/// `SendAttribution` with the other messages read around the traced one (probe44 P44-2): one delivery or send call for
/// several messages is the nearest message's, left out of the others' with a line saying so, and listed with a note
/// where fewer rows than messages fit; a batching webhook's deliveries are not shared out.
@Suite struct SendAttributionNearestTests {
    static let t0: Int64 = 1_795_258_800  // 2026-11-21T11:00:00Z

    static func outbound(_ tag: String, at time: Int64, to contact: String = "14155550171") throws -> Message {
        try Message(json: try #require(JSONValue.parse("""
            {"id": "wamid.\(tag)", "timestamp": "\(time)", "type": "text", "to": "\(contact)",
             "kapso": {"direction": "outbound", "status": "delivered", "phone_number": "\(contact)", "phone_number_id": "100200300400501",
                       "statuses": [{"status": "sent", "timestamp": "\(time)"}, {"status": "delivered", "timestamp": "\(time + 2)"}]}}
            """).object))
    }

    static func inbound(_ tag: String, at time: Int64, contact: String = "14155550171") throws -> Message {
        try Message(json: try #require(JSONValue.parse("""
            {"id": "wamid.\(tag)", "timestamp": "\(time)", "type": "text", "from": "\(contact)",
             "kapso": {"direction": "inbound", "status": "received", "phone_number": "\(contact)", "phone_number_id": "100200300400501"}}
            """).object))
    }

    static func delivery(_ id: String, _ event: String, at time: Int64, hook: String = "hook-1") throws -> WebhookDelivery {
        try WebhookDelivery(json: [
            "id": .string(id), "event": .string("whatsapp.message." + event), "status": "delivered", "attempt_count": 1,
            "created_at": .string(KapsoTime.iso(time)), "webhook_id": .string(hook), "webhook_url": "https://hooks.test/kapso",
            "phone_number_id": "100200300400501", "conversation_phone_number": "14155550171",
        ])
    }

    static func call(_ id: String, at time: Int64, endpoint: String = "/meta/whatsapp/v24.0/100200300400501/messages") throws -> APILog {
        try APILog(json: [
            "id": .string(id), "http_method": "POST", "endpoint": .string(endpoint), "response_status": 200,
            "created_at": .string(KapsoTime.iso(time)),
        ])
    }

    /// Two sends to one contact `gap` seconds apart, one `whatsapp.message.sent` delivery at the second: the first has none
    /// (its "no delivery" reading speaks), the second has it with a note that it may be the first's. A second apart, the
    /// times cannot tell them apart and both list it (`TimeMatchTests`, tester51 G13).
    @Test(arguments: [20, 300] as [Int64])
    func oneDeliveryForTwoSendsIsTheNearestOnes(gap: Int64) throws {
        let first = try Self.outbound("A", at: Self.t0)
        let second = try Self.outbound("B", at: Self.t0 + gap)
        let row = try Self.delivery("d", "sent", at: Self.t0 + gap)
        let neighbours = SendAttribution.Neighbours(messages: [first, second], deliveries: [row])
        let a = SendAttribution(message: first, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(a.deliveries.isEmpty)
        #expect(a.nearerDeliveries.map(\.row) == [Self.t0 + gap] && a.nearerDeliveries.map(\.what) == ["whatsapp.message.sent"])
        #expect(a.deliveriesSharing == [
            "1 whatsapp.message.sent delivery at \(KapsoTime.iso(Self.t0 + gap)) is nearer in time to another message to this "
                + "contact (\(KapsoTime.iso(Self.t0 + gap))): read as that message's and left out here, but it may be this "
                + "message's, which got none of its own (the delivery log holds no WAMID)"
        ])
        let b = SendAttribution(message: second, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(b.deliveries.map(\.id) == ["d"])
        #expect(b.deliveriesSharing == [
            "1 whatsapp.message.sent delivery for 2 messages to this contact in that span: listed as this message's, the nearest "
                + "in time, but it may be the other message's (the delivery log holds no WAMID)"
        ])
    }

    /// Three sends, one delivery: the nearest keeps it with a note naming the messages that could have had it (not one
    /// sent after it); the others leave it out.
    @Test(arguments: [(58, [0, 0, 1], 3), (31, [0, 1, 0], 2)] as [(Int64, [Int], Int)])
    func threeSendsOneDelivery(at offset: Int64, kept: [Int], messages: Int) throws {
        let sends = try [0, 30, 60].enumerated().map { try Self.outbound("M\($0.offset)", at: Self.t0 + Int64($0.element)) }
        let row = try Self.delivery("d", "sent", at: Self.t0 + offset)
        let neighbours = SendAttribution.Neighbours(messages: sends, deliveries: [row])
        let shared = sends.map { SendAttribution(message: $0, calls: [], deliveries: [row], neighbours: neighbours) }
        #expect(shared.map(\.deliveries.count) == kept)
        let nearest = try #require(shared.first { !$0.deliveries.isEmpty })
        #expect(nearest.deliveriesSharing.first?.hasPrefix("1 whatsapp.message.sent delivery for \(messages) messages to this contact") == true)
        #expect(nearest.deliveriesSharing.first?.contains(messages == 2 ? "the other message's" : "another message's") == true)
        #expect(shared.filter { $0.deliveries.isEmpty }.allSatisfy { $0.deliveriesSharing.first?.contains("is nearer in time") == true })
    }

    /// Each send with its own delivery of each event: each keeps its own and nothing is noted, although both messages'
    /// deliveries fall in the first one's span; another contact's message is no rival.
    @Test func eachSendWithItsOwnDeliveriesKeepsThemWithoutANote() throws {
        let first = try Self.outbound("A", at: Self.t0)
        let second = try Self.outbound("B", at: Self.t0 + 120)
        let stranger = try Self.outbound("C", at: Self.t0 + 1, to: "5215512345678")
        let rows = try [
            Self.delivery("a-sent", "sent", at: Self.t0), Self.delivery("a-dlv", "delivered", at: Self.t0 + 2),
            Self.delivery("b-sent", "sent", at: Self.t0 + 120), Self.delivery("b-dlv", "delivered", at: Self.t0 + 122),
        ]
        let neighbours = SendAttribution.Neighbours(messages: [second, first, stranger], deliveries: rows)
        let a = SendAttribution(message: first, calls: [], deliveries: rows, neighbours: neighbours)
        #expect(a.deliveries.map(\.id) == ["a-sent", "a-dlv"])
        #expect(a.deliveriesSharing.isEmpty, "the other's rows are left out without a word: A has its own")
        let b = SendAttribution(message: second, calls: [], deliveries: Array(rows.suffix(2)), neighbours: neighbours)
        #expect(b.deliveries.map(\.id) == ["b-sent", "b-dlv"])
        #expect(b.deliveriesSharing.isEmpty && b.deliveriesNote == nil)
    }

    /// Two sends in one second, two `sent` deliveries (one failed): neither is nearer to either send, so both stay listed
    /// for each, with the notes that they may be the other's (probe17 P17-9).
    @Test func aTieInTimeStaysListedForBoth() throws {
        let first = try Self.outbound("A", at: Self.t0)
        let second = try Self.outbound("B", at: Self.t0)
        var failed = try Self.delivery("f", "sent", at: Self.t0).json
        failed["status"] = "failed"
        let rows = [try Self.delivery("d", "sent", at: Self.t0), try WebhookDelivery(json: failed)]
        let neighbours = SendAttribution.Neighbours(messages: [first, second], deliveries: rows)
        for message in [first, second] {
            let attribution = SendAttribution(message: message, calls: [], deliveries: rows, neighbours: neighbours)
            #expect(attribution.deliveries.map(\.id) == ["d", "f"])
            #expect(attribution.failedShared == 1 && attribution.deliveriesNote != nil && attribution.nearerDeliveries.isEmpty)
        }
    }

    /// The inbound variant: two messages received 3 minutes apart, one `whatsapp.message.received` delivery at the second;
    /// a webhook that batches received events (one delivery may carry both) keeps it for both, without a note.
    @Test func oneReceivedDeliveryForTwoReceivedMessages() throws {
        let first = try Self.inbound("Q1", at: Self.t0)
        let second = try Self.inbound("Q2", at: Self.t0 + 180)
        let row = try Self.delivery("r", "received", at: Self.t0 + 180)
        var neighbours = SendAttribution.Neighbours(messages: [second, first], deliveries: [row])
        let a = SendAttribution(message: first, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(a.deliveries.isEmpty)
        #expect(a.deliveriesSharing.first?.contains("nearer in time to another message from this contact") == true)
        neighbours.batched = ["hook-1": ["whatsapp.message.received"]]
        let batched = SendAttribution(message: first, calls: [], deliveries: [row], neighbours: neighbours)
        #expect(batched.deliveries.map(\.id) == ["r"])
        #expect(batched.deliveriesSharing.isEmpty)
    }

    /// The send-call variant: two sends 1 s apart, one call (at the second): the second's, with a note; the first lists
    /// none and says which send it went to, and that it may be its own (tester53b U13: as the second's note says). With a call for each, each keeps its own and no note is written.
    @Test func oneSendCallForTwoSends() throws {
        let first = try Self.outbound("A", at: Self.t0)
        let second = try Self.outbound("B", at: Self.t0 + 1)
        let one = try Self.call("c2", at: Self.t0 + 1)
        let neighbours = SendAttribution.Neighbours(messages: [second, first], calls: [one])
        let a = SendAttribution(message: first, calls: [one], deliveries: [], neighbours: neighbours)
        #expect(a.calls.isEmpty)
        #expect(a.callsSharing == [
            "1 send call at \(KapsoTime.iso(Self.t0 + 1)) is nearer in time to another send from this number "
                + "(\(KapsoTime.iso(Self.t0 + 1))): read as that message's and left out here, but it may be this message's, "
                + "which got none of its own (the API log holds no WAMID)"
        ])
        let b = SendAttribution(message: second, calls: [one], deliveries: [], neighbours: neighbours)
        #expect(b.calls.map(\.id) == ["c2"])
        #expect(b.callsSharing == [
            "1 send call for 2 sends from this number within 5 s: listed as this message's, the nearest in time, but it may be "
                + "the other message's (the API log holds no WAMID)"
        ])
        let own = try Self.call("c1", at: Self.t0)
        let both = SendAttribution.Neighbours(messages: [second, first], calls: [one, own])
        let a2 = SendAttribution(message: first, calls: [own, one], deliveries: [], neighbours: both)
        #expect(a2.calls.map(\.id) == ["c1"])
        #expect(a2.callsSharing.isEmpty && a2.callsNote == nil)
    }

    /// probe44 P44-12: the API log's short form of a send (`POST /v1/messages`, kapso-api.md §5) is a send call of any
    /// number, named as one that names no number; another number's send or a GET is none.
    @Test(arguments: [
        ("/v1/messages", "POST", SendAttribution.SendScope.unnamed), ("/v1/messages/", "POST", .unnamed),
        ("/messages?x=1", "POST", .unnamed), ("/meta/whatsapp/v24.0/100200300400501/messages", "POST", .number),
        ("https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages", "POST", .number),
        ("/meta/whatsapp/v24.0/900200300400999/messages", "POST", nil), ("/v1/messages", "GET", nil),
        ("/platform/v1/whatsapp/messages/wamid.HBgL1234567", "POST", nil), ("/v1/media", "POST", nil),
    ] as [(String, String, SendAttribution.SendScope?)])
    func theShortFormOfASendIsASendCall(endpoint: String, method: String, scope: SendAttribution.SendScope?) throws {
        var json = try Self.call("c", at: Self.t0, endpoint: endpoint).json
        json["http_method"] = .string(method)
        #expect(SendAttribution.sendScope(of: try APILog(json: json), phoneNumberID: "100200300400501") == scope)
    }

    /// A kept call of the short form is listed with a line saying its path names no number.
    @Test func aShortFormCallIsListedWithANote() throws {
        let message = try Self.outbound("A", at: Self.t0)
        let call = try Self.call("c", at: Self.t0, endpoint: "/v1/messages")
        let attribution = SendAttribution(message: message, calls: [call], deliveries: [])
        #expect(attribution.calls.map(\.id) == ["c"])
        #expect(attribution.callsSharing == [
            "POST /v1/messages names no phone number: read as this message's send by its time, but it may be a send from "
                + "another of the project's numbers at that time"
        ])
    }
}
