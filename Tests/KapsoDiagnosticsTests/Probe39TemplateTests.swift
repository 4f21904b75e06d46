import KapsoClient
import KapsoDiagnostics
import Testing

/// probe39: template advice that ignored what is true now or what happened since: a 132015 on a template APPROVED again
/// (P39-2), a marketing template re-sent to a contact Meta just refused it for (P39-14).
@Suite struct Probe39TemplateTests {
    static let now: Int64 = 1_795_262_400
    static let contact = "5511987654321"

    static func template(_ category: String) -> MessageTemplate {
        MessageTemplate(json: [
            "name": "black_friday", "language": "en_US", "status": "APPROVED", "category": .string(category),
            "parameter_format": "POSITIONAL", "components": [],
        ])
    }

    static func send(_ id: String, at: Int64, code: Int?, delivered: Bool = false) throws -> Message {
        let status = code.map { #"{"id": "\#(id)", "status": "failed", "timestamp": "\#(at + 1)", "errors": [{"code": \#($0), "title": "x"}]}"# }
            ?? #"{"id": "\#(id)", "status": "delivered", "timestamp": "\#(at + 1)"}"#
        let json = """
            {"id": "\(id)", "timestamp": "\(at)", "type": "template", "to": "\(contact)",
             "template": {"name": "black_friday", "language": {"code": "en_US"}},
             "kapso": {"direction": "outbound", "status": "\(code == nil ? (delivered ? "delivered" : "sent") : "failed")",
                       "phone_number_id": "100200300400501", "statuses": [\(status)]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    // MARK: - P39-14

    /// 131049 2 h ago: refused, naming the template, the code and the time; 30 h ago: no longer.
    @Test func aRecent131049RefusesTheMarketingResend() throws {
        let recent = try Self.send("wamid.A", at: Self.now - 7_200, code: 131049)
        let problem = try #require(TemplateCheck.recentMarketingRefusal(Self.template("MARKETING"), sends: [recent], now: Self.now))
        #expect(problem.code == "131049")
        #expect(problem.statement.contains("black_friday") && problem.statement.contains("2026-11-21T10:00:01Z"), "\(problem.statement)")
        #expect(problem.fix.contains("--force"), "\(problem.fix)")
        let old = try Self.send("wamid.B", at: Self.now - 30 * 3_600, code: 131049)
        #expect(TemplateCheck.recentMarketingRefusal(Self.template("MARKETING"), sends: [old], now: Self.now) == nil)
        // A utility template is not held back by the marketing limit.
        #expect(TemplateCheck.recentMarketingRefusal(Self.template("UTILITY"), sends: [recent], now: Self.now) == nil)
    }

    /// 131050 (the contact stopped marketing) is refused whenever it was read, unless marketing reached them since.
    @Test func a131050RefusesUntilMarketingReachedThemAgain() throws {
        let stopped = try Self.send("wamid.C", at: Self.now - 5 * 86_400, code: 131050)
        #expect(TemplateCheck.recentMarketingRefusal(Self.template("MARKETING"), sends: [stopped], now: Self.now)?.code == "131050")
        let since = try Self.send("wamid.D", at: Self.now - 86_400, code: nil, delivered: true)
        #expect(TemplateCheck.recentMarketingRefusal(Self.template("MARKETING"), sends: [stopped, since], now: Self.now) == nil)
    }

    // MARK: - P39-2

    /// The catalogue says Meta unpauses by itself and that an edit sends it back to review; the template's status now
    /// decides the advice, in the verdict too.
    @Test func a132015ReadsTheTemplatesStatusNow() throws {
        let fix = try #require(ErrorCatalog.entry(for: "132015")).fix
        #expect(fix.contains("unpauses it by itself") && fix.contains("back to review") && !fix.contains("edit this one"), "\(fix)")
        #expect(TemplatePause.advice(name: "order_update", language: "en_US", status: "APPROVED")?.hasPrefix("order_update (en_US) is APPROVED again now") == true)
        #expect(TemplatePause.advice(name: "order_update", language: nil, status: "PAUSED")?.contains("still PAUSED") == true)
        #expect(TemplatePause.advice(name: "order_update", language: nil, status: nil) == nil)
        let json = """
            {"id": "wamid.P", "timestamp": "\(Self.now - 3_600)", "type": "template", "to": "14155550406",
             "template": {"name": "order_update", "language": {"code": "en_US"}},
             "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
                       "statuses": [{"id": "wamid.P", "status": "failed", "timestamp": "\(Self.now - 3_599)", "errors": [{"code": 132015, "title": "Template is Paused"}]}]}}
            """
        let message = try Message(json: try #require(try JSONValue.parse(json).object))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: Self.now, templateStatus: "APPROVED")
        #expect(verdict.text == "failed: 132015 (template paused); order_update (en_US) is APPROVED again now (Meta unpauses a "
            + "paused template by itself): resend as is; do not edit it for this (an edit sends it back to review)", "\(verdict.text)")
    }
}
