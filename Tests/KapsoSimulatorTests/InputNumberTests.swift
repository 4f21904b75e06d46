import Foundation
import Testing
@testable import KapsoSimulator

/// Numbers a seed, a client or the command line gives the simulator, each of which once trapped (an integer
/// overflow, an allocation, a range): now each is read, or refused in one line that names the field.
@Suite struct InputNumberTests {
    private static func seedFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static let number = #"{"id":"100200300400501","phone_number_id":"100200300400501","business_account_id":"200300400500601"}"#

    // MARK: - Message timestamps in a seed

    /// 16 digits of microseconds and 19 of nanoseconds as seconds overflowed `Int64` microseconds: kapso-sim died with
    /// SIGILL on loading such a seed. kops reads neither as a time (KapsoDiagnostics `MessageTime`), so the seed is
    /// refused, naming the message and the value.
    @Test(arguments: [
        (#""1795262100000000""#, #"messages[1].timestamp "1795262100000000" is out of range"#, "; 16 digits look like microseconds"),
        ("1795262100000000000", #"messages[1].timestamp "1795262100000000000" is out of range"#, "; 19 digits look like nanoseconds"),
        (#""-1795262100000000""#, #"messages[1].timestamp "-1795262100000000" is out of range"#, "; 16 digits look like microseconds"),
        ("99999999999999999999999", #"messages[1].timestamp "99999999999999999999999" is out of range"#, "within ±9000000000000"),
    ])
    func aMessageTimestampPastSecondsIsRefusedNamingIt(_ timestamp: String, _ start: String, _ end: String) throws {
        let path = try Self.seedFile(
            #"{"messages":[{"id":"wamid.OK","timestamp":"1795262100"},{"id":"wamid.A","timestamp":\#(timestamp)}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try FileSeed.load(path: path)
        } throws: { error in
            guard case .unreadableSeed(let named, let reason) = error as? SimulatorError else { return false }
            return named == path && reason.hasPrefix(start) && reason.hasSuffix(end) && !reason.contains("\n")
        }
    }

    /// What kops reads as seconds is read alike: a string of digits or a bare integer (kops `KapsoTime.seconds(timestamp:)`);
    /// 13 digits of milliseconds still load (kops names them), as does text that is no number.
    @Test func messageTimestampsWithinRangeLoad() throws {
        let path = try Self.seedFile(
            #"{"messages":[{"id":"a","timestamp":"1795262100"},{"id":"b","timestamp":1795262100},"#
                + #"{"id":"c","timestamp":"1795262100000"},{"id":"d","timestamp":"2026-11-21T11:55:00Z"}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let messages = try FileSeed.load(path: path).messages
        #expect(messages.map(\.sortTime.micros) == [1_795_262_100_000_000, 1_795_262_100_000_000, 1_795_262_100_000_000_000, 0])
    }

    // MARK: - Status timestamps, read as kops reads them

    /// A seed whose statuses carry microsecond and nanosecond times loads, and log search serves their events (it
    /// trapped building its index): at the message's time, as kops finds them unusable; milliseconds at their time.
    @Test func statusTimesInMicrosAndNanosAreServedAtTheMessagesTime() async throws {
        let path = try Self.seedFile(
            #"{"phone_numbers":[\#(Self.number)],"messages":[{"id":"wamid.A","timestamp":"1795262100","type":"text","#
                + #""to":"14155550123","text":{"body":"hi"},"kapso":{"direction":"outbound","phone_number_id":"100200300400501","#
                + #""status":"read","statuses":[{"id":"wamid.A","status":"sent","timestamp":"1795262100000000"},"#
                + #"{"id":"wamid.A","status":"delivered","timestamp":1795262101000000000},"#
                + #"{"id":"wamid.A","status":"read","timestamp":"1795262102000"}]}}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let response = try await withSimulator(seed: .file(path)) { simulator in
            try await get(simulator, "\(platform)/log_search?source=whatsapp_message_event")
        }
        #expect(response.status == 200)
        let events = response.json["data"]?["events"]?.arrayValue ?? []
        let times = Dictionary(uniqueKeysWithValues: events.compactMap { event in
            event["status"]?.stringValue.map { ($0, event["timestamp"]?.stringValue ?? "") }
        })
        #expect(times == ["sent": "2026-11-21T11:55:00Z", "delivered": "2026-11-21T11:55:00Z", "read": "2026-11-21T11:55:02Z"])
    }

    /// Each form kops reads (KapsoDiagnostics `StatusHistory`; Probe23ReadingTests) is read, within the window of the
    /// message's time; outside it, or in a form kops does not read, there is no time.
    @Test(arguments: [
        (#""1795262102""#, 1_795_262_102), ("1795262102", 1_795_262_102), ("1795262102.0", 1_795_262_102),
        (#""2026-11-21T11:55:02Z""#, 1_795_262_102), (#""2026-11-21T11:55:02.123456+00:00""#, 1_795_262_102),
        (#""2026-11-21T13:55:02+02:00""#, 1_795_262_102), (#""2026-11-21T06:55:02-0500""#, 1_795_262_102),
        (#""1795262102000""#, 1_795_262_102), ("1795262102000", 1_795_262_102),
        (#""1795262102.25""#, 1_795_262_102), ("1795262102.5", 1_795_262_102),
        (#""1795262102000000""#, nil), ("1795262102000000000", nil), (#""0""#, nil), (#""2019-01-01T00:00:00Z""#, nil),
        ("99999999999999999999999", nil), ("1e300", nil), (#""soon""#, nil), ("null", nil),
    ] as [(String, Int64?)])
    func statusTimeForms(_ timestamp: String, _ seconds: Int64?) throws {
        let value = try JSONParser.parse(Array(timestamp.utf8))
        #expect(StatusTime.read(value, message: "1795262000")?.micros == seconds.map { $0 * 1_000_000 })
    }

    // MARK: - Counts a seed holds

    /// A conversation seeded with `messages_count` at `Int.max` trapped when a message joined it; the sum is served.
    @Test func aMessageCountPastIntIsServedAsDigits() {
        let conversation: JSONObject = ["id": "c1", "kapso": ["messages_count": .int(Int.max)]]
        let message: JSONObject = ["id": "wamid.A", "type": "text", "kapso": ["direction": "inbound"]]
        let joined = ConversationJSON.applying(message, at: Timestamp(seconds: 1_795_262_100), to: conversation)
        #expect(joined["kapso"]?["messages_count"] == .bigInteger("9223372036854775808"))
        let small = ConversationJSON.applying(message, at: Timestamp(seconds: 1_795_262_100), to: ["id": "c1", "kapso": ["messages_count": 4]])
        #expect(small["kapso"]?["messages_count"] == 5)
    }

    /// A seeded buffering webhook's `buffer_window_seconds` is not range-checked as a created one's is: times 1000 it
    /// trapped; past `Int` it is served as digits.
    @Test(arguments: [(Int.max, JSONValue.bigInteger("9223372036854775807000")), (5, .int(5_000))])
    func aBufferWindowPastIntIsServedAsDigits(_ seconds: Int, _ expected: JSONValue) {
        let webhook: JSONObject = [
            "buffer_enabled": true, "buffer_events": ["whatsapp.message.received"], "buffer_window_seconds": .int(seconds),
        ]
        let body = WebhookPayload.message(
            event: "whatsapp.message.received", message: ["id": "wamid.A", "timestamp": "1795262100"],
            conversation: ["id": "c1"], number: ["id": "100200300400501"], webhook: webhook)
        #expect(body["batch_info"]?["window_ms"] == expected)
    }

    // MARK: - Options and the clock

    @Test(arguments: [Int64.max, Int64.min, 9_000_000_000_001_000_000])
    func aPinnedClockPastTheReadableRangeIsRefused(_ micros: Int64) {
        var options = SimulatorOptions(apiKey: "k", seed: .empty)
        options.pinnedClock = micros
        #expect(throws: SimulatorError.invalidPinnedClock(micros)) { try KapsoSimulator(options: options) }
        #expect(!SimulatorError.invalidPinnedClock(micros).description.contains("\n"))
    }

    /// A scale of 1e-300 made the 90-second retry delay an infinite number of microseconds, which trapped on the first
    /// send; such scales are refused when the simulator is made.
    @Test(arguments: [1e-300, 0, -1, Double.infinity, Double.nan, 1e300])
    func aTimeScaleOutsideItsRangeIsRefused(_ scale: Double) {
        var options = SimulatorOptions(apiKey: "k", seed: .empty)
        options.timeScale = scale
        #expect(throws: SimulatorError.self) { try KapsoSimulator(options: options) }
    }

    /// Advances repeated past what `Int64` microseconds hold overflowed the clock; it stops at its end, and the control
    /// endpoint says how far it may still go.
    @Test func theClockStopsAtItsEnd() async throws {
        var options = SimulatorOptions(apiKey: "test-key", seed: .empty)
        options.pinnedClock = (Timestamp.readableSeconds.upperBound - 100) * 1_000_000
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        await simulator.advanceClock(bySeconds: 1e300)
        await simulator.advanceClock(bySeconds: 50)
        let now = await simulator.now()
        let refused = try await requests(to: simulator) { client in
            try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 10}"#)
        }
        await simulator.stop()
        #expect(now == Timestamp.readableSeconds.upperBound * 1_000_000)
        #expect(refused.status == 422)
        #expect(refused.text.contains("must be at most 0: the simulator's clock ends at Unix second 9000000000000"))
    }

    @Test(arguments: ["scale:1000001", "scale:99999999999999", "scale:-1", "scale:x"])
    func aScaleSeedPastItsLimitIsRefused(_ argument: String) {
        #expect(SimulatorSeed(argument: argument) == nil)
        #expect(SimulatorSeed(argument: "scale:\(SimulatorSeed.maximumScale)") == .scale(SimulatorSeed.maximumScale))
    }

    // MARK: - Log search cursors

    /// A cursor comes back from the client, so its times are input: `s` at `Int64.min` trapped formatting the window
    /// (`Timestamp.isoMicros`) and `u` at `Int64.max` adding a microsecond to it; kapso-sim died and kops said it cannot
    /// connect. A cursor holding a time past `Timestamp.readableMicros` is not one of ours: 400 invalid_cursor.
    @Test(arguments: [
        (0, Int64.min, 0), (0, 0, Int64.max), (Int64.max, 0, 0), (Int64.min, 0, 0),
        (0, Timestamp.readableMicros.lowerBound - 1, 0),
    ])
    func aLogSearchCursorWithATimePastRangeIsRefused(_ time: Int64, _ since: Int64, _ until: Int64) async throws {
        // The cursor a default search (`GET /log_search`) makes, with the times given.
        let fingerprint = LogSearchCursor.hash(["all", "", "24h", "", "0"].joined(separator: "\u{1}"))
        let forged = LogSearchCursor(
            time: Timestamp(micros: time), id: "api_x", fingerprint: fingerprint, since: Timestamp(micros: since),
            until: Timestamp(micros: until))
        let (refused, later) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("GET", "\(platform)/log_search?cursor=\(forged.encoded)"),
                    try client.request("GET", "\(platform)/log_search?limit=1")
                )
            }
        }
        #expect(refused.status == 400)
        #expect(refused.json["code"] == "invalid_cursor")
        #expect(later.status == 200)
    }

    // MARK: - kapso-sim --receive answer frames

    /// A negative `length` made a backwards range and one near `Int.max` overflowed `newline + 1 + length`; both
    /// trapped. Such a line, or one announcing more than `maximumAnswerBytes`, is skipped and the next frame is read.
    @Test(arguments: [-1, Int.max, Int.min, ReceiverBridge.maximumAnswerBytes + 1])
    func anAnswerFrameWithAnImpossibleLengthIsSkipped(_ length: Int) {
        var buffer = Array(#"{"id":1,"status":200,"length":\#(length)}"#.utf8) + [10]
        buffer += Array(#"{"id":2,"status":201,"headers":[["a","b"]],"length":2}"#.utf8) + [10] + Array("ok".utf8)
        #expect(ReceiverBridge.nextAnswer(in: &buffer) == .skipped)
        #expect(
            ReceiverBridge.nextAnswer(in: &buffer)
                == .answer(id: 2, status: 201, headers: [ReceiverBridge.Header(name: "a", value: "b")], body: Array("ok".utf8)))
        #expect(buffer.isEmpty)
    }
}
