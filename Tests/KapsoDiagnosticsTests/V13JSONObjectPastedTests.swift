import KapsoDiagnostics
import Testing

/// tester57b, V13 residual: a whole JSON object pasted as an id (a status as Meta's webhook carries it) was read as the
/// pair in front, `"id": "wamid.…", "status": "read"`, and said "looks damaged: it has '", "status": "read' after its
/// '=' padding". Its id member is read out of the object, as a field name in front of an id is.
@Suite struct V13JSONObjectPastedTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: [
        ("{\"id\": \"\(wamid)\", \"status\": \"read\"}", "{\"id\": …, …}"),
        ("{\"status\":\"read\",\"timestamp\":\"1795256165\",\"id\":\"\(wamid)\",\"recipient_id\":\"14155550142\"}", "{\"id\": …, …}"),
        ("{\"message_id\": \"\(wamid)\", \"status\": \"read\"}", "{\"message_id\": …, …}"),
    ])
    func theIdMemberIsRead(text: String, field: String) {
        #expect(IDInput.read(text) == .failure(.fieldName(field: field, id: Self.wamid, kind: "a WAMID")))
        guard case .failure(let problem) = IDInput.read(text) else { return }
        #expect(problem.reason.hasPrefix("it is a JSON object pasted whole, \(field): its \""), "\(problem.reason)")
        #expect(!problem.reason.contains("damaged"), "\(problem.reason)")
    }

    /// Its id member damaged (cut short): the damage of the member is named, not text after the id's padding.
    @Test func aDamagedMemberIsNamedAsSuch() {
        let text = "{\"id\": \"wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=AAAA\", \"status\": \"read\"}"
        let reason = IDInput.fieldNameAndDamage(text) ?? ""
        #expect(reason.hasPrefix("it is a JSON object pasted whole, {\"id\": …, …}: its \"id\" looks damaged: "), "\(reason)")
        #expect(!reason.contains("status"), "\(reason)")
    }
}
