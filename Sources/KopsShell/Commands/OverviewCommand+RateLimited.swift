internal import KapsoClient
internal import KopsHTTP

/// A part of `overview` the API answered 429 (or a 5xx, after the client's retries) for (`KapsoAPIError.rateLimited`), after the client waited once and sent
/// it again when the `Retry-After` was short (`KapsoClient.shortRateLimitWait`). Before, such a part made the whole
/// overview fail (a shared limit, a number's health reads at 5 a second per project, kapso-api.md §2.3, met by another
/// client); now the overview shows what it could read and one line per part it could not, with the command that reads
/// it alone. A part not read is never shown as `0` or `ok`.
struct OverviewUnreadPart {
    /// What could not be read: `health of Sales Line (100200300400502)`, `API calls (24h)`.
    var what: String
    /// The command that reads it alone: `health 100200300400502`.
    var command: String
    /// The 429 as the client reported it; nil for a number's health not asked for, as the project's health reads for the
    /// minute were spent (`KapsoClient.healthReadsLeftThisMinute` 0).
    var error: KapsoAPIError?

    /// `rate-limited (429) twice` when the client sent it again after a short wait, `rate-limited (429)` otherwise.
    var rateLimited: String {
        guard let error else {
            return "not read: the project's 60 health reads a minute (Kapso's limit, across keys) were spent, so it was not asked"
        }
        guard case .rateLimited(let retryAfter, _) = error else { return error.message }
        let resent = retryAfter.map { (1...KapsoClient.shortRateLimitWait).contains($0) } ?? false
        return "rate-limited (429)" + (resent ? " twice" : "")
    }

    /// Why a number's row shows no health: `health answered 404 (…)` for a number Meta dropped (tester70 F13), else
    /// as `rateLimited` says it.
    var rowWords: String {
        guard let error else { return "health reads for the minute spent" }
        switch error {
        case .notFound: return "health answered 404 although the number is in Kapso's list: removed or disconnected at Meta?"
        case .phoneNumberNotFound: return "health answered 404: the number is no longer in the project's list"
        default: return "health " + (OverviewCommand.refusedStatus(error).map { "not read: the API " + OverviewCommand.refusedWords($0) } ?? rateLimited)
        }
    }

    /// When to run `command` again: the server's `Retry-After` when it asked for longer than a short wait, or in a minute;
    /// an implausible one (`RetryAfter.plausible`) is named as the server's ask.
    var when: String {
        guard case .rateLimited(let retryAfter?, _)? = error, retryAfter > KapsoClient.shortRateLimitWait else {
            // A 4xx other than 429 does not pass by waiting (tester70 F14): the command shows it alone.
            return OverviewCommand.refusedStatus(error) == nil ? "in a minute" : "to see it alone"
        }
        guard !RetryAfter.isImplausible(retryAfter) else {
            return "later (the server asked for \(KapsoAPIError.implausibleWait(retryAfter)); check Kapso's status)"
        }
        return "in " + KapsoAPIError.wait(retryAfter)
    }

    /// The overview's line: `health of Sales Line (100200300400502): rate-limited (429) twice; run 'health
    /// 100200300400502' in a minute`.
    var line: String { "\(what): \(rateLimited); run '\(command)' \(when)" }

    var json: JSONValue {
        var retryAfter: JSONValue = .null
        if case .rateLimited(let seconds?, _)? = error { retryAfter = .number(String(seconds)) }
        var status: JSONValue = error == nil ? .null : .number("429")
        var reason = error == nil ? "health_minute_limit_spent" : "rate_limited"
        if case .server(let code, _)? = error { (status, reason) = (.number(String(code)), "server_error") }
        if let code = OverviewCommand.refusedStatus(error) { (status, reason) = (.number(String(code)), "refused") }
        return .object([
            "part": .string(what), "command": .string(command), "status": status, "retry_after": retryAfter, "reason": .string(reason),
        ])
    }
}

extension OverviewCommand {
    /// `body`'s value, or nil and the error when the API answered a 429 or a 5xx (`server`, after the client's own
    /// retries: fix48's L12 note, one 503 failed the whole overview); any other error (a rejected key, no connection) is
    /// thrown as before, since no part could be read.
    static func unlessRateLimited<T>(_ body: () throws -> T) throws -> (value: T?, limited: KapsoAPIError?) {
        do {
            return (try body(), nil)
        } catch let error as KapsoAPIError {
            switch error {
            case .rateLimited, .server: return (nil, error)
            default: throw error
            }
        }
    }

    /// `unlessRateLimited` for a part read after the numbers list answered: a 4xx other than 401 on one part (a number
    /// Meta dropped answering 404 for its health, a key without access to one resource answering 403) is that part not
    /// read, not the whole overview (tester70 F13: one number's 404 blanked every other number's health and the next
    /// steps). A 401, or no answer at all, still fails it: then no part can be read.
    static func unlessPartFails<T>(_ body: () throws -> T) throws -> (value: T?, limited: KapsoAPIError?) {
        do {
            return try unlessRateLimited(body)
        } catch let error as KapsoAPIError where refusedStatus(error) != nil {
            return (nil, error)
        }
    }

    /// The status of a 4xx answer other than 401 and 429 (`notFound` 404, `rejected`, a number's 404), nil for anything
    /// else: such a part was refused by the API, which waiting does not change.
    static func refusedStatus(_ error: KapsoAPIError?) -> Int? {
        switch error {
        case .notFound?, .phoneNumberNotFound?: 404
        case .rejected(let status, _, _)?: status
        case .badResponse(let status, _, _)? where (400..<500).contains(status) && status != 401 && status != 429: status
        default: nil
        }
    }

    /// `refused it, 404`, `refused it, 403, forbidden for this key`: the short words for a part the API refused.
    static func refusedWords(_ status: Int) -> String {
        "refused it, \(status)" + (status == 403 ? ", forbidden for this key" : "")
    }

    /// `429`, or the 5xx status a part was answered with: for the short notes that name it.
    static func unreadStatus(_ error: KapsoAPIError?) -> String {
        if case .server(let status, _)? = error { return String(status) }
        if let status = refusedStatus(error) { return String(status) }
        return "429"
    }

    /// `rate-limited, 429` or `the API failed, 503`: why a part was not read, for the summary's fields; a 5xx is no
    /// rate limit (kapso-api.md §1.5: 429 is the rate limit; tester53 T15: a 503 was called "rate-limited, 429").
    static func unreadWords(_ error: KapsoAPIError?) -> String {
        if case .server(let status, _)? = error { return "the API failed, \(status)" }
        if let status = refusedStatus(error) { return "the API " + refusedWords(status) }
        return "rate-limited, 429"
    }

    /// `rate limits`, `API failures` or both: why the parts the verdict depends on were not read, for the failure line.
    /// A 4xx the API refused a part with is neither (tester70 F14: a 404 was called "rate limits"): `API refused: 404`.
    static func unreadCauses(_ errors: [KapsoAPIError?]) -> String {
        let failed = errors.contains { if case .server? = $0 { true } else { false } }
        let refused = Set(errors.compactMap(refusedStatus)).sorted()
        let limited = errors.contains {
            if case .server? = $0 { return false }
            return refusedStatus($0) == nil
        }
        let refusal = refused.isEmpty ? nil : "API refused: " + refused.map(String.init).joined(separator: ", ")
        return [limited ? "rate limits" : nil, failed ? "API failures" : nil, refusal].compactMap { $0 }.joined(separator: " and ")
    }
}
