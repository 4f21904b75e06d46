import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe45 P45-4: `reply --template … --dry-run`'s `renders:` line showed the body only; the header (a text header with
/// its variables filled, or a media header) is what the contact sees first, and is now shown before the body.
@Suite struct TemplatePreviewTests {
    @Test func aTextHeaderIsShownFilled() throws {
        let template = try TemplateCheckTests.template(header: ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}"])
        let values = ["A-1042", "Lee", "A-1042"].map { TemplateCheck.Argument(value: $0) }
        let send = try TemplateCheck.check(template, arguments: values)
        #expect(TemplateCheck.rendered(template, send: send) == #"template t (en_US): header "Order A-1042"; "Hi Lee, order A-1042""#)
        // --force builds the same header.
        let forced = TemplateCheck.unchecked(template, arguments: values, headerMedia: nil)
        #expect(TemplateCheck.rendered(template, send: forced) == #"template t (en_US): header "Order A-1042"; "Hi Lee, order A-1042""#)
    }

    @Test(arguments: ["IMAGE", "VIDEO", "DOCUMENT"])
    func aMediaHeaderIsShownWithItsLink(format: String) throws {
        let template = try TemplateCheckTests.template(header: ["type": "HEADER", "format": .string(format)])
        let link = "https://cdn.example.com/promo.bin"
        let send = try TemplateCheck.check(template, arguments: [.init(value: "Lee"), .init(value: "A-1")], headerMedia: link)
        #expect(TemplateCheck.rendered(template, send: send) == "template t (en_US): header \(format.lowercased()) \(link); \"Hi Lee, order A-1\"")
    }

    @Test func aLocationHeaderIsShownWithItsPlace() throws {
        let template = try TemplateCheckTests.template(header: ["type": "HEADER", "format": "LOCATION"])
        let send = try TemplateCheck.check(
            template, arguments: [.init(value: "Lee"), .init(value: "A-1")],
            headerLocation: HeaderLocation("37.483307,-122.148981,Acme HQ"))
        #expect(TemplateCheck.headerPreview(template, send: send) == "location 37.483307,-122.148981 (Acme HQ)")
    }

    @Test func noHeaderLeavesTheBodyAlone() throws {
        let template = try TemplateCheckTests.template()
        let send = try TemplateCheck.check(template, arguments: [.init(value: "Lee"), .init(value: "A-1")])
        #expect(TemplateCheck.rendered(template, send: send) == #"template t (en_US): "Hi Lee, order A-1""#)
    }
}
