import KopsShell
import Testing

/// `trace` on the demo story: the failed inbox reply, an inbound message, and a reply sent from kops.
@Suite struct TraceCommandTests {
    @Test func tracesTheFailedInboxReplyToTheClosedWindow() async throws {
        let run = try await runShell(["trace \(Demo.leeFailedReply)"])
        #expect(run.out == """
            message:      wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=
            sent:         2026-11-20T09:15:00Z
            direction:    outbound text to Lee Park (14155550157)
            number:       100200300400501
            content:      Hi Lee, your replacement part is ready for pickup.
            conversation: e5a6c7d8-4f5b-4c6d-8e7f-901234567890 (active)
            window:       closed when sent: last inbound 2026-11-19T07:15:00Z, closed 2026-11-20T07:15:00Z (2 h before)

            TIME                  STATUS  AFTER  DETAIL
            2026-11-20T09:15:00Z  sent    +0 s
            2026-11-20T09:15:02Z  failed  +2 s   131047 re-engagement (24 h window closed)
              meaning: the contact last wrote more than 24 hours ago, so free-form messages are refused
              fix:     send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies
              meta:    The recipient last wrote more than 24 hours ago, so only an approved template can be sent.

            Meta's webhooks: 2 (log search)
            TIME                  META SENT KAPSO                                   AFTER  EVENT ID
            2026-11-20T09:15:00Z  Meta status sent                                  +0 s   wwe_270_1
            2026-11-20T09:15:02Z  Meta status failed: 131047 Re-engagement message  +2 s   wwe_270_2

            webhook deliveries: 2
            DELIVERED AT          EVENT                    STATUS     HTTP  ATTEMPTS  WEBHOOK URL
            2026-11-20T09:15:01Z  whatsapp.message.sent    delivered  200          1  https://hooks.acme-demo.test/kapso/whatsapp
            2026-11-20T09:15:03Z  whatsapp.message.failed  failed     500          4  https://hooks.acme-demo.test/kapso/whatsapp

            API calls: no send call with this project's keys at that time (sent from the inbox or another project?)
            1 other send refused with #131047 within 5 s of this message: another attempt, not this message's send (Meta accepted this message: a refused send gets no WAMID)
            CALLED AT             REQUEST ID                            METHOD  ENDPOINT                                       STATUS   MS  KEY            ERROR
            2026-11-20T09:15:00Z  req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02  POST    /meta/whatsapp/v24.0/100200300400501/messages  422     288  inbox-backend  (#131047) Re-engagement message

            verdict: failed: 131047, the 24-hour window closed 2 h before the send; send an approved template with 'reply --template NAME'

            """)
        #expect(run.err == """
            approved templates: part_ready (en_US, es), order_update (en_US); 'template NAME' shows what each needs
            1 webhook delivery of this message failed: 'deliveries --errors --period 7d' shows more

            """)
        #expect(run.statuses == [.ok])
    }

    @Test func sendsTheLookUpsAfterTheMessageOnceEachInEitherMode() async throws {
        let concurrent = try await runShell(["trace \(Demo.leeFailedReply)"])
        let sequential = try await runShell(["trace --sequential \(Demo.leeFailedReply)"])
        // 6 for the trace (the number's webhooks among them, probe17 P17-11), the number's sends (which send calls and
        // deliveries are other messages', probe44 P44-2) and 2 log searches (Meta's webhooks, the send call's request id);
        // a verdict that says to send a template adds the number (its WABA), the approved templates and, as marketing
        // ones are among them, the contact's marketing preference; the number's health, which the session had not read,
        // for what a send from it meets (tester70b G7).
        #expect(concurrent.requests == 13)
        #expect(sequential.requests == 13)
        #expect(sequential.out == concurrent.out)
    }

    @Test func tracesAnInboundMessageAndTheWindowItOpened() async throws {
        let run = try await runShell(["trace \(Demo.danaInbound)"])
        #expect(run.out.contains("window:       opened by this message until 2026-11-21T14:30:05Z (open now)\n"))
        #expect(run.out.contains("statuses: none (inbound messages have no delivery statuses)\n"))
        #expect(run.out.contains("2026-11-20T14:30:06Z  whatsapp.message.received  delivered  200          1  https://hooks.acme-demo.test/kapso/whatsapp\n"))
        #expect(run.out.hasSuffix("verdict: received; the 24-hour window is open for 2 h 30 min more: free-form replies go through\n"))
    }

    @Test func defaultsToTheLastMessageAndRemembersTheTracedOne() async throws {
        let run = try await runShell(["message \(Demo.leeFailedReply)", "trace", "state"])
        #expect(run.statuses == [.ok, .ok, .ok])
        #expect(run.out.contains("verdict: failed: 131047, the 24-hour window closed 2 h before the send; send an approved template with 'reply --template NAME'\n"))
        #expect(run.out.contains("last_message_id:      \(Demo.leeFailedReply)\n"))
        #expect(run.out.contains("last_conversation_id: \(Demo.leeConversation)\n"))
    }

    @Test func answersInJSONWithEveryPart() async throws {
        let run = try await runShell(["output json", "trace \(Demo.leeFailedReply)"])
        #expect(run.out.contains("\"verdict\": \"failed: 131047, the 24-hour window closed 2 h before the send; send an approved template with 'reply --template NAME'\""))
        #expect(run.out.contains("\"closes_at\": \"2026-11-20T07:15:00Z\""))
        #expect(run.out.contains("\"open_at_send\": false"))
    }

    @Test(arguments: [
        ("trace nope", "error: trace: invalid message id 'nope'; expected a WAMID starting with 'wamid.'\n", KopsShell.ExitStatus.usage, 0),
        ("trace", "error: trace: no message selected; give a WAMID or run 'message <wamid>' first ('messages' lists them)\n", .failure, 0),
        // The message's 404, then one row of the numbers list: a 404 there too would be the base URL's (probe5 P5-1).
        ("trace wamid.AAAA", "error: no message with WAMID wamid.AAAA exists in this project (Kapso's look-up by WAMID covers all of its numbers); 'messages' lists recent ones; if the message is another project's, check the API key\n", .failure, 2),
    ])
    func refusesBadInputWithOneLine(line: String, error: String, status: KopsShell.ExitStatus, requests: Int) async throws {
        let run = try await runShell([line])
        #expect(run.err == error)
        #expect(run.out == "")
        #expect(run.statuses == [status])
        #expect(run.requests == requests)
    }
}
