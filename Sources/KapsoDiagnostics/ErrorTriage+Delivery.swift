public import KapsoClient

/// What a failed delivery's last answer says about its receiver, and who gave the answer: the receiver's handler, a
/// tunnel in front of it, or Cloudflare in front of its origin.
extension ErrorTriage {
    /// The meaning of a failed delivery's last answer (`status`, nil when none came) at `url` (the delivery's
    /// `webhook_url`; nil when unknown). Kapso counts a delivery as delivered only when the receiver answers 200 within
    /// 10 s (docs.kapso.ai/docs/platform/webhooks: "Your endpoint must return 200 OK within 10 seconds"; kapso-api.md
    /// §10.2); an answer in time that is no 2xx is the receiver's own verdict on the request, so the advice depends on
    /// it (probe6 P6-11: a 500 got the timeout advice), and on who answered (probe11 P11-11, P11-15). `logs` says when
    /// to read the receiver's logs: at the times of a list, at the last attempt of one delivery shown (`webhooks test`),
    /// or at a pasted delivery's time (`explain`).
    /// A `status` of 0 is no HTTP answer, as nil is (`DeliveryAnswer`, probe37 P37-5). `deliveredBefore` says whether
    /// a delivery to the same URL succeeded before this one (nil: not known), which weighs a tunnel's 404
    /// (`WebhookURL.Tunnel.notFound`, tester51 G12). `accepted` is a 2xx other than 200 that a delivery of the
    /// project was counted delivered with (nil: none known): it shows a 2xx status is not what failed this one
    /// (`AcceptedAnswer`, tester58 AD4).
    public static func deliveryMeaning(
        status recorded: Int?, url: String? = nil, deliveredBefore: Bool? = nil, accepted: AcceptedAnswer? = nil,
        logs: LogsTime = .listed
    ) -> String {
        if case .unreadable(let shown) = DeliveryAnswer(recorded) { return DeliveryAnswer.unreadableMeaning(shown) }
        let status = DeliveryAnswer(recorded).httpStatus
        let when = logs.rawValue
        let tunnel = url.flatMap(WebhookURL.tunnel)
        if status == 404, let tunnel { return tunnel.notFound(deliveredBefore: deliveredBefore) }
        if status == 530, tunnel == .cloudflareQuick { return WebhookURL.Tunnel.cloudflareQuickDown }
        if let status, let cloudflare = cloudflareMeaning(status, when: when) { return cloudflare }
        if let status, let transport = transportMeaning(status, when: when) { return transport }
        switch status {
        case nil: return DeliveryAnswer.noResponseMeaning
        case 200?:
            return "the receiver answered 200, yet Kapso counted the delivery as failed; the likely cause (not recorded) "
                + "is that the answer came after Kapso's 10 s: answer first, work afterwards"
        case (201..<300)? where accepted != nil:
            return "the receiver answered \(status ?? 204), not 200, yet \(accepted?.whose ?? "a 202") was counted "
                + "delivered: Kapso accepts a 2xx other than 200 (its docs ask for 200 and do not say how another 2xx counts, "
                + "https://docs.kapso.ai/docs/platform/webhooks/advanced), so the status is likely not the cause; the likely cause (not recorded) is that the "
                + "answer came after Kapso's 10 s: answer first, work afterwards"
        case (201..<300)?:
            // The recorded status is the evidence; lateness is recorded nowhere (probe17 P17-7: a 204 was blamed on time).
            return "the receiver answered \(status ?? 204), not 200: Kapso documents that the endpoint \"must return 200 OK within "
                + "10 seconds\" (docs.kapso.ai/docs/platform/webhooks) and counted this answer as failed; answer 200 "
                + "(an answer after 10 s fails too: answer first, work afterwards)"
        case (300..<400)? where url.map(WebhookURL.isAppsScriptWebApp) == true:
            // The redirect target is one-time: there is nothing to register instead (probe41 P41-3).
            return WebhookURL.appsScriptRedirect(status: status ?? 302)
        case (300..<400)?:
            // The log holds the redirect's own status: had Kapso followed it, the answer at its target would be there.
            return "the receiver answered a redirect (\(status ?? 300)): Kapso counts only a 200 at the URL itself and records "
                + "the redirect as the answer, so it does not follow it: register the URL it redirects to (often the https:// "
                + "form or the path with or without its trailing slash)"
        case 401?, 403?:
            return "the receiver refused it (\(status ?? 401)): its signature check or authentication rejects Kapso's request; "
                + "'verify' a saved delivery with the webhook's secret_key"
        case 404?, 405?, 410?:
            return "the receiver has no handler for it at that URL (\(status ?? 404)): check the webhook URL's path and method (POST)"
        case 413?: return "the receiver refused the body as too large (413): raise its request size limit"
        case 429?: return "the receiver rate-limited Kapso (429): let it accept bursts (Kapso retries, then gives up)"
        case (400..<500)?:
            return "the receiver rejected the request (\(status ?? 400)): its handler refuses this event's body; check its logs \(when)"
        default: return "the receiver's handler failed (\(status ?? 500)) on this event: check its logs \(when)"
        }
    }

    /// Answers that HTTP defines as the server's or a proxy's verdict on the request's transport, not the handler's on
    /// the event (probe19 P19-6: a 408 read as "its handler refuses this event's body"), each with the section of RFC
    /// 9110 ("HTTP Semantics", www.rfc-editor.org/rfc/rfc9110) or RFC 6585 (431) that defines it; nil for any other
    /// status. `when` says when to read the logs ("at these times").
    static func transportMeaning(_ status: Int, when: String = "at these times") -> String? {
        switch status {
        case 408:
            return "the receiver's server, or a proxy in front of it, gave up waiting for Kapso's request to arrive (408 Request "
                + "Timeout: \"did not receive a complete request message within the time that it was prepared to wait\", RFC 9110 "
                + "section 15.5.9), so its handler never judged the event: check the server's or proxy's request read timeout and "
                + "keep-alive idle timeout \(when)"
        case 411:
            return "the receiver's server or proxy requires a Content-Length header and refused the request without reading it "
                + "(411 Length Required, RFC 9110 section 15.5.12): let it accept a body without Content-Length (chunked)"
        case 414:
            return "the receiver's server refused the webhook URL as too long (414 URI Too Long, RFC 9110 section 15.5.15): register "
                + "a shorter URL (move long query parameters into the webhook's headers)"
        case 415:
            return "the receiver does not accept the body's media type (415 Unsupported Media Type, RFC 9110 section 15.5.16): Kapso "
                + "sends Content-Type: application/json; make the route accept JSON"
        case 417:
            return "the receiver's server or proxy could not meet the request's Expect header (417 Expectation Failed, RFC 9110 "
                + "section 15.5.18), so its handler never saw the event: check how the server or proxy handles Expect: 100-continue"
        case 421:
            return "the server that took the connection does not answer for the webhook URL's host (421 Misdirected Request, RFC "
                + "9110 section 15.5.20: often a TLS certificate or connection shared by several host names): check the server's "
                + "virtual host and TLS set-up for that host"
        case 426:
            return "the receiver's server refuses the request over this protocol and asks for another (426 Upgrade Required, RFC "
                + "9110 section 15.5.22; its Upgrade header names it): register the URL in the form it requires (usually https://)"
        case 431:
            return "the receiver's server or proxy refused the request's headers as too large (431 Request Header Fields Too "
                + "Large, RFC 6585 section 5), so its handler never saw the event: shorten the webhook's custom headers or raise the "
                + "server's header size limit"
        case 501:
            return "the receiver's server does not support the request's method (501 Not Implemented, RFC 9110 section 15.6.2): "
                + "make the URL accept POST"
        case 502:
            return "a proxy or gateway in front of the handler got no valid answer from it (502 Bad Gateway, RFC 9110 section 15.6.3): "
                + "the application behind the proxy is down, crashed or refused the connection; check that it runs, the "
                + "proxy's upstream address, and the application's logs \(when)"
        case 503:
            return "the receiver's server could not take the request (503 Service Unavailable, RFC 9110 section 15.6.4: overloaded or "
                + "down for maintenance; often a proxy with no healthy application behind it, or a platform that put the app "
                + "to sleep): check that the application is up and has capacity \(when)"
        case 504:
            return "a proxy or gateway in front of the handler gave up waiting for its answer (504 Gateway Timeout, RFC 9110 "
                + "section 15.6.5): the handler is too slow or hangs; answer 200 first and work afterwards, and check the handler's "
                + "logs \(when)"
        case 505:
            return "the receiver's server refuses the HTTP version of Kapso's request (505 HTTP Version Not Supported, RFC 9110 "
                + "section 15.6.6): check the server's or proxy's protocol settings"
        default:
            return nil
        }
    }

    /// Cloudflare's own answers (520-527, 530) when the receiver's host is behind Cloudflare and it got no good answer from
    /// the origin server (Cloudflare docs, "Cloudflare 5xx errors",
    /// developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/): for 521-523,
    /// 525-527 and 530 the request never reached the handler, so its logs hold nothing; nil for other statuses. `when`
    /// says when to read the logs ("at these times").
    ///
    /// 530 is the status of Cloudflare's 1xxx errors, named in the body ("Troubleshooting Cloudflare 1XXX errors",
    /// cloudflare/cloudflare-docs: "HTTP 409, 530, 403, and 429 errors are the HTTP error codes returned in the HTTP
    /// status header … 1XXX errors appear in the HTML body"); for a webhook most often 1033, "Cloudflare Tunnel error":
    /// "your tunnel is not connected to Cloudflare's network" (cloudflare/cloudflare-docs PR 25863, partial
    /// `tunnel/1033-error.mdx`; a 530 answer `"error_code": 1033` for a trycloudflare.com host in orchidfiles/ungate
    /// issue 28), or 1016, the origin's DNS name does not resolve (probe40 P40-6: read as "the handler failed").
    static func cloudflareMeaning(_ status: Int, when: String = "at these times") -> String? {
        let what: String
        var reached = false
        switch status {
        case 530:
            return "Cloudflare, in front of the receiver, answered for it with one of its own 1xxx errors (530; the body "
                + "names it: most often 1033, the Cloudflare Tunnel to the origin is not connected, or 1016, the origin's DNS "
                + "name does not resolve); the request never reached the handler, so its logs show nothing: check that "
                + "cloudflared runs and is connected ('cloudflared tunnel list'), or the origin's DNS record for 1016 "
                + "(Cloudflare's '1xxx errors' docs)"
        case 520:
            what = "the origin answered with something empty, malformed or unexpected (520, e.g. it crashed or closed the connection)"
            reached = true
        case 521: what = "the origin refused Cloudflare's connection (521: the web server is down or blocks Cloudflare)"
        case 522: what = "Cloudflare's connection to the origin timed out (522: a firewall drops it, or the server is overloaded)"
        case 523: what = "Cloudflare could not reach the origin at all (523: its DNS record or routing is wrong)"
        case 524:
            what = "the origin took the connection but did not answer in time (524)"
            reached = true
        case 525: what = "the TLS handshake between Cloudflare and the origin failed (525)"
        case 526: what = "the origin's TLS certificate is not valid for Cloudflare (526: expired, self-signed or another host's)"
        case 527: what = "Cloudflare's Railgun link to the origin failed (527)"
        default: return nil
        }
        let logs = reached
            ? "the handler may have run: check the origin's logs \(when)"
            : "the request never reached the handler, so its logs show nothing: check that the origin server is up, that its "
                + "firewall lets Cloudflare in, and its TLS"
        return "Cloudflare, in front of the receiver, answered for it: \(what); \(logs) (Cloudflare's '5xx errors' docs)"
    }
}

extension ErrorTriage {
    /// When a delivery's advice says to read the receiver's logs (`deliveryMeaning`): one input where two overlapped (a
    /// flag for one delivery and a time that overrode it, fix58D).
    public enum LogsTime: String, Sendable {
        /// `at these times`: the failures of a list (`errors`, `webhooks check`, `health`).
        case listed = "at these times"
        /// `at the time of the last attempt above`: one delivery shown with its last attempt (`webhooks test`).
        case lastAttempt = "at the time of the last attempt above"
        /// `at the delivery's time`: a pasted delivery status (`explain`).
        case pasted = "at the delivery's time"
    }

    /// `deliveryMeaning(status:)` of a delivery's read answer, an unreadable one said as such (tester54 V23).
    public static func deliveryMeaning(
        _ answer: DeliveryAnswer, url: String? = nil, deliveredBefore: Bool? = nil, accepted: AcceptedAnswer? = nil,
        logs: LogsTime = .listed
    ) -> String {
        if case .unreadable(let shown) = answer { return DeliveryAnswer.unreadableMeaning(shown) }
        return deliveryMeaning(
            status: answer.httpStatus, url: url, deliveredBefore: deliveredBefore, accepted: accepted, logs: logs)
    }

    /// Adds failed deliveries (a `/webhook_deliveries` page of `period`, which the suggested `deliveries` command
    /// carries so it lists them too). `accepted` is each webhook's `AcceptedAnswer` by webhook id, read from its
    /// deliveries of any status (`WebhookVerdict.accepted`): the failed ones alone never hold one (tester58b AE4). The
    /// entries go at `index` of `entries` (the end when nil).
    public mutating func addDeliveries(
        _ deliveries: [WebhookDelivery], period: String = DeliveryPeriod.standard, accepted: [String: AcceptedAnswer] = [:],
        at index: Int? = nil
    ) {
        var added: [Entry] = []
        for delivery in deliveries where delivery.status == "failed" {
            let answer = delivery.answer.label
            added.append(
                Entry(
                    time: delivery.createdAt, source: .webhook,
                    subject: "\(delivery.event) to \(WebhookURL.short(delivery.webhookURL))",
                    error: "\(answer) after \(DeliveryAnswer.attempts(delivery.attemptCount))",
                    meaning: Self.deliveryMeaning(
                        delivery.answer, url: delivery.webhookURL,
                        accepted: accepted[delivery.webhookID])
                        + "; see '\(DeliveryPeriod.command(webhookID: delivery.webhookID, errors: true, period: period))'",
                    json: delivery.json))
        }
        entries.insert(contentsOf: added, at: min(index ?? entries.count, entries.count))
    }
}
