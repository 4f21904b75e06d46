import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// fix58D (lead's review, item 3): `webhooks check` printed only "error: the API failed (503) … retry" when the read of a
/// number's inbound messages failed, dropping every finding; and a health read that failed passed its rule (whether the
/// app's subscription lets message events fire) in silence. Now each finding that needs neither is printed, the read that
/// failed is named once with what it leaves unchecked (as AA12 does for the deliveries), and the command fails for it.
/// Demo, Support Line: its webhook of inbound messages reads the number's inbound messages and its health.
@Suite struct WebhooksCheckPartialReadTests {
    static let number = AA12WebhooksCheckUnreadDeliveriesTests.number

    /// `webhooks check` of the Support Line as a script, with faults set first (AA12's helper).
    static func check(faults: String, json: Bool = false) async throws -> (failed: Bool, out: String, err: String) {
        try await AA12WebhooksCheckUnreadDeliveriesTests.check(faults: faults, json: json)
    }

    @Test func inboundMessagesNotReadKeepTheOtherFindings() async throws {
        let ran = try await Self.check(faults: "503:path=/whatsapp/messages")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        #expect(!ran.err.contains("error: the API failed"), "\(ran.err)")
        // Findings from the configuration and from the deliveries, which were read.
        #expect(ran.out.contains("(https://crm.acme-demo.test/kapso/events): project-scoped but subscribed to"), "\(ran.out)")
        #expect(ran.out.contains("1 delivery still pending with no new attempt"), "\(ran.out)")
        // Named once, with what it leaves unchecked; nothing judged on messages not read.
        let notRead = ran.out.split(separator: "\n").filter { $0.hasPrefix("not read: the inbound messages of \(Self.number)") }
        #expect(notRead.count == 1, "\(ran.out)")
        #expect(notRead.first?.contains("could not be read (the API failed (503)") == true, "\(ran.out)")
        #expect(notRead.first?.contains("missed inbound messages, or got far fewer deliveries than messages, is not checked") == true)
        #expect(!ran.out.contains("inbound messages arrived on"), "judged on messages not read: \(ran.out)")
        #expect(ran.out.contains("checked 4 webhooks: ") && ran.out.contains("; inbound messages not read"), "\(ran.out)")
    }

    @Test func healthNotReadIsNamedNotPassed() async throws {
        let ran = try await Self.check(faults: "503:path=/health")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        let notRead = ran.out.split(separator: "\n").filter { $0.hasPrefix("not read: the health of \(Self.number)") }
        #expect(notRead.count == 1, "\(ran.out)")
        #expect(notRead.first?.contains("app subscription lets message events reach its webhooks is not checked") == true, "\(ran.out)")
        // The rest is checked as without the fault: the messages were read.
        #expect(ran.out.contains("inbound messages arrived on \(Self.number)"), "\(ran.out)")
        #expect(ran.out.contains("; health not read"), "\(ran.out)")
    }

    @Test func theJSONNamesTheReadsThatFailed() async throws {
        let ran = try await Self.check(faults: "503:path=/whatsapp/messages,503:path=/health", json: true)
        #expect(ran.failed, "\(ran.err)")
        let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
        let reads = json["not_read"]?.array ?? []
        #expect(reads.compactMap { $0["read"]?.string } == ["inbound messages", "health"], "\(ran.out)")
        #expect(reads.allSatisfy { $0["phone_number_id"]?.string == Self.number && $0["why"]?.string?.hasPrefix("the API failed (503)") == true })
        #expect((json["findings"]?.array?.count ?? 0) >= 2, "\(ran.out)")
    }
}
