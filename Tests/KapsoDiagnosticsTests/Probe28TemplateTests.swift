import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// probe28's template kinds and `--param` readings: an MPM or ORDER_DETAILS button needs its action at every send
/// (P28-1), a PRODUCT header is a catalog product, not a media link (P28-14), a number names the only component that has
/// variables, and a name in the wrong case is named as such (P28-18).
@Suite struct Probe28TemplateTests {
    static func template(named: Bool = false, _ components: [JSONValue]) -> MessageTemplate {
        MessageTemplate(json: [
            "id": "1", "name": "t", "language": "en_US", "status": "APPROVED", "category": "MARKETING",
            "parameter_format": named ? "NAMED" : "POSITIONAL", "components": .array(components),
        ])
    }

    static func problem(
        _ template: MessageTemplate, _ typed: [String] = [], headerMedia: String? = nil
    ) -> TemplateCheck.Problem? {
        do {
            _ = try TemplateCheck.check(
                template, arguments: typed.map { .init(typed: $0, named: template.isNamed) }, headerMedia: headerMedia)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [("MPM", "the products at every send"), ("ORDER_DETAILS", "the order at every send")])
    func anActionButtonIsRefusedNotSentEmpty(type: String, needs: String) {
        let template = Self.template([
            ["type": "HEADER", "format": "TEXT", "text": "Our menu"], ["type": "BODY", "text": "Pick from our menu."],
            ["type": "BUTTONS", "buttons": [["type": "QUICK_REPLY", "text": "Stop"], ["type": .string(type), "text": "View items"]]],
        ])
        #expect(template.actionButton?.index == 1 && template.actionButton?.type == type)
        let problem = Self.problem(template)
        #expect(problem == .actionButton(button: 1, type: type))
        #expect(problem?.code == "132000")
        #expect(problem?.statement.hasPrefix("the \(type) button (button 1) needs \(needs)") == true, "\(problem?.statement ?? "")")
        #expect(problem?.statement.hasSuffix("which kops cannot send yet") == true)
        #expect(problem?.fix.contains("send it from your integration") == true)
        // The buttons that need no send-time value stay sendable.
        let plain = Self.template([["type": "BODY", "text": "Hi"], ["type": "BUTTONS", "buttons": [["type": "SPM", "text": "View"]]]])
        #expect(plain.actionButton == nil && Self.problem(plain) == nil)
    }

    @Test func aProductHeaderIsACatalogProductNotMedia() {
        let template = Self.template([
            ["type": "HEADER", "format": "PRODUCT"], ["type": "BODY", "text": "Back in stock."],
            ["type": "BUTTONS", "buttons": [["type": "SPM", "text": "View"]]],
        ])
        #expect(template.header?.isProduct == true && template.header?.isMedia == false)
        #expect(Self.problem(template) == .productHeader)
        // A link, which made `{"type": "product", "product": {"link": …}}`, is refused the same way.
        #expect(Self.problem(template, headerMedia: "https://x.example/p.jpg") == .productHeader)
        #expect(TemplateCheck.Problem.productHeader.code == "132012")
        #expect(TemplateCheck.Problem.productHeader.statement.contains("product_retailer_id and catalog_id"))
    }

    /// `1=A-1` for a header `Order {{1}}` over a body without variables: unambiguous, so it fills the header.
    @Test func aNumberNamesTheOnlyComponentWithVariables() throws {
        let template = Self.template([
            ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}"], ["type": "BODY", "text": "Thanks for shopping with us."],
        ])
        let send = try TemplateCheck.check(template, arguments: [.init(typed: "1=A-1", named: false)])
        #expect(send.headerValues == ["1": "A-1"] && send.bodyValues.isEmpty)
        #expect(send.headerText == "Order A-1")
        #expect(send.components == [["type": "header", "parameters": [["type": "text", "text": "A-1"]]]])
        #expect(Self.problem(template, ["2=B"]) == .unknownName("2", expected: ["1"]))
    }

    @Test func aNameInAnotherCaseIsNamedAsSuch() {
        let template = Self.template(named: true, [["type": "BODY", "text": "Hi {{first_name}}, order {{order_id}} shipped."]])
        let problem = Self.problem(template, ["First_Name=Ana", "order_id=A1"])
        #expect(problem == .nameCase("First_Name", expected: ["first_name", "order_id"]))
        #expect(problem?.statement == "'First_Name' is not a variable of the template: its names are lower case "
            + "({{first_name}}, {{order_id}}), and kops does not match them ignoring case")
        #expect(problem?.fix == "write it as the template does: --param first_name=…")
        let other = Self.problem(template, ["Customer=Ana", "order_id=A1"])
        #expect(other?.fix == "give each as name=VALUE with the template's names: --param first_name=… --param order_id=…")
        // A value without a name is still one.
        #expect(Self.problem(template, ["Ana", "order_id=A1"]) == .unnamedForNamed("Ana", expected: ["first_name", "order_id"]))
        #expect(Self.problem(template, ["first_name=Ana", "order_id=A1"]) == nil)
    }
}
