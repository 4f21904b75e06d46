import KopsShell
import Testing

/// tester50 F1: a number inside the free text of a pasted body (Kapso's `{"error": text, "message": text}`, its legacy
/// `{"message", "detail"}`, a Graph body trimmed of its `code`) was read as a Graph error code: Kapso's documented 429
/// "retry in 10 s" was explained as 10 permission denied. Only Meta's `(#N)` marks a code inside text (kapso-api.md §9.4).
@Suite struct ExplainKapsoBodyTests {
    /// Kapso's 429 body (kapso-api.md §1.5; docs.kapso.ai/api/rate-limits), with the messages people get, kapso-sim's own
    /// among them: each is a rate limit, with the wait the message names.
    @Test(arguments: [
        ("Too many requests; retry in 10 s", "10 s"),
        ("Too many requests; retry in 0 s", "0 s"),
        ("Too many requests (simulated fault); retry in 30 s", "30 s"),
        ("Health checks are limited to 5 per second and 60 per minute per project; retry in 7 s", "7 s"),
        ("You have exceeded 100 requests per minute. Retry after 60 seconds.", "60 s"),
    ])
    func kapsosRateLimitBodyIsARateLimit(_ message: String, _ wait: String) {
        let result = OfflineShell.run("explain", #"{"error":"Rate limit exceeded","message":"\#(message)"}"#)
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.contains("HTTP status: 429\n"), "\(result.out)")
        #expect(result.out.contains("HTTP 429 from Kapso: rate limited"))
        #expect(result.out.contains("wait the Retry-After seconds (the message says \(wait))"), "\(result.out)")
        #expect(result.out.contains("kapso says:  Rate limit exceeded: \(message)"), "\(result.out)")
        #expect(!result.out.contains("code:"), "\(result.out)")
    }

    /// Kapso's other bodies with a number in their text: read by their `error` text (or said unknown), never by the number.
    @Test(arguments: [
        (#"{"error":"Validation failed","message":"max_buffer_size must be less than or equal to 100"}"#, nil as Int?),
        (#"{"message":"per_page must be between 1 and 100","detail":"legacy offset pagination is limited to 10 pages"}"#, nil),
        (#"{"error":"Not found","message":"Conversation 131047 not found"}"#, 404),
        (#"{"error":"Internal server error","message":"Request 190 failed"}"#, nil),
    ])
    func aNumberInKapsosTextIsNoCode(_ body: String, _ status: Int?) {
        let result = OfflineShell.run("explain", body)
        #expect(result.status == .ok, "\(result.err)")
        #expect(!result.out.contains("code:"), "\(result.out)")
        #expect(result.out.contains("kapso says:"), "\(result.out)")
        if let status { #expect(result.out.contains("HTTP status: \(status)\n"), "\(result.out)") }
        if status == nil { #expect(result.out.contains("with a text kops does not know"), "\(result.out)") }
    }

    /// A Kapso string code kops's catalogue lacks (`invalid_period`) is Kapso's, named as such, not "unknown error code".
    @Test func aKapsoStringCodeIsShownWithItsText() {
        let result = OfflineShell.run("explain", #"{"error":"period must be one of 24h, 7d, 30d","code":"invalid_period"}"#)
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.contains("kapso code: invalid_period\n"), "\(result.out)")
        #expect(result.out.contains("kapso says: period must be one of 24h, 7d, 30d\n"), "\(result.out)")
    }

    /// A Graph body pasted without its `code`: the number in Meta's message (a length limit) is no code; kops says the
    /// code is missing and shows Meta's words and subcode.
    @Test func aGraphBodyWithoutItsCodeSaysSo() {
        let body = #"{"error":{"message":"Param text[body] must be at most 4096 characters long","type":"OAuthException","error_subcode":2494010}}"#
        let result = OfflineShell.run("explain", body)
        #expect(result.status == .ok, "\(result.err)")
        #expect(!result.out.contains("4096'"), "\(result.out)")
        #expect(result.out.contains("a Graph error body without its code"), "\(result.out)")
        #expect(result.out.contains("meta msg:   Param text[body] must be at most 4096 characters long\n"), "\(result.out)")
        #expect(result.out.contains("subcode:    2494010\n"), "\(result.out)")
    }

    /// Pasted prose with a count or a wait in it is no code either; codes written as codes still are.
    @Test func aNumberInProseIsNoCode() {
        let prose = OfflineShell.run("explain", "Too many requests; retry in 10 s")
        #expect(!prose.out.contains("permission denied"), "\(prose.out)")
        #expect(prose.status == .usage)
        for (text, code) in [("error 131026", "131026"), ("131030 to 5491123456789", "131030"), ("GET /x/y 404", "404"),
                             ("Message failed with 131026", "131026"), ("OAuthException 190", "190"),
                             ("GraphMethodException 100", "100"), ("failed with 368", "368")] {
            let result = OfflineShell.run("explain", text)
            let first = result.out.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasSuffix(" \(code)"), "\(text): \(result.out)\(result.err)")
        }
    }
}

/// tester50 N3: a proxy's HTML error page (kapso-sim's `html` fault answers one) was refused as "invalid error code".
@Suite struct ExplainProxyPageTests {
    @Test(arguments: [
        ("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n"
            + "<hr><center>cloudflare</center>\n</body>\n</html>", 502, "cloudflare"),
        ("<!DOCTYPE html><html><head><title>example.com | 504: Gateway time-out</title></head><body>nginx</body></html>", 504, "nginx"),
        ("<html><body><h1>403 Forbidden</h1></body></html>", 403, nil),
    ])
    func aProxysErrorPageIsItsStatusFromAProxy(_ page: String, _ status: Int, _ server: String?) {
        let result = OfflineShell.run("explain", page)
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.contains("HTTP status: \(status)\n"), "\(result.out)")
        #expect(result.out.contains("HTTP \(status) from a proxy or load balancer in front of the server"), "\(result.out)")
        if let server { #expect(result.out.contains(", from \(server))"), "\(result.out)") }
        #expect(result.out.contains(status >= 500 ? "retry later" : "check the base URL"), "\(result.out)")
    }

    /// tester52b K20: Kapso's 403 "Phone number does not belong to this project", which `errors` reads (`ProjectRefusal`),
    /// was "a text kops does not know" as a body and "the request was refused" after its status.
    @Test(arguments: [
        #"{"error":"Phone number does not belong to this project"}"#,
        "HTTP 403 Phone number does not belong to this project",
        "POST /meta/whatsapp/v24.0/100200300400999/messages 403 Phone number does not belong to this project",
    ])
    func kapsosProjectRefusalIsReadAsErrorsReadsIt(_ pasted: String) {
        let result = OfflineShell.run("explain", pasted)
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.contains("none of the calling key's project's numbers"), "\(result.out)")
        #expect(result.out.contains("'numbers' with the caller's key lists"), "\(result.out)")
        #expect(!result.out.contains("does not know"), "\(result.out)")
        #expect(!result.out.contains("the request was refused"), "\(result.out)")
    }

    /// tester67 Y6d: a body with one of Kapso's own codes (`marketing_preference_stopped`, `insufficient_credits`) showed
    /// Kapso's text as "meta msg"; Meta's codes keep that label.
    @Test(arguments: [
        (#"{"error":"Contact has opted out of marketing","code":"marketing_preference_stopped"}"#, "kapso says:", "Contact has opted out of marketing"),
        (#"{"error":"Insufficient credits"}"#, "kapso says:", "Insufficient credits"),
        (#"{"error":{"message":"(#131047) Message failed to send because more than 24 hours have passed since the customer last replied to this number.","code":131047}}"#,
         "meta msg:", "Message failed to send because more than 24 hours"),
    ])
    func kapsosOwnTextIsLabelledKapsos(_ body: String, _ label: String, _ text: String) {
        let result = OfflineShell.run("explain", body)
        #expect(result.status == .ok, "\(result.err)")
        let line = result.out.split(separator: "\n").first { $0.contains(text) && !$0.hasPrefix("meaning") }
        #expect(line?.hasPrefix(label) == true, "\(result.out)")
    }
}
