extension KapsoStatusReading {
    /// What a 5xx says, by what the pasted line says the call was (tester59b AG21: "retry later" for a 504 on a send, whose
    /// message may have gone out while the gateway stopped waiting). A read can be retried; a send's or write's outcome is
    /// unknown (`ServerFailure`'s reading of a logged write); a line that names neither gets both in one sentence.
    ///
    /// Sources: RFC 9110 §15.6 (https://www.rfc-editor.org/rfc/rfc9110#section-15.6): 502 a gateway "received an invalid
    /// response from an inbound server", 503 "currently unable to handle the request", 504 a gateway "did not receive a
    /// timely response from an upstream server". Cloudflare's 5xx errors (developers.cloudflare.com/support/troubleshooting/
    /// http-status-codes/cloudflare-5xx-errors/): 520 the origin returned an empty, unknown or unexpected response, 521 the
    /// origin refused the connection, 522 the connection to the origin timed out (before or after the request was sent),
    /// 523 the origin is unreachable, 524 the origin accepted the connection but did not answer in time (100 s by default).
    static func gatewayFailure(_ status: Int, call: PastedCall?) -> (String, [Cause], String) {
        let failed = "HTTP \(status): the API (Kapso or Meta behind it) failed, not the request"
        let meaning: String
        switch status {
        case 502: meaning = failed + ": a gateway got no valid answer from the server behind it (RFC 9110 section 15.6.3)"
        case 503: meaning = failed + ": it is unavailable or overloaded for a while (RFC 9110 section 15.6.4)"
        case 504:
            meaning = failed + ": a gateway stopped waiting for the server behind it (RFC 9110 section 15.6.5), which may still "
                + "have done the work"
        case 520: meaning = "HTTP 520 (Cloudflare): the server behind Cloudflare answered something empty or unexpected"
        case 521, 523: meaning = "HTTP \(status) (Cloudflare): Cloudflare could not reach the server behind it"
        case 522:
            meaning = "HTTP 522 (Cloudflare): Cloudflare's connection to the server behind it timed out, before or after "
                + "the request was sent"
        case 524:
            meaning = "HTTP 524 (Cloudflare): the server behind Cloudflare took the request and did not answer in time "
                + "(100 s by default); it may still have done the work"
        default: meaning = failed
        }
        let todo: String
        switch call {
        case _ where [521, 523].contains(status): todo = "retry later: the request did not reach the server"
        case .read?: todo = "retry later; 'health' shows the number's state"
        case let call?: todo = "the outcome is unknown: " + (call.unknownOutcome ?? "")
        case nil: todo = PastedCall.eitherOutcome + " later; 'health' shows the number's state"
        }
        return (meaning, [], todo)
    }
}
