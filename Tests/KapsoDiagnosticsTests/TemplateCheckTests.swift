import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// Template knowledge: variables in text, and every refusal `TemplateCheck` makes before a send, with Meta's codes.
@Suite struct TemplateCheckTests {
    static func template(
        status: String = "APPROVED", category: String = "UTILITY", named: Bool = false, header: JSONValue? = nil,
        body: String? = "Hi {{1}}, order {{2}}", buttons: JSONValue? = nil
    ) throws -> MessageTemplate {
        var components: [JSONValue] = []
        if let header { components.append(header) }
        if let body { components.append(["type": "BODY", "text": .string(body)]) }
        if let buttons { components.append(["type": "BUTTONS", "buttons": buttons]) }
        return MessageTemplate(json: [
            "id": "1", "name": "t", "language": "en_US", "status": .string(status), "category": .string(category),
            "parameter_format": named ? "NAMED" : "POSITIONAL", "components": .array(components),
        ])
    }

    @Test(arguments: [
        ("Hi {{1}}, order {{2}} ({{1}})", ["1", "2"]),
        ("Hi {{customer_name}}, {{ order_id }}", ["customer_name", "order_id"]),
        ("no variables, {{}} and {{ unclosed", []),
        ("{{1}}{{2}}", ["1", "2"]),
    ])
    func variablesInText(_ text: String, _ expected: [String]) {
        #expect(TemplateText.variables(in: text) == expected)
    }

    @Test func markedAndFilledText() {
        let text = "Hi {{name}}, order {{order_id}} is ready"
        #expect(TemplateText.marked(text) == text)
        #expect(TemplateText.marked(text, values: ["name": "Lee"]) == "Hi [Lee], order {{order_id}} is ready")
        #expect(TemplateText.filled(text, values: ["name": "Lee", "order_id": "A-1"]) == "Hi Lee, order A-1 is ready")
    }

    @Test(arguments: [
        ("customer_name=Lee", true, "customer_name", "Lee"),
        ("customer_name=a=b", true, "customer_name", "a=b"),
        ("Customer=Lee", true, nil, "Customer=Lee"),
        ("discount=20%", false, nil, "discount=20%"),
        ("Lee", true, nil, "Lee"),
        ("{{order_id}}=A-1", true, "order_id", "A-1"),
    ] as [(String, Bool, String?, String)])
    func argumentsAreNamedOnlyForNamedTemplates(_ typed: String, _ named: Bool, _ name: String?, _ value: String) {
        #expect(TemplateCheck.Argument(typed: typed, named: named) == TemplateCheck.Argument(name: name, value: value))
    }

    /// `N=VALUE` and `{{N}}=VALUE` give variable N (probe14 P14-2); a value that only contains '=' stays whole.
    @Test(arguments: [
        ("2=B", false, 2, "B"),
        ("{{1}}=Lee", false, 1, "Lee"),
        ("{{ 2 }}=a=b", false, 2, "a=b"),
        ("1=Lee", true, 1, "Lee"),
        ("k=v", false, nil, "k=v"),
        ("https://x.test/?a=1", false, nil, "https://x.test/?a=1"),
        ("1+1=2", false, nil, "1+1=2"),
        ("=B", false, nil, "=B"),
    ] as [(String, Bool, Int?, String)])
    func numberedArguments(_ typed: String, _ named: Bool, _ position: Int?, _ value: String) {
        #expect(TemplateCheck.Argument(typed: typed, named: named) == TemplateCheck.Argument(position: position, value: value))
    }

    /// A MARKETING template to a US number is refused before sending (probe14 P14-3), with 131049's fact; Canada,
    /// the UK and utility templates pass; Puerto Rico gets a note, not a refusal.
    @Test(arguments: [
        ("MARKETING", "14155550105", "131049", false),
        ("MARKETING", "12125550100", "131049", false),
        ("UTILITY", "14155550105", nil, false),
        ("MARKETING", "14165550100", nil, false),
        ("MARKETING", "447700900123", nil, false),
        ("MARKETING", "17875550100", nil, true),
    ] as [(String, String, String?, Bool)])
    func marketingToUSNumbers(_ category: String, _ recipient: String, _ code: String?, _ note: Bool) throws {
        let template = try Self.template(category: category)
        let problem = TemplateCheck.marketingReach(template, recipient: recipient)
        #expect(problem?.code == code)
        if let problem {
            #expect(problem.statement.contains("is a US number: Meta does not deliver marketing templates to US numbers"))
            #expect(problem.fix.contains("--force"))
        }
        #expect((TemplateCheck.marketingReachNote(template, recipient: recipient) != nil) == note)
    }

    /// `--param 2=B --param 1=A` fills {{1}} with A: the customer never reads "2=B" (probe14 P14-2); every way the
    /// numbers can be wrong is refused with one line.
    @Test func numberedValuesFillTheirVariables() throws {
        let template = try Self.template(body: "Hi {{1}}, order {{2}} is ready.")
        func check(_ typed: [String], _ template: MessageTemplate) -> Result<TemplateCheck.Send, TemplateCheck.Problem> {
            Result { () throws(TemplateCheck.Problem) in
                try TemplateCheck.check(template, arguments: typed.map { .init(typed: $0, named: template.isNamed) })
            }
        }
        let send = try check(["2=B", "1=A"], template).get()
        #expect(send.bodyText == "Hi A, order B is ready.")
        #expect(send.components[0]["parameters"] == [["type": "text", "text": "A"], ["type": "text", "text": "B"]])
        #expect(try check(["{{1}}=A", "{{2}}=B"], template).get().bodyText == "Hi A, order B is ready.")
        #expect(check(["1=A", "1=B"], template) == .failure(.duplicateName("1")))
        #expect(check(["2=B"], template) == .failure(.missingNames(["1"])))
        #expect(check(["1=A", "3=C"], template) == .failure(.unknownName("3", expected: ["1", "2"])))
        #expect(check(["1=A", "2=B", "3=C"], template) == .failure(.unknownName("3", expected: ["1", "2"])))
        let mixed = check(["2=B", "A"], template)
        #expect(mixed == .failure(.mixedNumbering(numbered: "2=B", plain: "A")))
        let header = try Self.template(header: ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}"], body: "Hi {{1}}, {{2}}")
        let ambiguous = check(["1=A", "2=B", "3=C"], header)
        #expect(ambiguous == .failure(.numberedWithHeader("1=A", header: ["1"], body: ["1", "2"])))
        for case .failure(let problem) in [mixed, ambiguous] {
            #expect(problem.code == "132000" && !problem.statement.contains("\n") && !problem.fix.isEmpty)
        }
        // --force sends the values in their numbers' order, without the numbers.
        let forced = TemplateCheck.unchecked(template, arguments: ["2=B", "1=A"].map { .init(typed: $0, named: false) }, headerMedia: nil)
        #expect(forced.components[0]["parameters"] == [["type": "text", "text": "A"], ["type": "text", "text": "B"]])
    }

    static let long = String(repeating: "x", count: 1_025)

    /// Each row: template, arguments, header media, the code expected.
    @Test(arguments: [
        (try template(body: nil), [], nil, "132001"),
        (try template(status: "PAUSED"), ["a", "b"], nil, "132015"),
        (try template(status: "DISABLED"), ["a", "b"], nil, "132016"),
        (try template(status: "PENDING"), ["a", "b"], nil, "132001"),
        (try template(status: "REJECTED"), ["a", "b"], nil, "132001"),
        (try template(), ["a"], nil, "132000"),
        (try template(), ["a", "b", "c"], nil, "132000"),
        (try template(), ["a", "line\nbreak"], nil, "100"),
        (try template(), ["a", "tab\there"], nil, "100"),
        (try template(), ["a", "five     spaces"], nil, "100"),
        (try template(), ["a", long], nil, "132005"),
        (try template(body: String(repeating: "y", count: 1_020) + " {{1}} {{2}}"), ["aa", "bb"], nil, "132005"),
        (try template(header: ["type": "HEADER", "format": "IMAGE"]), ["a", "b"], nil, "132012"),
        (try template(), ["a", "b"], "https://cdn.example.test/x.jpg", "132012"),
        (try template(buttons: [["type": "URL", "text": "Track", "url": "https://x.test/{{1}}"]]), ["a", "b"], nil, "132000"),
    ] as [(MessageTemplate, [String], String?, String)])
    func refusals(_ template: MessageTemplate, _ values: [String], _ media: String?, _ code: String) {
        let arguments = values.map { TemplateCheck.Argument(value: $0) }
        #expect(throws: (any Error).self) { try TemplateCheck.check(template, arguments: arguments, headerMedia: media) }
        do {
            _ = try TemplateCheck.check(template, arguments: arguments, headerMedia: media)
        } catch {
            #expect(error.code == code, "\(error.statement)")
            #expect(!error.statement.isEmpty && !error.fix.isEmpty)
        }
    }

    @Test func namedProblems() throws {
        let template = try Self.template(named: true, body: "Hi {{customer_name}}, order {{order_id}}")
        func problem(_ arguments: [TemplateCheck.Argument]) -> TemplateCheck.Problem? {
            do {
                _ = try TemplateCheck.check(template, arguments: arguments)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem([.init(name: "customer", value: "Lee"), .init(name: "order_id", value: "1")])
            == .unknownName("customer", expected: ["customer_name", "order_id"]))
        #expect(problem([.init(name: "customer_name", value: "Lee")]) == .missingNames(["order_id"]))
        #expect(problem([.init(value: "Lee")]) == .unnamedForNamed("Lee", expected: ["customer_name", "order_id"]))
        // A number for a named template is named as a number, with the names to use instead.
        let numbered = problem(["1=Lee", "2=A-1"].map { .init(typed: $0, named: true) })
        #expect(numbered == .unnamedForNamed("1=Lee", expected: ["customer_name", "order_id"]))
        #expect(numbered?.statement == "the template's variables are named ({{customer_name}}, {{order_id}}), but '1=Lee' gives a number")
        #expect(numbered?.fix == "give each as name=VALUE: --param customer_name=… --param order_id=…")
        #expect(problem([.init(name: "customer_name", value: "Lee"), .init(name: "order_id", value: "1")]) == nil)
    }

    @Test func positionalSendFillsHeaderThenBody() throws {
        let template = try Self.template(
            header: ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}"], body: "Hi {{1}}, order {{2}} is {{3}}")
        let send = try TemplateCheck.check(template, arguments: ["A-1", "Lee", "A-1", "late"].map { .init(value: $0) })
        #expect(send.headerText == "Order A-1")
        #expect(send.bodyText == "Hi Lee, order A-1 is late")
        #expect(send.components.count == 2)
        #expect(send.components[0]["type"]?.string == "header")
        #expect(send.components[1]["parameters"]?[2]?["text"]?.string == "late")
        #expect(send.components[1]["parameters"]?[0]?["parameter_name"] == nil)
    }

    @Test func namedSendCarriesNames_AndOTPButtonRepeatsTheCode() throws {
        let named = try Self.template(named: true, body: "Hi {{customer_name}}")
        let send = try TemplateCheck.check(named, arguments: [.init(name: "customer_name", value: "Lee")])
        #expect(send.components[0]["parameters"]?[0]?["parameter_name"]?.string == "customer_name")
        let otp = try Self.template(
            category: "AUTHENTICATION", body: "{{1}} is your code", buttons: [["type": "OTP", "otp_type": "COPY_CODE", "text": "Copy"]])
        let code = try TemplateCheck.check(otp, arguments: [.init(value: "123456")])
        #expect(code.components.last?["type"]?.string == "button")
        #expect(code.components.last?["sub_type"]?.string == "url")
        #expect(code.components.last?["parameters"]?[0]?["text"]?.string == "123456")
    }

    @Test func mediaHeaderBecomesALinkParameter() throws {
        let template = try Self.template(header: ["type": "HEADER", "format": "IMAGE"])
        let send = try TemplateCheck.check(
            template, arguments: [.init(value: "a"), .init(value: "b")], headerMedia: "https://cdn.example.test/x.jpg")
        #expect(send.components[0]["parameters"]?[0]?["image"]?["link"]?.string == "https://cdn.example.test/x.jpg")
    }

    /// A LOCATION header takes a place, never a link (Meta's location templates; probe2 F24).
    @Test func locationHeaderTakesLatitudeLongitudeNameAndAddress() throws {
        let template = try Self.template(header: ["type": "HEADER", "format": "LOCATION"])
        let values: [TemplateCheck.Argument] = [.init(value: "a"), .init(value: "b")]
        #expect(template.header?.isMedia == false)
        #expect(throws: TemplateCheck.Problem.headerLocationMissing) { try TemplateCheck.check(template, arguments: values) }
        #expect(throws: TemplateCheck.Problem.headerLocationMissing) {
            try TemplateCheck.check(template, arguments: values, headerMedia: "https://x.example.test/a.jpg")
        }
        let place = try #require(HeaderLocation("37.483307, -122.148981,Acme HQ,1 Hacker Way, Menlo Park"))
        let send = try TemplateCheck.check(template, arguments: values, headerLocation: place)
        let location = send.components[0]["parameters"]?[0]
        #expect(location?["type"]?.string == "location")
        #expect(location?["location"]?["latitude"]?.string == "37.483307")
        #expect(location?["location"]?["longitude"]?.string == "-122.148981")
        #expect(location?["location"]?["name"]?.string == "Acme HQ")
        #expect(location?["location"]?["address"]?.string == "1 Hacker Way, Menlo Park")
        #expect(location?["location"]?["link"] == nil)
        let image = try Self.template(header: ["type": "HEADER", "format": "IMAGE"])
        #expect(throws: TemplateCheck.Problem.headerLocationUnexpected) {
            try TemplateCheck.check(image, arguments: values, headerMedia: "https://x.example.test/a.jpg", headerLocation: place)
        }
        #expect(TemplateCheck.Problem.headerLocationMissing.code == "132012")
    }

    @Test(arguments: ["", "37.4", "north,west", "91,0", "0,181", "1e3,0", ",5"])
    func headerLocationNeedsTwoCoordinatesInRange(_ text: String) {
        #expect(HeaderLocation(text) == nil)
    }

    @Test func languageCodes() {
        #expect(throws: Never.self) { try TemplateCheck.language("en_US", available: []) }
        #expect(throws: Never.self) { try TemplateCheck.language("xx_NEW", available: ["xx_NEW"]) }
        #expect(throws: TemplateCheck.Problem.unknownLanguage("en-US", available: ["en_US"])) {
            try TemplateCheck.language("en-US", available: ["en_US"])
        }
        #expect(TemplateCheck.Problem.unknownLanguage("x", available: []).code == "132001")
        #expect(TemplateCheck.Problem.marketingStopped.code == "marketing_preference_stopped")
    }
}
