import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The outside tester's phones seed (probe5, `gen_phones.py`): on Support Line, João (Brazil) wrote at 10:00 from his
/// WhatsApp ID `551187654321` (no 9th digit) in the conversation of `5511987654321`, which was answered at 10:01;
/// María (Mexico) wrote at 10:05 from `5215512345678` and was answered at 10:06 to `525512345678`; Ana shares only a
/// username (`ana.shop`, BSUID `BR.81726354091827364512`); an Argentine `549…` contact. The clock is 12:00.
@Suite struct PhonesSeedTests {
    static let seed = TestSeeds.path("phones.seed.json")

    private func run(_ lines: [String]) async throws -> (out: String, err: String, statuses: [KopsShell.ExitStatus]) {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(Self.seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let statuses = lines.map { shell.run(line: $0) }
            return (output.out, output.err, statuses)
        }
    }

    /// P5-2: the contact's number as Meta, Kapso and kops's CONTACT column write it (no `+`) is sent as it is.
    @Test(arguments: ["5511987654321", "551187654321", "5215512345678", "5491123456789"])
    func replyToAContactsBareNumberIsSentAsItIs(number: String) async throws {
        let ran = try await run(["reply --dry-run --to \(number) hi"])
        #expect(ran.statuses == [.ok], "\(ran.err)")
        #expect(ran.out.contains("\"to\": \"\(number)\""), "\(ran.out)")
        #expect(!ran.err.contains("+1\(number)") && !ran.out.contains("+1\(number)"))
    }

    @Test func whoisOfABareBrazilianNumberDoesNotSuggestThePlusOne() async throws {
        let ran = try await run(["whois 551187654321"])
        #expect(!ran.err.contains("add the country code"), "\(ran.err)")
        #expect(!ran.err.contains("+1"), "\(ran.err)")
    }

    static func wamid(_ n: Int) -> String { String(format: "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhgUP%02dAAAAAAAAAAAAAAAAAAAA=", n) }

    /// P5-3: the reply to María's dialled number finds her message from her WhatsApp ID (`521…`): the window is open.
    @Test func replyToTheDialledFormFindsTheWindowOpenedFromTheWhatsAppID() async throws {
        let ran = try await run(["reply --dry-run --to +525512345678 hi", "reply --dry-run --to 551187654321 hi"])
        #expect(ran.statuses == [.ok, .ok], "\(ran.err)")
        #expect(!ran.err.contains("template") && !ran.err.contains("no inbound"), "\(ran.err)")
        // João's conversation holds his dialled number; his name is found through it.
        #expect(ran.out.contains("\"to\": \"551187654321\""), "\(ran.out)")
    }

    /// P5-3: each outbound message went out a minute after the contact wrote from the other form of the number.
    @Test(arguments: [(2, "2026-11-21T10:00:00Z"), (4, "2026-11-21T10:05:00Z")])
    func traceFindsTheInboundOfTheOtherForm(message: Int, inbound: String) async throws {
        let ran = try await run(["trace \(Self.wamid(message))"])
        #expect(ran.out.contains("window:       open when sent: last inbound \(inbound)"), "\(ran.out)")
    }

    /// P5-3: whois of either form names the contact, with the form WhatsApp IDs take.
    @Test func whoisOfTheOtherFormNamesTheContact() async throws {
        let ran = try await run(["whois 551187654321", "whois +52 55 1234 5678", "whois 5511987654321"])
        #expect(ran.statuses == [.ok, .ok, .ok], "\(ran.err)")
        #expect(ran.out.contains("+551187654321 is the contact João Silva (5511987654321, WhatsApp ID form 551187654321) in 1 conversation"), "\(ran.out)")
        #expect(ran.out.contains("+525512345678 is the contact María López (WhatsApp ID form 5215512345678) in 1 conversation"), "\(ran.out)")
        #expect(ran.out.contains("+5511987654321 is the contact João Silva in 1 conversation"), "\(ran.out)")
        #expect(ran.out.contains("551187654321 (Brazil's ninth digit 9 after the area code"), "\(ran.out)")
    }

    /// P5-3: `messages --phone-number` lists the contact's messages in both forms, in the table and in JSON.
    @Test func messagesOfAContactListBothForms() async throws {
        let ran = try await run([
            "messages --phone-number +5511987654321", "messages --phone-number 525512345678 --output json", "messages --phone-number 5491123456789",
        ])
        #expect(ran.statuses == [.ok, .ok, .ok], "\(ran.err)")
        for n in [1, 2, 3, 4, 7] { #expect(ran.out.contains(Self.wamid(n)), "\(n): \(ran.out)") }
        for n in [5, 6] { #expect(!ran.out.contains(Self.wamid(n)), "\(n)") }
    }

    /// P5-15: the outbound message to a BSUID carries no username: it is read from the inbound one and the conversation.
    @Test func whoisOfABusinessScopedUserIDNamesTheUsernameAndTheContact() async throws {
        let ran = try await run(["whois BR.81726354091827364512", "whois @ana.shop"])
        #expect(ran.statuses == [.ok, .ok], "\(ran.err)")
        #expect(ran.out.contains("BR.81726354091827364512 is the business-scoped user id of Ana (username) (@ana.shop), a WhatsApp username contact"), "\(ran.out)")
        #expect(ran.out.contains("contact:      Ana (username)\n"), "\(ran.out)")
        #expect(ran.out.contains("username:     @ana.shop\n"), "\(ran.out)")
        #expect(ran.out.contains("@ana.shop is the WhatsApp username of Ana (username)"), "\(ran.out)")
        #expect(ran.out.contains("username:                @ana.shop\n"), "\(ran.out)")
    }

    /// P5-15: `messages` and `conversations` write the username alike, as `whois` and `reply --to` take it.
    @Test func messagesAndConversationsWriteTheUsernameAlike() async throws {
        let ran = try await run(["messages", "conversations"])
        let rows = ran.out.split(separator: "\n").filter { $0.contains("ana.shop") }
        #expect(rows.count == 2, "\(ran.out)")
        #expect(rows.allSatisfy { $0.contains(" @ana.shop ") }, "\(rows)")
    }

    /// P5-3: `conversations --phone-number` finds the conversation from either form of the number.
    @Test(arguments: ["551187654321", "+52 55 1234 5678"])
    func conversationsOfTheOtherFormFindTheContactsConversation(number: String) async throws {
        let ran = try await run(["conversations --phone-number '\(number)'"])
        #expect(ran.statuses == [.ok], "\(ran.err)")
        let rows = ran.out.split(separator: "\n").filter { $0.hasPrefix("0a1b2c3d") }
        #expect(rows.count == 1, "\(ran.out)")
    }
    /// Probe6 P6-3: Argentina's contact wrote from `5491123456789` at 10:15; `+54 11 2345-6789` (no 9) and the national
    /// 15 form are the same contact for the 24-hour window, `whois`, `messages` and `conversations`.
    @Test(arguments: ["+541123456789", "+54 11 15 2345-6789"])
    func argentinasFormsWithoutTheNineAreTheContact(number: String) async throws {
        let ran = try await run([
            "reply --dry-run --to '\(number)' hi", "whois '\(number)'", "messages --phone-number '\(number)'",
            "conversations --phone-number '\(number)'",
        ])
        #expect(ran.statuses == [.ok, .ok, .ok, .ok], "\(ran.err)")
        #expect(!ran.err.contains("template") && !ran.err.contains("no inbound"), "\(ran.err)")
        #expect(ran.out.contains(" is the contact ") && ran.out.contains("WhatsApp ID form 5491123456789"), "\(ran.out)")
        #expect(ran.out.contains(Self.wamid(7)), "\(ran.out)")
        #expect(ran.out.split(separator: "\n").contains { $0.hasPrefix("0a1b2c3d-0000-4000-8000-0000000000d1") }, "\(ran.out)")
    }
}
