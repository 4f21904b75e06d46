import KapsoClient
import KapsoDiagnostics
import Testing

/// probe26 P26-13: a template sent as one category and listed as another now was re-categorised by Meta; kops compares
/// Kapso's record of the send with the template's category now (or its `previous_category`).
@Suite struct TemplateRecategorisationTests {
    static func message(category: String?, pricing: String? = nil) throws -> JSONObject {
        let data = category.map { #", "message_type_data": {"category": "\#($0)", "name": "order_followup"}"# } ?? ""
        let priced = pricing.map { #"{"status": "sent", "timestamp": "1795261800", "pricing": {"category": "\#($0)"}}"# } ?? ""
        return try #require(try JSONValue.parse("""
            {"id": "wamid.A", "timestamp": "1795261800", "type": "template", "to": "447700900123",
             "template": {"name": "order_followup", "language": {"code": "en_GB"}},
             "kapso": {"direction": "outbound", "status": "failed", "statuses": [\(priced)]\(data)}}
            """).object)
    }

    static func template(_ category: String, previous: String? = nil) -> JSONObject {
        var json: JSONObject = ["name": "order_followup", "language": "en_GB", "category": .string(category)]
        if let previous { json["previous_category"] = .string(previous) }
        return json
    }

    @Test func sentAsUtilityMarketingNowIsNamed() throws {
        let change = try #require(TemplateRecategorisation(message: try Self.message(category: "UTILITY"), template: Self.template("MARKETING")))
        #expect(change.sentAs == "UTILITY" && change.now == "MARKETING")
        let text = change.text(code: "131049")
        #expect(text.hasPrefix("order_followup was sent as UTILITY (Kapso's record of the send), but is MARKETING now: Meta re-categorised it"), "\(text)")
        #expect(text.contains("131049"))
    }

    @Test(arguments: [
        // (recorded at send, pricing category, template now, previous_category, changed)
        ("UTILITY", nil, "UTILITY", nil, false),
        ("utility", nil, "UTILITY", "MARKETING", false),
        ("MARKETING", nil, "MARKETING", nil, false),
        (nil, nil, "MARKETING", nil, false),
        (nil, nil, "MARKETING", "UTILITY", true),
        (nil, "authentication-international", "MARKETING", nil, true),
        ("UTILITY", nil, "MARKETING", nil, true),
    ] as [(String?, String?, String, String?, Bool)])
    func changedOnlyWhenTheReadingsDiffer(_ sent: String?, _ pricing: String?, _ now: String, _ previous: String?, _ changed: Bool) throws {
        let change = TemplateRecategorisation(message: try Self.message(category: sent, pricing: pricing), template: Self.template(now, previous: previous))
        #expect((change != nil) == changed)
    }

    /// Without Kapso's record, the template's own previous category is named, and the time of the change is not claimed.
    @Test func previousCategoryIsHedged() throws {
        let change = try #require(
            TemplateRecategorisation(message: try Self.message(category: nil), template: Self.template("MARKETING", previous: "UTILITY")))
        #expect(change.text(code: "131049").contains("was UTILITY before (the template's previous_category)"))
        #expect(change.text(code: "131049").contains("it may have been after this send"))
    }
}
