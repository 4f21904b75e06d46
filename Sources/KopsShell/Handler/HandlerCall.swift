internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// One POST of a webhook delivery to the user's own handler, as Kapso would make it: exact body, given headers,
/// and Kapso's 10 s limit (kapso-api.md §10.2) as the timeout. Used by `webhooks fire`, `replay`, `listen`
/// (forwarding) and `webhooks probe`.
struct HandlerCall {
    /// Kapso counts an answer after this many seconds as a failed attempt.
    static let kapsoLimitSeconds = 10.0

    /// What the handler did.
    enum Outcome {
        /// It answered: status, seconds taken, and the start of the body.
        case answered(status: Int, seconds: Double, body: [UInt8], headers: [(name: String, value: String)])
        /// No answer: refused, timed out, TLS failed, Ctrl-C (the transport's one-line reason).
        case failed(TransportError)

        /// A 2xx within Kapso's limit. Kapso documents 200 and does not say how it counts another 2xx
        /// (`DeliveryAnswer.otherSuccessRemark`): `describe` warns of one, but it is not called failed (probe43 P43-12:
        /// `webhooks fire` said "not accepted" while `webhooks test` showed the same handler's 202 delivered).
        var isSuccess: Bool {
            if case .answered(let status, let seconds, _, _) = self { return (200..<300).contains(status) && seconds <= kapsoLimitSeconds }
            return false
        }

        var status: Int? {
            if case .answered(let status, _, _, _) = self { return status }
            return nil
        }
    }

    /// Sends `body` with `headers` to `url`; the transport's own timeout is set to Kapso's limit for this call.
    static func post(
        _ body: [UInt8], headers: [(name: String, value: String)], to url: String, transport: any HTTPTransport
    ) -> Outcome {
        let curl = transport as? CurlTransport
        let saved = curl?.options
        if var options = saved {
            options.timeout = kapsoLimitSeconds
            options.connectTimeout = min(options.connectTimeout, kapsoLimitSeconds)
            curl?.options = options
        }
        defer { if let saved { curl?.options = saved } }
        return outcome(Result { () throws(TransportError) in try transport.send(request(body, headers: headers, to: url)) })
    }

    /// The POST of a delivery: the exact body and the given headers, less those the transport writes itself
    /// (Content-Length for the exact body; Host follows the URL).
    ///
    /// A credential header (`Authorization`, `X-Api-Key`, `Cookie`, a custom `X-Custom-Auth`:
    /// `Redactor.isCredentialHeader`) is sent as it came and shown by `--verbose` as `<redacted>`: a saved or
    /// forwarded delivery carries its receiver's credentials (probe27 P27-13).
    static func request(_ body: [UInt8], headers: [(name: String, value: String)], to url: String) -> HTTPRequest {
        let skipped: Set<String> = ["content-length", "host", "transfer-encoding", "connection", "expect"]
        return HTTPRequest(
            method: "POST", url: url,
            headers: headers.filter { !skipped.contains($0.name.lowercased()) }.map { header in
                Redactor.isCredentialHeader(header.name)
                    ? HTTPHeader(header.name, secret: Secret(header.value)) : HTTPHeader(header.name, header.value)
            },
            body: body)
    }

    /// The outcome of an exchange made with `request`.
    static func outcome(_ result: Result<HTTPResponse, TransportError>) -> Outcome {
        switch result {
        case .success(let response):
            .answered(status: response.status, seconds: response.duration, body: response.body, headers: response.headers)
        case .failure(let error): .failed(error)
        }
    }

    /// `200 in 12 ms`, `500 in 3 ms: {"error":"boom"}`, `200 in 11.2 s, over Kapso's 10 s limit: counted as failed`,
    /// or the transport's reason; server text is escaped, never shown as control sequences.
    static func describe(_ outcome: Outcome) -> (text: String, style: Style) {
        switch outcome {
        case .failed(let error):
            return ("no answer: " + reason(error), .bad)
        case .answered(let status, let seconds, let body, _):
            var text = "\(status) in \(Self.duration(seconds))"
            if seconds > kapsoLimitSeconds {
                return (text + ", over Kapso's 10 s limit: counted as failed and retried", .bad)
            }
            guard (200..<300).contains(status) else {
                text += " (Kapso retries anything but 200)"
                let start = bodyStart(body)
                return (start.isEmpty ? text : text + ": " + start, .bad)
            }
            if status != 200 { return ("\(text): " + DeliveryAnswer.otherSuccessRemark(status), .warn) }
            return (text, .good)
        }
    }

    /// Why a handler gave no answer, in a handler's terms (the transport's own messages speak of the API).
    static func reason(_ error: TransportError) -> String {
        switch error {
        case .connect(let authority): "nothing accepts connections at \(authority); is your handler running on that port?"
        case .timeout: "no answer within Kapso's 10 s limit: the handler hangs or is too slow (Kapso retries)"
        case .noAnswer(let host, let detail): "the handler at \(host) took the request but gave no answer (\(detail))"
        case .dns(let host): "could not resolve host '\(host)'; check the URL"
        case .cancelled: "stopped (Ctrl-C)"
        default: error.message
        }
    }

    /// The first 200 bytes of a handler's body as one visible line, the credentials it shows masked as in an API's
    /// error text (`Authorization: <redacted>`, token-shaped words: `Redactor.redact` with no known secret; the
    /// session's redactor masks the known ones where the line is shown), and the token after a `Bearer`
    /// (`Redactor.maskBearer`), before its control characters are escaped: escaped first, a token glued to the
    /// `\x0d\x0a` after it was no word the maskers read. `Bearer sk_live_HANDLERKEY` was printed in clear (tester62 AL3).
    static func bodyStart(_ body: [UInt8]) -> String {
        let prefix = String(decoding: body.prefix(200), as: UTF8.self)
        return VisibleText.escaped(Redactor.maskBearer(Redactor().redact(prefix))) + (body.count > 200 ? "…" : "")
    }

    /// `stopped by Ctrl-C after 1 of 5: 1 not accepted, 4 not sent`: a run of deliveries cut short, so nobody
    /// reads the ones never sent as accepted.
    static func stoppedSummary(sent: Int, failed: Int, total: Int) -> String {
        var parts: [String] = []
        if sent - failed > 0 { parts.append("\(sent - failed) accepted") }
        if failed > 0 { parts.append("\(failed) not accepted") }
        if total - sent > 0 { parts.append("\(total - sent) not sent") }
        return "stopped by Ctrl-C after \(sent) of \(total): " + parts.joined(separator: ", ")
    }

    /// `12 ms` below a second, `1.4 s` above.
    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }
}
