@testable import KapsoDiagnostics
import Testing

/// Who answered a failed delivery, and so where to look (probe11 P11-11, P11-15): Cloudflare's 52x are answers for an
/// origin it could not use, a 404 from a tunnel host is the tunnel gone, a redirect is not followed.
@Suite struct DeliveryMeaningTests {
    @Test(arguments: [
        (521, "the origin refused Cloudflare's connection (521"),
        (522, "Cloudflare's connection to the origin timed out (522"),
        (523, "Cloudflare could not reach the origin at all (523"),
        (525, "the TLS handshake between Cloudflare and the origin failed (525)"),
        (526, "the origin's TLS certificate is not valid for Cloudflare (526"),
    ])
    func cloudflareAnswersNameTheOriginNotTheHandler(status: Int, what: String) {
        let meaning = ErrorTriage.deliveryMeaning(status: status, url: "https://r8.example.com/hook")
        #expect(meaning.hasPrefix("Cloudflare, in front of the receiver, answered for it: " + what), "\(meaning)")
        #expect(meaning.contains("the request never reached the handler, so its logs show nothing"))
        #expect(!meaning.contains("the receiver's handler failed"))
    }

    @Test(arguments: [520, 524])
    func cloudflareAnswersAfterTheOriginWasReachedPointAtItsLogs(status: Int) {
        let meaning = ErrorTriage.deliveryMeaning(status: status)
        #expect(meaning.contains("the handler may have run: check the origin's logs at these times"), "\(meaning)")
    }

    /// tester51 G12: a 404 through a tunnel's host is the tunnel gone or the app's own 404 for a path it has no handler
    /// for (a running tunnel passes it through), and the delivery log keeps no body to tell which: both are named, with
    /// the check; after a delivery to the URL succeeded, the tunnel gone is the likely one.
    @Test(arguments: [
        ("https://3f2a-81-23-4-5.ngrok-free.app/webhooks/kapso", "404 through the ngrok URL: either the tunnel is offline: ngrok "
            + "answers 404 with ERR_NGROK_3200"),
        ("https://abc.ngrok.io/hook", "404 through the ngrok URL: either the tunnel is offline"),
        ("https://oklahoma-solo-younger-truck.trycloudflare.com/hook", "404 through the Cloudflare quick tunnel URL: either the quick tunnel is gone"),
        ("https://hooks.example.com/ngrok-free.app", "the receiver has no handler for it at that URL (404)"),
    ])
    func aNotFoundFromATunnelHostIsTheTunnelGoneOrThePath(url: String, meaning: String) {
        let read = ErrorTriage.deliveryMeaning(status: 404, url: url)
        #expect(read.hasPrefix(meaning), "\(read)")
        if WebhookURL.tunnel(url) != nil {
            #expect(read.contains("or the tunnel is up and the app behind it has no handler at this path"), "\(read)")
            #expect(read.contains("check the path and method (POST) of the app's handler"), "\(read)")
            let before = ErrorTriage.deliveryMeaning(status: 404, url: url, deliveredBefore: true)
            #expect(before.contains("after deliveries to it succeeded, so the path was the handler's: most likely"), "\(before)")
            #expect(ErrorTriage.deliveryMeaning(status: 404, url: url, deliveredBefore: false) == read)
        }
        // Another answer from a tunnel host is the receiver's own.
        #expect(ErrorTriage.deliveryMeaning(status: 500, url: url).hasPrefix("the receiver's handler failed (500)"))
    }

    @Test func aRedirectIsNotFollowed() {
        #expect(ErrorTriage.deliveryMeaning(status: 308) == "the receiver answered a redirect (308): Kapso counts only a 200 at "
            + "the URL itself and records the redirect as the answer, so it does not follow it: register the URL it redirects "
            + "to (often the https:// form or the path with or without its trailing slash)")
    }

    /// A 204 (or any 2xx other than 200) marked failed is explained by the documented rule, "must return 200 OK within
    /// 10 seconds" (docs.kapso.ai/docs/platform/webhooks), which the recorded status shows, not by a lateness that no
    /// log records (probe17 P17-7); a 200 marked failed can only have been late.
    @Test func aSuccessCodeOtherThan200IsNamedBeforeLateness() {
        let meaning = ErrorTriage.deliveryMeaning(status: 204)
        #expect(meaning.hasPrefix("the receiver answered 204, not 200: Kapso documents that the endpoint \"must return 200 OK"), "\(meaning)")
        #expect(meaning.contains("answer 200"), "\(meaning)")
        #expect(!meaning.contains("likely cause (not recorded)"), "\(meaning)")
        #expect(ErrorTriage.deliveryMeaning(status: 200).contains("the answer came after Kapso's 10 s"))
    }

    /// P19-6: answers HTTP defines as the server's or a proxy's verdict on the request's transport are not read as the
    /// handler refusing the event's body (400's reading) or failing on it (500's), one case per status.
    @Test(arguments: [
        (408, "gave up waiting for Kapso's request to arrive (408 Request Timeout", "read timeout"),
        (411, "requires a Content-Length header and refused", "(411 Length Required, RFC 9110 section 15.5.12)"),
        (414, "refused the webhook URL as too long (414", "register a shorter URL"),
        (415, "does not accept the body's media type (415", "make the route accept JSON"),
        (417, "could not meet the request's Expect header (417", "Expect: 100-continue"),
        (421, "does not answer for the webhook URL's host (421", "virtual host and TLS"),
        (426, "asks for another (426 Upgrade Required", "usually https://"),
        (431, "refused the request's headers as too large (431", "shorten the webhook's custom headers"),
        (501, "does not support the request's method (501", "accept POST"),
        (502, "got no valid answer from it (502 Bad Gateway", "the application behind the proxy is down"),
        (503, "could not take the request (503 Service Unavailable", "is up and has capacity"),
        (504, "gave up waiting for its answer (504 Gateway Timeout", "answer 200 first"),
        (505, "refuses the HTTP version of Kapso's request (505", "protocol settings"),
    ])
    func transportAnswersAreNotTheHandlersVerdictOnTheEvent(status: Int, what: String, fix: String) {
        let meaning = ErrorTriage.deliveryMeaning(status: status, url: "https://hooks.example.com/wa")
        #expect(meaning.contains(what), "\(meaning)")
        #expect(meaning.contains(fix), "\(meaning)")
        #expect(meaning.contains("RFC"), "\(meaning)")
        #expect(!meaning.contains("refuses this event's body"), "\(meaning)")
        #expect(!meaning.contains("the receiver's handler failed"), "\(meaning)")
    }

    /// The handler's own verdicts keep their reading: a 400 or 422 refuses the body, a 500 failed on the event.
    @Test func theHandlersOwnAnswersKeepTheirReading() {
        #expect(ErrorTriage.deliveryMeaning(status: 400).contains("its handler refuses this event's body"))
        #expect(ErrorTriage.deliveryMeaning(status: 422).contains("its handler refuses this event's body"))
        #expect(ErrorTriage.deliveryMeaning(status: 500).hasPrefix("the receiver's handler failed (500)"))
    }
}
