import KapsoClient
import KapsoDiagnostics
import Testing

/// probe19 P19-1, P19-5, P19-7: what `errors` says of a failed path's id and of a run of 409s, read with the same
/// functions `whois` and the flat views use.
@Suite struct PathIDsNamedTests {
    static let numbers = IDResolverTests.numbers
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA="
    static let notExist = "(#100) Unsupported post request. Object with ID 'X' does not exist"

    static func send(_ id: String, at time: String, status: Int = 404, key: String = "k", error: String? = notExist) -> APILog {
        FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(id)/messages", status, key: key, at: time, error: error)
    }

    static func entries(_ logs: [APILog]) -> [ErrorTriage.Entry] {
        var triage = ErrorTriage()
        triage.addAPILogs(logs)
        return triage.entries
    }

    /// P19-1: an id wrapped in quotes, as typed or URL-encoded, is the phone-number id it wraps (`IDResolver.nearMiss`, the
    /// reading `whois` names it with), and a WAMID no look-up was made for is named by its form (`IDInput`).
    @Test(arguments: [
        ("%22100200300400501%22", "%22100200300400501%22 is 100200300400501 with quotes around it (%22) (Support Line's phone-number id)"),
        ("'100200300400501'", "'100200300400501' is 100200300400501 with quotes around it (Support Line's phone-number id)"),
        ("%27100200300400502%27", "%27100200300400502%27 is 100200300400502 with quotes around it (%27) (Sales Line's phone-number id)"),
        ("\"100200300400501\"", "\"100200300400501\" is 100200300400501 with quotes around it (Support Line's phone-number id)"),
        ("%22%20100200300400501%22", "%22%20100200300400501%22 is 100200300400501 with quotes around it (%22) and a space before it (%20) inside them"),
        (wamid, "\(wamid) is a message id (WAMID) of a message with the contact +14155550171, not a phone-number id"),
    ])
    func aFailedPathsIDIsNamedByWhatItIs(_ id: String, _ start: String) throws {
        let meaning = try #require(FailureGroups.meaning(of: Self.send(id, at: "2026-11-21T10:00:00Z"), numbers: Self.numbers))
        #expect(meaning.hasPrefix(start), "\(meaning)")
        #expect(!meaning.contains("not an id of this project") && !meaning.contains("nor an id of this project"), "\(meaning)")
        #expect(!meaning.contains("wrong project or key"), "\(meaning)")
    }

    /// P19-1: `whois` names a quoted id by the same reading (`pastedNearMissLine`).
    @Test(arguments: ["\"100200300400501\"", "'100200300400501'", "%22100200300400501%22"])
    func whoisNamesTheQuotes(_ pasted: String) throws {
        let line = try #require(IDResolver.pastedNearMissLine(pasted, numbers: Self.numbers))
        #expect(line.hasPrefix("'\(pasted)' is 100200300400501 with quotes around it"), "\(line)")
    }

    /// P19-1: the contact's own number in the slot is named as `whois` names it, with the phone-number id to use.
    @Test func aContactsNumberIsNamedAsWhoisNamesIt() throws {
        var contact = Identity(
            input: "14155550171", kind: .contactNumber, statement: "+14155550171 is the contact Contact A in 1 conversation on Support Line")
        contact.phoneNumberIDs = ["100200300400501"]
        let groups = FailureGroups(
            Self.entries([Self.send("14155550171", at: "2026-11-21T10:00:00Z")]), numbers: Self.numbers, identities: ["14155550171": contact])
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning.hasPrefix(contact.statement + "; not a phone-number id"), "\(meaning)")
        #expect(meaning.contains("use 100200300400501 (Support Line)"), "\(meaning)")
        #expect(groups.meaning(of: Self.entries([Self.send("14155550171", at: "2026-11-21T10:00:00Z")])[0]) == meaning)
    }

    /// P19-1: with a few look-ups to spend, a contact's number goes first and a WAMID (named by its form) last.
    @Test func aContactsNumberIsLookedUpBeforeOtherIDs() {
        let ids = [Self.wamid, "100200300400999", "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9099", "14155550171", "+44 20 7946 0958"]
        #expect(FailureGroups.lookupOrder(ids) == [
            "14155550171", "+44 20 7946 0958", "100200300400999", "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9099", Self.wamid,
        ])
    }

    static let deleted = try! WebhookDelivery(json: [
        "id": "d1", "event": "whatsapp.phone_number.deleted", "status": "delivered", "attempt_count": 1,
        "created_at": "2026-11-19T08:00:00Z", "phone_number_id": "100200300400509",
    ])
    static let inbound = try! Message(json: [
        "id": "wamid.X", "timestamp": "1795068000", "type": "text", "from": "14155550172",
        "kapso": ["direction": "inbound", "status": "received", "phone_number": "14155550172", "phone_number_id": "100200300400509"],
    ])

    /// P19-5: the project's records that carry a phone-number id it no longer lists say it was its number, with when.
    @Test(arguments: [
        ([deleted], [Message](), [APILog](), "100200300400509 is no longer a number of this project (deleted at 2026-11-19T08:00:00Z)",
         "Kapso sent whatsapp.phone_number.deleted for it at 2026-11-19T08:00:00Z: the number was deleted from this project"),
        ([], [inbound], [], "100200300400509 is no longer a number of this project (messages until 2026-11-19T06:00:00Z)",
         "the messages read include 1 message on it, the newest at 2026-11-19T06:00:00Z (inbound from +14155550172)"),
        ([], [], [send("100200300400509", at: "2026-11-19T06:40:00Z", status: 200, key: "backend-prod", error: nil)],
         "100200300400509 is no longer a number of this project (answered 200 at 2026-11-19T06:40:00Z)",
         "key backend-prod's POST /meta/whatsapp/v24.0/100200300400509/messages was answered 200 at 2026-11-19T06:40:00Z"),
    ])
    func aFormerNumberIsNamedWithItsEvidence(
        _ deliveries: [WebhookDelivery], _ messages: [Message], _ calls: [APILog], _ summary: String, _ evidence: String
    ) throws {
        let failure = Self.send("100200300400509", at: "2026-11-20T10:00:00Z")
        let former = try #require(IDResolver.formerUse(
            of: "100200300400509", calls: calls + [failure], messages: messages, deliveries: deliveries, before: failure.createdAt))
        #expect(former.summary == summary)
        #expect(former.statement.contains(evidence), "\(former.statement)")
        let groups = FailureGroups(
            Self.entries([failure]), numbers: Self.numbers, history: calls, messages: messages, deliveries: deliveries)
        let group = try #require(groups.groups.first)
        #expect(group.meaning.hasPrefix("100200300400509 is not a number of this project now, but "), "\(group.meaning)")
        #expect(group.headline.hasSuffix(summary), "\(group.headline)")
    }

    /// P19-5: nothing read carries the id (another number's messages, a deletion of another id, a failed call): no
    /// former use, and no more claimed than known, "not an id of this project now".
    @Test func withoutEvidenceTheWordingSaysNow() throws {
        let failure = Self.send("100200300400509", at: "2026-11-20T10:00:00Z")
        #expect(IDResolver.formerUse(
            of: "100200300400508", calls: [failure], messages: [Self.inbound], deliveries: [Self.deleted], before: nil) == nil)
        let meaning = try #require(FailureGroups.meaning(of: failure, numbers: Self.numbers))
        #expect(meaning.hasPrefix("100200300400509 is not an id of this project now; wrong project or key?"), "\(meaning)")
    }

    static let now: Int64 = 1_795_262_400
    static let inFlight = "Another message is already in-flight for this conversation. Please retry shortly."

    static func locked(minutes: [Int]) -> [ErrorTriage.Entry] {
        entries(minutes.map { minute in
            send("100200300400501", at: KapsoTime.iso(now - Int64(minute) * 60), status: 409, key: "inbox-bot", error: inFlight)
        })
    }

    static let pending = try! Message(json: [
        "id": "wamid.Q01", "timestamp": .string(String(now - 2_400)), "type": "text", "to": "14155550171",
        "kapso": ["direction": "outbound", "status": "pending", "phone_number": "14155550171",
                  "phone_number_id": "100200300400501", "contact_name": "Contact A"],
    ])

    /// P19-7: the held-lock reading is the groups', so a flat row of each 409 says what its group says, and a short
    /// burst keeps "retry in a moment" in both.
    @Test(arguments: [([30, 25, 20, 15, 10], true), ([12, 11, 10], false)])
    func aHeldSendLockIsOneMeaningForEveryView(_ minutes: [Int], _ held: Bool) throws {
        let entries = Self.locked(minutes: minutes)
        #expect(FailureGroups.lockNumbers(entries) == (held ? ["100200300400501"] : []))
        let groups = FailureGroups(entries, numbers: Self.numbers, messages: [Self.pending], now: Self.now)
        let group = try #require(groups.groups.first)
        #expect(group.meaning.hasPrefix("send in flight: 409 answered \(minutes.count) times over") == held, "\(group.meaning)")
        #expect(group.meaning.contains("likely holder: message wamid.Q01 to Contact A") == held, "\(group.meaning)")
        #expect(group.lockHolder == (held ? "wamid.Q01" : nil))
        for entry in entries { #expect(groups.meaning(of: entry) == group.meaning) }
        if held {
            #expect(group.headline.contains("5 sends refused 409 over 20 min from key inbox-bot: Kapso's send lock is held, likely by a send still pending"), "\(group.headline)")
            #expect(FailureGroups(entries, numbers: Self.numbers, messages: [Self.pending]).groups.first?.lockHolder == nil)
        } else {
            #expect(group.meaning.contains("retry in a moment"), "\(group.meaning)")
        }
    }
}

/// probe20 P20-9: a suggested command's argument is written so the kops lexer reads it back as it is.
@Suite struct ShellWordTests {
    @Test(arguments: [
        ("100200300400501", "100200300400501"),
        ("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA=", "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA="),
        ("%22100200300400501%22", "%22100200300400501%22"),
        ("100 200", "\"100 200\""),
        ("'100200300400501'", "\"'100200300400501'\""),
        ("\"1002\"", "\"\\\"1002\\\"\""),
        ("#100", "\"#100\""),
        ("${x}", "\"\\${x}\""),
        ("a\\b", "\"a\\\\b\""),
        ("", "\"\""),
    ])
    func aWordIsQuotedOnlyWhenItMustBe(_ word: String, _ written: String) {
        #expect(ShellWord.quoted(word) == written)
    }

    /// An id `whois` refuses (`1002 003#4`) is not advised, quoted or not (tester61b AK13); an awkward one it reads is
    /// quoted (`whois "+1 415 555 0100"`, AK13RunnableWhoisAdviceTests).
    @Test func theWhoisSuggestionOfAnAwkwardIDIsQuoted() throws {
        let meaning = try #require(FailureGroups.meaning(
            of: FailureGroupsTests.log("GET", "/meta/whatsapp/v24.0/1002 003#4/messages", 404, key: "k", at: "2026-11-21T10:00:00Z"), numbers: []))
        #expect(!meaning.contains("'whois \"1002 003#4\"'"), "\(meaning)")
        #expect(ShellWord.command("whois", "+1 415 555 0100") == "whois \"+1 415 555 0100\"")
    }
}
