import Foundation
import KapsoClient
import KopsShell
import Testing

/// A contact who adopted a WhatsApp username and shares no number (the demo's Marisol Vega on Sales), known
/// only by business-scoped user id: reply, messages, trace, whois and masking (issue 20).
@Suite struct BusinessScopedUserTests {
    static let sales = "100200300400502"
    static let marisol = "US.48210937561029384756"
    static let marisolInbound = "wamid.HBgXVVMuNDgyMTA5Mzc1NjEwMjkzODQ3NTYVAgASGBQ0RDQxNTI1MzQ5NTM0RjRDMzAzMwA="

    @Test func replyToTheUserIDIsSentAsRecipientAndShowsInMessagesAndTrace() async throws {
        let run = try await runShell(
            ["reply --to \(Self.marisol) Held for you", "trace", "messages --limit 1"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .ok, .ok], "\(run.err)")
        let sent = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("sent wamid.") })
        #expect(sent.hasSuffix(" to Marisol Vega (@marisol.v)"))
        #expect(run.out.contains("direction:    outbound text to Marisol Vega (@marisol.v)\n"))
        #expect(run.out.contains("conversation: a7c8e9f0-6b7d-4e8f-9a01-234567890123 (active)\n"))
        #expect(run.out.contains("POST    /meta/whatsapp/v24.0/100200300400502/messages  200"))
        let wamid = String(sent.dropFirst(5).prefix { $0 != " " })
        let row = try #require(run.out.split(separator: "\n").first { $0.hasSuffix(wamid) && $0.contains("  out  ") })
        #expect(row.contains("@marisol.v"))
        #expect(row.contains("Held for you"))
    }

    @Test func conversationsNameTheContactByUsername() async throws {
        let run = try await runShell(
            ["conversations --limit 1", "conversation a7c8e9f0-6b7d-4e8f-9a01-234567890123"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .ok])
        let row = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("a7c8e9f0-") })
        #expect(row.contains("  @marisol.v  Marisol Vega  active  "))
        #expect(run.out.contains("contact:      Marisol Vega (@marisol.v)\n"))
    }

    @Test func dryRunSendsTheUserIDAsRecipientNotTo() async throws {
        let run = try await runShell(["reply --to \(Self.marisol) --dry-run Held for you"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok])
        #expect(run.out.contains(#""recipient": "US.48210937561029384756""#))
        #expect(!run.out.contains(#""to":"#))
    }

    /// Probe finding F21: the CONTACT column of `conversations` (`@marisol.v`) works as `--to`: sent to the
    /// contact's business-scoped user id; a username no conversation has names the BSUID form.
    @Test func replyToAUsernameGoesToItsUserID() async throws {
        let run = try await runShell(
            ["reply --to @marisol.v --dry-run Held for you", "reply --to @nobody.here --dry-run Hi"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .usage])
        #expect(run.out.contains(#""recipient": "US.48210937561029384756""#))
        #expect(run.err.contains(
            "reply: invalid value for --to '@nobody.here'; expected a phone number or a business-scoped user id (--to US.<digits>); "
                + "no contact with this username is among the newest 100 conversations and 100 inbound messages of 100200300400502"))
    }

    /// probe43 P43-14: a user id pasted with blanks around it is the user id, for `reply --to` and `messages
    /// --phone-number` alike (it was "expected a phone number in E.164 form").
    @Test func aUserIDPastedWithBlanksIsTheUserID() async throws {
        let run = try await runShell(
            ["reply --to '\(Self.marisol) ' --dry-run Held for you", "messages --phone-number ' \(Self.marisol)' --limit 1"],
            phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .ok], "\(run.err)")
        #expect(run.out.contains(#""recipient": "US.48210937561029384756""#))
        #expect(run.out.contains("@marisol.v"))
    }

    /// probe43 P43-14: a user id with its country code in lower case, or a username without its `@`, is refused with
    /// the form meant and every form `--to` takes; `whois` names the lower case too.
    @Test(arguments: [
        ("reply --to us.48210937561029384756 hi",
         "reply: invalid value for --to 'us.48210937561029384756'; expected a business-scoped user id with its country code in "
            + "capitals, as Meta writes it and Kapso matches it: --to US.48210937561029384756"),
        ("reply --to marisol.v hi",
         "reply: invalid value for --to 'marisol.v'; expected a phone number in E.164 form (+14155550157), a business-scoped "
            + "user id (US.13491208655302741918) or a WhatsApp username (@handle); if 'marisol.v' is a username, write --to @marisol.v"),
        ("messages --phone-number us.48210937561029384756",
         "messages: invalid value for --phone-number 'us.48210937561029384756'; expected a business-scoped user id with its "
            + "country code in capitals, as Meta writes it and Kapso matches it: --phone-number US.48210937561029384756"),
        ("whois us.48210937561029384756",
         "whois: cannot read 'us.48210937561029384756' as an id: a business-scoped user id keeps its country code in capitals, "
            + "as Meta writes it and Kapso matches it: use US.48210937561029384756"),
    ])
    func aUserIDOrUsernameMistypedIsNamed(line: String, message: String) {
        let check = ScriptCheck(lines: ScriptLine.parse(line), registry: .standard, variables: [], environment: [:])
        #expect(check.problem.map { ErrorReport($0.error).message } == message)
    }

    /// Probe2 finding F34: a username contact's messages are listed by their BSUID (`business_scoped_user_id`);
    /// conversations, which Kapso cannot filter so, say where to look instead.
    @Test func messagesOfAUsernameContactByTheirUserID() async throws {
        let run = try await runShell(
            ["messages --phone-number \(Self.marisol)", "conversations --phone-number \(Self.marisol)"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .usage])
        let rows = run.out.split(separator: "\n").filter { $0.hasPrefix("20") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("@marisol.v") })
        #expect(run.err.contains("'messages --phone-number \(Self.marisol)' lists that contact's messages with their conversation ids"))
    }

    @Test func replyToTheLastMessageOfAUsernameContactQuotesIt() async throws {
        let run = try await runShell(["message \(Self.marisolInbound)", "reply Yes, an M is held", "trace"], phoneNumberID: Self.sales)
        #expect(run.statuses == [.ok, .ok, .ok], "\(run.err)")
        #expect(run.out.contains("to Marisol Vega (@marisol.v)\n"))
        #expect(run.out.contains("quotes:       \(Self.marisolInbound)\n"))
    }

    /// Tester finding: `whois @username` was refused as an unreadable id while `reply --to @username` found the
    /// contact; both find it through IDResolver now, case and `@` aside, and an unknown handle says where to look.
    @Test func whoisResolvesAUsernameAsReplyDoes() async throws {
        let run = try await runShell(["whois @Marisol.V", "whois @nobody.here", "whois @marisol.v --output json"], phoneNumberID: nil)
        #expect(run.statuses == [.ok, .failure, .ok], "\(run.err)")
        #expect(run.out.hasPrefix("""
            @Marisol.V is the WhatsApp username of Marisol Vega, a contact of Sales Line 100200300400502 with business-scoped \
            user id \(Self.marisol)
            next: reply --to @Marisol.V writes to them (sent to \(Self.marisol)); 'whois \(Self.marisol)' lists their messages
            """), "\(run.out)")
        #expect(run.out.contains("business-scoped user id: \(Self.marisol)\n"))
        #expect(run.out.contains("conversation:            a7c8e9f0-6b7d-4e8f-9a01-234567890123\n"))
        #expect(run.err.contains("no contact among this project's 100 most recently active conversations and 100 newest inbound messages has the WhatsApp username @nobody.here; 'messages' shows the username"), "\(run.err)")
        #expect(run.out.contains(#""kind": "username""#))
    }

    @Test func whoisNamesTheContactAndTheNumber() async throws {
        let run = try await runShell(["whois \(Self.marisol)", "whois US.11111111111111"], phoneNumberID: nil)
        #expect(run.statuses == [.ok, .failure])
        #expect(run.out.hasPrefix("""
            \(Self.marisol) is the business-scoped user id of Marisol Vega (@marisol.v), a WhatsApp username contact \
            of Sales Line 100200300400502 (no phone number shared)
            next: reply --to \(Self.marisol) writes to them (sent as 'recipient'); 'trace \(Self.marisolInbound)' follows their newest message

            """))
        #expect(run.out.contains("username:     @marisol.v\n"))
        #expect(run.err == """
            error: US.11111111111111 has the shape of a business-scoped user id, but no message or conversation in this project \
            is from or to it; BSUIDs are per business portfolio: copy it from this project's webhook payload (from_user_id, user_id)

            """)
    }

    @Test(arguments: ["US.4821", "us.48210937561029384756", "U.48210937561029384756", "US..4821"])
    func notQuiteAUserIDIsRefusedAsAnId(_ typed: String) async throws {
        // `US.4821` is a user id shape with no match: the window is closed (no conversation), so only a forced dry run
        // prints (a plain one refuses as the send would, probe14 P14-14).
        let run = try await runShell(["reply --to \(typed) --dry-run --force hi"], phoneNumberID: Self.sales)
        if typed == "US.4821" {
            #expect(run.statuses == [.ok])
            #expect(run.out.contains(#""recipient": "US.4821""#))
        } else {
            #expect(run.statuses == [.usage])
            #expect(run.err.hasPrefix("error: reply: "))
            #expect(run.err.split(separator: "\n").count == 1)
        }
    }

    @Test func transcriptsMaskTheUserIDAndTheUsername() {
        let masker = PIIMasker()
        masker.learn(from: ["data": [["username": "@marisol.v", "to_user_id": .string(Self.marisol)]]])
        #expect(masker.mask(commandLine: "reply --to \(Self.marisol) Held for you") == "reply --to <user 1> <body 1>")
        #expect(masker.mask("\(Self.marisol) is the id of Marisol (@marisol.v).") == "<user 1> is the id of Marisol (<contact 1>).")
        #expect(masker.mask("US.ENT.11815799212886844830, and \(Self.marisol)") == "<user 2>, and <user 1>")
        // Columns stay aligned when the alias is shorter than the id.
        #expect(masker.mask("\(Self.marisol)  next") == "<user 1>                 next")
        #expect(masker.mask("see e.g. OK.go or XX.y") == "see e.g. OK.go or XX.y")
        #expect(PIIMasker.isMasked("to <user 3>"))
    }

    /// Meta's `user.<hex>` spelling (probe26 P26-14) is a BSUID too, masked the same way; a word that merely contains
    /// `user.` is not.
    @Test func transcriptsMaskMetasUserDotSpelling() {
        let masker = PIIMasker()
        let id = "user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6"
        #expect(masker.mask("reply to \(id) sent") == "reply to <user 1> sent")
        #expect(masker.mask("see superuser.conf") == "see superuser.conf")
    }
}
