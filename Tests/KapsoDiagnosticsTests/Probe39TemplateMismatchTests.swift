import KapsoClient
import KapsoDiagnostics
import Testing

/// probe39 P39-3: a template failure (132001, 132000, 132015) read against the WABA's templates names the concrete
/// mismatch: the language code the name exists in, a name in another case, the status, the parameters per part.
@Suite struct Probe39TemplateMismatchTests {
    static func template(
        _ name: String = "order_update", language: String = "en_US", status: String = "APPROVED", components: JSONValue? = nil,
        named: Bool = false
    ) -> MessageTemplate {
        MessageTemplate(json: [
            "name": .string(name), "language": .string(language), "status": .string(status), "category": "UTILITY",
            "parameter_format": named ? "NAMED" : "POSITIONAL",
            "components": components ?? [["type": "BODY", "text": "Your order {{1}} is on its way."]],
        ])
    }

    static func listing(_ templates: [MessageTemplate], complete: Bool = true) -> TemplateMismatch.Listing {
        TemplateMismatch.Listing(businessAccountID: "200300400500601", templates: templates, complete: complete)
    }

    static func sent(_ name: String = "order_update", language: String? = "en_US", body: Int = 1) -> TemplateMismatch.Sent {
        let parameters = (0..<body).map { JSONValue.object(["type": "text", "text": .string("v\($0)")]) }
        return TemplateMismatch.Sent(name: name, language: language, components: [["type": "body", "parameters": .array(parameters)]])
    }

    /// The finding: `en` sent, `en_US` APPROVED on the WABA.
    @Test func aNameInAnotherLanguageCodeIsNamed() throws {
        let advice = try #require(TemplateMismatch.advice(code: "132001", sent: Self.sent(language: "en"), listing: Self.listing([Self.template()])))
        #expect(advice.hasPrefix("order_update exists in en_US (APPROVED), not in en"), "\(advice)")
        #expect(advice.contains("en and en_US are different translations") && advice.contains("send with language en_US"), "\(advice)")
        // Two translations, neither approved: nothing can be sent.
        let pending = TemplateMismatch.advice(
            code: "132001", sent: Self.sent(language: "pt_BR"),
            listing: Self.listing([Self.template(status: "PENDING"), Self.template(language: "es", status: "REJECTED")]))
        #expect(pending?.contains("none of its translations is APPROVED") == true, "\(pending ?? "nil")")
        // tester50 N2: the translation in the sent language comes first, whatever order the WABA lists them in.
        let two = TemplateMismatch.advice(
            code: "132001", sent: Self.sent(language: "en"), listing: Self.listing([Self.template(language: "es"), Self.template()]))
        #expect(two?.hasPrefix("order_update exists in en_US (APPROVED), es (APPROVED), not in en") == true, "\(two ?? "nil")")
        #expect(two?.contains("send with one of its approved codes (en_US, es)") == true, "\(two ?? "nil")")
    }

    /// A name in another case or spacing, a version not approved, a name nowhere (all pages read, or not).
    @Test func otherMismatchesOfA132001() throws {
        let cased = TemplateMismatch.advice(code: "132001", sent: Self.sent("Order Update"), listing: Self.listing([Self.template()]))
        #expect(cased?.contains("the WABA has 'order_update' (en_US, APPROVED), which differs only in case or spacing") == true, "\(cased ?? "nil")")
        let pending = TemplateMismatch.advice(code: "132001", sent: Self.sent(), listing: Self.listing([Self.template(status: "PENDING")]))
        #expect(pending?.hasPrefix("order_update (en_US) is PENDING (not approved yet)") == true, "\(pending ?? "nil")")
        let approved = TemplateMismatch.advice(code: "132001", sent: Self.sent(), listing: Self.listing([Self.template()]))
        #expect(approved?.contains("is APPROVED on the WABA now") == true, "\(approved ?? "nil")")
        let none = TemplateMismatch.advice(code: "132001", sent: Self.sent("welcome"), listing: Self.listing([Self.template()]))
        #expect(none?.hasPrefix("WABA 200300400500601 has no template named welcome in any language now (1 template listed): it was deleted or never created there") == true, "\(none ?? "nil")")
        let partial = TemplateMismatch.advice(code: "132001", sent: Self.sent("welcome"), listing: Self.listing([Self.template()], complete: false))
        #expect(partial?.contains("kops cannot tell whether it exists") == true, "\(partial ?? "nil")")
        // Meta's details name the template when the record has no template object.
        let fromDetails = try #require(TemplateMismatch.Sent(message: [:], details: "template name (order_update) does not exist in en"))
        #expect(fromDetails.name == "order_update" && fromDetails.language == "en" && fromDetails.components == nil)
    }

    /// 132000: the part that differs, with what the template takes and what the send gave.
    @Test func aParameterCountNamesThePartAndBothCounts() throws {
        let body = TemplateMismatch.advice(code: "132000", sent: Self.sent(body: 2), listing: Self.listing([Self.template()]))
        #expect(body == "order_update (en_US): the body takes 1 parameter ({{1}}), the send gave 2: send exactly what it takes "
            + "('template order_update' shows it)", "\(body ?? "nil")")
        let image = Self.template(components: [
            ["type": "HEADER", "format": "IMAGE"], ["type": "BODY", "text": "Hi {{1}}"],
            ["type": "BUTTONS", "buttons": [["type": "URL", "text": "Track", "url": "https://x.example/t/{{1}}"]]],
        ])
        let parts = TemplateMismatch.advice(code: "132000", sent: Self.sent(), listing: Self.listing([image])) ?? "nil"
        #expect(parts.contains("the header takes 1 parameter (an image), the send gave none"), "\(parts)")
        #expect(parts.contains("button 0 (URL) takes 1 parameter (the URL's suffix), the send gave none"), "\(parts)")
        #expect(!parts.contains("the body takes"), "\(parts)")
        // Named: the names differ although the counts agree.
        let named = Self.template(components: [["type": "BODY", "text": "Hi {{customer_name}}"]], named: true)
        let given = TemplateMismatch.Sent(
            name: "order_update", language: "en_US",
            components: [["type": "body", "parameters": [["type": "text", "text": "Lee", "parameter_name": "name"]]]])
        let names = TemplateMismatch.advice(code: "132000", sent: given, listing: Self.listing([named])) ?? "nil"
        #expect(names.contains("the body takes 1 parameter ({{customer_name}}), the send gave 1 ({{name}})"), "\(names)")
        // All parts agree now: no part is named as wrong.
        let agree = TemplateMismatch.advice(code: "132000", sent: Self.sent(), listing: Self.listing([Self.template()])) ?? "nil"
        #expect(agree.contains("cannot tell which part") && agree.contains("body 1"), "\(agree)")
    }

    /// The verdict reads the listing for each code, and keeps the catalogue's hedge without one.
    @Test func theVerdictNamesTheMismatch() throws {
        let now: Int64 = 1_795_262_400
        let json = """
            {"id": "wamid.L", "timestamp": "\(now - 3_600)", "type": "template", "to": "14155550405",
             "template": {"name": "order_update", "language": {"code": "en"}, "components": [{"type": "body", "parameters": [{"type": "text", "text": "A-1"}]}]},
             "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
                       "statuses": [{"id": "wamid.L", "status": "failed", "timestamp": "\(now - 3_599)", "errors": [{"code": 132001, "title": "Template name does not exist in the translation"}]}]}}
            """
        let message = try Message(json: try #require(try JSONValue.parse(json).object))
        let read = MessageVerdict.of(message, windowAtSend: nil, now: now, templates: Self.listing([Self.template()]))
        #expect(read.text.hasPrefix("failed: 132001 (template missing); order_update exists in en_US (APPROVED), not in en"), "\(read.text)")
        let unread = MessageVerdict.of(message, windowAtSend: nil, now: now)
        #expect(unread.text.contains("check the template name, the language code and its approval"), "\(unread.text)")
    }
}
