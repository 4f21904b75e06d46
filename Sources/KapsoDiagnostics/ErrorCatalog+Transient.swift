public import KapsoClient

// MARK: - Graph's is_transient flag

extension ErrorCatalog {
    /// Graph's `is_transient` on an error object (`{"code": 2, "is_transient": true, …}`, the body's `error` or an
    /// `errors[]` entry): whether Meta expects this error to pass on a retry; nil when the object has no JSON boolean
    /// there. The one reading of the flag: `explain` (a pasted body), `reply` (a refused send) and `errors` (a logged
    /// call's body, a message's stored error) read it here and weigh it with `Entry.retry(transient:)`.
    public static func transient(of error: JSONValue?) -> Bool? { error?["is_transient"]?.bool }
}

extension ErrorCatalog.Entry {
    /// Whether to retry this error and the advice in words: the entry's, unless Graph's `is_transient` says otherwise
    /// (tester49 L4: code 1 with `"is_transient": true` read "maybe … otherwise fix the request first").
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
    public func retry(transient: Bool?) -> (retry: ErrorCatalog.Retry, advice: String) {
        switch (transient, retry) {
        case (true?, _):
            return (.later, "later: Graph marks this error transient (is_transient: true): back off and retry with growing delays")
        case (false?, .yes), (false?, .later), (false?, .maybe):
            return (
                .maybe,
                "maybe: Graph marks this error not transient (is_transient: false), although code \(code) is "
                    + "usually a passing one: retry once after a pause; if it fails the same way, a retry will not help")
        default:
            return (retry, retry.advice)
        }
    }

    /// `retry: later: Graph marks this error transient …` for a line that reads a refused call by this entry (`reply`'s
    /// refused send, an `errors` row) when `transient` changes the entry's advice (`retry(transient:)`); nil otherwise,
    /// so a line without the flag, or with one that agrees, says what it always said.
    public func transientNote(_ transient: Bool?) -> String? {
        let advised = retry(transient: transient)
        guard advised.retry != retry || advised.advice != retry.advice else { return nil }
        return "retry: " + advised.advice
    }
}
