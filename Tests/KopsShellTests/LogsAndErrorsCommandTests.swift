import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `logs`, `errors` and `overview` on the demo seed.
@Suite struct LogsAndErrorsCommandTests {
    @Test func listsAPIErrorsOfOneStatus() async throws {
        let ran = try await runDemo("logs --period 7d --status-code 422")
        #expect(ran.out == """
            TIME                  METHOD  ENDPOINT                                       STATUS    TOOK  KEY            ERROR                            MEANING / NEXT
            2026-11-20T09:15:00Z  POST    /meta/whatsapp/v24.0/100200300400501/messages     422  288 ms  inbox-backend  (#131047) Re-engagement message  re-engagement (24 h window closed): send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies
            
            """)
        #expect(ran.err == "1 item\n")
    }

    @Test func listsAPIErrorsByEndpointWithNext() async throws {
        let runs = try await runDemo(["logs --errors --flat --endpoint /meta/ --limit 2", "next"])
        #expect(runs[0].out == """
            TIME                  METHOD  ENDPOINT                                       STATUS   TOOK  KEY           ERROR                                                                            MEANING / NEXT
            2026-11-21T11:05:00Z  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T10:05:00Z  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            
            """)
        #expect(runs[1].out == """
            TIME                  METHOD  ENDPOINT                                       STATUS   TOOK  KEY           ERROR                                                                            MEANING / NEXT
            2026-11-21T09:05:00Z  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T08:05:00Z  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            
            """)
    }

    @Test func errorsMergesTheThreeSourcesNewestFirst() async throws {
        let ran = try await runDemo("errors --period 7d --limit 6 --flat")
        #expect(ran.out == """
            TIME                  SOURCE  WHAT                                                     ERROR                                                                                MEANING / NEXT
            2026-11-21T11:35:00Z  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T11:05:00Z  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T10:35:00Z  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T10:05:00Z  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T09:35:00Z  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            2026-11-21T09:05:00Z  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)
            
            """)
        // Sales Line is selected: Meta reported no failure for it (the failed reply is Support Line's).
        // P15-11: the cut list says how to see more ('next' does not page it).
        #expect(ran.err == "newest 6 of 116 failures in the last 7d; 'errors --flat --period 7d --limit 100' lists the newest 100 "
            + "(--source or --period narrows them)\nMeta's webhooks (log search): no failed status in the last 7d\n")
    }

    @Test func errorsOfFailedMessagesExplainTheCode() async throws {
        let ran = try await runDemo("errors --source message --period 7d", number: "100200300400501")
        #expect(ran.out == """
            COUNT  SOURCE   WHO           WHAT                           ERROR                         FIRST                 LAST                  MEANING / NEXT
                1  message  Support Line  message to 14155550157 (text)  131047 Re-engagement message  2026-11-20T09:15:02Z  2026-11-20T09:15:02Z  re-engagement (24 h window closed): send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies; approved utility templates: part_ready (en_US, es), order_update (en_US)

            """)
        #expect(ran.err == "1 cause of 1 failure in the last 7d; 'errors --flat' lists each failure\n")
    }

    /// probe3 F18: a key whose project has no numbers is the finding, never "nothing to fix".
    @Test func overviewOfAProjectWithoutNumbersSaysSo() async throws {
        let (status, out) = try await withSimulator(seed: .empty) { fixture in
            let (shell, output) = try fixture.shell()
            return (shell.run(line: "overview"), output.out)
        }
        #expect(status == .failure)
        #expect(out.contains("this key's project has no phone numbers: wrong key or project? 'state' shows where the key came from"))
        #expect(!out.contains("nothing to fix"))
    }

    /// probe11 P11-6: the demo's delivery pending since 2026-11-20T14:32Z is stuck; `overview` reads it as 'webhooks
    /// check' does (WebhookVerdict).
    @Test func overviewNamesTheNextCommandPerProblem() async throws {
        let ran = try await runDemo("overview", number: nil)
        #expect(ran.out == """
            NUMBER           NAME          HEALTH    HEADLINE
            100200300400502  Sales Line    degraded  needs attention: messaging_health
            100200300400501  Support Line  healthy   ok

            API calls (24h):  49 total, 48 failed (kops's own calls noted in its state folder not counted)
            deliveries (24h): 2 total, 0 failed, 1 pending after a failed attempt
            messages (24h):   no send failed

            next:
              use 100200300400502; health          # Sales Line is degraded
              whois 200300400500601                # 48 failed calls from key history-sync: 200300400500601 is a WABA id, not a phone-number id
              deliveries stats --period 24h        # 1 delivery pending after a failed attempt
              webhooks check                       # 1 delivery is stuck in pending
              use 100200300400502; webhooks check  # Sales Line: 2 webhooks missed up to 2 received messages (no whatsapp.message.received delivery)
            
            """)
    }
}

/// Grouped triage on the demo seed: one row per cause.
@Suite struct GroupedTriageTests {
    @Test func errorsInTheDemoFitOnOneScreenWithTheHistorySyncGroupFirst() async throws {
        let ran = try await runDemo("errors", number: nil)
        let rows = ran.out.split(separator: "\n").dropFirst().map { cells(String($0)) }
        #expect(rows.count <= 12)
        #expect(rows.first?.prefix(5) == ["48", "api", "history-sync", "GET /meta/whatsapp/v24.0/200300400500601/messages (+1 more)", "404"])
        #expect(rows.first?.last == "\(Self.waba)")
        // The failed 131047 send, the 131049 template and the failing deliveries each have their row.
        #expect(rows.contains { $0[1] == "message" && $0[4] == "131047 Re-engagement message" })
        #expect(rows.contains { $0[1] == "message" && $0[3] == "message to 14155550204 (template spring_promo)" && $0[4].hasPrefix("131049 ") })
        #expect(rows.filter { $0[1] == "webhook" }.map { [$0[0], $0[2]] } == [
            ["48", "analytics.acme-demo.test/ingest/whatsapp"], ["24", "analytics.acme-demo.test/ingest/whatsapp"],
            ["4", "ops.acme-demo.test/kapso/conversations"], ["1", "hooks.acme-demo.test/kapso/whatsapp"],
        ])
        // Meta's two failed statuses (131047, 131049) are the two message rows: counted once. The 422 #131047 call at
        // the failed message's time is another attempt (the message has a WAMID and a sent status: Meta accepted it),
        // so it is its own row, as trace lists it (P28-16).
        #expect(rows.contains { $0[1] == "api" && $0[3] == "POST /meta/whatsapp/v24.0/100200300400501/messages" && $0[4] == "422 #131047" })
        #expect(ran.err == """
            9 causes of 129 failures in the last 30d; 'errors --flat' lists each failure
            Meta's webhooks (log search): 2 failed statuses, all for messages above

            """)
    }

    @Test func logsErrorsGroupsTheFailedCalls() async throws {
        let ran = try await runDemo("logs --errors --period 30d", number: nil)
        #expect(ran.out == """
            COUNT  SOURCE  WHO            WHAT                                                            ERROR                    FIRST                 LAST                  MEANING / NEXT
               48  api     history-sync   GET /meta/whatsapp/v24.0/200300400500601/messages (+1 more)     404                      2026-11-20T12:05:00Z  2026-11-21T11:35:00Z  \(Self.waba)
                1  api     inbox-backend  POST /meta/whatsapp/v24.0/100200300400501/messages              422 #131047              2026-11-20T09:15:00Z  2026-11-20T09:15:00Z  re-engagement (24 h window closed): send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies
                1  api     ops-laptop     GET /platform/v1/whatsapp/phone_numbers/100200300400502/health  429 Rate limit exceeded  2026-11-20T08:59:58Z  2026-11-20T08:59:58Z  rate limited; the caller must back off and honour Retry-After

            """)
        #expect(ran.err == "3 causes of 50 failures in the last 30d; 'logs --errors --flat' lists each failure\n")
    }

    @Test func jsonCarriesEachGroupWithItsPathsAndTheMisplacedID() async throws {
        let ran = try await runDemo("logs --errors --period 30d --output json", number: nil)
        let json = try JSONValue.parse(Array(ran.out.utf8))
        let first = try #require(json["groups"]?[0])
        #expect(first["count"]?.int == 48)
        #expect(first["misplaced_id"]?.string == "200300400500601")
        #expect(first["variants"] == [
            "GET /meta/whatsapp/v24.0/200300400500601/messages", "GET /platform/v1/whatsapp/phone_numbers/200300400500601",
        ])
        #expect(json["failures"]?.int == 50)
    }

    /// Probe2 finding F43: the history-sync calls' fix names the one coexistence number too.
    static let waba =
        "200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line); "
        + "history sync applies only to coexistence numbers: Sales Line 100200300400502"
}

/// Probe2 findings F21 and F35: what the counts of `errors` are.
@Suite struct ErrorCountsTests {
    /// The demo's 422 #131047 call at 09:15:00Z is not the send of Lee's message failed 131047 at 09:15:02Z: that message
    /// has a WAMID and a sent status (Meta accepted it; a refused send gets no WAMID), so the call is another attempt and
    /// its own failure, as `trace` lists it (probe28 P28-16; a refused send's own message is joined: SameSendTests).
    @Test func aRefusedCallNearAnAcceptedMessageIsItsOwnFailure() async throws {
        let ran = try await runDemo("errors", number: nil)
        let rows = ran.out.split(separator: "\n").dropFirst().map { cells(String($0)) }
        #expect(rows.contains { $0[1] == "message" && $0[4] == "131047 Re-engagement message" })
        #expect(rows.contains { $0[1] == "api" && $0[4] == "422 #131047" })
        #expect(ran.err.hasPrefix("9 causes of 129 failures in the last 30d; 'errors --flat' lists each failure\n"), "\(ran.err)")
    }

    /// Tester finding: `--flat` lists each failure once, as many as the grouped view counts (129 both), and the refused
    /// call beside the accepted message is one of them (P28-16).
    @Test func flatListsAsManyFailuresAsTheGroupedViewCounts() async throws {
        let runs = try await runDemo(["errors --flat --limit 100 --period 30d", "errors --flat --limit 100 --output json"], number: nil)
        let rows = runs[0].out.split(separator: "\n").dropFirst().map { cells(String($0)) }
        // No number selected and the rows span both numbers: NUMBER comes second (P45-10).
        #expect(runs[0].out.hasPrefix("TIME                  NUMBER  SOURCE"), "\(runs[0].out.prefix(200))")
        #expect(rows.contains { $0[2] == "message" && $0[4] == "131047 Re-engagement message" })
        #expect(rows.contains { $0[1] == "-" && $0[2] == "api" && $0[3].hasPrefix("POST ") && $0[4].hasPrefix("422 ") }, "\(runs[0].out)")
        #expect(runs[0].err.hasPrefix(
            "newest 100 of 129 failures in the last 30d; --limit takes at most 100: --source or --period narrows them\n"), "\(runs[0].err)")
        let json = try JSONValue.parse(Array(runs[1].out.utf8))
        #expect(json["failures"]?.int == 129)
        #expect(json["same_sends_joined"]?.int == 0)
        let items = json["data"]?.array ?? []
        #expect(items.contains { $0["source"]?.string == "api" && $0["item"]?["http_method"]?.string == "POST" })
    }

    /// Tester finding: the JSON of grouped `errors` names the template a failed template send used, and the
    /// approved templates a 131047 group suggests, as values (the table shows both).
    @Test func groupedJSONNamesTheTemplates() async throws {
        let ran = try await runDemo(["errors --output json"], number: nil)[0]
        let groups = try JSONValue.parse(Array(ran.out.utf8))["groups"]?.array ?? []
        let promo = try #require(groups.first { $0["error"]?.string?.hasPrefix("131049 ") == true })
        #expect(promo["templates"] == ["spring_promo"])
        #expect(promo["what"]?.string == "message to 14155550204 (template spring_promo)")
        let reengage = try #require(groups.first { $0["error"]?.string?.hasPrefix("131047 ") == true })
        #expect(reengage["templates"] == [])
        #expect(reengage["fitting_templates"] == ["part_ready (en_US, es)", "order_update (en_US)"])
        #expect(reengage["meaning"]?.string?.hasSuffix("; approved utility templates: part_ready (en_US, es), order_update (en_US)") == true)
    }

    /// With a number selected, the footer says which sources are that number's and which the project's.
    @Test func aSelectedNumberNamesTheScope() async throws {
        let ran = try await runDemo("errors", number: "100200300400502")
        #expect(ran.err.contains("; messages are 100200300400502's only; API calls and deliveries are the whole project's\n"))
    }

    /// More failures than are read: the counts of the cut sources are lower bounds, in the table and the JSON.
    @Test func cutSourcesGiveLowerBounds() async throws {
        let runs = try await withSimulator(seed: .scale(50_000)) { fixture in
            // 2000 failures a source over loopback: 5 s was too short at load 20 on two cores (seen three times).
            let (shell, output) = try fixture.shell(timeout: 30)
            shell.run(line: "errors")
            let text = (output.out, output.err)
            shell.run(line: "errors --output json")
            return (text.0, text.1, String(output.out.dropFirst(text.0.count)))
        }
        let rows = runs.0.split(separator: "\n").dropFirst().map { cells(String($0)) }
        #expect(!rows.isEmpty)
        #expect(rows.filter { $0[1] != "message" }.allSatisfy { $0[0].hasSuffix("+") && $0[5].hasPrefix("≤ ") })
        #expect(runs.1.contains("; a count marked + is at least that many (only the newest 2000 failures of its source were read; FIRST '≤' is the oldest read)"))
        let json = try JSONValue.parse(Array(runs.2.utf8))
        #expect(json["groups"]?[0]?["count_is_lower_bound"] == true)
    }
}
