import KapsoClient
import KapsoDiagnostics
import Testing

/// probe21 P21-19: after a send refused for the window (131047), a message the contact wrote since reopened it: every view
/// that says what to do next (`trace`, `message`, `errors`) reads that one way (`MessageVerdict.writtenSince`) and says to
/// send it again as is, not to send a template.
@Suite struct WrittenSinceTests {
    static let now = WindowVerdictTests.now
    static let hour = WindowVerdictTests.hour

    /// `message WAMID` reads no window at the send, only the contact's newest message: it says the same as `trace`.
    @Test(arguments: [
        (Int64?(hour), "failed: 131047 (re-engagement (24 h window closed)); the contact has written since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is, no template needed"),
        (nil, "send an approved template"),
        (Int64?(3 * hour), "send an approved template"),
        (Int64?(25 * hour), "send an approved template"),
    ])
    func messageSaysWhatTraceSays(newest: Int64?, says: String) throws {
        let sent = Self.now - 2 * Self.hour
        let message = try WindowVerdictTests.failedSend(code: "131047", sent: sent, failed: sent + 1)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, newestInbound: newest.map { Self.now - $0 }, now: Self.now)
        #expect(verdict.text.contains(says), "\(verdict.text)")
    }

    static func page(inboundAgo: Int64?) throws -> JSONValue {
        let sent = now - 2 * hour
        var items = [
            #"{"id":"wamid.O","timestamp":"\#(sent)","to":"14155550950","type":"text","text":{"body":"hi"},"#
                + #""kapso":{"direction":"outbound","status":"failed","phone_number":"14155550950","phone_number_id":"100","#
                + #""statuses":[{"status":"failed","timestamp":"\#(sent + 1)","errors":[{"code":131047,"title":"Re-engagement message"}]}]}}"#
        ]
        if let inboundAgo {
            items.append(
                #"{"id":"wamid.I","timestamp":"\#(now - inboundAgo)","from":"14155550950","type":"text","text":{"body":"yes?"},"#
                    + #""kapso":{"direction":"inbound","status":"received","phone_number":"14155550950","phone_number_id":"100"}}"#)
        }
        return try ErrorTriageStatusTests.page(items)
    }

    /// `errors`: the failed send's meaning says to send it again once the contact wrote since; a template otherwise.
    @Test(arguments: [(Int64?(hour), true), (nil, false), (Int64?(3 * hour), false)])
    func errorsSaysWhatTraceSays(inboundAgo: Int64?, again: Bool) throws {
        var triage = ErrorTriage()
        triage.addMessages(try Self.page(inboundAgo: inboundAgo), since: 0, now: Self.now)
        let entry = try #require(triage.entries.first { $0.json["id"]?.string == "wamid.O" })
        #expect(entry.meaning.contains(MessageVerdict.sendAgainAsIs) == again, "\(entry.meaning)")
        // An inbound 1 h before the send (3 h ago): refused inside the window kops saw, read as `trace` reads it (P32-4).
        if inboundAgo == 3 * Self.hour {
            #expect(entry.meaning.contains("yet the contact's last inbound here was 1 h before the send"), "\(entry.meaning)")
            #expect(entry.meaning.contains("a template still goes through"), "\(entry.meaning)")
        } else {
            #expect(entry.meaning.contains("send an approved template") == !again, "\(entry.meaning)")
        }
        if again {
            #expect(entry.meaning == "re-engagement (24 h window closed): the contact has written since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is, no template needed")
        }
    }

    /// The contact's message on a later page than the failure still ties it.
    @Test func aLaterPageTiesTheFailure() throws {
        var triage = ErrorTriage()
        let both = try Self.page(inboundAgo: Self.hour)
        let items = both["data"]?.array ?? []
        triage.addMessages(.object(["data": .array([items[0]])]), since: 0, now: Self.now)
        #expect(!(triage.entries.first?.meaning.contains(MessageVerdict.sendAgainAsIs) ?? true))
        triage.addMessages(.object(["data": .array([items[1]])]), since: 0, now: Self.now)
        #expect(triage.entries.first?.meaning.contains(MessageVerdict.sendAgainAsIs) == true)
    }
}
