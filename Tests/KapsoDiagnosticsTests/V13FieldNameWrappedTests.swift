import KapsoDiagnostics
import Testing

/// tester56b V13 residual: a field name in front of an id was read for `"id":"…"`, `message_id=`, `id: ` but not inside a
/// whole JSON object, an XML element, a key named `wamid`, or a URL query with more pairs after it.
@Suite struct V13FieldNameWrappedTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: [
        ("{\"id\":\"\(wamid)\"}", "\"id\":"),
        ("{ \"id\": \"\(wamid)\" }", "\"id\":"),
        ("<message_id>\(wamid)</message_id>", "<message_id>"),
        ("wamid=\(wamid)", "wamid="),
        ("msg_id=\(wamid)&x=1", "msg_id="),
    ])
    func theFieldIsNamedWithTheWAMID(text: String, field: String) {
        #expect(IDInput.read(text) == .failure(.fieldName(field: field, id: Self.wamid, kind: "a WAMID")))
    }

    /// A key `wamid` before what is no whole WAMID is a damaged WAMID, not a field name.
    @Test func aWAMIDWithAColonIsNoFieldName() {
        #expect(IDInput.fieldNameInFront("wamid:HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=") == nil)
    }
}
