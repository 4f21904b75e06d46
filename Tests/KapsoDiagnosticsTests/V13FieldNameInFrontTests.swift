import KapsoDiagnostics
import Testing

/// tester54 V13: an id pasted with its key in front (`id:`, `"id": "…"`, `message_id=`, `phone_number_id=`), the usual shape
/// of a line copied from a JSON payload, a log or a YAML config, was refused without a word of the key or the id, unlike a
/// stray tail after one. The key is named, with the id without it.
@Suite struct V13FieldNameInFrontTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: [
        ("id:\(wamid)", "id:", wamid, "a WAMID"),
        ("\"id\": \"\(wamid)\"", "\"id\":", wamid, "a WAMID"),
        ("\"id\": \"\(wamid)\",", "\"id\":", wamid, "a WAMID"),
        ("message_id=\(wamid)", "message_id=", wamid, "a WAMID"),
        ("phone_number_id=100200300400501", "phone_number_id=", "100200300400501", "digits (an id or phone number)"),
        ("phone_number_id: '100200300400501'", "phone_number_id:", "100200300400501", "digits (an id or phone number)"),
        ("id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "id:", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "a UUID"),
        ("user_id = US.13491208655302741918", "user_id=", "US.13491208655302741918", "a business-scoped user id"),
    ])
    func theFieldNameIsNamedWithTheID(text: String, field: String, id: String, kind: String) {
        #expect(IDInput.read(text) == .failure(.fieldName(field: field, id: id, kind: kind)))
        guard case .failure(let problem) = IDInput.read(text) else { return }
        #expect(problem.reason == "'\(field)' in front is a field name copied with the id: without it, it reads as \(kind): \(id)")
    }

    /// Links whose scheme reads like a key keep their own readings; a name with a colon is no id.
    @Test(arguments: ["tel:+14155550100", "whatsapp:+14155550100", "https://wa.me/14155550100"])
    func aLinkIsNoFieldName(text: String) {
        #expect(IDInput.fieldNameInFront(text) == nil)
        #expect((try? IDInput.read(text).get()) != nil)
    }

    @Test(arguments: ["Support Line", "note: call back", "id:", "id: nothing here"])
    func textWithoutAnIDAfterTheKeyIsNoFieldName(text: String) {
        #expect(IDInput.fieldNameInFront(text) == nil)
    }
}
