internal import KapsoClient

// MARK: - A page that failed on the server's side, asked for again

extension ListStream {
    /// How many times a page answered 5xx is asked for again before the stream ends with its error.
    static let pageRetries = 2

    /// `fetch(after)`, asking once more for a page the server failed (a 5xx, with or without a JSON body), up to `pageRetries`
    /// times, 1 s then 2 s apart, each said on standard error; any other error, or the last failure, is thrown as it came.
    /// A page is a GET (idempotent), and a 429 with a short `Retry-After` and a dropped connection were already asked for
    /// again below (`KapsoClient`, the transport): one 503 on page 8 of a 1,000-page `--all` ended the stream (tester63
    /// AN6). The wait returns early on Ctrl-C (`ShellContext.pause`), and the next request then ends the stream.
    static func fetchRetryingServerFailures<Item>(
        _ fetch: ([(String, String)]) throws -> Page<Item>, _ after: [(String, String)], in context: ShellContext
    ) throws -> Page<Item> {
        var tries = 0
        while true {
            do {
                return try fetch(after)
            } catch let error as KapsoAPIError where tries < pageRetries {
                guard let reason = serverFailure(error) else { throw error }
                tries += 1
                context.emit(CommandResult(blocks: [
                    .hint("a page failed: \(reason); asking for it again in \(tries) s (retry \(tries) of \(pageRetries))")
                ]))
                context.pause(Double(tries))
            }
        }
    }

    /// What failed, for a failure on the server's side (a status of 500 or more); nil for any other error.
    static func serverFailure(_ error: KapsoAPIError) -> String? {
        switch error {
        case .server(let status, _): "the API failed (\(status))"
        case .badResponse(let status, _, _) where status >= 500: "the API failed (\(status), no JSON)"
        default: nil
        }
    }
}
