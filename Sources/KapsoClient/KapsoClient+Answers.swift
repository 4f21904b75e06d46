internal import KopsHTTP

// MARK: - Telling the observers of each answer once

extension KapsoClient {
    /// Tells `notFound`, `answered` and `responded` of `response` to `request`, once, as it arrives from the transport
    /// (`sendRetryingShortRateLimit`, `sendAll`, a send, a marketing preference): each request is one entry of the
    /// project's API log (kapso-api.md §5), and the shell notes one line for it in its journal (docs/own-lookups.md).
    /// A refused attempt a short 429 sends again is an answer too (tester61 AJ6).
    ///
    /// They were told at each decoding of an answer, and `trace` decodes some answers more than once (the number, the
    /// conversation, its log searches): 13 calls left 19 notes, and the 6 spare ones matched the identical calls of an
    /// earlier run of a transcript in the same second, which a check then showed as kops's own (tester65 V4).
    func tellAnswered(_ request: HTTPRequest, _ response: HTTPResponse) {
        guard notFound != nil || answered != nil || responded != nil else { return }
        let date = readServerTime(of: response)
        // This answer's time: `serverDate` only ever holds a header that parsed, so an unreadable one gives nil.
        let answeredAt = date != nil && date == serverDate ? serverTime : nil
        let path = relativePath(of: request.url)
        if response.status == 404, request.method == "GET" {
            notFound?(request.method, path, answeredAt)
        } else if request.method == "GET", let answered {
            answered(response.status, path, answeredAt)
        }
        responded?(request.method, response.status, path, answeredAt)
    }

    /// Moves `serverTime` to `response`'s `Date` header when it parses; returns the header.
    @discardableResult
    func readServerTime(of response: HTTPResponse) -> String? {
        let date = response.header("Date")
        if let date, date != serverDate, let time = KapsoTime.seconds(httpDate: date) {
            // The header changes once a second at most: it is parsed only when it changed.
            serverTime = time
            serverDate = date
        }
        return date
    }
}
