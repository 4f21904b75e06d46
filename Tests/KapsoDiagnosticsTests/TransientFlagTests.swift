import KapsoClient
import KapsoDiagnostics
import Testing

/// fix50d's leftover: `explain` weighed Graph's `is_transient` (ExplainTransientTests), but `errors` did not: a logged
/// call whose body said `"is_transient": true`, or a failed send whose stored error said it, kept the code's usual
/// advice without a word of the flag. All three read it as one fact (`ErrorCatalog.transient(of:)`) and weigh it with
/// `ErrorCatalog.Entry.retry(transient:)`.
@Suite struct TransientFlagTests {
    static let transientLine = "retry: later: Graph marks this error transient (is_transient: true): back off and retry with growing delays"

    static func body(code: Int, transient: Bool?) -> String {
        let flag = transient.map { #","is_transient":\#($0)"# } ?? ""
        return #"{"error":{"message":"(#\#(code)) An unknown error occurred","type":"OAuthException","code":\#(code)\#(flag),"fbtrace_id":"AbC"}}"#
    }

    /// `errors`' meaning of a send call answered 400 with `body` as its logged error.
    static func loggedMeaning(_ body: String) -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log(
                "POST", "/meta/whatsapp/v24.0/100200300400501/messages", 400, key: "prod", at: "2026-11-21T11:19:00Z", error: body),
        ])
        return triage.entries.first?.meaning ?? ""
    }

    @Test func aLoggedCallsBodySaysTransient() {
        let meaning = Self.loggedMeaning(Self.body(code: 1, transient: true))
        #expect(meaning.hasPrefix("API unknown: "), "\(meaning)")
        #expect(meaning.hasSuffix("; " + Self.transientLine), "\(meaning)")
    }

    /// Without the flag the line says what it always said; a flag that agrees with the code's advice adds nothing.
    @Test(arguments: [nil, false] as [Bool?])
    func noFlagOrOneThatAgreesChangesNothing(_ transient: Bool?) {
        let meaning = Self.loggedMeaning(Self.body(code: 100, transient: transient))
        #expect(meaning.hasPrefix("invalid parameter: ") && !meaning.contains("is_transient"), "\(meaning)")
    }

    @Test func aFailedSendsStoredErrorSaysTransient() throws {
        var triage = ErrorTriage()
        try triage.addMessages(
            ErrorTriageStatusTests.page([
                ErrorTriageStatusTests.outbound(
                    "wamid.T", status: "failed",
                    statuses: #"[{"status":"failed","timestamp":"1001","errors":[{"code":131000,"title":"Something went wrong","is_transient":true}]}]"#),
            ]), since: 0)
        let meaning = try #require(triage.entries.first?.meaning)
        #expect(meaning.contains("; " + Self.transientLine), "\(meaning)")
    }

    /// The rule itself, as `explain` states it: true is "later" whatever the code; false on a usually passing code is
    /// "maybe"; false on a code that is never retried keeps "no".
    @Test func theRuleIsOne() throws {
        let one = try #require(ErrorCatalog.entry(for: "1"))
        #expect(one.retry(transient: true).retry == .later)
        #expect(try #require(ErrorCatalog.entry(for: "2")).retry(transient: false).retry == .maybe)
        let refused = try #require(ErrorCatalog.entry(for: "131047"))
        #expect(refused.retry(transient: false).retry == refused.retry)
        #expect(refused.transientNote(false) == nil && refused.transientNote(nil) == nil)
        #expect(refused.transientNote(true) == Self.transientLine)
    }
}
