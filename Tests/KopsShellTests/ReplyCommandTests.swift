import Foundation
import KapsoClient
import KopsShell
import Testing

/// `reply`: the window check, quoting, `--dry-run`, API errors, and input refused before any request.
@Suite struct ReplyCommandTests {
    @Test func repliesToTheLastMessageQuotingItThenTracesTheReply() async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", "trace", "reply Thanks, tracking follows today", "trace"])
        #expect(run.statuses == [.ok, .ok, .ok, .ok])
        let sent = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("sent wamid.") })
        let wamid = String(sent.dropFirst(5).prefix { $0 != " " })
        #expect(sent == "sent \(wamid) to Dana Ortiz (14155550142)")
        let trace = String(run.out[try #require(run.out.range(of: "\(sent)\n")).upperBound...])
        #expect(trace.hasPrefix("""
            message:      \(wamid)
            sent:         2026-11-21T12:00:00Z
            direction:    outbound text to Dana Ortiz (14155550142)
            number:       100200300400501
            content:      Thanks, tracking follows today
            quotes:       \(Demo.danaInbound)
            conversation: d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678 (active)
            window:       open when sent: last inbound 2026-11-20T14:30:05Z, open until 2026-11-21T14:30:05Z

            TIME                  STATUS  AFTER  DETAIL
            2026-11-21T12:00:00Z  sent    +0 s

            """))
        // The send call, with the request id log search knows it by (the 21st request, with the contact's sends the
        // window is weighed against, tester60 AH11: `message` of an inbound one also
        // reads the contact's inbound messages for its later edits and deletion, probe9 P9-14; `reply` reads the contact's
        // messages for failures that say not to resend now, probe40 P40-8, and the number's health, probe39 P39-8), and the
        // status Meta sent Kapso for the reply.
        // (The 22nd since tester67 Y2: `message` of the contact's open-window inbound also reads their sends; the 23rd
        // since tester70b G7: its verdict reads the number's health, as `reply` does.)
        #expect(trace.contains("2026-11-21T12:00:00Z  req_00000000000040008000000000000023  POST    /meta/whatsapp/v24.0/100200300400501/messages  200"))
        #expect(trace.contains("Meta's webhooks: 1 (log search)\nTIME                  META SENT KAPSO   AFTER  EVENT ID\n2026-11-21T12:00:00Z  Meta status sent  +0 s"))
        #expect(trace.hasSuffix("verdict: sent 0 s ago, no delivery report yet\n"))
        #expect(run.err == "follow it with 'trace'\nfollow it with 'trace'\n")
    }

    @Test func repliesWithoutQuotingOnRequest() async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", "reply --no-quote On its way", "trace"])
        #expect(run.statuses == [.ok, .ok, .ok])
        #expect(!run.out.contains("quotes:"))
        #expect(run.out.contains("content:      On its way\n"))
    }

    @Test func refusesWhenTheWindowIsClosedWithoutSending() async throws {
        let run = try await runShell(["conversation \(Demo.leeConversation)", "reply Your part is ready"])
        #expect(run.statuses == [.ok, .failure])
        #expect(run.err == """
            error: reply: the 24-hour window with Lee Park (14155550157) closed at 2026-11-20T07:15:00Z (1 d 4 h ago), \
            so free-form messages fail with 131047; send an approved template with 'reply --template NAME' \
            (approved: part_ready (en_US, es), order_update (en_US)), or add --force to try anyway

            """)
        // The conversation (its newest message, then its contact's conversations: lists, so an id of none leaves no
        // 404, probe5 P5-4), Lee's conversations and inbound messages on the number (the window is the pair's, for
        // `conversation` and again for `reply`, each pair sent at once), then for the templates that fit: the number
        // (its WABA), its approved templates and Lee's marketing preference; no send. The project's numbers are listed
        // once, as no 'use' listed them: the contact may be the business's own number (probe7 P7-6). `conversation` also
        // reads its number, with its window's other look-ups (at once): whether calling is on (probe21 P21-7). The window
        // being closed, `reply` reads Lee's conversations on the project's other numbers (probe28 P28-15).
        // `conversation` also reads Lee's sends from the number, as `reply` weighs the window (tester67 Y2).
        // `conversation` reads the number's health too, as `reply` does (tester70b G7).
        #expect(run.requests == 17) // and the sending number's health (probe39 P39-8), and the contact's sends (AH11)
    }

    @Test func forcedSendOutsideTheWindowGetsTheAPIsErrorExplained() async throws {
        let run = try await runShell(["conversation \(Demo.leeConversation)", "reply --force Your part is ready"])
        #expect(run.statuses == [.ok, .failure])
        #expect(run.err == """
            error: reply: not sent: 131047 re-engagement (24 h window closed) (HTTP 422): the contact last wrote more \
            than 24 hours ago, so free-form messages are refused; send an approved template ('reply --template NAME' in \
            kops); free-form works again \
            after the contact replies; Meta: "The recipient last wrote more than 24 hours ago, so only an approved \
            template can be sent."; approved: part_ready (en_US, es), order_update (en_US)

            """)
    }

    /// P9-5: Meta's 404 code 100 subcode 33 names the id in the send's path, not the payload.
    @Test func aMissingObjectAnswerNamesThePathsIDNotThePayload() {
        let error = MetaSendError(
            status: 404, code: "100",
            message: "Unsupported post request. Object with ID '100200300400509' does not exist, cannot be loaded due to "
                + "missing permissions, or does not support this operation",
            details: "A parameter is missing or has an invalid value.", subcode: 33,
            path: "http://127.0.0.1:9/meta/whatsapp/v24.0/100200300400509/messages")
        let message = ReplyError.rejected(error).message
        #expect(message.hasPrefix(
            "reply: not sent: 100 object not found (subcode 33) (HTTP 404): the id in the request path, 100200300400509, "
                + "does not exist or this key cannot see it"), "\(message)")
        #expect(message.hasSuffix("; 'whois 100200300400509' says what the id is and which phone-number id to use"))
        #expect(!message.contains("fix the payload"))
    }

    @Test func unknownRecipientGetsTheAPIsErrorExplained() async throws {
        let run = try await runShell(["reply --to +14155550199 --force Hello"])
        #expect(run.err.hasPrefix("error: reply: not sent: 131026 message undeliverable (HTTP 422): "))
        #expect(run.statuses == [.failure])
    }

    @Test func dryRunPrintsTheExactRequestWithTheKeyRedactedAndSendsNothing() async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", "reply --dry-run It ships today"])
        let request = String(run.out[try #require(run.out.range(of: "POST ")).lowerBound...])
        #expect(request == """
            POST \(run.baseURL)/meta/whatsapp/v24.0/100200300400501/messages
            X-API-Key: <redacted>
            Accept: application/json
            Content-Type: application/json

            {
              "messaging_product": "whatsapp",
              "recipient_type": "individual",
              "to": "14155550142",
              "type": "text",
              "context": {
                "message_id": "\(Demo.danaInbound)"
              },
              "text": {
                "body": "It ships today",
                "preview_url": false
              }
            }

            """)
        #expect(run.err == "follow it with 'trace'\ndry run: nothing sent\n")
        #expect(!run.out.contains(run.apiKey) && !run.err.contains(run.apiKey))
        // message, then reply: the message and the contact's inbound messages (its later edits and deletion, probe9
        // P9-14); the contact's conversations and inbound messages on the number (the window is the pair's); the
        // project's numbers once, to refuse the business's own number (probe7 P7-6); the contact's messages on the number
        // (failures that say not to resend now, probe40 P40-8); the sending number's health (probe39 P39-8); the contact's
        // sends, whose outcomes the window is weighed against (tester60 AH11).
        #expect(run.requests == 10)
    }

    /// probe42 P42-9: a reply to the last message goes from that message's number; after a `use` of another number the
    /// result line names the number that sent it and the one selected, so a transcript does not point at the wrong one.
    @Test func aReplyFromAnotherNumberThanTheSelectedOneSaysSo() async throws {
        let run = try await runShell(["use 100200300400501", "message \(Demo.danaInbound)", "use 100200300400502", "reply hello"])
        #expect(run.statuses.last == .ok, "\(run.err)")
        #expect(run.out.contains(
            " to Dana Ortiz (14155550142) from 100200300400501, the number of the message replied to (the selected number is 100200300400502)\n"),
            "\(run.out)")
        let same = try await runShell(["use 100200300400501", "message \(Demo.danaInbound)", "reply hello"])
        #expect(same.statuses.last == .ok && !same.out.contains(" from 100200300400501"), "\(same.out)")
    }

    /// probe43 P43-1: the dry run, of a text and of a template, and the question before a send name the number it goes
    /// from when it is not the selected one, as the result line does: the dry run is where a user checks that.
    @Test func aDryRunAndTheQuestionFromAnotherNumberSaySo() async throws {
        let note = "it would be sent from 100200300400501, the number of the message replied to (the selected number is 100200300400502)\n"
        let steps = ["use 100200300400501", "message \(Demo.danaInbound)", "use 100200300400502"]
        let text = try await runShell(steps + ["reply --dry-run hello"])
        #expect(text.statuses.last == .ok && text.err.contains(note), "\(text.err)")
        let template = try await runShell(
            steps + ["reply --dry-run --template part_ready --language en_US --param customer_name=Dana --param order_id=A-1042"])
        #expect(template.statuses.last == .ok && template.err.contains(note), "\(template.err)")
        let asked = TestLocked<[String]>([])
        _ = try await runShell(steps + ["reply hello"]) { context in
            context.confirm = { prompt in
                asked.update { $0.append(prompt) }
                return false
            }
        }
        #expect(asked.value.last?.hasSuffix(
            " from 100200300400501, the number of the message replied to (the selected number is 100200300400502)? [y/N] ") == true,
            "\(asked.value)")
        let same = try await runShell(["use 100200300400501", "message \(Demo.danaInbound)", "reply --dry-run hello"])
        #expect(same.statuses.last == .ok && !same.err.contains("it would be sent from"), "\(same.err)")
    }

    /// A dry run refuses what the send would, with the same status (probe14 P14-14); with --force it shows the request.
    @Test func dryRunOutsideTheWindowRefusesAsTheSendWould() async throws {
        let run = try await runShell(["conversation \(Demo.leeConversation)", "reply --dry-run Hello", "reply --dry-run --force Hello"])
        #expect(run.statuses == [.ok, .failure, .ok])
        #expect(run.err.hasPrefix("error: reply: the 24-hour window with Lee Park (14155550157) closed at 2026-11-20T07:15:00Z"))
        #expect(run.err.components(separatedBy: "dry run: nothing sent\n").count - 1 == 1, "only the forced dry run shows the request")
        #expect(run.err.contains("\nreply: the 24-hour window with Lee Park (14155550157) closed at"))
        // The templates named are those kops would send: no marketing template to a US number (probe14 P14-3).
        #expect(run.err.contains("(approved: part_ready (en_US, es), order_update (en_US)), or add --force"), "\(run.err)")
    }

    @Test func declinedConfirmationSendsNothing() async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", "reply Hello", "state"]) { context in
            context.confirm = { _ in false }
        }
        #expect(run.out.contains("not sent\n"))
        #expect(run.out.contains("last_message_id:      \(Demo.danaInbound)\n"))
        #expect(run.requests == 10) // and the sending number's health (probe39 P39-8), and the contact's sends (AH11)
    }

    @Test(arguments: [
        ("0014155550142", "14155550142"), ("+1 (415) 555-0142", "14155550142"), ("14155550142", "14155550142"),
        ("00 44 20 7946 0958", "442079460958"), ("+44 (0)20 7946 0958", "442079460958"),
    ])
    func toTakesEveryCommonFormAndSendsDigits(_ typed: String, _ sent: String) async throws {
        // --force: no inbound message from these numbers, so a plain dry run refuses as the send would (probe14 P14-14).
        let run = try await runShell(["reply --dry-run --force --to '\(typed)' x"])
        #expect(run.statuses == [.ok])
        #expect(run.out.contains("\"to\": \"\(sent)\","))
    }

    @Test(arguments: [
        ("reply", "error: reply: missing message text; usage: reply [--to E164|BSUID|@USERNAME] [--no-quote] [--force] [--send-secret] [--dry-run] TEXT | reply --template NAME [--language CODE] [--param VALUE]... [--param name=VALUE]... [--header-media URL | --header-location LAT,LON[,NAME[,ADDRESS]]] [--to E164|BSUID|@USERNAME] [--force] [--send-secret] [--dry-run]\n", KopsShell.ExitStatus.usage),
        ("reply '   '", "error: reply: missing message text; usage: reply [--to E164|BSUID|@USERNAME] [--no-quote] [--force] [--send-secret] [--dry-run] TEXT | reply --template NAME [--language CODE] [--param VALUE]... [--param name=VALUE]... [--header-media URL | --header-location LAT,LON[,NAME[,ADDRESS]]] [--to E164|BSUID|@USERNAME] [--force] [--send-secret] [--dry-run]\n", .usage),
        ("reply " + String(repeating: "a", count: 4_097), "error: reply: invalid message text '4097 characters'; expected at most 4096 characters (WhatsApp's limit)\n", .usage),
        ("reply --to abc hi", "error: reply: invalid value for --to 'abc'; expected a phone number in E.164 form (+14155550157), a business-scoped user id (US.13491208655302741918) or a WhatsApp username (@handle); if 'abc' is a username, write --to @abc\n", .usage),
        ("reply --to +1234 hi", "error: reply: invalid value for --to '+1234'; expected a phone number in E.164 form (+14155550157), a business-scoped user id (US.13491208655302741918) or a WhatsApp username (@handle)\n", .usage),
        // Digits of another keyboard are read as `whois` reads them, with the ASCII number (probe25 P25-15).
        ("reply --to ١٤١٥٥٥٥٠١٤٢ hi", "error: reply --to: cannot read '١٤١٥٥٥٥٠١٤٢' as an id: it is written in Arabic-Indic digits (as a phone with that keyboard types them); in ASCII digits it is 14155550142: use 14155550142\n", .usage),
        ("reply --to 04155550142 hi", "error: reply: invalid value for --to '04155550142'; expected a phone number in E.164 form (+14155550157), a business-scoped user id (US.13491208655302741918) or a WhatsApp username (@handle)\n", .usage),
        ("reply hi", "error: reply: no message selected; give --message WAMID or --to NUMBER or run 'message <wamid>' first ('messages' lists them)\n", .failure),
        // probe3 F12, P37-10: a trunk 0 kept after the country code is refused before any request, with the number as it
        // should be, written as it was typed.
        ("reply --dry-run --to '+44 07700 900123' x",
         "error: reply --to: '+44 07700 900123': the 0 after +44 is the national trunk prefix, which a number with its country "
            + "code leaves out; drop the 0 after +44: +44 7700 900123\n", .usage),
        ("reply --force --to 00490301234567 x",
         "error: reply --to: '00490301234567': the 0 after +49 is the national trunk prefix, which a number with its country "
            + "code leaves out; drop the 0 after +49: +49 301234567\n", .usage),
    ])
    func refusesBadInputBeforeAnyRequest(line: String, error: String, status: KopsShell.ExitStatus) async throws {
        let run = try await runShell([line])
        #expect(run.err == error)
        #expect(run.statuses == [status])
        #expect(run.requests == 0)
    }

    /// The project's own ids and numbers, and a number without its country code, are refused with what
    /// they are; the only request made is the numbers list (nothing is sent, even with --force).
    @Test(arguments: [
        (
            "reply --force --to 200300400500601 x",
            "error: reply: not sent: 200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and "
                + "Support Line 100200300400501, not a contact's number; give the contact's number with its country code, e.g. +14155550142\n"
        ),
        (
            "reply --force --to 14155550100 x",
            "error: reply: not sent: 14155550100: that is your own Support Line number (+1 415-555-0100), the number this sends "
                + "from: WhatsApp refuses a message to its sender (131021), not a contact's; give the contact's number with its "
                + "country code, e.g. +14155550142\n"
        ),
        (
            "reply --force --to '(415) 555-0101' x",
            "error: reply: not sent: (415) 555-0101: that is your Sales Line number (+1 415-555-0101) without its country code; "
                + "to write to it from this number, --to +14155550101\n"
        ),
        (
            "reply --force --to 100200300400501 x",
            "error: reply: not sent: 100200300400501 is the phone-number id of your own Support Line (+1 415-555-0100), "
                + "not a contact's number; give the contact's number with its country code, e.g. +14155550142\n"
        ),
    ])
    func refusesTheProjectsOwnNumbersAndNationalNumbers(line: String, error: String) async throws {
        let run = try await runShell([line])
        #expect(run.err == error)
        #expect(run.out.isEmpty)
        #expect(run.statuses == [.failure])
        #expect(run.requests == 1)
    }

    /// A number that may be national is refused only after the selected number's conversations and messages show
    /// no contact with it (probe5 P5-2: a contact's number without '+' is sent as it is): two look-ups, nothing sent.
    @Test func aNationalNumberIsRefusedAfterLookingForTheContact() async throws {
        let run = try await runShell(["reply --dry-run --to 4155550142 x"])
        #expect(run.err == "error: reply: not sent: 4155550142 has no '+' or '00' and does not start with the sending number's calling code "
            + "(+1, Support Line's +1 415-555-0100): sent so, Meta prepends that code to it and it goes to +14155550142, another person if "
            + "the contact's number is not a +1 one; add the country code, e.g. --to +14155550142\n")
        #expect(run.out.isEmpty)
        #expect(run.statuses == [.failure])
        #expect(run.requests == 3)
    }

    @Test func acceptsTextOfExactlyTheLimit() async throws {
        let run = try await runShell(["message \(Demo.danaInbound)", "reply --dry-run " + String(repeating: "a", count: 4_096)])
        #expect(run.statuses == [.ok, .ok])
    }
}
