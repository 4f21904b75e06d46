public import KopsHTTP
#if canImport(Glibc)
internal import Glibc
#endif

extension KapsoClient {
    /// Sends independent requests side by side (`HTTPTransport.sendAll`), results in the order of `requests`, with the
    /// GET path's rule for a short rate limit (`sendRetryingShortRateLimit`): each GET answered 429 with a `Retry-After`
    /// of 1 to `shortRateLimitWait` seconds is sent once more, together with the others answered so, after the longest
    /// of their waits, and the second answer is the one returned. A write is never sent twice; any other answer, a longer
    /// or absent `Retry-After` included, is returned as it came (fix49b's leftover: a listing side by side was dropped
    /// under a one-second 429 that the same listing alone waited out, so look-ups that must read the same stayed one at
    /// a time).
    public func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        guard !requests.isEmpty else { return [] }
        var results = transport.sendAll(requests)
        for (request, result) in zip(requests, results) { if case .success(let response) = result { tellAnswered(request, response) } }
        defer {
            for (request, result) in zip(requests, results) {
                if case .failure(let error) = result { _ = told(.transport(error), request) }
            }
        }
        var again: [Int] = []
        var wait = 0
        for (index, result) in results.enumerated() {
            guard case .success(let response) = result, let seconds = shortRateLimitWait(requests[index], response) else { continue }
            again.append(index)
            wait = max(wait, seconds)
        }
        guard !again.isEmpty else { return results }
        usleep(UInt32(wait) * 1_000_000)
        for (index, result) in zip(again, transport.sendAll(again.map { requests[$0] })) {
            if case .success(let response) = result { tellAnswered(requests[index], response) }
            results[index] = result
        }
        return results
    }
}
