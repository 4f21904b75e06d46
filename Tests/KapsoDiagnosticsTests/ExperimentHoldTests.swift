import KapsoClient
import KapsoDiagnostics
import Testing

/// tester49 L1: `reply --template spring_promo` (MARKETING) to a contact whose spring_promo Meta refused with 130472
/// ("User's number is part of an experiment") an hour earlier went without a word, while the same command after 131049 or
/// 131050 was refused. Meta, Experiments, Marketing message experiment: such a user gets no marketing template unless a
/// customer service window is open, and a resend fails the same way. The marketing rows of `ResendHold.rules` read it.
@Suite struct ExperimentHoldTests {
    static let failedAt: Int64 = 1_795_261_801
    static let springPromo = TemplateCategoryAdviceTests.wabaList.templates[2]

    static func failed() throws -> Message {
        try Message(json: try TemplateCategoryAdviceTests.message(template: "spring_promo", code: 130472))
    }

    static func wrote(at time: Int64) throws -> Message {
        try Message(json: try #require(try JSONValue.parse("""
            {"id": "wamid.IN", "timestamp": "\(time)", "type": "text", "from": "14155550177", "text": {"body": "hi"},
             "kapso": {"direction": "inbound", "status": "received"}}
            """).object))
    }

    @Test func aMarketingTemplateAfter130472IsRefusedWhileNoWindowIsOpen() throws {
        let problem = try #require(TemplateCheck.recentMarketingRefusal(Self.springPromo, sends: [try Self.failed()], now: Self.failedAt + 3_600))
        #expect(problem.code == "130472")
        #expect(problem.statement.contains("with 130472 at 2026-11-21T") && problem.statement.contains("(1 h ago)"), "\(problem.statement)")
        #expect(problem.statement.contains("marketing message experiment"), "\(problem.statement)")
        #expect(problem.fix.hasPrefix("by another channel, ask the contact to write to this number"), "\(problem.fix)")
        // The experiment has no end date: two days later it still holds.
        #expect(TemplateCheck.recentMarketingRefusal(Self.springPromo, sends: [try Self.failed()], now: Self.failedAt + 48 * 3_600)?.code == "130472")
    }

    @Test func theContactWritingWithin24HoursLiftsIt() throws {
        let now = Self.failedAt + 30 * 3_600
        #expect(TemplateCheck.recentMarketingRefusal(Self.springPromo, sends: [try Self.failed(), try Self.wrote(at: now - 3_600)], now: now) == nil)
        // A message of theirs older than the window opens none now.
        let old = try Self.wrote(at: now - 25 * 3_600)
        #expect(TemplateCheck.recentMarketingRefusal(Self.springPromo, sends: [try Self.failed(), old], now: now)?.code == "130472")
    }
}
