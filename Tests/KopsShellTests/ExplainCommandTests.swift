import KopsShell
import Testing

@Suite struct ExplainCommandTests {
    @Test func explainsReEngagementAsFields() {
        let result = OfflineShell.run("explain", "131047")
        #expect(result.status == .ok)
        #expect(
            result.out == """
                code:       131047
                name:       re-engagement (24 h window closed)
                meaning:    the contact last wrote more than 24 hours ago, so free-form messages are refused
                what to do: send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies
                retry:      no: the same request fails again
                category:   reengagementWindow (Kapso JS SDK)
                meta title: Re-engagement message (HTTP 400)
                source:     Meta, WhatsApp Cloud API error codes: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes

                """)
        #expect(result.err == "")
        #expect(result.requests == 0)
    }

    /// A body with several errors[] entries explains each (probe4: only the first was explained).
    @Test func explainsEveryErrorOfAPastedBody() {
        let result = OfflineShell.run("explain", #"{"errors":[{"code":131026},{"code":131047},{"code":999999}]}"#)
        #expect(result.status == .ok)
        #expect(result.out.hasPrefix("3 errors in what was pasted:\n"))
        #expect(result.out.contains("code:       131026"))
        #expect(result.out.contains("code:       131047"))
        #expect(result.out.contains("code 999999: not in kops's catalogue"))
        #expect(result.err == "")
    }

    @Test func explainsAKapsoStringCodeWithoutACategory() {
        let result = OfflineShell.run("explain", "insufficient_credits")
        #expect(result.status == .ok)
        #expect(result.out.contains("retry:      after topping up the Kapso balance\n"))
        #expect(!result.out.contains("category"))
    }

    @Test(arguments: ["99999999", "abc", "131047x"])
    func unknownCodeIsOneLineWithStatusOne(code: String) {
        let result = OfflineShell.run("explain", code)
        #expect(result.status == .failure)
        #expect(result.out == "")
        #expect(
            result.err
                == "error: unknown error code '\(code)': not in kops's catalogue; look it up in Meta's error codes "
                + "(https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) "
                + "or, for a Kapso code, Kapso's API reference (docs.kapso.ai)\n")
    }

    /// An API address pasted alone is named for what it is, with what to paste instead, not "unknown error code"
    /// (probe6 leftovers); with a status or code beside it, it is explained as before.
    @Test(arguments: [
        ("https://graph.facebook.com/v21.0/123/messages", "a Graph API endpoint URL (Meta's own host; through Kapso it is /meta/whatsapp/v24.0/…)", "123"),
        ("POST /meta/whatsapp/v24.0/100200300400501/messages", "a Graph API path (Kapso's Meta proxy)", "100200300400501"),
        ("/platform/v1/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", "a Kapso platform API path", "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"),
        ("https://example.com/hook", "a URL", nil),
    ])
    func anAddressAloneIsNamedWithWhatToPaste(text: String, what: String, id: String?) {
        let result = OfflineShell.run("explain", text)
        #expect(result.status == .usage)
        #expect(result.err.contains("' is \(what), not an error; paste what the call answered: its error code (131047)"), "\(result.err)")
        #expect(!result.err.contains("unknown error code"), "\(result.err)")
        if let id { #expect(result.err.hasSuffix("; 'whois \(id)' says what \(id) is\n"), "\(result.err)") }
        #expect(result.requests == 0)
    }

    @Test(arguments: ["GET /meta/whatsapp/v24.0/200300400500601/messages 404", "https://graph.facebook.com/v21.0/123/messages?code=131047"])
    func anAddressWithAStatusOrCodeIsStillExplained(text: String) {
        let result = OfflineShell.run("explain", text)
        #expect(result.status == .ok, "\(result.err)")
    }

    @Test func missingCodeIsAUsageError() {
        let result = OfflineShell.run("explain")
        #expect(result.status == .usage)
        #expect(
            result.err
                == "error: explain: missing error code; usage: explain CODE|PASTED-ERROR\n")
    }

    /// `explain ""` typed no '#': the error says the quotes were empty, not that '#' starts a comment (probe18 P18-16).
    @Test func anEmptyQuotedCodeSaysSoAndNotTheCommentHint() {
        let offline = OfflineShell()
        offline.shell.run(line: #"explain """#)
        offline.shell.run(line: "explain ''")
        #expect(
            offline.output.err
                == String(repeating: "error: explain: missing error code (the quotes held nothing); usage: explain CODE|PASTED-ERROR\n", count: 2))
    }

    @Test func printsStructuredJSON() {
        let offline = OfflineShell()
        offline.shell.run(line: "output json; explain 250")
        #expect(
            offline.output.out == """
                {
                  "code": "250",
                  "name": "permission",
                  "meaning": "the app lacks a permission this call needs",
                  "fix": "check the token's permissions with Meta's access token debugger",
                  "retry": "fix_first",
                  "retry_advice": "only after fixing the cause; the same request fails again",
                  "category": "permission",
                  "source": "meta",
                  "meta_title": "API Permission",
                  "http_status": 403,
                  "reference": "Meta, WhatsApp Cloud API error codes: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes"
                }

                """)
    }

    /// What users paste, as the shell's lexer hands it over (`#` starts a comment unless quoted).
    @Test(arguments: [
        ("explain 131047", "131047"), ("explain '#131047'", "131047"), ("explain \"#131047\"", "131047"),
        ("explain (#131047) Re-engagement message", "131047"), ("explain '(#131047) Re-engagement message'", "131047"),
        ("explain error 131026", "131026"), ("explain Error code: 131026", "131026"),
        (#"explain '{"error":{"message":"(#131026) Message Undeliverable","type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},"fbtrace_id":"Az8or2yhqkZfEZ"}}'"#, "131026"),
        (#"explain '{"error":{"message":"(#130429) Rate limit hit","code":"130429"}}'"#, "130429"),
        (#"explain '{"errors":[{"code":131051,"title":"Message type unknown"}]}'"#, "131051"),
        (#"explain '{"error":{"message":"(#132001) Template name does not exist in the translation"}}'"#, "132001"),
        (#"explain {"error":{"message":"(#131047) Re-engagement message","code":131047}}"#, "131047"),
        ("explain INSUFFICIENT_CREDITS", "insufficient_credits"), ("explain 2494100", "2494100"),
    ])
    func findsTheCodeInWhatUsersPaste(_ line: String, _ code: String) {
        let offline = OfflineShell()
        #expect(offline.shell.run(line: line) == .ok, "\(offline.output.err)")
        #expect(offline.output.out.hasPrefix("code:       \(code)\n"))
    }

    /// Codes verified on Meta's pages beside the error-codes page: a pasted Graph error body shows the entry,
    /// Meta's details and, as its source, the page the code was verified on.
    @Test(arguments: [
        ("131036", "not delivered to the primary device", "whatsapp/no-storage"),
        ("131035", "incoming webhook dropped", "whatsapp/no-storage"),
        ("131044", "calling payment problem", "whatsapp/calling/troubleshooting"),
        ("131062", "BSUID recipient not allowed", "whatsapp/business-scoped-user-ids"),
        ("138000", "calling not enabled", "whatsapp/calling/troubleshooting"),
        ("138001", "receiver uncallable", "whatsapp/calling/troubleshooting"),
        ("139000", "flow blocked by integrity", "whatsapp/flows/reference/error-codes"),
        ("2388103", "phone migration refused", "whatsapp/support/error-codes"),
        ("1026", "receiver incapable", "whatsapp/messages/address-messages"),
    ])
    func explainsAVerifiedCodeFromAPastedBody(_ code: String, _ name: String, _ page: String) {
        let offline = OfflineShell()
        let body = #"{"error":{"message":"(#\#(code)) Title","type":"OAuthException","code":\#(code),"error_data":{"details":"the details"}}}"#
        #expect(offline.shell.run(line: "explain '\(body)'") == .ok, "\(offline.output.err)")
        let out = offline.output.out
        #expect(out.hasPrefix("code:       \(code)\nname:       \(name)\n"), "\(out)")
        #expect(out.contains("\nmeta says:  the details\n"))
        let source = out.split(separator: "\n").first { $0.hasPrefix("source:") } ?? ""
        #expect(source.contains("https://developers.facebook.com/") && source.contains(page), "\(source)")
    }

    @Test func showsMetasDetailsFromAPastedBody() {
        let offline = OfflineShell()
        offline.shell.run(line: #"explain '{"error":{"code":131026,"error_data":{"details":"Message Undeliverable."}}}'"#)
        #expect(offline.output.out.contains("\nmeta says:  Message Undeliverable.\n"))
    }

    @Test func aHashWithoutQuotesSaysToQuoteIt() {
        let offline = OfflineShell()
        #expect(offline.shell.run(line: "explain #131047") == .usage)
        #expect(offline.output.err.contains("('#' starts a comment, so '#131047' was dropped: quote it or drop the '#')"))
    }

    @Test func textWithoutACodeSaysWhatAnExplainTakes() {
        let offline = OfflineShell()
        #expect(offline.shell.run(line: "explain the message failed") == .usage)
        #expect(
            offline.output.err
                == "error: explain: invalid error code 'the message failed'; expected a code such as 131047, "
                + "'(#131047) ...' or a Graph error body in single quotes\n")
    }

    /// Probe finding F26: Graph's "Object with ID 'N' does not exist" (code 100, subcode 33) is about the id in
    /// the path, not the payload: the advice names the id, Meta's three causes and `whois`, in text and in JSON.
    @Test(arguments: [
        "explain \"(#100) Unsupported get request. Object with ID '200300400500601' does not exist\"",
        "explain '{\"error\":{\"message\":\"Unsupported post request. Object with ID 200300400500601 does not exist, cannot be "
            + "loaded due to missing permissions, or does not support this operation.\",\"type\":\"GraphMethodException\",\"code\":100,"
            + "\"error_subcode\":33}}'",
    ])
    func objectIDErrorNamesTheID(line: String) {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        let expected: String = [
            "what to do: kops could not check the id 200300400500601: explain sends no request, and this session has not ",
            "listed the numbers; 'whois 200300400500601' says what the id is and what to use. Graph could not use it in ",
            "the request path; of Meta's three causes (the object does not exist, the key's access lacks a permission ",
            "for it, it does not support this operation), the usual one is an edge this kind of id does not have ",
            "(/message_templates with a phone-number id, /messages with a WABA id)\n",
        ].joined()
        #expect(offline.output.out.contains(expected), "\(offline.output.out)")
        #expect(!offline.output.out.contains("fix the payload"))
        let json = OfflineShell()
        json.shell.run(line: "output json; " + line)
        #expect(json.output.out.contains("\"object_id\": \"200300400500601\""))
    }


    /// probe6 P6-13: an HTTP status pasted with its log line is explained as Kapso's answer, with the id in the path.
    @Test func anHTTPStatusPastedWithItsPathIsExplained() {
        let result = OfflineShell.run("explain", "GET /meta/whatsapp/v24.0/200300400500601/messages 404")
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.contains("HTTP 404 from Kapso"), "\(result.out)")
        #expect(result.out.contains("'whois 200300400500601' says what 200300400500601 is"), "\(result.out)")
        #expect(!result.err.contains("unknown error code"))
        #expect(result.requests == 0)
    }

    /// tester49 L3: axios's own line is not Kapso's answer: no "from Kapso", and the body is what to paste.
    @Test func anAxiosLineSaysWhatToPasteInstead() {
        let run = OfflineShell.run("explain", "Error: Request failed with status code 400")
        #expect(run.status == .ok, "\(run.err)")
        #expect(!run.out.contains("from Kapso"), "\(run.out)")
        #expect(run.out.contains("HTTP client's error line") && run.out.contains("error.response.data"), "\(run.out)")
    }
}
