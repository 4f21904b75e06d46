import KapsoClient
import KapsoDiagnostics
import Testing

/// tester64b U3: T8 counted the sends Kapso's status and Meta's history disagree on apart in the table and `overview`,
/// but the groups' headlines (what `errors --output json` and `overview` quote) still stated them as plain failures:
/// "1 message failed with failed (Kapso's status only)" for a send Meta reported delivered, and a disputed 131026 counted
/// with a real one. They are now their own groups, with hedged headlines; `errors --output json` carries `disputed`.
@Suite struct U3DisputedSendsHeadlineTests {
    static func entries() throws -> [ErrorTriage.Entry] {
        let messages = [
            // Kapso failed, Meta sent and delivered: no failure in Meta's history.
            T8KapsoMetaDisagreeCountTests.message("F02", kapso: "failed", statuses: [("sent", 0, ""), ("delivered", 2, "")]),
            // Kapso read, Meta only failed 131026.
            T8KapsoMetaDisagreeCountTests.message(
                "F03", kapso: "read", statuses: [("sent", 0, ""), ("failed", 1, T8KapsoMetaDisagreeCountTests.failed131026)]),
            // A plain failure: both say failed.
            T8KapsoMetaDisagreeCountTests.message(
                "F05", kapso: "failed", statuses: [("sent", 0, ""), ("failed", 1, T8KapsoMetaDisagreeCountTests.failed131026)]),
        ]
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(#"{"data": ["# + messages.joined(separator: ", ") + "]}"), since: 0)
        return triage.entries
    }

    @Test func disputedSendsHaveHedgedHeadlinesOfTheirOwn() throws {
        let groups = FailureGroups(try Self.entries(), numbers: [])
        let headlines = groups.groups.map(\.headline)
        #expect(!headlines.contains { $0.contains("failed with failed") }, "\(headlines)")
        #expect(headlines.contains("1 message failed with 131026 (message undeliverable)"), "\(headlines)")
        let disputed = headlines.filter { $0.hasSuffix(": not certain to have failed") }
        #expect(disputed.count == 2, "\(headlines)")
        #expect(disputed.contains { $0.contains("Kapso's status marks failed while Meta's history has no failure code") }, "\(headlines)")
        #expect(disputed.contains { $0.hasPrefix("1 message with 131026") }, "\(headlines)")
        #expect(FailureGroups.disputedCount(try Self.entries()) == 2)
    }
}
