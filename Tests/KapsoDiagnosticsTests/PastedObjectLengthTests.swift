import KapsoDiagnostics
import Testing

/// fix58B's leftover: a JSON object pasted whole was named ("it is a JSON object pasted whole, {"id": …, …}: its "id"
/// reads as a WAMID") up to 200 characters, and past them refused as "longer than any id" (`trace`: "expected a WAMID"),
/// though a Meta status with its conversation and pricing runs to about 400. Such an object is read for its id up to
/// `IDInput.maxPastedObject` characters; past that it is named by its length, unparsed.
@Suite struct PastedObjectLengthTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    static func status(padding: Int) -> String {
        #"{"id":"\#(wamid)","status":"delivered","timestamp":"1795256162","recipient_id":"14155550142","#
            + #""pricing":{"billable":true,"pricing_model":"PMP","category":"service"},"note":"\#(String(repeating: "x", count: padding))"}"#
    }

    @Test(arguments: [0, 300, 12_000])
    func aLongStatusObjectIsReadForItsID(padding: Int) {
        let text = Self.status(padding: padding)
        #expect(text.count > IDInput.maxLength)
        guard case .failure(let problem) = IDInput.read(text) else {
            Issue.record("read as an id")
            return
        }
        #expect(problem.reason == "it is a JSON object pasted whole, {\"id\": …, …}: its \"id\" reads as a WAMID: \(Self.wamid)")
    }

    @Test func anObjectPastTheBoundIsNamedByItsLength() {
        let text = Self.status(padding: IDInput.maxPastedObject)
        guard case .failure(let problem) = IDInput.read(text) else {
            Issue.record("read as an id")
            return
        }
        #expect(problem == .tooLongObject(characters: text.count))
        #expect(problem.reason.hasPrefix("it is a JSON object of \(text.count) characters, longer than kops reads for the id inside one"))
        #expect(IDInput.fieldNameInFront(text) == nil)
    }

    /// Long text that is no object keeps its wording.
    @Test func longTextThatIsNoObjectIsTooLong() {
        let text = String(repeating: "a", count: 300)
        #expect(IDInput.read(text) == .failure(.tooLong(characters: 300)))
    }
}
