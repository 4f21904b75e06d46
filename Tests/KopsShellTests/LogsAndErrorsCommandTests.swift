import KopsShell
import KopsTestSupport
import Testing

/// `logs`, `errors` and `overview` on the demo seed.
@Suite struct LogsAndErrorsCommandTests {
    @Test func listsAPIErrorsOfOneStatus() async throws {
        let ran = try await runDemo("logs --period 7d --status-code 422")
        #expect(ran.out == """
            TIME                 METHOD  ENDPOINT                                       STATUS    TOOK  KEY            ERROR
            2026-11-20 09:15:00  POST    /meta/whatsapp/v24.0/100200300400501/messages     422  288 ms  inbox-backend  (#131047) Re-engagement message
            
            """)
        #expect(ran.err == "1 item\n")
    }

    @Test func listsAPIErrorsByEndpointWithNext() async throws {
        let runs = try await runDemo(["logs --errors --endpoint /meta/ --limit 2", "next"])
        #expect(runs[0].out == """
            TIME                 METHOD  ENDPOINT                                       STATUS   TOOK  KEY           ERROR
            2026-11-21 11:05:00  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist
            2026-11-21 10:05:00  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist
            
            """)
        #expect(runs[1].out == """
            TIME                 METHOD  ENDPOINT                                       STATUS   TOOK  KEY           ERROR
            2026-11-21 09:05:00  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist
            2026-11-21 08:05:00  GET     /meta/whatsapp/v24.0/200300400500601/messages     404  21 ms  history-sync  (#100) Unsupported get request. Object with ID '200300400500601' does not exist
            
            """)
    }

    @Test func errorsMergesTheThreeSourcesNewestFirst() async throws {
        let ran = try await runDemo("errors --period 7d --limit 6")
        #expect(ran.out == """
            TIME                 SOURCE  WHAT                                                     ERROR                                                                                MEANING / NEXT
            2026-11-21 11:35:00  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                the id in the path is not in this project; 'numbers' lists the phone-number ids
            2026-11-21 11:05:00  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  the id in the path does not exist (a WABA id used as a phone-number id?); 'numbers' lists the ids
            2026-11-21 10:35:00  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                the id in the path is not in this project; 'numbers' lists the phone-number ids
            2026-11-21 10:05:00  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  the id in the path does not exist (a WABA id used as a phone-number id?); 'numbers' lists the ids
            2026-11-21 09:35:00  api     GET /platform/v1/whatsapp/phone_numbers/200300400500601  404 WhatsApp phone number not found or not accessible in this project                the id in the path is not in this project; 'numbers' lists the phone-number ids
            2026-11-21 09:05:00  api     GET /meta/whatsapp/v24.0/200300400500601/messages        404 (#100) Unsupported get request. Object with ID '200300400500601' does not exist  the id in the path does not exist (a WABA id used as a phone-number id?); 'numbers' lists the ids
            
            """)
        #expect(ran.err == "newest 6 of 116 failures in the last 7d\n")
    }

    @Test func errorsOfFailedMessagesExplainTheCode() async throws {
        let ran = try await runDemo("errors --source message --period 7d", number: "100200300400501")
        #expect(ran.out == """
            TIME                 SOURCE   WHAT                           ERROR                         MEANING / NEXT
            2026-11-20 09:15:02  message  message to 14155550157 (text)  131047 Re-engagement message  re-engagement (24 h window closed): send an approved template; free-form works again after the contact replies
            
            """)
        #expect(ran.err == "1 failure in the last 7d\n")
    }

    @Test func overviewNamesTheNextCommandPerProblem() async throws {
        let ran = try await runDemo("overview", number: nil)
        #expect(ran.out == """
            NUMBER           NAME          HEALTH    HEADLINE
            100200300400502  Sales Line    degraded  needs attention: messaging_health
            100200300400501  Support Line  healthy   ok

            API calls (24h):  52 total, 48 failed
            deliveries (24h): 2 total, 0 failed

            next:
              use 100200300400502; health  # Sales Line is degraded
              logs --errors --period 24h   # 48 API calls failed
            
            """)
    }
}
