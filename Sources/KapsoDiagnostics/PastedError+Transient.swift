// MARK: - Graph's is_transient flag

extension PastedError {
    /// Whether to retry this error and the advice in words: the catalogue entry's, unless the pasted Graph body
    /// carries `is_transient` that says otherwise (tester49 L4: code 1 with `"is_transient": true` read "maybe …
    /// otherwise fix the request first").
    ///
    /// - `true`: `.later` ("back off and retry with growing delays"), whatever the code's usual advice.
    /// - `false` on a code whose usual advice is a retry (1, 2, 4, 131000…): `.maybe`, naming both the flag and the
    ///   code's usual reading, since one retry after a pause is cheap and the flag is about this one error.
    /// - `false` on a code whose advice is no retry, or no flag: the entry's advice unchanged.
    ///
    /// Source: Meta's Business SDK reads `error.is_transient` as `api_transient_error()` (facebook/facebook-python-business-sdk,
    /// facebook_business/exceptions.py); Meta's Graph API "Handling Errors" guide (developers.facebook.com/docs/graph-api/
    /// guides/error-handling) calls codes 1 and 2 temporary ("wait and retry") and does not describe the flag, so its
    /// meaning is taken from the SDK's name for it.
    public func retry(_ entry: ErrorCatalog.Entry) -> (retry: ErrorCatalog.Retry, advice: String) {
        switch (transient, entry.retry) {
        case (true?, _):
            return (.later, "later: Graph marks this error transient (is_transient: true): back off and retry with growing delays")
        case (false?, .yes), (false?, .later), (false?, .maybe):
            return (
                .maybe,
                "maybe: Graph marks this error not transient (is_transient: false), although code \(entry.code) is "
                    + "usually a passing one: retry once after a pause; if it fails the same way, a retry will not help")
        default:
            return (entry.retry, entry.retry.advice)
        }
    }
}
