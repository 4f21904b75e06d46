import KapsoClient
import KapsoDiagnostics
import Testing

/// tester49 F1: the codes Meta documents for marketing templates only (131049, 131050, 130472) were explained as a
/// marketing template's failure whatever the template was: a 131049 on `order_update`, UTILITY in the WABA's own list, was
/// told "Meta does not deliver marketing templates to US numbers … send a utility or authentication template". The
/// category is read from pricing, Kapso's record, or the WABA's list now; with none, the advice is said for each case.
@Suite struct TemplateCategoryAdviceTests {
    static func message(template: String = "order_update", language: String = "en_US", code: Int, category: String? = nil) throws
        -> JSONObject
    {
        let data = category.map { #", "message_type_data": {"category": "\#($0)"}"# } ?? ""
        return try #require(try JSONValue.parse("""
            {"id": "wamid.A", "timestamp": "1795261800", "type": "template", "to": "14155550177",
             "template": {"name": "\(template)", "language": {"code": "\(language)"}},
             "kapso": {"direction": "outbound", "status": "failed"\(data),
               "statuses": [{"status": "failed", "timestamp": "1795261801", "errors": [{"code": \(code)}]}]}}
            """).object)
    }

    static func listing(_ rows: [(name: String, language: String, category: String)]) -> TemplateMismatch.Listing {
        TemplateMismatch.Listing(
            businessAccountID: "200300400500601",
            templates: rows.map {
                MessageTemplate(json: ["name": .string($0.name), "language": .string($0.language), "status": "APPROVED", "category": .string($0.category)])
            })
    }

    static let wabaList = listing([("order_update", "en_US", "UTILITY"), ("login_code", "en_US", "AUTHENTICATION"), ("spring_promo", "en_US", "MARKETING")])

    /// The finding: 131049 on a UTILITY template to a US number, the category read from the WABA's list.
    @Test func a131049OnATemplateListedAsUtilityIsNotToldToSendAUtilityTemplate() throws {
        let send = FailedSend(message: try Self.message(code: 131049), listing: Self.wabaList)
        let fix = MessageError(code: "131049").fix(for: send)
        #expect(fix.hasPrefix("order_update is utility in the WABA's template list now (what it was when sent is not recorded), yet Meta answered 131049"), "\(fix)")
        #expect(!fix.contains("send a utility") && !fix.contains("US number"), "\(fix)")
        let meaning = MessageError(code: "131049").meaning(for: send)
        #expect(meaning.hasPrefix("Meta documents 131049 for marketing templates only; order_update is utility"), "\(meaning)")
    }

    /// No category anywhere (not recorded, not priced, not listed): both stories, the marketing one conditional.
    @Test func a131049OnATemplateOfUnknownCategoryIsSaidBothWays() throws {
        for listing in [nil, Self.listing([])] {
            let send = FailedSend(message: try Self.message(template: "shipping_notice", code: 131049), listing: listing)
            let fix = MessageError(code: "131049").fix(for: send)
            #expect(fix.hasPrefix("the template's category is not recorded with the send ('template shipping_notice' shows it): "
                + "if shipping_notice is a marketing template, +1 415 is a US number: Meta does not deliver marketing templates"), "\(fix)")
            #expect(fix.contains("; if it is utility or authentication, Meta documents 131049 for marketing only: open a Meta Direct Support ticket"), "\(fix)")
        }
        // Listed as MARKETING: the marketing story, unconditional.
        let marketing = FailedSend(message: try Self.message(template: "spring_promo", code: 131049), listing: Self.wabaList)
        #expect(MessageError(code: "131049").fix(for: marketing).hasPrefix("+1 415 is a US number: Meta does not deliver marketing templates"))
    }

    /// 131050 and 130472 on a template recorded or listed as not marketing: not "utility and authentication still work"
    /// nor "nothing to do".
    @Test(arguments: [(131050, "login_code"), (130472, "order_update")])
    func otherMarketingOnlyCodesReadTheCategoryToo(_ code: Int, _ name: String) throws {
        let catalogue = try #require(ErrorCatalog.entry(for: String(code)))
        let listed = FailedSend(message: try Self.message(template: name, code: code), listing: Self.wabaList)
        let fix = MessageError(code: String(code)).fix(for: listed)
        #expect(fix.contains("yet Meta answered \(code), which it documents for marketing only"), "\(fix)")
        #expect(fix != catalogue.fix)
        let recorded = FailedSend(message: try Self.message(template: name, code: code, category: "UTILITY"))
        #expect(MessageError(code: String(code)).fix(for: recorded).hasPrefix("the send went out as utility (Kapso's record of the send)"))
        // A marketing template keeps the catalogue's advice.
        let marketing = FailedSend(message: try Self.message(template: "spring_promo", code: code), listing: Self.wabaList)
        #expect(MessageError(code: String(code)).fix(for: marketing) == catalogue.fix)
    }

    /// The list's category is read for the send's language, or for its name when every listed language agrees.
    @Test func theListedCategoryIsTheSendsLanguagesOrOneAllAgreeOn() throws {
        var send = FailedSend(message: try Self.message(language: "es", code: 131049))
        send.readCategory(from: Self.listing([("order_update", "en_US", "UTILITY"), ("order_update", "es", "MARKETING")]))
        #expect(send.listedCategory == "marketing")
        send = FailedSend(message: try Self.message(language: "pt_BR", code: 131049))
        send.readCategory(from: Self.listing([("order_update", "en_US", "UTILITY"), ("order_update", "es", "MARKETING")]))
        #expect(send.listedCategory == nil)
        send.readCategory(from: Self.listing([("order_update", "en_US", "UTILITY"), ("order_update", "es", "UTILITY")]))
        #expect(send.listedCategory == "utility")
        // Pricing and Kapso's record outrank the list.
        var recorded = FailedSend(message: try Self.message(code: 131049, category: "MARKETING"))
        recorded.readCategory(from: Self.wabaList)
        #expect(recorded.sentCategory?.name == "marketing")
    }

    /// `reply --template order_update` to the contact whose order_update Meta refused with 131049 48 min before: said.
    @Test func aUtilityTemplateRefusedWithAMarketingCodeIsNotedBeforeItGoesAgain() throws {
        let failed = try Message(json: try Self.message(code: 131049))
        let utility = Self.wabaList.templates[0]
        let note = try #require(TemplateCheck.sameTemplateRefusedNote(utility, sends: [failed], now: 1_795_261_801 + 48 * 60))
        #expect(note.hasPrefix("Meta refused order_update (UTILITY in the WABA's list) to this contact with 131049 at 2026-11-21T"), "\(note)")
        #expect(note.contains("(48 min ago)") && note.contains("'trace wamid.A'"), "\(note)")
        #expect(TemplateCheck.sameTemplateRefusedNote(utility, sends: [failed], now: 1_795_261_801 + 25 * 3_600) == nil)
        #expect(TemplateCheck.sameTemplateRefusedNote(Self.wabaList.templates[1], sends: [failed], now: 1_795_261_801 + 60) == nil)
    }
}
