import KopsTestSupport
import Testing

/// tester61 AJ3: `whois 131047` (an error code pasted where an id goes) advised adding a country code, as for a national
/// number. A value found nowhere that is a code in kops's error catalogue is named as one, with `explain` to run.
@Suite struct AJ3ErrorCodeInWhoisTests {
    @Test(arguments: [("131047", "re-engagement (24 h window closed)"), ("131026", nil), ("132000", nil)])
    func anErrorCodeIsNamedAsOne(_ code: String, _ name: String?) async throws {
        let ran = try await runDemo("whois \(code)")
        #expect(ran.status == 1)
        #expect(ran.err.contains("\(code) is a WhatsApp error code ("), "\(ran.err)")
        #expect(ran.err.contains("not an id: 'explain \(code)'"), "\(ran.err)")
        if let name { #expect(ran.err.contains("(\(name))"), "\(ran.err)") }
        #expect(!ran.err.contains("add the country code"), "\(ran.err)")
    }

    /// A national number found nowhere keeps its country-code advice; 7+ digits are never read as a code.
    @Test func aNationalNumberIsStillANationalNumber() async throws {
        let ran = try await runDemo("whois 4155559999")
        #expect(ran.err.contains("add the country code"), "\(ran.err)")
        #expect(!ran.err.contains("error code"), "\(ran.err)")
    }
}
