import KapsoClient
import KapsoDiagnostics
import Testing

/// `RecentInbound.coversWindow`: a number's newest inbound messages settle a window only when they reach back past
/// 24 hours (and `MessageTime.skew`) before the clock, or the listing was read to its end (probe14 P14-1).
@Suite struct RecentInboundTests {
    static let now: Int64 = 1_795_262_400

    static func message(_ time: Int64, origin: String = "cloud_api") throws -> Message {
        try Message(json: [
            "id": "wamid.A", "timestamp": .string(String(time)), "type": "text", "from": "14155550192",
            "kapso": ["direction": "inbound", "origin": .string(origin)],
        ])
    }

    @Test(arguments: [
        // (oldest message read, its origin, read to the end, covers)
        (now - 86_400 - 60, "cloud_api", false, true),
        (now - 86_400 - 59, "cloud_api", false, false),
        (now - 3_600, "cloud_api", false, false),
        (now - 3_600, "cloud_api", true, true),
        (now - 90_000, "history_sync", false, false),
    ])
    func coversTheWindowOnlyWhenItReachesBack24Hours(_ oldest: Int64, _ origin: String, _ complete: Bool, _ covers: Bool) throws {
        let read = RecentInbound(messages: [try Self.message(Self.now - 60), try Self.message(oldest, origin: origin)], complete: complete)
        #expect(read.coversWindow(at: Self.now) == covers)
    }

    /// A conversation's `last_inbound_at` without a time zone is no time: named, and the window unknown unless a
    /// readable message shows it open.
    @Test func aSummaryWithoutATimeZoneIsNamedNotIgnored() throws {
        let summary = try Conversation(json: [
            "id": "c1", "phone_number": "14155550192", "phone_number_id": "100", "kapso": ["last_inbound_at": "2026-11-20T13:00:00"],
        ])
        let alone = ContactWindow(phoneNumberID: "100", contact: "14155550192", conversations: [summary], inbound: nil, at: Self.now)
        #expect(alone.lastInboundText.hasPrefix("unknown: Kapso's last_inbound_at \"2026-11-20T13:00:00\" has no time zone"), "\(alone.text)")
        let read = ContactWindow(
            phoneNumberID: "100", contact: "14155550192", conversations: [summary], inbound: [try Self.message(Self.now - 82_800)],
            at: Self.now)
        #expect(read.isOpen && read.lastInbound == Self.now - 82_800)
    }
}
