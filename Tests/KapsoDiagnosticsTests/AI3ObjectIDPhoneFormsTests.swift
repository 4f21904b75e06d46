import KapsoDiagnostics
import Testing

/// tester61 AI3 (AH13's kind): Graph's 100/33 "Object with ID '+447700900001' does not exist …" got "the usual one is an
/// edge this kind of id does not have": AH13 knew 447700900001 as a phone number, not the same number with its `+`.
/// Any form of a phone number (`+`, spaces, dashes, the `00` prefix) is named as one now.
@Suite struct AI3ObjectIDPhoneFormsTests {
    static func body(_ id: String, quoted: Bool = true) -> String {
        let named = quoted ? "'\(id)'" : id
        return #"{"error":{"message":"Unsupported post request. Object with ID "# + named
            + #" does not exist, cannot be loaded due to missing permissions, or does not support this operation.","#
            + #""type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbCdEf123"}}"#
    }

    @Test(arguments: ["+447700900001", "+44 7700 900001", "+44-7700-900001", "0044 7700 900001", "+1 (415) 555-0157"])
    func aPhoneNumberInAnyFormIsNamedAsOne(id: String) {
        let advice = PastedError(Self.body(id))?.objectAdvice() ?? ""
        #expect(advice.contains("has the shape of a phone number"), "\(advice)")
        #expect(!advice.contains("the usual one is an edge"), "\(advice)")
        #expect(advice.contains("whois +"), "\(advice)")
    }

    @Test func anUnquotedPlusNumberIsReadWhole() {
        let error = PastedError(Self.body("+447700900001", quoted: false))
        #expect(error?.objectID == "+447700900001")
        #expect(error?.objectAdvice()?.contains("has the shape of a phone number with its country code (+447700900001)") == true)
    }

    /// A Meta id keeps the edge reading.
    @Test func aMetaIDKeepsTheEdgeReading() {
        let advice = PastedError(Self.body("100200300400501"))?.objectAdvice() ?? ""
        #expect(advice.contains("the usual one is an edge"), "\(advice)")
    }
}
