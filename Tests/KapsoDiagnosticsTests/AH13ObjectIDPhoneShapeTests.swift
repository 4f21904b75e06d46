import KapsoDiagnostics
import Testing

/// tester60 AH13: offline, Graph's 100/33 "Object with ID '447700900001' does not exist …" got "the usual one is an edge
/// this kind of id does not have", while the id has a phone number's shape (a UK mobile with its country code), not a
/// Meta id's 15+ digits.
@Suite struct AH13ObjectIDPhoneShapeTests {
    static func body(_ id: String) -> String {
        #"{"error":{"message":"Unsupported post request. Object with ID '"# + id
            + #"' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","#
            + #""type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbCdEf123"}}"#
    }

    @Test(arguments: ["447700900001", "14155550157", "5511987654321"])
    func aPhoneNumberIsNamedAsOne(id: String) {
        let advice = PastedError(Self.body(id))?.objectAdvice() ?? ""
        #expect(advice.contains("has the shape of a phone number"), "\(advice)")
        #expect(!advice.contains("the usual one is an edge"), "\(advice)")
    }

    /// A Meta id (15+ digits) keeps the edge reading.
    @Test func aMetaIDKeepsTheEdgeReading() {
        let advice = PastedError(Self.body("100200300400501"))?.objectAdvice() ?? ""
        #expect(advice.contains("the usual one is an edge"), "\(advice)")
    }
}
